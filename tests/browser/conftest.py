"""Helpers for the puntencheck's browser tests: open the page, wait for Python, ask the CLI."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES_DIR = ROOT / "content" / "worked-examples"
READY_TIMEOUT_S = 90  # a plain start (no stored snapshot yet) on a busy 2-core machine


def worked_examples() -> list[dict[str, Any]]:
    """The worked examples as their YAML says (content/worked-examples/*.yml)."""
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES_DIR.glob("*.yml"))]


def register_doc(register_id: str) -> dict[str, Any]:
    return yaml.safe_load((ROOT / "content" / "registers" / f"{register_id}.yml").read_text(encoding="utf-8"))


def form_date(iso: str) -> str:
    """A portfolio date as the form shows it: 2021-03-01 → 01-03-2021 (dag-maand-jaar)."""
    year, month, day = iso.split("-")
    return f"{day}-{month}-{year}"


def status_text(page: Any) -> str:
    return page.evaluate("document.getElementById('pc-status')?.textContent ?? ''")


def wait_for(page: Any, expression: str, timeout_s: float = READY_TIMEOUT_S) -> Any:
    """Poll a JS expression until truthy (evaluate, not wait_for_function: that needs eval, which a CSP blocks)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = page.evaluate(expression)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"not true after {timeout_s} s: {expression}; status: {status_text(page)!r}")


def open_puntencheck(page: Any, site_url: str) -> None:
    """Open the page and wait until the calculator is ready."""
    page.goto(f"{site_url}puntencheck/")
    wait_for(page, "window.puntencheck && window.puntencheck.ready.then(() => true, () => false)")


def browser_check(page: Any, portfolio: dict[str, Any]) -> dict[str, Any]:
    """window.puntencheck.check(portfolio): {"verdict": …} or {"refused": message}."""
    return page.evaluate("""async (portfolio) => {
        try { return {verdict: await window.puntencheck.check(portfolio)}; }
        catch (error) { return {refused: error.message}; }
    }""", portfolio)


def cli(path: Path) -> subprocess.CompletedProcess[str]:
    """`python -m calculator check FILE --json`, as a visitor of the CLI runs it."""
    return subprocess.run([sys.executable, "-m", "calculator", "check", str(path), "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def cli_verdict(portfolio: dict[str, Any], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "portfolio.json"
    path.write_text(json.dumps(portfolio, ensure_ascii=False), encoding="utf-8")
    return cli(path)


@pytest.fixture
def ready_page(page: Any, site_url: str) -> Any:
    """The puntencheck page with Python ready."""
    open_puntencheck(page, site_url)
    return page

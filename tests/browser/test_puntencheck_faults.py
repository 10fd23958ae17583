"""Each fault shows a Dutch message within 10 s, and the rest of the page keeps working."""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, QuietHandler, serve

from .conftest import form_date, status_text

DEADLINE_S = 10


class _StrictCsp(QuietHandler):
    """A server whose CSP allows scripts from itself but not WebAssembly ('wasm-unsafe-eval' missing)."""

    extra_headers = {"Content-Security-Policy":
                     "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"}


@pytest.fixture(scope="module")
def csp_url(built_site: Path) -> Iterator[str]:
    url, server = serve(built_site, _StrictCsp)
    yield url
    server.shutdown()


def fault_within_deadline(page: Any, deadline_s: float = DEADLINE_S) -> tuple[str, float]:
    """The fault message and how long it took to appear (polled with evaluate: a CSP blocks eval)."""
    start = time.monotonic()
    while time.monotonic() - start < deadline_s:
        if page.evaluate("document.getElementById('pc-status')?.classList.contains('pc-fault')"):
            return status_text(page), time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"no fault message within {deadline_s} s; status: {status_text(page)!r}")


def assert_form_still_works(page: Any) -> None:
    page.click("button[data-example='jansen']")
    jansen = yaml.safe_load((ROOT / "content/worked-examples/jansen.yml").read_text(encoding="utf-8"))
    assert page.input_value("#pc-period_start") == form_date(jansen["portfolio"]["period_start"])
    page.click("#pc-add")
    page.locator("ol.pc-activities > li").nth(3).get_by_label("Punten").fill("4")
    assert page.locator("ol.pc-activities > li").count() == 4


def test_csp_without_wasm_unsafe_eval(page: Any, csp_url: str) -> None:
    page.goto(f"{csp_url}puntencheck/")
    message, _ = fault_within_deadline(page)
    assert "wasm-unsafe-eval" in message and "Content-Security-Policy" in message
    assert_form_still_works(page)
    assert page.foreign_requests == []


def test_missing_wheel(page: Any, site_url: str) -> None:
    page.route("**/*.whl*", lambda route: route.fulfill(status=404, body="niet gevonden"))
    page.goto(f"{site_url}puntencheck/")
    message, _ = fault_within_deadline(page)
    assert "ontbreekt" in message and ".whl" in message
    assert_form_still_works(page)
    assert page.foreign_requests == []


def test_no_webassembly(page: Any, site_url: str) -> None:
    page.add_init_script("delete globalThis.WebAssembly")
    page.goto(f"{site_url}puntencheck/")
    message, _ = fault_within_deadline(page)
    assert "WebAssembly" in message and "browser" in message
    assert_form_still_works(page)


def test_loadpyodide_that_never_settles_hits_the_timeout(page: Any, site_url: str) -> None:
    page.route("**/python_stdlib.zip", lambda route: None)  # never answered
    page.goto(f"{site_url}puntencheck/")
    message, _ = fault_within_deadline(page, 2 * DEADLINE_S)  # 8 s counted from the last byte that arrived
    assert "8 seconden" in message
    assert_form_still_works(page)


def test_opened_as_a_file(browser: Any, built_site: Path) -> None:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((built_site / "puntencheck" / "index.html").as_uri())
    message, _ = fault_within_deadline(page)
    assert "file://" in message and "webserver" in message
    assert not [url for url in requested if not url.startswith(("file:", "data:"))]
    context.close()

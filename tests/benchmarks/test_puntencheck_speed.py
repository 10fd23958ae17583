"""How quick is the puntencheck? Figures for the README, printed as a table (no timed assertions).

Run with `make bench`. Measured in headless Chromium over HTTP on loopback, each option side by
side in one run: the shipped page (worker started at page load), cold and warm (HTTP cache);
a build-time memory snapshot (tools/pyodide-snapshot.mjs); a smaller stdlib zip.
A plain `pytest` run skips this module at once (it needs `-m benchmark_run`).
"""
from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import open_puntencheck, worked_examples
from tests.conftest import ROOT, QuietHandler, serve

pytestmark = pytest.mark.benchmark_run
RUNS = 3
# Parts of the stdlib the calculator never imports (measured option "smaller stdlib").
UNUSED_STDLIB = ("test/", "unittest/", "pydoc_data/", "idlelib/", "tkinter/", "turtledemo/", "lib2to3/",
                 "ensurepip/", "sqlite3/", "xmlrpc/", "multiprocessing/", "venv/", "curses/", "dbm/")


@pytest.fixture(scope="module", autouse=True)
def only_when_asked(request: pytest.FixtureRequest) -> None:
    if "benchmark_run" not in (request.config.getoption("-m") or ""):
        pytest.skip("benchmark: run with `make bench` (-m benchmark_run)")


class CountingHandler(QuietHandler):
    """Counts the bytes of every file served: page, modules, worker downloads alike."""

    sent: dict[str, int] = {}

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        CountingHandler.sent[self.server.name] = CountingHandler.sent.get(self.server.name, 0) + len(data)
        outputfile.write(data)


@pytest.fixture(scope="module")
def variants(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The shipped site (with its memory snapshot), a build without snapshot, and that build with a
    smaller stdlib; each served on loopback by a server that counts the bytes it sends."""
    base = tmp_path_factory.mktemp("bench")
    sites = {"shipped": built_site, "no-snapshot": base / "no-snapshot", "small-stdlib": base / "small-stdlib"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(sites["no-snapshot"])],
                            cwd=ROOT, env={**os.environ, "PUNTENCHECK_SNAPSHOT": "0", "NO_MKDOCS_2_WARNING": "1"},
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    shutil.copytree(sites["no-snapshot"], sites["small-stdlib"])
    _trim_stdlib(next((sites["small-stdlib"] / "assets" / "pyodide").glob("*/python_stdlib.zip")))
    servers = {}
    for name, site in sites.items():
        servers[name] = serve(site, CountingHandler)
        servers[name][1].name = name
    yield {name: url for name, (url, _server) in servers.items()}
    for _url, server in servers.values():
        server.shutdown()


def _served(variant: str) -> int:
    return CountingHandler.sent.get(variant, 0)


def _trim_stdlib(path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if not item.filename.startswith(UNUSED_STDLIB):
                target.writestr(item, source.read(item))


def _visit(context: Any, url: str, variant: str) -> dict[str, float]:
    """One visit until Python is ready: ms until the form is usable and Python is ready, bytes served."""
    before = _served(variant)
    page = context.new_page()
    open_puntencheck(page, url)
    marks = page.evaluate("""() => Object.fromEntries(performance.getEntriesByType('mark')
        .map((mark) => [mark.name, mark.startTime]))""")
    page.close()
    return {"form": marks["puntencheck:form-usable"], "python": marks["puntencheck:python-ready"],
            "bytes": _served(variant) - before}


def _recalculation_ms(context: Any, url: str) -> float:
    page = context.new_page()
    open_puntencheck(page, url)
    portfolio = worked_examples()[0]["portfolio"]
    times = page.evaluate("""async (portfolio) => {
        const times = [];
        for (let i = 0; i < 30; i++) {
            const start = performance.now();
            await window.puntencheck.check(portfolio);
            times.push(performance.now() - start);
        }
        return times;
    }""", portfolio)
    page.close()
    return statistics.median(times)


def _ordinary_page_bytes(context: Any, url: str, variant: str) -> tuple[int, list[str]]:
    before = _served(variant)
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(f"{url}bronnen/")
    page.wait_for_load_state("networkidle")
    page.close()
    return _served(variant) - before, [u for u in urls if "pyodide" in u or "/assets/puntencheck/" in u]


def test_puntencheck_figures(browser: Any, variants: dict[str, str]) -> None:
    rows = []
    for name, url in variants.items():
        cold, warm = [], []
        for _ in range(RUNS):
            context = browser.new_context(locale="nl-NL")
            cold.append(_visit(context, url, name))
            warm.append(_visit(context, url, name))
            context.close()
        rows.append((name, cold, warm))
    context = browser.new_context(locale="nl-NL")
    recalculation = _recalculation_ms(context, variants["shipped"])
    ordinary, pyodide_urls = _ordinary_page_bytes(browser.new_context(locale="nl-NL"), variants["shipped"], "shipped")
    context.close()

    def median(items: list[dict[str, float]], key: str) -> float:
        return statistics.median(item[key] for item in items)

    print("\n\nPuntencheck in headless Chromium, loopback HTTP, median of", RUNS, "visits;"
          " MB = bytes the server sent (uncompressed), warm = second visit with the HTTP cache")
    print(f"{'variant':<14}{'form cold ms':>13}{'python cold ms':>16}{'python warm ms':>16}{'MB cold':>9}{'MB warm':>9}")
    for name, cold, warm in rows:
        print(f"{name:<14}{median(cold, 'form'):>13.0f}{median(cold, 'python'):>16.0f}{median(warm, 'python'):>16.0f}"
              f"{median(cold, 'bytes') / 1e6:>9.2f}{median(warm, 'bytes') / 1e6:>9.2f}")
    print(f"recalculation (window.puntencheck.check, worker round trip): median {recalculation:.1f} ms")
    print(f"ordinary page (bronnen/): {ordinary / 1e6:.3f} MB, Pyodide/puntencheck requests: {len(pyodide_urls)}")
    assert not pyodide_urls

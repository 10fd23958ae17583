"""How quick is the puntencheck? Figures for the README, printed as a table (no timed assertions).

Run with `make bench`. Measured in headless Chromium over HTTP on loopback, each option side by
side in one run: the shipped page (worker started at page load), cold and warm (HTTP cache);
a build-time memory snapshot (tools/pyodide-snapshot.mjs); a smaller stdlib zip.
A plain `pytest` run skips this module at once (it needs `-m benchmark_run`).
"""
from __future__ import annotations

import io
import json
import shutil
import statistics
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import open_puntencheck, worked_examples
from tests.conftest import ROOT, serve

pytestmark = pytest.mark.benchmark_run
RUNS = 3
# Parts of the stdlib the calculator never imports (measured option "smaller stdlib").
UNUSED_STDLIB = ("test/", "unittest/", "pydoc_data/", "idlelib/", "tkinter/", "turtledemo/", "lib2to3/",
                 "ensurepip/", "sqlite3/", "xmlrpc/", "multiprocessing/", "venv/", "curses/", "dbm/")


@pytest.fixture(scope="module", autouse=True)
def only_when_asked(request: pytest.FixtureRequest) -> None:
    if "benchmark_run" not in (request.config.getoption("-m") or ""):
        pytest.skip("benchmark: run with `make bench` (-m benchmark_run)")


@pytest.fixture(scope="module")
def variants(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The shipped site, one with a memory snapshot, one with a smaller stdlib; each served on loopback."""
    base = tmp_path_factory.mktemp("bench")
    sites = {"shipped": built_site, "snapshot": base / "snapshot", "small-stdlib": base / "small-stdlib"}
    for name in ("snapshot", "small-stdlib"):
        shutil.copytree(built_site, sites[name])
    data = sites["snapshot"] / "assets" / "puntencheck" / "data"
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    wheel = data / manifest["wheel"].split("?")[0]
    subprocess.run(["node", str(ROOT / "tools" / "pyodide-snapshot.mjs"), str(wheel), str(data / "snapshot.bin.gz")],
                   cwd=ROOT, check=True, timeout=300)
    (data / "manifest.json").write_text(json.dumps({**manifest, "snapshot": "snapshot.bin.gz"}), encoding="utf-8")
    _trim_stdlib(next((sites["small-stdlib"] / "assets" / "pyodide").glob("*/python_stdlib.zip")))
    servers = {name: serve(site) for name, site in sites.items()}
    yield {name: url for name, (url, _server) in servers.items()}
    for _url, server in servers.values():
        server.shutdown()


def _trim_stdlib(path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if not item.filename.startswith(UNUSED_STDLIB):
                target.writestr(item, source.read(item))


def _visit(context: Any, url: str) -> dict[str, float]:
    """One visit: ms until the form is usable and Python is ready, bytes over the wire."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    received: list[int] = []
    cdp.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
    open_puntencheck(page, url)
    marks = page.evaluate("""() => Object.fromEntries(performance.getEntriesByType('mark')
        .map((mark) => [mark.name, mark.startTime]))""")
    result = {"form": marks["puntencheck:form-usable"], "python": marks["puntencheck:python-ready"],
              "bytes": sum(received)}
    page.close()
    return result


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


def _ordinary_page_bytes(context: Any, url: str) -> tuple[int, list[str]]:
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    sizes: list[int] = []
    urls: list[str] = []
    cdp.on("Network.loadingFinished", lambda event: sizes.append(event["encodedDataLength"]))
    page.on("request", lambda request: urls.append(request.url))
    page.goto(f"{url}bronnen/")
    page.wait_for_load_state("networkidle")
    page.close()
    return sum(sizes), [u for u in urls if "pyodide" in u or "/assets/puntencheck/" in u]


def test_puntencheck_figures(browser: Any, variants: dict[str, str]) -> None:
    rows = []
    for name, url in variants.items():
        cold, warm = [], []
        for _ in range(RUNS):
            context = browser.new_context(locale="nl-NL")
            cold.append(_visit(context, f"{url}"))
            warm.append(_visit(context, f"{url}"))
            context.close()
        rows.append((name, cold, warm))
    context = browser.new_context(locale="nl-NL")
    recalculation = _recalculation_ms(context, variants["shipped"])
    ordinary, pyodide_urls = _ordinary_page_bytes(context, variants["shipped"])
    context.close()

    def median(items: list[dict[str, float]], key: str) -> float:
        return statistics.median(item[key] for item in items)

    print("\n\nPuntencheck in headless Chromium, loopback HTTP, median of", RUNS, "visits")
    print(f"{'variant':<14}{'form cold ms':>13}{'python cold ms':>16}{'python warm ms':>16}{'MB cold':>9}{'MB warm':>9}")
    for name, cold, warm in rows:
        print(f"{name:<14}{median(cold, 'form'):>13.0f}{median(cold, 'python'):>16.0f}{median(warm, 'python'):>16.0f}"
              f"{median(cold, 'bytes') / 1e6:>9.2f}{median(warm, 'bytes') / 1e6:>9.2f}")
    print(f"recalculation (window.puntencheck.check, worker round trip): median {recalculation:.1f} ms")
    print(f"ordinary page (bronnen/): {ordinary / 1e6:.3f} MB, Pyodide/puntencheck requests: {len(pyodide_urls)}")
    assert not pyodide_urls

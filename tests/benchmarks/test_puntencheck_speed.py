"""How quick is the puntencheck, first and returning visit? Figures for the README (no timed assertions).

Run with `make bench`. Each visitor is a real Chromium profile (`launch_persistent_context`: disk
cache, service worker and Cache Storage kept), served on loopback the way the README's nginx
example serves the site: gzip for text and wasm, Pyodide's versioned folder `immutable`, `sw.js`
`no-cache`, everything else revalidated (Last-Modified / 304). A *cold* visit is a new profile; a
*warm* visit starts the browser again on the same profile. Bytes are counted as the server sent
them: raw (uncompressed file sizes) and as transferred (after gzip). Each variant is a build of
the site, measured side by side in one run; `BENCH_BASELINE_SITE=folder` adds a site built from an
earlier commit as a third.
A plain `pytest` run skips this module at once (it needs `-m benchmark_run`).
"""
from __future__ import annotations

import email.utils
import functools
import gzip
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import open_puntencheck, wait_for, worked_examples
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, QuietHandler

pytestmark = pytest.mark.benchmark_run
RUNS = 5
COMPRESSED = (".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".xml")  # nginx gzip_types, as in README
IMMUTABLE = "/assets/pyodide/"


@pytest.fixture(scope="module", autouse=True)
def only_when_asked(request: pytest.FixtureRequest) -> None:
    if "benchmark_run" not in (request.config.getoption("-m") or ""):
        pytest.skip("benchmark: run with `make bench` (-m benchmark_run)")


class NginxLikeHandler(QuietHandler):
    """The README's nginx example on loopback: gzip, cache headers, 304s; counts every byte sent."""

    raw = 0
    sent = 0
    _gzipped: dict[Path, bytes] = {}

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        modified = int(path.stat().st_mtime)
        since = self.headers.get("If-Modified-Since")
        if since and email.utils.parsedate_to_datetime(since).timestamp() >= modified:
            self.send_response(304)
            self._cache_headers(path)
            self.end_headers()
            return None
        data = path.read_bytes()
        body = data
        if path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = self._gzipped.setdefault(path, gzip.compress(data, 6))
        type(self).raw += len(data)
        type(self).sent += len(body)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(modified, usegmt=True))
        if body is not data:
            self.send_header("Content-Encoding", "gzip")
        self._cache_headers(path)
        self.end_headers()
        return _Body(body)

    def _cache_headers(self, path: Path) -> None:
        if IMMUTABLE in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        elif path.name == "sw.js":
            self.send_header("Cache-Control", "no-cache")


class _Body:
    """send_head's file object for a body already in memory."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: Any) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@dataclass
class Variant:
    name: str
    site: Path
    handler: type[NginxLikeHandler]
    url: str = ""


def _build(destination: Path, **env: str) -> Path:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
                            cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    return destination


# name → how its site is made from the shipped build (a function of (shipped site, scratch folder)).
VARIANTS: dict[str, Callable[[Path, Path], Path]] = {
    "shipped: browser snapshot": lambda shipped, _scratch: shipped,
    "build snapshot (gz)": lambda _shipped, scratch: _build(scratch / "build-snapshot", PUNTENCHECK_SNAPSHOT="1"),
}
if os.environ.get("BENCH_BASELINE_SITE"):  # a site built from an earlier commit, measured beside this one
    VARIANTS["baseline: BENCH_BASELINE_SITE"] = lambda _shipped, _scratch: Path(os.environ["BENCH_BASELINE_SITE"])
SNAPSHOT_STORED = """caches.open('registratiewijzer-pyodide-snapshots').then((cache) => cache.keys())
    .then((keys) => keys.length > 0)"""


@pytest.fixture(scope="module")
def variants(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Variant]]:
    scratch = tmp_path_factory.mktemp("bench")
    made = []
    for name, make in VARIANTS.items():
        handler = type(f"Handler{len(made)}", (NginxLikeHandler,), {"raw": 0, "sent": 0, "_gzipped": {}})
        made.append(Variant(name, make(built_site, scratch), handler))
    servers = []
    for variant in made:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(variant.handler, directory=str(variant.site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        variant.url = f"http://127.0.0.1:{server.server_address[1]}/"
        servers.append(server)
    yield made
    for server in servers:
        server.shutdown()


@dataclass
class Visit:
    form_ms: float
    python_ms: float
    in_worker_ms: float  # from the worker's start message to Python ready
    snapshot_read_ms: float  # of which reading the stored snapshot from Cache Storage
    raw_bytes: int
    sent_bytes: int


def _visit(chromium: Any, profile: Path, variant: Variant, *, settle: bool) -> Visit:
    """Start Chromium on `profile`, open the puntencheck until Python is ready, close the browser.
    `settle`: also wait until the service worker controls the page and has stored the whole site."""
    raw, sent = variant.handler.raw, variant.handler.sent
    context = chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                                            locale="nl-NL", headless=True)
    try:
        page = context.new_page()
        open_puntencheck(page, variant.url)
        marks = page.evaluate("""() => Object.fromEntries(performance.getEntriesByType('mark')
            .map((mark) => [mark.name, {at: mark.startTime, detail: mark.detail}]))""")
        if settle:  # the offline copy and the snapshot are stored before the browser closes
            wait_for(page, "navigator.serviceWorker.controller !== null", timeout_s=120)
            wait_for(page, SNAPSHOT_STORED, timeout_s=120)
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    ready = marks["puntencheck:python-ready"]
    return Visit(marks["puntencheck:form-usable"]["at"], ready["at"], ready["detail"]["total"], ready["detail"]["read"],
                 variant.handler.raw - raw, variant.handler.sent - sent)


def _recalculation_ms(browser: Any, url: str) -> float:
    context = browser.new_context(locale="nl-NL")
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
    context.close()
    return statistics.median(times)


def _ordinary_page(browser: Any, url: str) -> list[str]:
    """The Pyodide and puntencheck files an ordinary page requests itself (its worker fetches the rest later)."""
    context = browser.new_context(locale="nl-NL", service_workers="block")
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(f"{url}bronnen/")
    page.wait_for_load_state("networkidle")
    context.close()
    return [u for u in urls if "pyodide" in u or "/assets/puntencheck/" in u]


def test_puntencheck_figures(browser: Any, variants: list[Variant]) -> None:
    visits: dict[str, tuple[list[Visit], list[Visit]]] = {variant.name: ([], []) for variant in variants}
    for _ in range(RUNS):  # the variants take turns, so a slower moment of the machine hits each alike
        for variant in variants:
            cold, warm = visits[variant.name]
            profile = Path(tempfile.mkdtemp(prefix="bench-profile-"))
            try:
                cold.append(_visit(browser.browser_type, profile, variant, settle=True))
                warm.append(_visit(browser.browser_type, profile, variant, settle=False))
            finally:
                shutil.rmtree(profile, ignore_errors=True)
    rows = [(name, cold, warm) for name, (cold, warm) in visits.items()]
    recalculation = _recalculation_ms(browser, variants[0].url)
    pyodide_urls = _ordinary_page(browser, variants[0].url)

    def median(visits: list[Visit], key: str) -> float:
        return statistics.median(getattr(visit, key) for visit in visits)

    print(f"\n\nPuntencheck in headless Chromium with a persistent profile, loopback HTTP with the README's "
          f"cache headers and gzip; median of {RUNS}. cold = new profile (until the offline copy is stored), "
          "warm = browser started again on that profile; MB raw = file sizes served, MB gz = bytes transferred")
    print(f"{'variant':<27}{'form cold ms':>13}{'form warm ms':>13}{'py cold ms':>11}{'py warm ms':>11}"
          f"{'warm in worker':>15}{'of it read':>11}{'cold MB raw':>12}{'cold MB gz':>11}{'warm MB raw':>12}{'warm MB gz':>11}")
    for name, cold, warm in rows:
        print(f"{name:<27}{median(cold, 'form_ms'):>13.0f}{median(warm, 'form_ms'):>13.0f}"
              f"{median(cold, 'python_ms'):>11.0f}{median(warm, 'python_ms'):>11.0f}{median(warm, 'in_worker_ms'):>15.0f}"
              f"{median(warm, 'snapshot_read_ms'):>11.0f}{median(cold, 'raw_bytes') / 1e6:>12.2f}{median(cold, 'sent_bytes') / 1e6:>11.2f}"
              f"{median(warm, 'raw_bytes') / 1e6:>12.3f}{median(warm, 'sent_bytes') / 1e6:>11.3f}")
    print(f"recalculation (window.puntencheck.check, worker round trip): median {recalculation:.1f} ms")
    print(f"ordinary page (bronnen/, no service worker): Pyodide/puntencheck requests: {len(pyodide_urls)}")
    assert not pyodide_urls

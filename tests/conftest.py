"""Shared fixtures: the built site, a loopback HTTP server, and Debian Chromium via Playwright."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def build_site(project: Path, destination: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `destination`; returns the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def copy_project(destination: Path) -> Path:
    """A copy of the files a build reads, for tests that break content on purpose."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides", "hooks", "tools", "content", "calculator", "pyproject.toml", "node_modules",
                 "package.json"):
        source = ROOT / name
        if source.is_dir():
            if name == "node_modules":
                (destination / name).symlink_to(source)
            else:
                shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A copy of the real content/ under tmp_path/content, for tests that break it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.fixture
def problems_of(content_copy: Path) -> Callable[[], list[str]]:
    """Load the (broken) copy and return its problems as 'file:line: where: message' strings."""
    from guide.errors import ContentError
    from guide.model import load_content

    def load() -> list[str]:
        with pytest.raises(ContentError) as caught:
            load_content(content_copy)
        return [str(problem) for problem in caught.value.problems]

    return load


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole guide, built once per test session with --strict."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = build_site(ROOT, site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return site


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the MIME types module scripts and WebAssembly need; no log noise."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                      ".json": "application/json", ".whl": "application/zip", ".zip": "application/zip"}
    extra_headers: dict[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
        pass


def serve(directory: Path, handler: type[QuietHandler] = QuietHandler) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve `directory` on a free loopback port; returns (base URL, server)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL of the built site, served over HTTP on loopback."""
    url, server = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright (no Playwright browser download)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser page in which every request to another host is blocked and recorded.

    `page.foreign_requests` lists the URLs of blocked requests; tests assert it stays empty.
    """
    # No service worker here: its offline copy would answer requests that tests route or count
    # (tests/browser/test_service_worker.py tests it in contexts of its own).
    context = browser.new_context(locale="nl-NL", service_workers="block")
    foreign: list[str] = []

    def only_loopback(route: object) -> None:
        url = route.request.url
        if urlparse(url).hostname in LOOPBACK_HOSTS or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    context.route("**/*", only_loopback)
    page = context.new_page()
    page.foreign_requests = foreign
    yield page
    context.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use the browser get the `browser` marker (select them with -m browser)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)

"""Offline after one visit: the service worker the build writes (Workbox), in Chromium.

One online visit of the start page and the puntencheck, then the network off: every page of the
nav, search, both decision trees and a worked example work, with zero failed requests. A rebuild
with a changed page brings a Dutch update notice; its button loads the new version and nothing
typed in another tab is lost. Without service workers, or with no storage quota, the guide works
as an ordinary site without console errors.
"""
from __future__ import annotations

import functools
import http.server
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml

from conftest import LOOPBACK_HOSTS, ROOT, QuietHandler, build_site, copy_project, serve
from guide import tree_graph as graph
from tests.browser.conftest import open_puntencheck, wait_for, worked_examples
from tests.decision_trees.conftest import real_trees
from tests.decision_trees.test_stepper import STEPPER, open_tree, shown
from tests.website.test_accessibility import AXE, RULES
from tests.website.test_build import nav_paths

OFFLINE_NOTICE = "Je bent offline; je ziet de opgeslagen versie van "
CONTROLLED = "navigator.serviceWorker.controller !== null"
SLOW_START = re.compile(r"Puntencheck: de rekenmodule start niet EngineFault: \d+\s+at \S+/engine\.js:\d+:\d+$")


@dataclass
class Visitor:
    """A browser context that blocks other hosts and records what went wrong."""

    context: Any
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def new_page(self) -> Any:
        page = self.context.new_page()
        page.on("console", lambda message: self.console_errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        return page


@pytest.fixture
def visitor(browser: Any) -> Iterator[Visitor]:
    yield from _visitor(browser)


def _visitor(browser: Any, **options: Any) -> Iterator[Visitor]:
    context = browser.new_context(locale="nl-NL", **options)
    visitor = Visitor(context)

    def only_loopback(route: Any) -> None:
        if urlparse(route.request.url).hostname in LOOPBACK_HOSTS:
            route.continue_()
        else:
            visitor.foreign.append(route.request.url)
            route.abort()

    context.route("**/*", only_loopback)
    context.on("requestfailed", lambda request: visitor.failed.append(f"{request.url}: {request.failure}"))
    context.on("response", lambda response: visitor.failed.append(f"{response.url}: HTTP {response.status}")
               if response.status >= 400 else None)
    yield visitor
    context.close()


def nav_urls() -> list[str]:
    """Every page of mkdocs.yml's nav, as a URL path relative to the site."""
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    return sorted(path.removesuffix(".md").removesuffix("index") + ("/" if not path.endswith("index.md") else "")
                  for path in nav_paths(nav))


def visit_online(visitor: Visitor, site_url: str) -> Any:
    """The start page and the puntencheck once, until the worker controls the page."""
    page = visitor.new_page()
    page.goto(site_url)
    wait_for(page, CONTROLLED)
    open_puntencheck(page, site_url)
    wait_for(page, CONTROLLED)
    return page


def search(page: Any, query: str, timeout_s: float = 60) -> None:
    """Type `query` into the site search until results show (again, as a visitor would, when the
    index was still loading on a busy machine)."""
    from playwright.sync_api import TimeoutError as Timeout

    deadline = time.monotonic() + timeout_s
    while True:
        page.click(".md-search__input")
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.keyboard.type(query, delay=50)
        try:
            page.wait_for_selector(".md-search-result__item", timeout=5_000)
            return
        except Timeout:
            if time.monotonic() > deadline:
                raise


def test_nav_urls_are_the_built_pages(built_site: Path) -> None:
    urls = nav_urls()
    assert len(urls) >= 25
    assert all((built_site / url / "index.html").is_file() for url in urls), urls


def test_after_one_visit_the_whole_guide_works_offline(visitor: Visitor, site_url: str) -> None:
    page = visit_online(visitor, site_url)
    visitor.context.set_offline(True)

    for url in nav_urls():
        page.goto(site_url + url, wait_until="networkidle")  # nothing left in flight to abort
        assert page.locator("h1").count() == 1, url
        wait_for(page, f"document.getElementById('rw-offline')?.textContent.startsWith({OFFLINE_NOTICE!r})")

    page.goto(site_url, wait_until="networkidle")
    search(page, "VOG")
    assert "VOG" in page.inner_text(".md-search-result__list")

    for tree in real_trees().values():
        route = graph.paths(tree)[0]
        open_tree(page, site_url, tree)
        for _node, option in route.answers:
            page.click(f'{STEPPER} .rw-option[data-option="{option}"]')
        assert shown(page) == ("outcome", list(route.outcomes))

    example = worked_examples()[0]
    open_puntencheck(page, site_url)
    page.click(f"button[data-example='{example['id']}']")
    wait_for(page, "document.querySelector('.pc-results')?.textContent.trim().length > 0")

    assert visitor.failed == []
    assert visitor.foreign == []


def test_the_offline_notice_goes_when_the_network_is_back(visitor: Visitor, site_url: str) -> None:
    page = visit_online(visitor, site_url)
    page.goto(site_url + "bronnen/")
    assert page.inner_text("#rw-offline") == ""
    visitor.context.set_offline(True)
    wait_for(page, f"document.getElementById('rw-offline').textContent.startsWith({OFFLINE_NOTICE!r})")
    visitor.context.set_offline(False)
    wait_for(page, "document.getElementById('rw-offline').textContent === ''")


def change_a_page(project: Path) -> str:
    """Append " bijgewerkt" to the title of the SKJ herregistratie page; returns the old title."""
    page_yml = project / "content" / "pages" / "skj" / "herregistratie.yml"
    old_title = yaml.safe_load(page_yml.read_text(encoding="utf-8"))["title"]
    page_yml.write_text(page_yml.read_text(encoding="utf-8").replace(old_title, f"{old_title} bijgewerkt", 1), encoding="utf-8")
    return old_title


def axe_violations(page: Any) -> list[str]:
    """axe-core's violations on the page as it is now, in light and dark."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        result = page.evaluate("rules => axe.run(document, {runOnly: rules})", RULES)
        found += [f"{scheme}: {v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    return found


def test_a_rebuild_offers_the_new_version_and_keeps_what_was_typed(browser: Any, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    url, server = serve(site)
    try:
        for visitor in _visitor(browser):
            calculator = visit_online(visitor, url)
            calculator.fill("#pc-period_start", "2024-02-01")
            old_title = change_a_page(project)
            rebuilt = build_site(project, site)
            assert rebuilt.returncode == 0, rebuilt.stderr[-2000:]

            page = visitor.new_page()
            page.goto(url + "skj/herregistratie/")
            assert page.inner_text("h1").startswith(f"{old_title}#")  # the stored version, until the visitor asks
            button = page.get_by_role("button", name="Nieuwe versie laden")
            button.wait_for(timeout=30_000)
            assert "nieuwe versie" in page.inner_text("#rw-update")
            visitor.context.set_offline(True)  # both notices at once, for axe
            wait_for(page, f"document.getElementById('rw-offline').textContent.startsWith({OFFLINE_NOTICE!r})")
            assert axe_violations(page) == []
            visitor.context.set_offline(False)
            button.click()
            page.wait_for_function(f"document.querySelector('h1').textContent.includes('{old_title} bijgewerkt')")

            assert calculator.input_value("#pc-period_start") == "2024-02-01"  # no silent reload elsewhere
            stored = page.evaluate("""async () => {
                const keys = [];
                for (const name of await caches.keys()) keys.push(...(await (await caches.open(name)).keys()));
                return keys.map((request) => new URL(request.url).pathname);
            }""")
            assert stored.count("/skj/herregistratie/index.html") == 1  # the old copy is gone
            assert errors_beyond_a_slow_start(visitor) == []
            assert visitor.foreign == []
    finally:
        server.shutdown()


def errors_beyond_a_slow_start(visitor: Visitor) -> list[str]:
    """Console errors, less the puntencheck's start-up timeout notice: a plain Python start can take
    longer than its 8 s on a busy machine, which these tests are not about."""
    return [error for error in visitor.console_errors if not SLOW_START.match(error)]


def _guide_works_without_a_worker(visitor: Visitor, site_url: str) -> None:
    page = visitor.new_page()
    for url in ("", "skj/herregistratie/", "keuzehulp/welk-register/"):
        page.goto(site_url + url, wait_until="networkidle")
    open_puntencheck(page, site_url)
    assert page.evaluate(CONTROLLED) is False
    assert errors_beyond_a_slow_start(visitor) == []
    assert visitor.foreign == []


def test_without_service_workers_the_guide_works_without_console_errors(browser: Any, site_url: str) -> None:
    for visitor in _visitor(browser, service_workers="block"):
        _guide_works_without_a_worker(visitor, site_url)


def test_with_no_storage_quota_the_guide_works_without_console_errors(browser: Any, site_url: str) -> None:
    for visitor in _visitor(browser):
        page = visitor.new_page()
        origin = site_url.rstrip("/")
        visitor.context.new_cdp_session(page).send("Storage.overrideQuotaForOrigin", {"origin": origin, "quotaSize": 1000})
        page.goto(site_url, wait_until="networkidle")
        registration_failed = page.evaluate("""() => navigator.serviceWorker.getRegistration().then(
            (registration) => new Promise((resolve) => {
                const worker = registration?.installing;
                if (!worker) return resolve(!registration?.active);
                worker.addEventListener('statechange', () => worker.state === 'redundant' && resolve(true));
                setTimeout(() => resolve(false), 20000);
            }))""")
        assert registration_failed, "the worker was installed although the quota cannot hold the site"
        _guide_works_without_a_worker(visitor, site_url)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_answering(port: int, process: subprocess.Popen, timeout_s: float = 300) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else "mkdocs serve stopped"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise AssertionError("mkdocs serve did not answer")


def _wait_through_navigations(page: Any, expression: str, timeout_s: float = 60) -> None:
    """Like wait_for, for a page that the service worker may load anew meanwhile."""
    from playwright.sync_api import Error

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if page.evaluate(expression):
                return
        except Error:  # the page navigated during the evaluation
            pass
        time.sleep(0.1)
    raise AssertionError(f"not true after {timeout_s} s: {expression}")


def test_mkdocs_serve_registers_no_worker_and_retires_an_earlier_build(browser: Any, built_site: Path, tmp_path: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    earlier = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(built_site)))
    threading.Thread(target=earlier.serve_forever, daemon=True).start()
    for visitor in _visitor(browser):
        page = visitor.new_page()
        page.goto(url)
        wait_for(page, CONTROLLED)  # an earlier build's worker, at the address `mkdocs serve` will use
        earlier.shutdown()
        earlier.server_close()

        project = copy_project(tmp_path / "project")
        old_title = change_a_page(project)
        serving = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
                                   cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            _wait_until_answering(port, serving)
            page.goto(url + "skj/herregistratie/")
            # The stored page may show once; the worker is then replaced and the tab loads anew.
            _wait_through_navigations(page, f"document.querySelector('h1')?.textContent.includes('{old_title} bijgewerkt')")
            _wait_through_navigations(page, "navigator.serviceWorker.getRegistrations().then((found) => found.length === 0)")
            page.goto(url)
            page.goto(url + "skj/herregistratie/")
            assert page.evaluate(CONTROLLED) is False
            assert page.evaluate("caches.keys().then((names) => names.length)") == 0
        finally:
            serving.terminate()
            serving.wait(timeout=30)

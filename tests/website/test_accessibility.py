"""Every page passes axe-core (WCAG 2.1 AA + best practices) in light and dark, and is Dutch."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT

AXE = ROOT / "node_modules/axe-core/axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def site_pages() -> list[str]:
    """Every page of the site as its URL path, from the docs and content the build reads (no build needed
    to collect the tests; test_every_page_is_checked compares with the built site)."""
    from guide.model import load_content

    return sorted({_url(page["path"]) for page in load_content(ROOT / "content").linkable.values()})


def _url(source: str) -> str:
    """`krsd/kosten.md` → `krsd/kosten/`, `krsd/index.md` → `krsd/`, `index.md` → ``."""
    stem = source.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("index") if stem.endswith("/index") else f"{stem}/"


PAGES = site_pages()


def test_every_page_is_checked(built_site: Path) -> None:
    built = {html.relative_to(built_site).parent.as_posix() for html in built_site.rglob("index.html")}
    assert {"" if path == "." else path + "/" for path in built} == set(PAGES)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES, ids=[path or "start" for path in PAGES])
def test_page_has_no_axe_violations(built_site: Path, site_url: str, page, scheme: str, path: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + path)
    assert page.get_attribute("html", "lang") == "nl"
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("rules => axe.run(document, {runOnly: rules})", RULES)
    failures = [f"{path}: {v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    assert failures == []


def test_search_dialog_has_an_accessible_name(site_url: str, page) -> None:
    page.goto(site_url)
    assert page.get_attribute(".md-search[role=dialog]", "aria-label") == "Zoeken"


def test_dutch_search_finds_a_page(site_url: str, page) -> None:
    page.goto(site_url)
    page.keyboard.press("/")
    page.fill(".md-search__input", "hardheidsclausule")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    results = page.inner_text(".md-search-result__list")
    assert "SKJ" in results

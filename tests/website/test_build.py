"""The whole guide builds with --strict; a content mistake stops the build and nothing is written."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import ROOT, build_site, copy_project
from guide.model import load_content


def nav_paths(nav: list) -> set[str]:
    paths: set[str] = set()
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        paths |= nav_paths(value) if isinstance(value, list) else {value}
    return paths


def test_every_content_page_is_built_and_in_the_navigation(built_site: Path) -> None:
    content = load_content(ROOT / "content")
    nav = nav_paths(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"])
    for page_id, path in content.page_paths.items():
        folder = path.removesuffix("index.md") if path.endswith("index.md") else path.removesuffix(".md").removesuffix("index")
        html = built_site / folder / "index.html"
        assert html.exists(), f"{page_id}: {html} was not built"
        assert path in nav, f"{page_id} ({path}) is not in the nav of mkdocs.yml"


def test_generated_pages_are_not_written_into_docs() -> None:
    generated = {path for path in load_content(ROOT / "content").page_paths.values()}
    in_docs = {str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*.md")}
    assert generated & in_docs == {"index.md", "puntencheck.md"}


SOURCE_SUFFIXES = {".md", ".j2", ".py", ".yml", ".yaml", ".toml"}
JINJA_SYNTAX = re.compile(r"\{%|\{\{|\{#")


def test_the_built_site_holds_no_template_or_source_file(built_site: Path) -> None:
    files = [path for path in built_site.rglob("*") if path.is_file()]
    sources = [str(path.relative_to(built_site)) for path in files if path.suffix in SOURCE_SUFFIXES]
    templates = [str(path.relative_to(built_site)) for path in files
                 if path.suffix == ".html" and JINJA_SYNTAX.search(path.read_text(encoding="utf-8"))]
    assert sources == [], f"source files published: {sources}"
    assert templates == [], f"Jinja templates published as pages: {templates}"


def test_broken_content_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "content/pages/skj/herregistratie.yml"
    page.write_text(page.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode != 0
    assert "content/pages/skj/herregistratie.yml:" in result.stderr
    assert "unknown key 'titel'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists(), "a failed build must not leave a half-built site"

"""Page generation: every content page becomes Markdown with its blocks, sources and links resolved."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide.model import load_content
from guide.render import Renderer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {page.path: page.markdown for page in Renderer(load_content(ROOT / "content")).pages()}


def test_one_page_per_content_file_plus_glossary_and_sources(pages: dict[str, str]) -> None:
    content = load_content(ROOT / "content")
    expected = {doc.data["path"] for doc in content.files["page"]} | {"begrippen.md", "bronnen.md"}
    assert expected <= set(pages)


def test_placeholders_are_filled_and_page_links_resolved(pages: dict[str, str]) -> None:
    for path, markdown in pages.items():
        assert "{{" not in markdown, path
        assert "](page:" not in markdown, path
    registreren = pages["registerplein/registreren.md"]
    assert "facturen@meevivenz.nl" in registreren
    assert "Koningin Wilhelminalaan 3" in registreren
    assert "](../keuzehulp/welk-register.md)" in registreren


def test_steps_are_an_ordered_list_with_tips_and_substeps(pages: dict[str, str]) -> None:
    markdown = pages["registerplein/registreren.md"]
    numbered = re.findall(r"^1\. ", markdown, flags=re.M)
    assert len(numbered) >= 14
    assert '    !!! tip "Tip"' in markdown
    vog_route = pages["skj/registreren.md"]
    assert re.search(r"^    1\. .*hrmdesk@meevivenz\.nl", vog_route, flags=re.M), "the VOG route's sub-steps"


def test_tables_have_a_caption_and_scoped_headers(pages: dict[str, str]) -> None:
    markdown = pages["clientondersteuners/toelating.md"]
    assert "<caption>" in markdown
    assert '<th scope="col"' in markdown and '<th scope="row"' in markdown


def test_every_page_names_its_sources(pages: dict[str, str]) -> None:
    content = load_content(ROOT / "content")
    for doc in content.files["page"]:
        markdown = pages[doc.data["path"]]
        assert 'class="rw-sources"' in markdown
        for source in doc.data["sources"]:
            assert content.sources[source["source"]]["title"] in markdown


def test_additions_are_marked_with_their_research_source(pages: dict[str, str]) -> None:
    markdown = pages["skj/herregistratie.md"]
    assert "!!! info addition" in markdown
    assert "Aanvulling van deze gids, niet uit de brondocumenten" in markdown
    assert "skjeugd.nl" in markdown

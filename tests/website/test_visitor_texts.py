"""What every visitor reads: wherever the guide advises to ask the Expertisecentrum, it says how to
reach it; no page shows editors' file paths."""
from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from conftest import ROOT

ORGANISATION = yaml.safe_load((ROOT / "content" / "organisation.yml").read_text(encoding="utf-8"))
BLOCK = re.compile(r"<(p|li)\b[^>]*>(.*?)</\1>", re.S)
TAG = re.compile(r"<[^>]+>")
ADVICE = re.compile(r"\b(overleg|overlegt|contact op)\b", re.I)


def visible_blocks(page: Path) -> list[str]:
    """The text of each paragraph and list item in the page's content (HTML comments dropped)."""
    text = re.sub(r"<!--.*?-->", "", page.read_text(encoding="utf-8"), flags=re.S)
    content = text.split('<article', 1)[-1].split("</article>", 1)[0]
    return [html.unescape(TAG.sub("", match.group(2))) for match in BLOCK.finditer(content)]


def test_every_advice_to_ask_the_expertisecentrum_says_how_to_reach_it(built_site: Path) -> None:
    name = ORGANISATION["expertise_centre"]
    contact = html.unescape(TAG.sub("", re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", ORGANISATION["expertise_centre_contact"])))
    advices, missing = 0, []
    for page in sorted(built_site.rglob("index.html")):
        for block in visible_blocks(page):
            if name in block and ADVICE.search(block):
                advices += 1
                if contact not in block:
                    missing.append(f"{page.relative_to(built_site)}: {block.strip()[:120]}")
    assert advices >= 5, "the guide gives this advice on several pages"
    assert missing == []


def test_no_page_shows_editors_file_paths(built_site: Path) -> None:
    shown = [str(page.relative_to(built_site)) for page in built_site.rglob("index.html")
             if any("content/pages/" in block or "content/decision-trees/" in block for block in visible_blocks(page))]
    assert shown == []

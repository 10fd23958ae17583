"""The built guide: no placeholder or template syntax reaches a visitor, in any page's text or title."""
from __future__ import annotations

import re
from pathlib import Path

TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%")  # (`}}` ends nested JSON in embedded data)


def test_no_page_shows_template_syntax(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    shown = {str(page.relative_to(built_site)): TEMPLATE_SYNTAX.findall(page.read_text(encoding="utf-8"))
             for page in pages}
    assert {page: found for page, found in shown.items() if found} == {}

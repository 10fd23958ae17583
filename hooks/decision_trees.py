"""MkDocs hook: a decision tree page's table of contents lists its questions and outcomes only.

The tree pages themselves are added with the other generated pages by hooks/guide_pages.py
(guide.tree_render turns each tree into Markdown).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """A tree page's table of contents lists its questions and outcomes, not their sub-headings."""
    if page.meta.get("keuzehulp"):
        _prune(page.toc.items, deepest=TOC_DEPTH)
    return html


def _prune(links: list[AnchorLink], deepest: int) -> None:
    for link in links:
        if link.level >= deepest:
            link.children = []
        _prune(link.children, deepest)


TOC_DEPTH = 3  # h3: one entry per question and outcome

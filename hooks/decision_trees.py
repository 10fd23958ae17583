"""MkDocs hook: add a page for every decision tree (keuzehulp) in content/decision-trees/.

Thin adapter: the content is loaded and validated once by guide.model.load_content (cached, and
already checked by hooks/guide_pages.py); guide.tree_render turns each tree into Markdown.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from guide.errors import ContentError
from guide.model import load_content
from guide.tree_render import TreeRenderer

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files | None:
    """Add one generated page per tree; a page may not also exist by hand in docs/."""
    try:
        content = load_content(Path(config.config_file_path).resolve().parent / "content")
    except ContentError as error:
        raise PluginError(error.report()) from None
    for page in TreeRenderer(content).pages():
        if files.get_file_from_path(page.path):
            raise PluginError(f"{page.origin}: docs/{page.path} exists too; generated pages are never written to docs/")
        files.append(File.generated(config, page.path, content=page.markdown))
    return files


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

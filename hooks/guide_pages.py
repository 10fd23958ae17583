"""MkDocs hook: validate content/ and add the pages generated from it.

Thin adapter: the work is done by the `guide` package beside this file. It loads content/ once
per build (`on_config`) and hands it to the other hooks on the config (guide.build_content).
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from guide.build_content import content_of, keep
from guide.errors import ContentError
from guide.freshness import page_markdown, rules_checked, warn_editors
from guide.link_checks import unverified_anchors
from guide.model import load_content
from guide.render import Renderer
from guide.tree_render import TreeRenderer

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page



def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Load and validate all content first: a mistake stops the build before anything is written."""
    try:
        content = load_content(content_dir(config))
    except ContentError as error:
        raise PluginError(error.report()) from None
    keep(config, content)  # the one load of this build, for the other hooks
    config.extra["organisation"] = content.one("organisation")
    config.extra["rules_checked"] = rules_checked(content)
    warn_editors(content, date.today())
    config.markdown_extensions.append(_TableCaptions())
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Every page ends with 'Laatst gecontroleerd: <datum>' from its `checked:` (required)."""
    try:
        return page_markdown(markdown, page.meta.get("checked"), config.extra["rules_checked"], page.file.src_uri)
    except ValueError as error:
        raise PluginError(str(error)) from None


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files | None:
    """Add every generated page (content pages, glossary, sources, decision trees); a page may not
    also exist by hand in docs/."""
    content = content_of(config)
    for page in [*Renderer(content).pages(), *TreeRenderer(content).pages()]:
        if files.get_file_from_path(page.path):
            raise PluginError(f"{page.origin}: docs/{page.path} exists too; generated pages are never written to docs/")
        files.append(File.generated(config, page.path, content=page.markdown))
    return files


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Every anchor a text links to on a tree or hand-written page exists in that page's HTML
    (every page is rendered by now, none written yet); a missing one names the YAML file:line."""
    ids = {file.src_uri: set(_ID.findall(file.page.content or "")) for file in files.documentation_pages() if file.page}
    missing = [problem for problem, path, anchor in unverified_anchors(content_of(config))
               if anchor not in ids.get(path, set())]
    if missing:
        raise PluginError(ContentError(missing).report())
    return env


_ID = re.compile(r"""\bid=["']?([^"'\s>]+)""")


def content_dir(config: MkDocsConfig) -> Path:
    """content/ beside mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent / "content"


class _TableCaptions(Extension):
    """Let <caption> stand as a block in generated tables (Python-Markdown treats it as inline)."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Markdown's API name)
        md.block_level_elements.append("caption")

"""Render validated content into Markdown pages with the Jinja2 templates beside this file."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from .placeholders import placeholder_values
from .text import resolve_links, slug

if TYPE_CHECKING:
    from .content import Content

TEMPLATES = Path(__file__).parent / "templates"

# How each note kind is shown: Material admonition type and default title.
NOTE_KINDS = {
    "tip": {"admonition": "tip", "title": "Tip"},
    "info": {"admonition": "info", "title": "Goed om te weten"},
    "warning": {"admonition": "warning", "title": "Let op"},
    "example": {"admonition": "example", "title": "Voorbeeld"},
    "addition": {"admonition": "info addition", "title": "Aanvulling van deze gids"},
}


@dataclass(frozen=True)
class GeneratedPage:
    """A page to add to the site: where it goes, its Markdown, and the file it came from."""

    path: str
    markdown: str
    origin: str


class Renderer:
    """Turns Content into GeneratedPage objects."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.values = placeholder_values(content)
        self.page_paths = content.page_paths
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals["NOTE_KINDS"] = NOTE_KINDS
        self.env.filters["slug"] = slug
        self.env.filters["cell"] = lambda text: str(text).replace("|", "\\|").replace("\n", "<br>")

    def pages(self) -> list[GeneratedPage]:
        """Every generated page: content pages, the glossary and the sources page."""
        generated = [self._content_page(doc.data, str(doc.path)) for doc in self.content.files["page"]]
        generated.append(self._render("begrippen.md.j2", "begrippen.md", "content/glossary.yml",
                                      checked=self.content.one("glossary")["checked"],
                                      terms=sorted(self.content.one("glossary")["terms"], key=lambda t: t["term"].lower())))
        used = used_sources(self.content)
        generated.append(self._render("bronnen.md.j2", "bronnen.md", "content/sources.yml",
                                      checked=self.content.one("sources")["checked"],
                                      source_list=[s for s in self.content.one("sources")["sources"] if s["id"] in used]))
        return generated

    def _content_page(self, page: dict, origin: str) -> GeneratedPage:
        sources = self.content.sources
        used = {node["source"] for node in _sections_and_notes(page) if "source" in node}
        return self._render(
            "page.md.j2", page["path"], origin, page=page,
            page_sources=[(sources[s["source"]], s.get("where")) for s in page["sources"]],
            additions=[sources[s] for s in sorted(used) if sources[s]["kind"] == "research"],
            related=[(self._title(pid), pid) for pid in page.get("related", [])],
        )

    def _render(self, template: str, path: str, origin: str, **context: Any) -> GeneratedPage:
        markdown = self.env.get_template(template).render(
            origin=origin, org=self.values["org"], sources=self.content.sources, **context)
        return GeneratedPage(path, resolve_links(markdown, path, self.page_paths), origin)

    def _title(self, page_id: str) -> str:
        return self.content.linkable[page_id]["title"]


def _sections_and_notes(page: dict) -> list[dict]:
    """Sections and note blocks: the places that may name a source of their own."""
    nodes: list[dict] = []
    for section in page["sections"]:
        nodes.append(section)
        nodes.extend(block["note"] for block in section["blocks"] if "note" in block)
    return nodes


def used_sources(content: Content) -> set[str]:
    """The ids of the sources that some page, tree, register, example or term cites (any `source` key)."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "source" and isinstance(item, str):
                    found.add(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for kind, documents in content.files.items():
        if kind != "sources":
            for document in documents:
                walk(document.data)
    return found

"""The validated content of one build, by kind (the type only: model.py loads it)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from .yaml_source import SourceFile

# Pages that docs/ holds or the hooks generate, linkable as page:<id> like content pages.
FIXED_PAGES = {
    "start": {"path": "index.md", "title": "Start"},
    "begrippen": {"path": "begrippen.md", "title": "Begrippen"},
    "bronnen": {"path": "bronnen.md", "title": "Bronnen"},
    "puntencheck": {"path": "puntencheck.md", "title": "Puntencheck"},
}


@dataclass
class Content:
    """All validated content, by kind; documents keep their file and line map."""

    root: Path
    files: dict[str, list[SourceFile]] = field(default_factory=dict)
    fixed_pages: ClassVar[dict[str, dict]] = FIXED_PAGES

    def one(self, kind: str) -> dict:
        """The data of a single-file kind (organisation, sources, ...)."""
        return self.files[kind][0].data

    def by_id(self, kind: str) -> dict[str, SourceFile]:
        """The documents of a many-file kind, keyed by their `id`."""
        return {doc.data["id"]: doc for doc in self.files.get(kind, [])}

    @property
    def sources(self) -> dict[str, dict]:
        return {s["id"]: s for s in self.one("sources")["sources"]}

    @property
    def pages(self) -> dict[str, SourceFile]:
        return self.by_id("page")

    @property
    def linkable(self) -> dict[str, dict]:
        """Every page a text may link to as page:<id>: its `path` and `title` in the site."""
        documents = [doc.data for docs in self.files.values() for doc in docs]
        return {**self.fixed_pages, **{d["id"]: d for d in documents if isinstance(d, dict) and {"id", "path", "title"} <= d.keys()}}

    @property
    def page_paths(self) -> dict[str, str]:
        """page id → path in the site, for every linkable page."""
        return {page_id: page["path"] for page_id, page in self.linkable.items()}

"""Every URL in every text: page links, relative links and anchors lead somewhere; only safe schemes.

Registered in consistency.CHECKS. Anchors of pages the content does not describe section by
section (decision trees, the hand-written pages) are checked against the built HTML by the
guide_pages hook, with the same file:line (`unverified_anchors`).
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .errors import Problem
from .text import Target, iter_strings, link_targets, slug
from .yaml_source import PathKey, SourceFile

if TYPE_CHECKING:
    from .content import Content

LINK_SCHEMES = ("https", "http", "mailto", "tel", "page")
PAGE_TARGET = re.compile(r"page:(?P<id>[a-z0-9-]+)(?:#(?P<anchor>[a-z0-9-]+))?")
# Files whose texts appear on one page: relative links in them start from that page.
TEXT_PAGES = {"glossary": "begrippen", "sources": "bronnen"}


def page_anchors(page: dict) -> set[str]:
    """The anchors a content page has: one per section."""
    return {section.get("anchor") or slug(section["heading"]) for section in page["sections"]}


def link_problems(content: Content) -> Iterator[Problem]:
    """A problem for each link that is unsafe, malformed or leads nowhere."""
    links = _Links(content)
    for document, where, target, base in links.all():
        message = links.problem(target, base)
        if message:
            yield document.problem(where, message)


def unverified_anchors(content: Content) -> Iterator[tuple[Problem, str, str]]:
    """(the problem to report if missing, site path, anchor) of each anchor the load cannot check."""
    links = _Links(content)
    for document, where, target, base in links.all():
        destination = links.destination(target, base)
        if destination and destination[1] and destination[0] not in links.sections:
            path, anchor = destination
            yield document.problem(where, f"link to '{target.url}': the page {path} has no anchor '#{anchor}'"), path, anchor


class _Links:
    """The site's pages as links see them, and the rules for one link."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.paths = content.page_paths  # page id → site path
        self.sections = {doc.data["path"]: page_anchors(doc.data) for doc in content.pages.values()}
        self.docs = content.root.parent / "docs"

    def all(self) -> Iterator[tuple[SourceFile, PathKey, Target, str]]:
        """Every link of every text, with the site path of the page it appears on."""
        for kind, documents in self.content.files.items():
            for document in documents:
                base = self._base(kind, document.data)
                for where, text in iter_strings(document.data):
                    for target in link_targets(text):
                        yield document, where, target, base

    def _base(self, kind: str, data: object) -> str:
        if isinstance(data, dict) and isinstance(data.get("path"), str):
            return data["path"]
        return self.paths.get(TEXT_PAGES.get(kind, "start"), "index.md")

    def destination(self, target: Target, base: str) -> tuple[str, str | None] | None:
        """(site path, anchor) of a link inside the guide; None for other links."""
        match = PAGE_TARGET.fullmatch(target.url)
        if match:
            return (self.paths[match["id"]], match["anchor"]) if match["id"] in self.paths else None
        if target.scheme or target.url.startswith("/"):
            return None
        path, _, anchor = target.url.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) if path else base
        return (resolved, anchor or None) if resolved.endswith(".md") else None

    def problem(self, target: Target, base: str) -> str | None:
        """What is wrong with one link, or None."""
        scheme, url = target.scheme, target.url
        if target.image:
            if scheme or url.startswith("//"):
                return f"image '{url}': images come from the guide itself, not from another host or inline data"
            return self._missing_file(url, base)
        if scheme == "page":
            return self._page_link(target)
        if scheme and scheme not in LINK_SCHEMES:
            return f"link to '{url}': '{scheme}:' links are not allowed; use https:, mailto:, tel: or page:<id>"
        if scheme or url.startswith("//"):
            return None
        if url.startswith("/"):
            return f"link to '{url}': a path from the root breaks when the guide lives in a folder; use page:<id>"
        destination = self.destination(target, base)
        if destination is None:
            return self._missing_file(url, base)
        path, anchor = destination
        if path not in self.paths.values():
            return f"link to '{url}': there is no page {path}; link to pages as page:<id>"
        return self._missing_section(url, path, anchor)

    def _page_link(self, target: Target) -> str | None:
        match = PAGE_TARGET.fullmatch(target.url)
        if match is None:
            hint = f"; did you mean '{target.url.lower()}'?" if PAGE_TARGET.fullmatch(target.url.lower()) else ""
            return f"link '{target.url}': expected page:<id> or page:<id>#<anchor>, in lowercase{hint}"
        if not target.inline:
            return f"link '{target.url}': write page links in the text itself, as [tekst]({target.url})"
        if match["id"] not in self.paths:
            return f"link to page '{match['id']}', which does not exist"
        return self._missing_section(f"{match['id']}#{match['anchor']}", self.paths[match["id"]], match["anchor"])

    def _missing_section(self, shown: str, path: str, anchor: str | None) -> str | None:
        if anchor and path in self.sections and anchor not in self.sections[path]:
            return f"link to '{shown}': that page has no such section"
        return None

    def _missing_file(self, url: str, base: str) -> str | None:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(base), url.partition("#")[0].partition("?")[0]))
        if path.startswith("..") or not (self.docs / path).is_file():
            return f"link to '{url}': there is no file docs/{path}"
        return None

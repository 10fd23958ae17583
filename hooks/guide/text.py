"""Text fields of the content: walking them, page: links and anchors."""
from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .yaml_source import PathKey

PAGE_LINK = re.compile(r"\]\(page:(?P<id>[a-z0-9-]+)(?:#(?P<anchor>[a-z0-9-]+))?\)")
# Where Markdown takes a URL from: [text](url "title"), ![alt](url), [ref]: url, <scheme:url>
_INLINE = re.compile(r"(?P<image>!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(?P<target><[^>\n]*>|[^\s)]*)")
_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(?P<target><[^>\n]*>|\S+)", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?P<target>[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f\\]+")


@dataclass(frozen=True)
class Target:
    """A URL a text links to (or shows, for an image), as written and as a browser reads it."""

    url: str
    image: bool = False
    inline: bool = True

    @property
    def scheme(self) -> str | None:
        """`https`, `javascript`, `page` …; None for a relative URL. Entities and hidden characters
        are read the way a browser reads them (`java&#x09;script&colon;` is javascript)."""
        match = _SCHEME.match(_INVISIBLE.sub("", html.unescape(self.url)).lower())
        return match[1] if match else None


def link_targets(text: str) -> Iterator[Target]:
    """Every URL in a Markdown text: inline links and images, reference definitions, autolinks."""
    for match in _INLINE.finditer(text):
        yield Target(match["target"].strip("<>"), image=bool(match["image"]))
    for match in _DEFINITION.finditer(text):
        yield Target(match["target"].strip("<>"), inline=False)
    for match in _AUTOLINK.finditer(text):
        yield Target(match["target"], inline=False)


def iter_strings(data: Any, where: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every string value in nested data, with its path."""
    if isinstance(data, str):
        yield where, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from iter_strings(value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from iter_strings(value, (*where, index))


def page_links(text: str) -> Iterator[tuple[str, str | None]]:
    """The (page id, anchor) pairs that `text` links to."""
    for match in PAGE_LINK.finditer(text):
        yield match["id"], match["anchor"]


def resolve_links(text: str, current_path: str, page_paths: dict[str, str]) -> str:
    """Turn [x](page:id#anchor) into a relative Markdown link from `current_path`."""

    def relative(match: re.Match[str]) -> str:
        target = page_paths[match["id"]]
        link = posixpath.relpath(target, posixpath.dirname(current_path) or ".")
        return f"]({link}{'#' + match['anchor'] if match['anchor'] else ''})"

    return PAGE_LINK.sub(relative, text)


def slug(text: str) -> str:
    """An anchor id from a heading: lowercase ascii words joined by '-'."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "sectie"

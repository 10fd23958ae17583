"""Text fields of the content: walking them, page: links and anchors."""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import Any

from .yaml_source import PathKey

PAGE_LINK = re.compile(r"\]\(page:(?P<id>[a-z0-9-]+)(?:#(?P<anchor>[a-z0-9-]+))?\)")


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

"""Texts hold Markdown, not HTML: a few attribute-free inline tags are allowed, nothing that runs
script, styles the page or loads from elsewhere (the guide promises no other host and a CSP that
holds). Registered in consistency.CHECKS; link targets are checked by link_checks."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .errors import Problem
from .text import iter_strings

if TYPE_CHECKING:
    from .content import Content

ALLOWED_TAGS = ("br", "sup", "sub", "em", "strong", "b", "i", "kbd", "small", "mark")
# Where a browser (or Python-Markdown) sees the start of a tag, comment or declaration.
_TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<rest>[^<>]*)>?|<[!?]")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
# An image by reference (`![alt][ref]`, `![ref]`): its URL is in a definition, out of the check's sight.
_REFERENCE_IMAGE = re.compile(r"!\[[^\]\n]*\](?!\()")
# An attribute list of the attr_list extension: `{: #id .class key=value }`.
_ATTRIBUTE_LIST = re.compile(r"\{:?(?P<inside>[^{}\n]*=[^{}\n]*)\}")


def markup_problems(content: Content) -> Iterator[Problem]:
    """A problem for each unsafe or foreign piece of markup in any text."""
    for documents in content.files.values():
        for document in documents:
            for where, text in iter_strings(document.data):
                message = unsafe_markup(text)
                if message:
                    yield document.problem(where, message)


def unsafe_markup(text: str) -> str | None:
    """What is not allowed in `text`, or None."""
    if "<" in text:
        for match in _TAG.finditer(_AUTOLINK.sub("", text)):
            message = _tag(match)
            if message:
                return message
    if _REFERENCE_IMAGE.search(text):
        return "images are written in the text itself, as ![tekst](bestand.png), not by reference"
    attributes = _ATTRIBUTE_LIST.search(text)
    if attributes:
        return (f"attribute list '{{{attributes['inside'].strip()}}}': only {{ #anchor }} and {{ .class }} are "
                "allowed, no attributes (they can run script or load from another host)")
    return None


def _tag(match: re.Match[str]) -> str | None:
    name = (match["name"] or "").lower()
    allowed = ", ".join(f"<{tag}>" for tag in ALLOWED_TAGS)
    if not name:
        return "HTML comments and declarations ('<!', '<?') are not allowed in a text"
    if name not in ALLOWED_TAGS:
        return f"HTML tag <{name}> is not allowed in a text; write Markdown (allowed tags: {allowed})"
    if match["rest"].strip(" /"):
        return f"HTML tag <{name}> may not have attributes ('{match['rest'].strip()}')"
    if not match.group(0).endswith(">"):
        return f"HTML tag <{name} is not closed with '>'"
    return None

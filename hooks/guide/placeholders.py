"""Placeholders in content texts: `{{ org.<key> }}` and `{{ bodies.<id>.<key> }}`, nothing else.

A plain substitution, not a template language: no expressions, loops, filters or attribute
access, so a text cannot run code or loop. The content is filled once, right after loading, so
every text — titles, headings, table cells, register names, decision-tree labels — is shown
filled, and an unknown name stops the build with file:line.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .errors import Problem
from .text import iter_strings
from .yaml_source import PathKey

if TYPE_CHECKING:
    from .content import Content

PLACEHOLDER = re.compile(r"\{\{(?P<inside>.*?)\}\}", re.DOTALL)
NAME = re.compile(r"\s*(?P<name>(?:org|bodies)(?:\.[A-Za-z0-9_-]+)+)\s*")
TEMPLATE_MARKS = ("{{", "}}", "{%", "%}")
KNOWN = "known names: org.<key>, bodies.<id>.<key>"
VALUE_KINDS = ("organisation", "bodies")  # the files placeholders take their values from


class PlaceholderError(ValueError):
    """A text uses a placeholder that does not exist, or template syntax."""


def placeholder_values(content: Content) -> dict[str, Any]:
    """What texts may refer to: org.<key>, bodies.<id>.<key>."""
    return {"org": content.one("organisation"), "bodies": content.one("bodies")["bodies"]}


def fill(text: str, values: dict[str, Any]) -> str:
    """`text` with every placeholder replaced by its value; PlaceholderError otherwise."""
    if "{" not in text and "}" not in text and "%" not in text:
        return text
    leftover = PLACEHOLDER.sub("", text)
    mark = next((mark for mark in TEMPLATE_MARKS if mark in leftover), None)
    if mark:
        raise PlaceholderError(f"'{mark}' is not allowed in a text; the only placeholders are "
                               f"{{{{ org.<key> }}}} and {{{{ bodies.<id>.<key> }}}}")
    return PLACEHOLDER.sub(lambda match: _value(match["inside"], values), text)


def fill_content(content: Content) -> list[Problem]:
    """Fill the placeholders of every text in place; the problems found. The values themselves
    (organisation.yml, bodies.yml) are plain text."""
    values = placeholder_values(content)
    problems: list[Problem] = []
    for kind, documents in content.files.items():
        for document in documents:
            for where, text in list(iter_strings(document.data)):
                try:
                    _set(document.data, where, _plain(text) if kind in VALUE_KINDS else fill(text, values))
                except PlaceholderError as error:
                    problems.append(document.problem(where, f"placeholder: {error}"))
    return problems


def _plain(text: str) -> str:
    if any(mark in text for mark in TEMPLATE_MARKS):
        raise PlaceholderError(f"a value that texts fill in cannot hold placeholders or template syntax; {KNOWN}")
    return text


def _value(inside: str, values: dict[str, Any]) -> str:
    match = NAME.fullmatch(inside)
    if match is None:
        raise PlaceholderError(f"'{{{{{inside}}}}}' is not a placeholder; {KNOWN}")
    node: Any = values
    for part in match["name"].split("."):
        if not isinstance(node, dict) or part not in node:
            raise PlaceholderError(f"unknown name '{match['name']}'; {KNOWN}")
        node = node[part]
    if isinstance(node, (dict, list, bool)) or node is None:
        raise PlaceholderError(f"'{match['name']}' is not a single value; {KNOWN}")
    return str(node)


def _set(data: Any, where: PathKey, value: str) -> None:
    for part in where[:-1]:
        data = data[part]
    data[where[-1]] = value

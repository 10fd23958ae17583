"""Read a YAML file into plain data while remembering the line of every value."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, Problem

PathKey = tuple[str | int, ...]


@dataclass
class SourceFile:
    """A parsed YAML file: its data and the line (1-based) of each value by path."""

    path: Path
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, where: PathKey) -> int:
        """The line of the value at `where`, or of its nearest parent that has one."""
        for end in range(len(where), -1, -1):
            if where[:end] in self.lines:
                return self.lines[where[:end]]
        return 1

    def problem(self, where: PathKey, message: str) -> Problem:
        """A Problem located at the value `where` of this file."""
        return Problem(self.path, self.line_of(where), format_path(where), message)


def format_path(where: PathKey) -> str:
    """`sections[2].blocks[0].steps` style."""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_yaml(path: Path, display: Path | None = None) -> SourceFile:
    """Parse one YAML file; a syntax error or duplicate key raises ContentError."""
    shown = display or path
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        message = f"not valid YAML: {error.problem or error.context}"
        raise ContentError([Problem(shown, line, "", message)]) from None
    except UnicodeDecodeError:
        raise ContentError([Problem(shown, 1, "", "not UTF-8 text")]) from None
    source = SourceFile(shown, None)
    if node is None:
        raise ContentError([Problem(shown, 1, "", "the file is empty")])
    source.data = _to_data(node, (), source, yaml.SafeLoader(""))
    return source


def _to_data(node: yaml.Node, where: PathKey, source: SourceFile, loader: yaml.SafeLoader) -> Any:
    source.lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key.isoformat() if isinstance(key, dt.date) else key)
            if key in result:
                line = key_node.start_mark.line + 1
                raise ContentError([Problem(source.path, line, format_path(where), f"duplicate key '{key}'")])
            result[key] = _to_data(value_node, (*where, key), source, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, (*where, i), source, loader) for i, item in enumerate(node.value)]
    value = loader.construct_object(node)
    return value.isoformat() if isinstance(value, dt.date) else value

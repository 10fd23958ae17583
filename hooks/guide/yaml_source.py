"""A content file as the build reads it: the hardened reader's plain data and lines
(calculator/plain_yaml.py, shared with the CLI), with the build's error type on top."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from calculator.plain_yaml import PathKey, YamlRefused, format_path, read_plain_yaml

from .errors import ContentError, Problem

__all__ = ["PathKey", "SourceFile", "format_path", "read_yaml"]


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


def read_yaml(path: Path, display: Path | None = None) -> SourceFile:
    """Parse one YAML file; anything but plain YAML raises ContentError naming file and line."""
    try:
        plain = read_plain_yaml(path, display)
    except YamlRefused as refused:
        raise ContentError([Problem(refused.file, refused.line, refused.where, refused.message)]) from None
    return SourceFile(display or path, plain.data, plain.lines)

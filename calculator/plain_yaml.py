"""Read a YAML file into plain data while remembering the line of every value: the one hardened
YAML reader, shared by the command line (content/registers, content/pages in a checkout) and the
site build (hooks/guide/yaml_source.py adds the build's error type on top).

It lives in the calculator package, not in hooks/, because the package is also installed on its own
(the wheel, where hooks/ and content/ are absent) and must never import the build; the build may
import the package. The calculator's core stays standard-library only: only the CLI imports this
module, and only when it reads YAML (PyYAML is then needed; the wheel uses its shipped norms.json).

Content is edited by people, not programs, so the reader accepts plain YAML only: one document of
mappings, lists and scalars. Anchors and aliases (the stuff of expansion bombs and recursive
structures), tags, merge keys, complex keys, deep nesting and huge files are refused with the
file, the line and what was expected, before anything is built. The events come from libyaml
(`CSafeLoader`) when PyYAML has it; a syntax error is then read again by the pure-Python parser so
the message is the same with or without libyaml.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PathKey = tuple[str | int, ...]

MAX_BYTES = 1_000_000  # the largest content file is ~30 kB
MAX_DEPTH = 40  # the deepest content nests ~10 levels
FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE_TAG = "tag:yaml.org,2002:merge"
_EXPECTED = {  # what a plain scalar of this type must look like, for a value Python cannot build
    "tag:yaml.org,2002:timestamp": "an existing date as YYYY-MM-DD",
    "tag:yaml.org,2002:int": "a whole number of at most 4300 digits",
    "tag:yaml.org,2002:float": "a number",
}


@dataclass
class PlainYaml:
    """A parsed YAML file: its data and the line (1-based) of each value by path."""

    data: Any = None
    lines: dict[PathKey, int] = field(default_factory=dict)


class YamlRefused(Exception):
    """A file that is not plain YAML: `file:line: where: message` (where may be empty)."""

    def __init__(self, file: Path, line: int, where: str, message: str) -> None:
        self.file, self.line, self.where, self.message = file, line, where, message
        super().__init__(f"{file}:{line}: {where + ': ' if where else ''}{message}")


def format_path(where: PathKey) -> str:
    """`sections[2].blocks[0].steps` style."""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class _Refused(Exception):
    """What content may not use (or a syntax error), at a line and place."""

    def __init__(self, line: int, where: PathKey, message: str, syntax: bool = False) -> None:
        super().__init__(message)
        self.line, self.where, self.message, self.syntax = line, where, message, syntax

    def refused(self, shown: Path) -> YamlRefused:
        return YamlRefused(shown, self.line, format_path(self.where), self.message)


def read_plain_yaml(path: Path, display: Path | None = None) -> PlainYaml:
    """Parse one YAML file; anything but plain YAML raises YamlRefused naming the file (as
    `display`, else `path`) and the line."""
    shown = display or path
    text = _read_text(path, shown)
    try:
        return _build(text, FAST_LOADER)
    except _Refused as refused:
        if refused.syntax and FAST_LOADER is not yaml.SafeLoader:
            try:  # the same words with or without libyaml: the pure-Python parser's message wins
                _build(text, yaml.SafeLoader)
            except _Refused as pure:
                refused = pure
        raise refused.refused(shown) from None


def _build(text: str, loader: type[yaml.SafeLoader]) -> PlainYaml:
    source = PlainYaml()
    try:
        source.data = _Builder(source).document(yaml.parse(text, Loader=loader))
    except yaml.YAMLError as error:
        raise _syntax_error(text, error) from None
    return source


def _read_text(path: Path, shown: Path) -> str:
    """The file's text: a regular UTF-8 file of at most MAX_BYTES (read no further than that)."""
    def refuse(message: str, line: int = 1) -> YamlRefused:
        return YamlRefused(shown, line, "", message)

    if not path.is_file():
        raise refuse("not a regular file")
    with path.open("rb") as stream:
        data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise refuse(f"the file is larger than {MAX_BYTES // 1_000_000} MB; a content file is a few kB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise refuse("not UTF-8 text; save the file as UTF-8", data[:error.start].count(b"\n") + 1) from None


def _syntax_error(text: str, error: yaml.YAMLError) -> _Refused:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        return _Refused(mark.line + 1 if mark else 1, (), f"not valid YAML: {error.problem or error.context}", True)
    if isinstance(error, yaml.reader.ReaderError):
        line = text[:error.position].count("\n") + 1
        character = error.character if isinstance(error.character, int) else ord(error.character)
        return _Refused(line, (), f"not valid YAML: the control character U+{character:04X} may not appear in YAML; "
                                  "remove it", True)
    return _Refused(1, (), f"not valid YAML: {error}", True)


def _shorten(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


class _Builder:
    """Turns a stream of parser events into plain data, refusing what content may not use."""

    def __init__(self, source: PlainYaml) -> None:
        self.source = source
        self.scalars = yaml.SafeLoader("")  # resolver and constructors for plain scalars

    def document(self, events: Iterator[yaml.Event]) -> Any:
        """The data of the stream's one document."""
        self.events = events
        next(events)  # StreamStart
        start = next(events)
        if isinstance(start, yaml.StreamEndEvent):
            raise _Refused(1, (), "the file is empty")
        data = self.value(next(events), (), 0)
        next(events)  # DocumentEnd
        extra = next(events)
        if not isinstance(extra, yaml.StreamEndEvent):
            raise _Refused(extra.start_mark.line + 1, (), "a second YAML document ('---'); a content file holds one")
        if data is None:
            raise _Refused(1, (), "the file is empty")
        return data

    def value(self, event: yaml.Event, where: PathKey, depth: int) -> Any:
        """The value that starts with `event` (a scalar, or a whole mapping or list)."""
        line = event.start_mark.line + 1
        self.source.lines[where] = line
        self._plain(event, line, where, depth)
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(where, depth)
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(where, depth)
        return self.scalar(event, line, where)

    def mapping(self, where: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_event in self.events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return result
            line = key_event.start_mark.line + 1
            if not isinstance(key_event, yaml.ScalarEvent):
                raise _Refused(line, where, "a key must be a plain word, not a list or mapping "
                                            "(a text that starts with { or [ needs quotes)")
            self._plain(key_event, line, where, depth)
            key = self.scalar(key_event, line, where, is_key=True)
            if key in result:
                raise _Refused(line, where, f"duplicate key '{key}'")
            result[key] = self.value(next(self.events), (*where, key), depth + 1)
        raise _Refused(1, where, "the file ends inside a mapping")

    def sequence(self, where: PathKey, depth: int) -> list[Any]:
        result: list[Any] = []
        for event in self.events:
            if isinstance(event, yaml.SequenceEndEvent):
                return result
            result.append(self.value(event, (*where, len(result)), depth + 1))
        raise _Refused(1, where, "the file ends inside a list")

    def scalar(self, event: yaml.ScalarEvent, line: int, where: PathKey, is_key: bool = False) -> Any:
        """A plain scalar as Python data (dates as ISO text); a key is always text."""
        tag = self.scalars.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _MERGE_TAG:
            raise _Refused(line, where, "merge keys ('<<') are not allowed; write the keys out")
        try:
            value = self.scalars.yaml_constructors[tag](self.scalars, yaml.ScalarNode(tag, event.value))
        except ValueError:
            raise _Refused(line, where, f"expected {_EXPECTED.get(tag, 'a valid value')}, got {_shorten(event.value)!r}") from None
        if isinstance(value, dt.date):
            value = value.isoformat()
        return value if not is_key or isinstance(value, str) else str(value)

    @staticmethod
    def _plain(event: yaml.Event, line: int, where: PathKey, depth: int) -> None:
        """Refuse aliases, anchors, explicit tags and nesting deeper than MAX_DEPTH."""
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(line, where, f"aliases ('*{event.anchor}') are not allowed; write the value out")
        if event.anchor is not None:
            raise _Refused(line, where, f"anchors ('&{event.anchor}') are not allowed; write each value out")
        if getattr(event, "tag", None) is not None:
            raise _Refused(line, where, f"tags ('{event.tag}') are not allowed; write a plain value")
        if depth > MAX_DEPTH:
            raise _Refused(line, where, f"nested more than {MAX_DEPTH} levels deep")


"""Helpers for tests that break a copy of content/ on purpose."""
from __future__ import annotations

from pathlib import Path


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def replace_once(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in the file by `new` (the fixture text must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")

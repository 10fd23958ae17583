"""Content errors that name the file, the line and what was expected."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One mistake in one content file."""

    file: Path
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        location = f" {self.where}:" if self.where else ""
        return f"{self.file}:{self.line}:{location} {self.message}"


class ContentError(Exception):
    """The content cannot be built; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (str(p.file), p.line))
        super().__init__(self.report())

    def report(self) -> str:
        """The problems, one per line, with a count."""
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in content/:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


class AssetError(Exception):
    """A file the puntencheck needs is missing or inconsistent; the message says what to do."""

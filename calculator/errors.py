"""The one exception the calculator raises for input it refuses, and where in the input it is."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NoReturn


@dataclass(frozen=True)
class Where:
    """A place in the input: `path` for programs (`activities[3].points`), `place` for people
    (`activities[3].points (activiteit 4)`, `rij 7, kolom Punten`)."""

    path: str
    place: str

    def __str__(self) -> str:
        return self.place


Place = str | Where


class InputError(ValueError):
    """Refused input: the field `path` and a Dutch `message` saying what was expected.

    `str(error)` is one Dutch line, `<place>: <message>` (the place defaults to the path; an
    error about the input as a whole has an empty path and is just the message).
    """

    def __init__(self, path: str, message: str, place: str | None = None) -> None:
        self.path = path
        self.message = message
        self.place = path if place is None else place
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message

    def envelope(self) -> dict[str, Any]:
        """The refusal as data (CLI `--json`, the browser worker): path, message and the line."""
        return {"path": self.path, "message": self.message, "text": " ".join(str(self).split())}


def fail(where: Place, problem: str) -> NoReturn:
    """Raise InputError for the field `where` (a path, or a Where with a place for people)."""
    if isinstance(where, Where):
        raise InputError(where.path, problem, where.place)
    raise InputError(where, problem)


def child(where: Place, key: str) -> Place:
    """The place of `key` inside `where`: `norm` → `norm.years`."""
    if isinstance(where, Where):
        return Where(f"{where.path}.{key}", f"{where.place}.{key}")
    return f"{where}.{key}" if where else key


def as_input_error(error: Exception) -> InputError:
    """Any exception at a boundary (CLI, browser) as a refusal: an unexpected one says so, in one line."""
    if isinstance(error, InputError):
        return error
    return InputError("", f"Onverwachte fout ({type(error).__name__}): {error}")

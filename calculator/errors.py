"""The one exception the calculator raises for input it refuses."""
from __future__ import annotations

from typing import NoReturn


class InputError(ValueError):
    """Refused input: `message` is one Dutch line naming the field or row and what was expected."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def fail(where: str, problem: str) -> NoReturn:
    """Raise InputError as `<where>: <problem>`."""
    raise InputError(f"{where}: {problem}")

"""A portfolio file's text as a portfolio dict: JSON or CSV, decided and read as the CLI does.

The one reading rule for the command line and the browser (`calculator.browser`), so both accept
exactly the same files.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .api import parse_json_text
from .csv_import import read_csv
from .portfolio import Locate, json_location

_JSON_STARTS = ("{", "[")


@dataclass(frozen=True)
class PortfolioText:
    """The portfolio, and how messages name an activity (`activiteit 4` or `rij 7, kolom Punten`)."""

    portfolio: Any
    locate: Locate
    name_activity: Callable[[int], str]
    is_json: bool


def looks_like_json(text: str) -> bool:
    """JSON when the first character (after a BOM and blanks) opens an object or a list."""
    return text.lstrip("\ufeff \t\r\n").startswith(_JSON_STARTS)


def read_portfolio_text(text: str, register: str | None = None, start: str | None = None,
                        options: tuple[str, ...] = ()) -> PortfolioText:
    """The portfolio in `text`; `register`, `start` and `options` fill in (or override) a CSV's meta rows."""
    if looks_like_json(text):
        return PortfolioText(parse_json_text(text.lstrip("\ufeff"), "portfolio"), json_location,
                             _activity_number, True)
    table = read_csv(text, register, start, options)
    return PortfolioText(table.portfolio, table.locate, table.row, False)


def _activity_number(index: int) -> str:
    return f"activiteit {index + 1}"

"""Dates: strict ISO parsing, leap-day-safe year and month arithmetic, Dutch display."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli",
           "augustus", "september", "oktober", "november", "december")


def parse_iso(text: str) -> date | None:
    """`YYYY-MM-DD` as a date; None when malformed or impossible (2023-02-30)."""
    if not _ISO.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February moves to 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def period_end(start: date, years: int) -> date:
    """Last day of a period of `years` years starting on `start`."""
    return add_years(start, years) - timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """`months` later (or earlier when negative), clamped to the month's last day."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def dutch_date(day: date) -> str:
    """`1 januari 2021`."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"

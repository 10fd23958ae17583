"""Small checks for plain-dict input; each failure names the field and what was expected."""
from __future__ import annotations

import math
import re
from collections.abc import Collection
from datetime import date
from decimal import Decimal
from typing import Any

from .dates import parse_iso
from .errors import Place, child, fail
from .numbers import to_decimal

REGISTER_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
KEY_ID = re.compile(r"[a-z][a-z0-9_]*")
LIMIT = Decimal(1_000_000)
FIRST_YEAR, LAST_YEAR = 1900, 2999  # the years the calculator counts in: a period, its documents, today


def describe(value: object) -> str:
    """What a wrong value is, in Dutch: 'de tekst "abc"', 'het getal -3', 'een lijst'."""
    if value is None:
        return "niets (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN (geen getal)" if math.isnan(value) else f"{value} (oneindig)"
    if isinstance(value, (int, float)):
        shown = str(value)
        return f"het getal {shown}" if len(shown) <= 40 else f"een getal van {len(shown)} tekens"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'de tekst "{shown}"'
    if isinstance(value, dict):
        return "een object"
    return "een lijst" if isinstance(value, list) else type(value).__name__


def mapping(value: object, where: Place, required: Collection[str] = (),
            optional: Collection[str] = ()) -> dict[str, Any]:
    """An object with exactly the allowed keys: all `required`, any of `optional`."""
    if not isinstance(value, dict):
        fail(where, f"verwacht een object met velden, gekregen {describe(value)}")
    missing = [key for key in required if key not in value]
    if missing:
        fail(where, f'het veld "{missing[0]}" ontbreekt')
    unknown = [key for key in value if key not in required and key not in optional]
    if unknown:
        allowed = ", ".join([*required, *optional])
        fail(where, f'onbekend veld "{unknown[0]}"; toegestaan: {allowed}')
    return value


def keyed(value: object, where: Place, pattern: re.Pattern[str] = KEY_ID) -> dict[str, Any]:
    """An object whose keys are ids (any number of them)."""
    if not isinstance(value, dict):
        fail(where, f"verwacht een object met velden, gekregen {describe(value)}")
    for key in value:
        identifier(key, child(where, key), pattern)
    return value


def text(value: object, where: Place) -> str:
    """A non-empty string."""
    if not isinstance(value, str) or not value.strip():
        fail(where, f"verwacht een tekst, gekregen {describe(value)}")
    return value


def identifier(value: object, where: Place, pattern: re.Pattern[str] = KEY_ID) -> str:
    """An id: lowercase letters, digits and `_` (or `-` for register ids)."""
    if not isinstance(value, str) or not pattern.fullmatch(value):
        fail(where, f"verwacht een id van kleine letters, cijfers en {_joiner(pattern)}, "
                    f"gekregen {describe(value)}")
    return value


def _joiner(pattern: re.Pattern[str]) -> str:
    return "-" if pattern is REGISTER_ID else "_"


def integer(value: object, where: Place, low: int, high: int) -> int:
    """A whole number from `low` to `high`."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        fail(where, f"verwacht een geheel getal van {low} tot en met {high}, gekregen {describe(value)}")
    return value


def number(value: object, where: Place, high: Decimal = LIMIT) -> Decimal:
    """A finite number from 0 to `high`, exact."""
    amount = to_decimal(value)
    if amount is None:
        fail(where, f"verwacht een getal (0 of meer), gekregen {describe(value)}")
    if amount < 0:
        fail(where, f"verwacht een getal van 0 of meer, gekregen {describe(value)}")
    if amount > high:
        fail(where, f"{describe(value)} is onmogelijk groot (hoogstens {high})")
    return amount


def optional_number(value: object, where: Place) -> Decimal | None:
    """number(), or None for null/absent."""
    return None if value is None else number(value, where)


def iso_date(value: object, where: Place) -> date:
    """An existing date written as JJJJ-MM-DD."""
    day = parse_iso(value) if isinstance(value, str) else None
    if day is None:
        fail(where, f"verwacht een bestaande datum als JJJJ-MM-DD, gekregen {describe(value)}")
    return day


def counting_date(value: object, where: Place) -> date:
    """iso_date() in a year from FIRST_YEAR to LAST_YEAR: a date the calculator can count from or to."""
    day = iso_date(value, where)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        fail(where, f"{day.isoformat()} ligt niet tussen {FIRST_YEAR} en {LAST_YEAR}")
    return day


def boolean(value: object, where: Place) -> bool:
    """true or false."""
    if not isinstance(value, bool):
        fail(where, f"verwacht true of false, gekregen {describe(value)}")
    return value


def sequence(value: object, where: Place, min_items: int = 0) -> list[Any]:
    """A list with at least `min_items` items."""
    if not isinstance(value, list):
        fail(where, f"verwacht een lijst, gekregen {describe(value)}")
    if len(value) < min_items:
        fail(where, "de lijst is leeg" if not value else f"verwacht minstens {min_items} items")
    return value


def unique(ids: list[str], where: Place, key: str = "id") -> list[str]:
    """The ids (or other `key` values), refusing a repeated one."""
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            fail(where, f'{key} "{item}" komt twee keer voor')
        seen.add(item)
    return ids

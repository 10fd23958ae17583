"""Exact point arithmetic: numbers in, numbers out for JSON and for Dutch text."""
from __future__ import annotations

import math
import re
from decimal import ROUND_CEILING, ROUND_DOWN, Decimal

ZERO = Decimal(0)
_CENT = Decimal("0.01")
# An amount typed as text (CSV cells, the page's form): `8`, `7,5`, `7.5`, `-3` (the core refuses
# negatives with its own message). The page receives this pattern in its data block.
AMOUNT_TEXT = re.compile(r"[ \t]*(-?[0-9]+(?:[.,][0-9]+)?)[ \t]*")


def amount_from_text(text: str) -> int | float | None:
    """`7,5` → 7.5, `8` → 8; None when the text is not an amount."""
    match = AMOUNT_TEXT.fullmatch(text)
    if match is None:
        return None
    number = float(match.group(1).replace(",", "."))
    return int(number) if number.is_integer() else number


def to_decimal(value: object) -> Decimal | None:
    """`value` as an exact Decimal, or None when it is not a finite JSON number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float) and math.isfinite(value):
        return Decimal(repr(value))
    return None


def json_number(value: Decimal) -> int | float:
    """Rounded towards zero to 2 decimals (points reached are never shown as more than they are: 23.996
    of 24 is 23.99); an integer when whole (205, not 205.0). Norm figures have 2 decimals at most."""
    rounded = value.quantize(_CENT, rounding=ROUND_DOWN)
    if rounded == rounded.to_integral_value():
        return int(rounded)
    return float(rounded)


def shortfall(required: Decimal, reached: Decimal) -> Decimal:
    """What is missing, rounded *up* to 2 decimals: 0.004 short is 0.01 short, never 0 (a verdict
    that fails always shows what is missing)."""
    return max(ZERO, required - reached).quantize(_CENT, rounding=ROUND_CEILING)


def optional_json_number(value: Decimal | None) -> int | float | None:
    """json_number, passing None through."""
    return None if value is None else json_number(value)


def dutch_number(value: Decimal | float) -> str:  # int is a float for type checkers
    """`12,5` style: decimal comma, no trailing zeros."""
    number = json_number(value if isinstance(value, Decimal) else Decimal(repr(value)))
    return str(number).replace(".", ",")

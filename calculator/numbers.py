"""Exact point arithmetic: numbers in, numbers out for JSON and for Dutch text."""
from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
_CENT = Decimal("0.01")


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
    """Rounded to 2 decimals; an integer when whole (205, not 205.0)."""
    rounded = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return int(rounded)
    return float(rounded)


def optional_json_number(value: Decimal | None) -> int | float | None:
    """json_number, passing None through."""
    return None if value is None else json_number(value)


def dutch_number(value: Decimal | float) -> str:  # int is a float for type checkers
    """`12,5` style: decimal comma, no trailing zeros."""
    number = json_number(value if isinstance(value, Decimal) else Decimal(repr(value)))
    return str(number).replace(".", ",")

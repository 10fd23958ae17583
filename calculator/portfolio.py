"""Parse and validate a portfolio dict (the stable portfolio JSON contract) against its register."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, NoReturn

from .dates import parse_iso, period_end
from .errors import Where, fail
from .fields import boolean, counting_date, describe, iso_date, keyed, mapping, number, sequence, text
from .model import Activity, Portfolio, Register
from .norms import CUSTOM, custom_register, load_register, resolve
from .numbers import dutch_number, to_decimal

TOP_REQUIRED = ("register", "period_start", "activities")
TOP_OPTIONAL = ("options", "norm", "documents", "submission_date")
ACTIVITY_REQUIRED = ("date", "category", "points")
ACTIVITY_OPTIONAL = ("title",)
_ACTIVITY_KEYS = frozenset(ACTIVITY_REQUIRED + ACTIVITY_OPTIONAL)
_REQUIRED_KEYS = frozenset(ACTIVITY_REQUIRED)
_NUMBER_TYPES = (int, float)  # exact types: a bool must not hit the cache of 0 and 1

Locate = Callable[[int, "str | None"], str]


def activity_path(index: int, field: str | None) -> str:
    """The path of an activity's field in the portfolio: `activities[3].points`."""
    return f"activities[{index}].{field}" if field else f"activities[{index}]"


def json_location(index: int, field: str | None) -> str:
    """Where an activity's field is in the portfolio JSON, for people: `activities[3].points (activiteit 4)`."""
    return f"{activity_path(index, field)} (activiteit {index + 1})"


def _at(locate: Locate, index: int, field: str | None) -> Where:
    return Where(activity_path(index, field), locate(index, field))


def parse_portfolio(raw: object, norms: object, locate: Locate = json_location) -> Portfolio:
    """A validated Portfolio; InputError naming the first field that is wrong."""
    fields = mapping(raw, "portfolio", TOP_REQUIRED, TOP_OPTIONAL)
    register = _register(fields, norms)
    start = counting_date(fields["period_start"], "period_start")
    norm = resolve(register, start, _options(fields.get("options", {}), register))
    submission = fields.get("submission_date")
    return Portfolio(
        register=register, norm=norm, period_start=start, period_end=period_end(start, norm.years),
        activities=_activities(fields["activities"], register, norm.years, locate),
        documents=_documents(fields.get("documents", {}), register),
        submission_date=None if submission is None else counting_date(submission, "submission_date"),
    )


def _register(fields: dict[str, Any], norms: object) -> Register:
    register_id = text(fields["register"], "register")
    if register_id == CUSTOM:
        if "norm" not in fields:
            fail("norm", 'ontbreekt: bij register "custom" hoort een eigen norm (years, total, categories)')
        return custom_register(fields["norm"])
    if "norm" in fields:
        fail("norm", f'een eigen norm mag alleen bij register "{CUSTOM}"; {register_id} heeft een vaste norm')
    return load_register(norms, register_id)


def _options(raw: object, register: Register) -> set[str]:
    known = [option.id for option in register.options]
    chosen = set()
    for key, value in keyed(raw, "options").items():
        _known(key, known, f"options.{key}", f"onbekende optie voor register {register.id}",
               "dit register kent geen opties")
        if boolean(value, f"options.{key}"):
            chosen.add(key)
    if len(chosen) > 1 and register.option_choice == "one":
        fail("options", f"kies hoogstens één optie van register {register.id}; gekozen: {', '.join(sorted(chosen))}")
    return chosen


def _documents(raw: object, register: Register) -> dict[str, date]:
    known = [document.id for document in register.documents]
    documents = {}
    for key, value in keyed(raw, "documents").items():
        _known(key, known, f"documents.{key}", f"onbekend document voor register {register.id}",
               "dit register vraagt geen gedateerde documenten")
        documents[key] = counting_date(value, f"documents.{key}")
    return documents


def _known(key: str, known: list[str], where: str, problem: str, when_none: str) -> None:
    """Refuse a key the register does not know, saying which it does."""
    if key not in known:
        fail(where, f"{problem}; {'toegestaan: ' + ', '.join(known) if known else when_none}")


def _activities(raw: object, register: Register, years: int, locate: Locate) -> tuple[Activity, ...]:
    """Every activity checked; a fast path for the usual case, helpers for the messages."""
    items = sequence(raw, "activities")
    if not items:
        fail("activities", "het portfolio bevat geen activiteiten; voeg er minstens één toe")
    known = {category.id for category in register.categories}
    limit = Decimal(years * 366 * 24)
    days: dict[str, date] = {}
    amounts: dict[int | float, Decimal] = {}
    activities = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not _ACTIVITY_KEYS.issuperset(item) or not item.keys() >= _REQUIRED_KEYS:
            mapping(item, _at(locate, index, None), ACTIVITY_REQUIRED, ACTIVITY_OPTIONAL)
        raw_date, category, raw_points, title = item["date"], item["category"], item["points"], item.get("title")
        day = days.get(raw_date) if type(raw_date) is str else None
        if day is None:
            day = (parse_iso(raw_date) if type(raw_date) is str else None) or iso_date(raw_date, _at(locate, index, "date"))
            days[raw_date] = day
        if type(category) is not str or category not in known:
            _unknown_category(category, register, _at(locate, index, "category"))
        points = amounts.get(raw_points) if type(raw_points) in _NUMBER_TYPES else None
        if points is None:
            points = to_decimal(raw_points)
            if points is None or points < 0 or points > limit:
                _points(raw_points, _at(locate, index, "points"), limit, years)
            amounts[raw_points] = points
        if title is not None and type(title) is not str:
            fail(_at(locate, index, "title"), f"verwacht een tekst, gekregen {describe(title)}")
        activities.append(Activity(index, day, category, points, title or ""))
    return tuple(activities)


def _unknown_category(category: object, register: Register, where: Where) -> NoReturn:
    shown = f'"{category}"' if isinstance(category, str) else describe(category)
    fail(where, f"onbekende categorie {shown} voor register {register.id}; "
                f"kies uit: {', '.join(c.id for c in register.categories)}")


def _points(value: object, where: Where, limit: Decimal, years: int) -> NoReturn:
    """Say why points are refused."""
    amount = to_decimal(value)
    if amount is None or amount < 0:
        number(value, where)
    fail(where, f"{describe(value)} is onmogelijk voor één activiteit: een periode van {years} jaar "
                f"heeft hoogstens {dutch_number(limit)} uur")

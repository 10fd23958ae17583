"""Accumulated points over the period, per category and in total: the figures behind the chart."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from .model import Portfolio
from .numbers import ZERO, json_number


def chart_series(portfolio: Portfolio, today: date) -> list[dict[str, Any]]:
    """One line per category, then the total (counted, so maxima apply), each a list of steps
    `{date, value, planned}`: the sum after that date's activities; `planned` = dated after today.

    Every line starts at the period's start with 0, so a chart can draw it from there.
    """
    start, end = portfolio.period_start, portfolio.period_end
    per_day: dict[date, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for activity in portfolio.activities:
        if start <= activity.date <= end:
            per_day[activity.date][activity.category] += activity.points
    rules = portfolio.norm.rule.categories
    sums = {rule.category.id: ZERO for rule in rules}
    lines: dict[str, list[dict[str, Any]]] = {key: [_step(start.isoformat(), 0, start > today)]
                                              for key in [*sums, "total"]}
    for day in sorted(per_day):
        iso, planned = day.isoformat(), day > today
        for category, points in per_day[day].items():
            sums[category] += points
            lines[category].append(_step(iso, json_number(sums[category]), planned))
        total = sum((sums[r.category.id] if r.max is None else min(sums[r.category.id], r.max) for r in rules), ZERO)
        lines["total"].append(_step(iso, json_number(total), planned))
    categories = [{"id": r.category.id, "kind": "category", "label": r.category.label,
                   "required": json_number(r.min), "points": lines[r.category.id]} for r in rules]
    return [*categories, {"id": "total", "kind": "total", "label": "Totaal",
                          "required": json_number(portfolio.norm.rule.total), "points": lines["total"]}]


def _step(iso: str, value: int | float, planned: bool) -> dict[str, Any]:
    return {"date": iso, "value": value, "planned": planned}

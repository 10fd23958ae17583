"""The computation: which activities count, per category and in total, and whether the norm is met."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .model import Activity, CategoryRule, GroupRule, Portfolio
from .numbers import ZERO, shortfall


@dataclass(frozen=True)
class CategoryResult:
    """Points in one category: all in-period points, the part that counts, what is missing."""

    limit: CategoryRule
    points: Decimal
    counted: Decimal
    shortfall: Decimal

    @property
    def capped(self) -> bool:
        """Some points do not count because of the maximum."""
        return self.counted < self.points


@dataclass(frozen=True)
class GroupResult:
    """Counted points of a group of categories against its minimum."""

    rule: GroupRule
    points: Decimal
    shortfall: Decimal


@dataclass(frozen=True)
class Exclusion:
    """An activity outside the period: `before` its start or after its end."""

    activity: Activity
    before: bool


@dataclass(frozen=True)
class Outcome:
    """Everything computed about one portfolio."""

    categories: tuple[CategoryResult, ...]
    groups: tuple[GroupResult, ...]
    total_points: Decimal
    total_shortfall: Decimal
    excluded: tuple[Exclusion, ...]
    future: int

    @property
    def passed(self) -> bool:
        """The norm is met: the total and every minimum."""
        return not self.total_shortfall and self.minima_met

    @property
    def minima_met(self) -> bool:
        """Every category and group minimum reached."""
        return not any(item.shortfall for item in self.categories) and not any(item.shortfall for item in self.groups)


def tally(portfolio: Portfolio, today: date) -> Outcome:
    """Sum in-period points per category, cap at maxima, compare with the minima and the total."""
    rule, start, end = portfolio.norm.rule, portfolio.period_start, portfolio.period_end
    sums = {limit.category.id: ZERO for limit in rule.categories}
    excluded, future = [], 0
    for activity in portfolio.activities:
        if start <= activity.date <= end:
            sums[activity.category] += activity.points
            future += activity.date > today
        else:
            excluded.append(Exclusion(activity, before=activity.date < start))
    categories = tuple(_category(limit, sums[limit.category.id]) for limit in rule.categories)
    counted = {item.limit.category.id: item.counted for item in categories}
    groups = tuple(_group(group, counted) for group in rule.groups)
    total = sum((item.counted for item in categories), ZERO)
    return Outcome(categories, groups, total, shortfall(rule.total, total), tuple(excluded), future)


def _category(limit: CategoryRule, points: Decimal) -> CategoryResult:
    counted = points if limit.max is None else min(points, limit.max)
    return CategoryResult(limit, points, counted, shortfall(limit.min, points))


def _group(group: GroupRule, counted: dict[str, Decimal]) -> GroupResult:
    points = sum((counted[member] for member in group.categories), ZERO)
    return GroupResult(group, points, shortfall(group.min, points))

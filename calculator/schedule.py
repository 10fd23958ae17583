"""The schedule of a period: what is done and what is planned, the pace still needed, and whether
the visitor is ahead of or behind an even spread of the points over the period.

Done = in the period and dated on or before `today`; planned = in the period and dated after it.
The verdict's other keys count both (as they always have); the schedule keeps them apart.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal

from .dates import add_months
from .deadlines import KeyDates
from .model import Activity, Portfolio
from .numbers import ZERO, shortfall
from .verdict import Outcome, tally

NEAR_MONTHS = 3  # from this many months before the latest submission date the verdict is the headline
DAYS_PER_MONTH = Decimal("365.2425") / 12
_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Clock:
    """Where `today` lies in the period."""

    today: date
    elapsed_days: int
    total_days: int
    days_left: int
    months_left: int  # days_left in months, rounded to the nearest whole month

    @property
    def share(self) -> Decimal:
        """The part of the period behind us, 0 … 1."""
        return Decimal(self.elapsed_days) / Decimal(self.total_days)


@dataclass(frozen=True)
class Target:
    """Something with a minimum (a category, a group of categories or the total) on `today`."""

    id: str
    kind: str  # "category" | "group" | "total"
    label: str
    required: Decimal
    done: Decimal  # counted points of the done activities
    with_plan: Decimal  # counted points when the planned activities are done too
    plan: str  # what to plan, in the register's terms ("" when the register says nothing)
    clock: Clock

    @property
    def needed(self) -> Decimal:
        """Still to earn after what is done."""
        return shortfall(self.required, self.done)

    @property
    def needed_after_plan(self) -> Decimal:
        """Still to earn after what is done and planned."""
        return shortfall(self.required, self.with_plan)

    @property
    def expected(self) -> Decimal:
        """What an even spread of `required` over the period gives by today."""
        return self.required * self.clock.share

    @property
    def difference(self) -> Decimal:
        """Ahead (> 0) or behind (< 0) an even spread."""
        return self.done - self.expected

    @property
    def pace(self) -> Decimal | None:
        """Points per month still needed, rounded up to a tenth; None when nothing is needed or no time is left."""
        if not self.needed or not self.clock.days_left:
            return None
        return (self.needed / max(1, self.clock.months_left)).quantize(_TENTH, rounding=ROUND_CEILING)

    @property
    def status(self) -> str:
        """`met` (minimum reached), `behind` (below an even spread) or `on_pace`."""
        if not self.needed:
            return "met"
        return "behind" if self.difference < 0 else "on_pace"

    @property
    def lag(self) -> Decimal:
        """How far behind an even spread, as a share of the requirement (0 when not behind)."""
        return max(ZERO, -self.difference) / self.required if self.required else ZERO


@dataclass(frozen=True)
class Schedule:
    """The schedule of one portfolio on `today`."""

    phase: str  # "running" | "final" (the submission date is near) | "ended"
    clock: Clock
    targets: tuple[Target, ...]  # categories with a minimum, groups, then the total
    planned: tuple[Activity, ...]
    done_passed: bool  # the norm is met by what is done
    plan_passed: bool  # … by what is done and planned

    @property
    def total(self) -> Target:
        """The total's target (always the last)."""
        return self.targets[-1]

    @property
    def risk(self) -> Target | None:
        """The category or group furthest behind an even spread, if any is behind."""
        behind = [target for target in self.targets[:-1] if target.status == "behind"]
        return max(behind, key=lambda target: target.lag, default=None)


def make_schedule(portfolio: Portfolio, outcome: Outcome, dates: KeyDates, today: date) -> Schedule:
    """Split done from planned, and compare each minimum with an even spread over the period."""
    start, end = portfolio.period_start, portfolio.period_end
    planned = tuple(a for a in portfolio.activities if today < a.date <= end and a.date >= start)
    done = tally(replace(portfolio, activities=tuple(a for a in portfolio.activities if a.date <= today)), today)
    clock = _clock(start, end, today)
    rule = portfolio.norm.rule
    targets = [
        Target(item.limit.category.id, "category", item.limit.category.label, item.limit.min, now.counted,
               item.counted, item.limit.category.plan, clock)
        for item, now in zip(outcome.categories, done.categories, strict=True) if item.limit.min > 0
    ]
    targets += [Target(group.rule.id, "group", group.rule.label, group.rule.min, now.points, group.points, "", clock)
                for group, now in zip(outcome.groups, done.groups, strict=True)]
    targets.append(Target("total", "total", "Totaal", rule.total, done.total_points, outcome.total_points, "", clock))
    return Schedule(_phase(portfolio, dates, today), clock, tuple(targets), planned, done.passed, outcome.passed)


def _phase(portfolio: Portfolio, dates: KeyDates, today: date) -> str:
    """Ended after the period; final when the (given or latest) submission date is near; else running."""
    if today > portfolio.period_end:
        return "ended"
    deadline = dates.latest or portfolio.period_end
    return "final" if dates.reference >= add_months(deadline, -NEAR_MONTHS) else "running"


def _clock(start: date, end: date, today: date) -> Clock:
    total = (end - start).days + 1
    elapsed = min(max((today - start).days + 1, 0), total)
    behind_us = max(today, start - timedelta(days=1))  # the last day that is over
    days_left = max(0, (end - behind_us).days)
    months = int((Decimal(days_left) / DAYS_PER_MONTH).to_integral_value())
    return Clock(today, elapsed, total, days_left, months)

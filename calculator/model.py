"""The calculator's typed data: a register's rules, a resolved norm, a portfolio."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple


@dataclass(frozen=True)
class Category:
    """A category a register counts points in (label and help are Dutch)."""

    id: str
    label: str
    help: str = ""
    plan: str = ""  # what to plan to earn points here, in the register's terms (Dutch)


@dataclass(frozen=True)
class CategoryRule:
    """A category's limits in one norm: at least `min`, at most `max` counted."""

    category: Category
    min: Decimal
    max: Decimal | None


@dataclass(frozen=True)
class GroupRule:
    """Several categories that together need at least `min` counted points."""

    id: str
    label: str
    categories: tuple[str, ...]
    min: Decimal


@dataclass(frozen=True)
class Rule:
    """The numbers of a norm: total, per-category limits, group minima."""

    total: Decimal
    categories: tuple[CategoryRule, ...]
    groups: tuple[GroupRule, ...] = ()


@dataclass(frozen=True)
class NormVersion:
    """One dated norm of a register, with the rules its options substitute."""

    valid_from: date | None  # None: a visitor's own norm, valid for any period
    valid_from_assumed: bool  # the guide assumed the date; no source states it
    valid_from_note: str  # why the guide took this date (Dutch)
    source: str | None
    research: bool
    years: int
    rule: Rule
    options: dict[str, Rule]


@dataclass(frozen=True)
class Submission:
    """When the herregistratie may be submitted, relative to the period's end."""

    months_before_end: int | None  # None: as soon as the norm is met
    days_before_end: int
    label: str
    source: str


@dataclass(frozen=True)
class Option:
    """A yes/no choice of the visitor: it may replace the norm's numbers and/or the submission rule."""

    id: str
    label: str
    help: str
    submission: Submission | None = None
    advice: str = ""  # one Dutch message shown in the advice when the option is chosen


@dataclass(frozen=True)
class DocumentRule:
    """A dated document that may be at most `max_age_months` old on submission."""

    id: str
    label: str
    max_age_months: int
    source: str


@dataclass(frozen=True)
class Register:
    """A register with its norm versions (oldest first) and what the guide says about it."""

    id: str
    name: str
    unit: str
    categories: tuple[Category, ...]
    versions: tuple[NormVersion, ...]
    body: str = ""
    source: str | None = None
    guide_page: str | None = None
    options: tuple[Option, ...] = ()
    option_choice: str = "one"  # OPTION_CHOICES in norms.py: what choosing more than one option means
    submission: Submission | None = None
    documents: tuple[DocumentRule, ...] = ()
    reminders: tuple[str, ...] = ()
    custom: bool = False


@dataclass(frozen=True)
class Norm:
    """The norm that applies to one portfolio: a version with its options applied."""

    years: int
    rule: Rule
    valid_from: date | None
    valid_from_assumed: bool
    source: str | None
    research: bool
    options_applied: tuple[Option, ...]
    older_than_guide: bool

    @property
    def submission_override(self) -> Submission | None:
        """The submission rule of the last-listed chosen option that has one, else None (the register's rule holds)."""
        return next((option.submission for option in reversed(self.options_applied) if option.submission), None)


class Activity(NamedTuple):
    """One activity of the portfolio; `position` is its index in the input (a tuple: cheap to make)."""

    position: int
    date: date
    category: str
    points: Decimal
    title: str = ""


@dataclass(frozen=True)
class Portfolio:
    """A validated portfolio, with its register and the norm that applies."""

    register: Register
    norm: Norm
    period_start: date
    period_end: date
    activities: tuple[Activity, ...]
    documents: dict[str, date] = field(default_factory=dict)
    submission_date: date | None = None

"""Key dates: when the herregistratie may be submitted, and whether dated documents are recent enough."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .dates import add_months
from .model import DocumentRule, Portfolio


@dataclass(frozen=True)
class KeyDates:
    """The period's end and the submission window (earliest None: as soon as the norm is met)."""

    period_end: date
    earliest: date | None
    latest: date | None
    when_norm_met: bool
    reference: date  # the submission date given, else today
    reference_given: bool


@dataclass(frozen=True)
class DocumentCheck:
    """One document the visitor dated: usable on the reference date or not."""

    rule: DocumentRule
    issued: date
    valid_until: date
    reference: date

    @property
    def too_new(self) -> bool:
        """Dated after the reference date: probably a typing error."""
        return self.issued > self.reference

    @property
    def ok(self) -> bool:
        """Not older than its maximum age on the reference date."""
        return self.issued <= self.reference <= self.valid_until


def key_dates(portfolio: Portfolio, today: date) -> KeyDates:
    """The submission window (a chosen option's rule, else the register's), relative to the period end."""
    end, rule = portfolio.period_end, portfolio.norm.submission_override or portfolio.register.submission
    reference = portfolio.submission_date or today
    given = portfolio.submission_date is not None
    if rule is None:
        return KeyDates(end, None, None, False, reference, given)
    months = rule.months_before_end
    earliest = None if months is None else add_months(end, -months)
    return KeyDates(end, earliest, end - timedelta(days=rule.days_before_end), months is None, reference, given)


def document_checks(portfolio: Portfolio, reference: date) -> tuple[DocumentCheck, ...]:
    """Each given document against its maximum age, in the order the register lists them."""
    return tuple(
        DocumentCheck(rule, portfolio.documents[rule.id], add_months(portfolio.documents[rule.id], rule.max_age_months),
                      reference)
        for rule in portfolio.register.documents if rule.id in portfolio.documents
    )

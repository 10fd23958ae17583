"""The calculator's public functions, used by the CLI and by the browser module."""
from __future__ import annotations

import json
from datetime import date
from typing import Any

from .advice import Context
from .deadlines import document_checks, key_dates
from .fields import counting_date
from .input_text import parse_json
from .model import Rule, Submission
from .norms import load_all
from .numbers import json_number, optional_json_number
from .portfolio import Locate, json_location, parse_portfolio
from .output import verdict_dict
from .schedule import make_schedule
from .verdict import tally


def check(portfolio: dict[str, Any], norms: dict[str, Any], today: date,
          *, locate: Locate = json_location) -> dict[str, Any]:
    """The verdict for `portfolio` under `norms` (`{"registers": {...}}`); InputError when refused.

    `today` is the reference date for submission and documents when the portfolio gives no
    `submission_date`. `locate` names an activity's place in messages (the CSV import passes rows).
    """
    if not isinstance(today, date):
        raise TypeError("today moet een datetime.date zijn")
    parsed = parse_portfolio(portfolio, norms, locate)
    dates = key_dates(parsed, today)
    outcome = tally(parsed, today)
    context = Context(parsed, outcome, dates, document_checks(parsed, dates.reference), today)
    return verdict_dict(context, make_schedule(parsed, outcome, dates, today))


def check_json(portfolio_json: str, norms_json: str, today_iso: str) -> str:
    """check() for JSON text in and out (the browser calls `calculator.browser`, which wraps it in an envelope)."""
    portfolio = parse_json_text(portfolio_json, "portfolio")
    norms = parse_json_text(norms_json, "normen")
    today = counting_date(today_iso, "today")
    return json.dumps(check(portfolio, norms, today), ensure_ascii=False)


def registers_summary(norms: dict[str, Any]) -> list[dict[str, Any]]:
    """Every register with its newest norm, for `python -m calculator registers`."""
    summary = []
    for register in load_all(norms):
        version = register.versions[-1]
        summary.append({
            "id": register.id, "name": register.name, "body": register.body, "unit": register.unit,
            "guide_page": register.guide_page, "years": version.years,
            "valid_from": version.valid_from.isoformat() if version.valid_from else None,
            "valid_from_assumed": version.valid_from_assumed,
            "source": version.source, "from_source_documents": not version.research,
            **_rule_summary(version.rule),
            "options": [{"id": option.id, "label": option.label,
                         "submission_when_norm_met": _when_norm_met(option.submission),
                         **_rule_summary(version.options.get(option.id, version.rule))}
                        for option in register.options],
        })
    return summary


def _when_norm_met(submission: Submission | None) -> bool | None:
    """None: the option leaves the submission rule alone; else whether it allows submitting once the norm is met."""
    return None if submission is None else submission.months_before_end is None


def _rule_summary(rule: Rule) -> dict[str, Any]:
    return {
        "total": json_number(rule.total),
        "categories": [{"id": limit.category.id, "label": limit.category.label, "min": json_number(limit.min),
                        "max": optional_json_number(limit.max)} for limit in rule.categories],
        "groups": [{"id": group.id, "label": group.label, "categories": list(group.categories),
                    "min": json_number(group.min)} for group in rule.groups],
    }


def parse_json_text(text: str, name: str) -> Any:
    """JSON text as data; InputError naming `name` and the place of a syntax error."""
    return parse_json(text, name)

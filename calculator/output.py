"""The verdict as a JSON-ready dict (the stable verdict contract plus documented additions)."""
from __future__ import annotations

from datetime import date
from typing import Any

from .advice import Context, exclusion_reason, messages
from .numbers import json_number, optional_json_number
from .schedule import Schedule
from .schedule_text import schedule_dict


def verdict_dict(context: Context, schedule: Schedule) -> dict[str, Any]:
    """Contract keys first (passed … messages), then the additions (the last: `schedule`)."""
    portfolio, outcome, norm = context.portfolio, context.outcome, context.portfolio.norm
    register = portfolio.register
    return {
        "passed": outcome.passed,
        "register": register.id,
        "period": {"start": portfolio.period_start.isoformat(), "end": portfolio.period_end.isoformat()},
        "total": {"points": json_number(outcome.total_points), "required": json_number(norm.rule.total),
                  "shortfall": json_number(outcome.total_shortfall)},
        "categories": {
            item.limit.category.id: {
                "points": json_number(item.points), "min": json_number(item.limit.min),
                "max": optional_json_number(item.limit.max), "counted": json_number(item.counted),
                "shortfall": json_number(item.shortfall), "label": item.limit.category.label,
            } for item in outcome.categories
        },
        "excluded": [
            {"index": item.activity.position, "reason": exclusion_reason(item, portfolio),
             "date": item.activity.date.isoformat(), "title": item.activity.title}
            for item in outcome.excluded
        ],
        "messages": messages(context),
        "register_name": register.name,
        "unit": register.unit,
        "guide_page": register.guide_page,
        "norm": {
            "valid_from": _iso(norm.valid_from), "valid_from_assumed": norm.valid_from_assumed,
            "source": norm.source,
            "from_source_documents": not norm.research and not register.custom,
            "years": norm.years, "options": [option.id for option in norm.options_applied],
            "older_than_guide": norm.older_than_guide,
        },
        "groups": {
            group.rule.id: {
                "label": group.rule.label, "categories": list(group.rule.categories),
                "points": json_number(group.points), "min": json_number(group.rule.min),
                "shortfall": json_number(group.shortfall),
            } for group in outcome.groups
        },
        "dates": {
            "period_end": context.dates.period_end.isoformat(),
            "earliest_submission": _iso(context.dates.earliest),
            "latest_submission": _iso(context.dates.latest),
            "submission_when_norm_met": context.dates.when_norm_met,
            "reference_date": context.dates.reference.isoformat(),
        },
        "documents": [
            {"id": check.rule.id, "label": check.rule.label, "date": check.issued.isoformat(),
             "max_age_months": check.rule.max_age_months, "valid_until": check.valid_until.isoformat(),
             "ok": check.ok}
            for check in context.documents
        ],
        "schedule": schedule_dict(schedule, context),
    }


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()

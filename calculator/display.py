"""What the page shows of a verdict, as finished Dutch text, made from the verdict dict (as the
CLI's report is): the page composes no sentence, number or date of its own."""
from __future__ import annotations

from datetime import date
from typing import Any

from .advice import UNIT_WORDS
from .dates import dutch_date
from .numbers import dutch_number

Number = int | float


PROVISIONAL_NOTE = "De uitslag hieronder gaat over de andere activiteiten. Pas de regel aan in het formulier; daarna telt hij mee."


def display(verdict: dict[str, Any], pending: int = 0) -> dict[str, Any]:
    """Headline, summary (its middle part emphasised), shortfalls, one bar per limit, key dates,
    and the Dutch date of each excluded activity (in the verdict's order). `pending` rows of the
    form are left out for now: the headline then says the result is provisional, and `provisional`
    says how many rows do not count yet (None when all count)."""
    amount = _amount(verdict["unit"])
    total = verdict["total"]
    title = verdict["schedule"]["title"]  # a neutral tussenstand while the period runs
    return {
        "headline": f"Voorlopig: {title[:1].lower()}{title[1:]}" if pending else title,
        "tone": "provisional" if pending else verdict["schedule"]["tone"],
        "provisional": _provisional(pending),
        "summary": [f"{verdict['register_name']}: ", amount(total["points"]),
                    f" van de {amount(total['required'])} die nodig zijn."],
        "shortfalls": _shortfalls(verdict, amount),
        "bars": _bars(verdict, amount),
        "dates": _dates(verdict["dates"]),
        "excluded": [_day(item["date"]) for item in verdict["excluded"]],
    }


def _provisional(pending: int) -> dict[str, str] | None:
    """The lines above and below the list of rows that do not count yet."""
    if not pending:
        return None
    count = "Eén activiteit telt nog niet mee:" if pending == 1 else f"{pending} activiteiten tellen nog niet mee:"
    return {"count": count, "note": PROVISIONAL_NOTE}


def _amount(unit: str) -> Any:
    one, many = UNIT_WORDS[unit]
    return lambda value: f"{dutch_number(value)} {one if value == 1 else many}"


def _shortfalls(verdict: dict[str, Any], amount: Any) -> str | None:
    missing = [f"nog {amount(item['shortfall'])} {item['label'].lower()}"
               for item in [*verdict["categories"].values(), *verdict["groups"].values()] if item["shortfall"] > 0]
    if verdict["total"]["shortfall"] > 0:
        missing.append(f"in totaal nog {amount(verdict['total']['shortfall'])}")
    return f"Je mist {', '.join(missing)}." if missing else None


def _bars(verdict: dict[str, Any], amount: Any) -> list[dict[str, Any]]:
    """The total, each category and each group: label, numbers in words, and the numbers to draw."""
    total = verdict["total"]
    bars = [_bar(amount, "total", "Totaal", total["points"], total["required"])]
    bars += [_bar(amount, category_id, item["label"], item["points"], item["min"], item["max"], item["counted"],
                  total["required"]) for category_id, item in verdict["categories"].items()]
    bars += [_bar(amount, f"group-{group_id}", group["label"], group["points"], group["min"])
             for group_id, group in verdict["groups"].items()]
    return bars


def _bar(amount: Any, bar_id: str, label: str, points: Number, minimum: Number, maximum: Number | None = None,
         counted: Number | None = None, total: Number | None = None) -> dict[str, Any]:
    """A bar fills towards its minimum (look `met` once reached, else `short`). Without a minimum it
    is its share of the `total` required (look `free`), so it never looks "done" while the total is not."""
    counted = points if counted is None else counted
    target = minimum if minimum > 0 else None
    notes = [f"minimum {dutch_number(minimum)}"] if target else ["geen minimum, telt mee voor het totaal"] if total else []
    if maximum is not None:
        notes.append(f"maximum {dutch_number(maximum)}, telt {dutch_number(counted)} mee")
    text = amount(points) + (f" ({'; '.join(notes)})" if notes else "")
    look = "free" if target is None else "met" if points >= target else "short"
    return {"id": bar_id, "label": label, "text": text, "points": points, "target": target,
            "counted": counted, "scale": target or total or max(points, 1), "look": look}


def _dates(dates: dict[str, Any]) -> list[dict[str, str]]:
    rows = [("Einde van je periode", _day(dates["period_end"]))]
    if dates["submission_when_norm_met"]:
        rows.append(("Vroegst indienen", "zodra je aan de norm voldoet"))
    elif dates["earliest_submission"]:
        rows.append(("Vroegst indienen", _day(dates["earliest_submission"])))
    if dates["latest_submission"]:
        rows.append(("Uiterlijk indienen", _day(dates["latest_submission"])))
    return [{"label": label, "value": value} for label, value in rows]


def _day(iso: str) -> str:
    return dutch_date(date.fromisoformat(iso))



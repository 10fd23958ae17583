"""The schedule in plain Dutch: title, headline, one sentence per minimum, what is planned, and the
verdict's `schedule` key (numbers and sentences together, so the CLI and the browser say the same)."""
from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, Decimal
from typing import Any

from .advice import Context, in_sentence, join_words
from .dates import dutch_date
from .numbers import dutch_number, json_number, optional_json_number
from .schedule import Schedule, Target
from .series import chart_series

_ONE_DECIMAL = Decimal("0.1")
TITLES = {  # phase → (title when the norm is not met by what is done, title when it is)
    "running": ("Tussenstand", "Tussenstand"),
    "final": ("Norm niet behaald", "Norm behaald"),
    "ended": ("Norm niet behaald", "Norm behaald"),  # the headline says the period has ended
}

STATUS_LABELS = {"met": "Gehaald", "on_pace": "Op schema", "behind": "Loopt achter"}
RISK_LABEL = " (grootste risico)"
STATE_LABELS = {"done": "Gedaan", "planned": "Gepland", "outside": "Buiten je periode"}


def schedule_dict(schedule: Schedule, context: Context) -> dict[str, Any]:
    """The verdict's `schedule` key (documented in calculator/README.md)."""
    clock = schedule.clock
    risk = schedule.risk
    return {
        "phase": schedule.phase,
        "today": clock.today.isoformat(),
        "today_text": dutch_date(clock.today),
        "submission_label": _submission_label(context),
        "title": _title(schedule),
        "tone": "neutral" if schedule.phase == "running" else ("passed" if schedule.done_passed else "failed"),
        "headline": _headline(schedule, context),
        "status": _status(schedule, context),
        "elapsed_percent": _percent(clock.share),
        "points_percent": _percent(_share(schedule.total.done, schedule.total.required)),
        "days_left": clock.days_left,
        "months_left": clock.months_left,
        "targets": [
            {"id": t.id, "kind": t.kind, "label": t.label, "required": json_number(t.required),
             "done": json_number(t.done), "planned": json_number(t.with_plan - t.done),
             "needed": json_number(t.needed), "needed_after_plan": json_number(t.needed_after_plan),
             "expected": json_number(t.expected), "difference": json_number(t.difference),
             "pace_per_month": optional_json_number(t.pace), "status": t.status, "risk": t is risk,
             "plan": t.plan, "text": _target_text(t, schedule, context), "figures": _figures(t, t is risk),
             "caption": f"{t.label}: {dutch_number(t.done)} van de {context.amount(t.required)} gedaan"}
            for t in schedule.targets
        ],
        "planned": {
            "count": len(schedule.planned), "indices": [activity.position for activity in schedule.planned],
            "points": json_number(sum((activity.points for activity in schedule.planned), Decimal(0))),
            "meets_norm": schedule.plan_passed,
        },
        "advice": _advice(schedule, context),
        "activities": _activities(context),
        "series": chart_series(context.portfolio, clock.today),
    }


def _activities(context: Context) -> list[dict[str, Any]]:
    """Every activity by date, for the printed result: Dutch date and points, and whether it is
    done, planned or outside the period (dates and amounts repeat: each is written once)."""
    portfolio, today = context.portfolio, context.today
    labels = {category.id: category.label for category in portfolio.register.categories}
    start, end = portfolio.period_start, portfolio.period_end
    days: dict[date, tuple[str, str]] = {}
    amounts: dict[Decimal, str] = {}
    listed = []
    for a in sorted(portfolio.activities, key=lambda a: (a.date, a.position)):
        if a.date not in days:
            state = "outside" if not start <= a.date <= end else "planned" if a.date > today else "done"
            days[a.date] = (dutch_date(a.date), state)
        if a.points not in amounts:
            amounts[a.points] = dutch_number(a.points)
        day, state = days[a.date]
        listed.append({"index": a.position, "date_text": day, "category": labels[a.category],
                       "points": amounts[a.points], "title": a.title, "state": state, "state_text": STATE_LABELS[state]})
    return listed


def _submission_label(context: Context) -> str:
    portfolio = context.portfolio
    submission = portfolio.norm.submission_override or portfolio.register.submission
    return submission.label if submission else "herregistratie"


def _figures(target: Target, risk: bool) -> dict[str, str]:
    """The target's numbers as the page's table shows them (Dutch, rounded to a tenth)."""
    numbers = {"required": target.required, "done": target.done, "planned": target.with_plan - target.done,
               "expected": _rounded(target.expected), "needed": target.needed}
    return {**{key: dutch_number(value) for key, value in numbers.items()},
            "pace": "–" if target.pace is None else dutch_number(target.pace),
            "status": STATUS_LABELS[target.status] + (RISK_LABEL if risk else "")}


def _title(schedule: Schedule) -> str:
    return TITLES[schedule.phase][schedule.done_passed]


def _headline(schedule: Schedule, context: Context) -> str:
    end = dutch_date(context.portfolio.period_end)
    if schedule.phase == "ended":
        return f"Je periode is afgelopen op {end}."
    if schedule.phase == "final":
        return ("Je voldoet aan de norm." if schedule.done_passed
                else f"Je voldoet nog niet aan de norm, en je periode eindigt op {end}.")
    done = _share(schedule.total.done, schedule.total.required)
    return (f"Je bent {_percent(schedule.clock.share)} % van je periode op weg en hebt "
            f"{_percent(done)} % van je {context.unit}.")


def _status(schedule: Schedule, context: Context) -> str:
    """One line that always says whether the norm is behaald (the page's contract)."""
    end = dutch_date(context.portfolio.period_end)
    if schedule.done_passed:
        return "Je hebt de norm behaald." if schedule.phase != "running" else "Je hebt de norm al behaald."
    if schedule.phase == "ended":
        return "Je hebt de norm niet behaald."
    return f"Norm nog niet behaald; je periode loopt tot en met {end}."


def _target_text(target: Target, schedule: Schedule, context: Context) -> str:
    label = in_sentence(target.label) if target.kind != "total" else "in totaal"
    have = f"{dutch_number(target.done)} van de {context.amount(target.required)}"
    if not target.needed:
        return f"{target.label}: gehaald ({have})."
    if schedule.phase == "ended" or target.pace is None:
        return f"{target.label}: {have}; er ontbreekt {context.amount(target.needed)}."
    sentence = (f"Nog {context.amount(target.needed)} {label} in {_time_left(schedule)}: "
                f"ongeveer {context.amount(target.pace)} per maand.")
    behind = _rounded(-target.difference)
    if behind > 0:
        sentence += f" Je loopt {context.amount(behind)} achter op een gelijkmatige verdeling."
    elif _rounded(target.difference) > 0:
        sentence += f" Je loopt {context.amount(_rounded(target.difference))} voor op een gelijkmatige verdeling."
    return f"{sentence} {target.plan}".rstrip()


def _advice(schedule: Schedule, context: Context) -> list[str]:
    advice = []
    if schedule.phase == "ended":
        advice.append(_ended(schedule, context))
    risk = schedule.risk
    if risk is not None and schedule.phase != "ended":
        advice.append(f"Grootste risico: {in_sentence(risk.label)}. Je hebt er {dutch_number(risk.done)} van de "
                      f"{dutch_number(risk.required)}; bij een gelijkmatige verdeling over je periode zou je nu op "
                      f"{dutch_number(_rounded(risk.expected))} zitten.")
    advice += [_target_text(target, schedule, context) for target in schedule.targets if target.needed]
    if schedule.planned:
        advice.append(_planned(schedule, context))
    return advice


def _planned(schedule: Schedule, context: Context) -> str:
    count = len(schedule.planned)
    points = sum((activity.points for activity in schedule.planned), Decimal(0))
    what = f"{count} {'activiteit' if count == 1 else 'activiteiten'}"
    start = f"Gepland na vandaag: {what}, samen {context.amount(points)}."
    if schedule.plan_passed:
        return f"{start} Als je {'die' if count == 1 else 'ze'} uitvoert, haal je de norm."
    missing = [f"{context.amount(t.needed_after_plan)} {in_sentence(t.label) if t.kind != 'total' else 'in totaal'}"
               for t in schedule.targets if t.needed_after_plan]
    return f"{start} Ook als je alles uitvoert, haal je de norm nog niet: dan mis je nog {join_words(missing)}."


def _ended(schedule: Schedule, context: Context) -> str:
    portfolio, dates = context.portfolio, context.dates
    text = (f"Je periode liep tot en met {dutch_date(portfolio.period_end)}; activiteiten van na die datum "
            "tellen niet meer mee voor deze periode.")
    if dates.latest is not None:
        text += f" De uiterste datum om in te dienen was {dutch_date(dates.latest)}."
    if schedule.done_passed:
        return text + (" Met de activiteiten in je periode voldeed je aan de norm; heb je nog niet ingediend, "
                       "neem dan contact op met je register.")
    return text + " Met de activiteiten in je periode voldeed je niet aan de norm; vraag je register wat dat voor je registratie betekent."


def _time_left(schedule: Schedule) -> str:
    months, days = schedule.clock.months_left, schedule.clock.days_left
    if months >= 1:
        return f"{months} {'maand' if months == 1 else 'maanden'}"
    return f"{days} {'dag' if days == 1 else 'dagen'}"


def _share(part: Decimal, whole: Decimal) -> Decimal:
    return Decimal(1) if not whole else min(Decimal(1), part / whole)


def _percent(share: Decimal) -> int:
    return int((share * 100).to_integral_value(rounding=ROUND_DOWN))


def _rounded(value: Decimal) -> Decimal:
    return value.quantize(_ONE_DECIMAL)

"""The CLI's readable Dutch report, made from the verdict dict (so it shows what --json shows)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from .dates import dutch_date
from .numbers import dutch_number
from .printable import printable_data

def verdict_text(verdict: dict[str, Any], name_activity: Callable[[int], str]) -> str:
    """Heading, a table per category, excluded activities, key dates and the advice (every text from
    the input shown with its control characters escaped)."""
    verdict = printable_data(verdict)
    unit = verdict["unit"]
    period = verdict["period"]
    lines = [
        f"Puntencheck: {verdict['register_name']} ({verdict['register']})",
        f"Periode: {_day(period['start'])} tot en met {_day(period['end'])}",
        f"Uitslag: {_outcome(verdict)}",
        "",
        *_table(verdict, unit),
    ]
    lines += ["", *_schedule(verdict["schedule"], name_activity)]
    if verdict["excluded"]:
        lines += ["", "Telt niet mee:"]
        lines += [f"  - {name_activity(item['index'])}{_title(item)}: {item['reason']}" for item in verdict["excluded"]]
    lines += ["", "Belangrijke data:", *_dates(verdict["dates"], unit)]
    lines += ["", "Advies:", *(f"  - {message}" for message in verdict["messages"])]
    return "\n".join(lines)


def _outcome(verdict: dict[str, Any]) -> str:
    """While the period runs a neutral tussenstand; near the submission date and after it, the verdict."""
    if verdict["schedule"]["phase"] == "running":
        return "tussenstand (de norm is nog niet behaald)" if not verdict["passed"] else "tussenstand (norm behaald)"
    return "norm behaald" if verdict["passed"] else "norm NIET behaald"


def _schedule(schedule: dict[str, Any], name_activity: Callable[[int], str]) -> list[str]:
    """The schedule on the reference date: title, headline, one line per minimum, planned activities."""
    lines = [f"{schedule['title']} (stand op {_day(schedule['today'])}):", f"  {schedule['headline']}",
             f"  {schedule['status']}"]
    lines += [f"  - {text}" for text in schedule["advice"]]
    if schedule["planned"]["count"]:
        lines += ["", "Gepland (na vandaag):", *(f"  - {name_activity(index)}" for index in schedule["planned"]["indices"])]
    return lines


def registers_text(summary: list[dict[str, Any]]) -> str:
    """One block per register: id, name, period, total and per-category limits."""
    summary = printable_data(summary)
    blocks = []
    for register in summary:
        marker = ("" if register["from_source_documents"]
                  else " (niet uit de brondocumenten: controleer bij het register)")
        block = [f"{register['id']}: {register['name']}",
                 f"  {register['years']} jaar, {_rule(register, register['unit'])}",
                 f"  bron: {register['source']}, geldig vanaf {register['valid_from']}"
                 f"{' (datum aangenomen)' if register['valid_from_assumed'] else ''}{marker}"]
        block += [f"  met optie {option['id']} ({option['label']}): {_option(option, register['unit'])}"
                  for option in register["options"]]
        blocks.append("\n".join(block))
    blocks.append("custom: Eigen norm\n  je eigen norm in het portfolio: \"norm\": {years, total, categories}")
    return "\n\n".join(blocks)


def _table(verdict: dict[str, Any], unit: str) -> list[str]:
    labels = [item["label"] for item in verdict["categories"].values()]
    labels += [f"{group['label']} (samen)" for group in verdict["groups"].values()]
    width = max(len(label) for label in labels) + 2
    head = f"{'Categorie':<{width}}{unit:>9}{'minimum':>9}{'maximum':>9}{'telt mee':>10}{'tekort':>8}"
    rows = [f"{item['label']:<{width}}{_n(item['points']):>9}{_n(item['min']):>9}{_n(item['max']):>9}"
            f"{_n(item['counted']):>10}{_n(item['shortfall']):>8}" for item in verdict["categories"].values()]
    total = verdict["total"]
    rows.append(f"{'Totaal':<{width}}{'':>9}{_n(total['required']):>9}{'':>9}{_n(total['points']):>10}"
                f"{_n(total['shortfall']):>8}")
    rows += [f"{group['label'] + ' (samen)':<{width}}{'':>9}{_n(group['min']):>9}{'':>9}{_n(group['points']):>10}"
             f"{_n(group['shortfall']):>8}" for group in verdict["groups"].values()]
    return [head, "-" * len(head), *rows]


def _dates(dates: dict[str, Any], unit: str) -> list[str]:
    lines = [f"  - Einde periode: {_day(dates['period_end'])}"]
    if dates["latest_submission"]:
        earliest = dates["earliest_submission"]
        lines += [f"  - Vroegst indienen: {_day(earliest) if earliest else f'zodra je alle {unit} hebt'}",
                  f"  - Uiterlijk indienen: {_day(dates['latest_submission'])}"]
    return lines


def _rule(rule: dict[str, Any], unit: str) -> str:
    limits = [f"{item['id']} {_limit(item)}" for item in rule["categories"]]
    groups = [f"{'+'.join(group['categories'])} samen ≥ {_n(group['min'])}" for group in rule["groups"]]
    return f"totaal {_n(rule['total'])} {unit}: " + ", ".join(limits + groups)


def _option(option: dict[str, Any], unit: str) -> str:
    """What an option changes: the numbers, and/or when the request may be submitted."""
    when = {True: "; indienen zodra de norm gehaald is", False: "", None: ""}[option["submission_when_norm_met"]]
    return _rule(option, unit) + when


def _limit(item: dict[str, Any]) -> str:
    parts = [f"≥ {_n(item['min'])}"] if item["min"] else []
    parts += [f"≤ {_n(item['max'])}"] if item["max"] is not None else []
    return " en ".join(parts) or "geen minimum"


def _title(item: dict[str, Any]) -> str:
    return f" ({item['title']})" if item.get("title") else ""


def _n(value: int | float | None) -> str:
    return "-" if value is None else dutch_number(value)


def _day(iso: str) -> str:
    return dutch_date(date.fromisoformat(iso))

"""The key dates of a verdict as an iCalendar file (RFC 5545): all-day events with a reminder.

Made from the verdict dict, so the CLI (`--ics PATH`) and the browser ("Zet in mijn agenda")
write the same file. UIDs depend on the register, the period and the kind of date only: importing
a newer file updates the events instead of adding copies.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .dates import dutch_date

PRODUCT = "-//Registratiewijzer//Puntencheck//NL"
UID_DOMAIN = "puntencheck.registratiewijzer"
_LINE_OCTETS = 75


@dataclass(frozen=True)
class KeyDate:
    """One all-day event: what happens that day and how many weeks ahead to be reminded."""

    kind: str
    day: date
    summary: str
    description: str
    reminder: str
    weeks_ahead: int


def calendar_text(verdict: dict[str, Any], guide_url: str | None = None) -> str:
    """The verdict's key dates as iCalendar text (CRLF line ends, long lines folded)."""
    events = key_dates(verdict)
    stamp = date.fromisoformat(verdict["schedule"]["today"])
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             _property("X-WR-CALNAME", f"Registratie {verdict['register_name']}")]
    for event in events:
        lines += _event(event, verdict, stamp, guide_url)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def page_route(markdown_path: str) -> str:
    """A page's address in the site from its Markdown path: `krsd/index.md` → `krsd/`,
    `skj/herregistratie.md` → `skj/herregistratie/` (MkDocs' directory URLs)."""
    route = markdown_path.removesuffix(".md")
    return route.removesuffix("index") if route == "index" or route.endswith("/index") else f"{route}/"


def key_dates(verdict: dict[str, Any]) -> list[KeyDate]:
    """Earliest and latest submission, period end, and when each dated document stops being usable."""
    dates, name = verdict["dates"], verdict["register_name"]
    what = verdict["schedule"]["submission_label"]
    events = []
    if dates["earliest_submission"]:
        events.append(KeyDate("earliest-submission", date.fromisoformat(dates["earliest_submission"]),
                              f"Vanaf vandaag kun je je {what} indienen ({name})",
                              f"Vanaf {_day(dates['earliest_submission'])} kun je je {what} indienen, tot en met "
                              f"{_day(dates['latest_submission'])}.",
                              f"Op {_day(dates['earliest_submission'])} kun je je {what} gaan indienen.", 2))
    if dates["latest_submission"]:
        events.append(KeyDate("latest-submission", date.fromisoformat(dates["latest_submission"]),
                              f"Uiterste datum: {what} indienen ({name})",
                              f"Vandaag is de laatste dag om je {what} in te dienen.",
                              f"Op {_day(dates['latest_submission'])} is de laatste dag om je {what} in te dienen.", 8))
    events.append(KeyDate("period-end", date.fromisoformat(dates["period_end"]),
                          f"Einde van je periode ({name})",
                          f"Je periode van {_day(verdict['period']['start'])} tot en met {_day(dates['period_end'])} "
                          "eindigt vandaag; activiteiten van na vandaag tellen niet meer mee voor deze periode.",
                          f"Op {_day(dates['period_end'])} eindigt je periode.", 8))
    for document in verdict["documents"]:
        events.append(KeyDate(f"{document['id'].replace('_', '-')}-renewal", date.fromisoformat(document["valid_until"]),
                              f"Laatste dag dat je {document['label']} bruikbaar is",
                              f"Je {document['label']} van {_day(document['date'])} mag bij het indienen niet ouder "
                              f"zijn dan {document['max_age_months']} maanden; vraag op tijd een nieuwe aan.",
                              f"Op {_day(document['valid_until'])} is je {document['label']} voor het laatst "
                              "bruikbaar; vraag op tijd een nieuwe aan.", 6))
    return events


def _event(event: KeyDate, verdict: dict[str, Any], stamp: date, guide_url: str | None) -> list[str]:
    more = (f"\n\nMeer informatie: {guide_url}" if guide_url
            else "\n\nMeer informatie: de pagina over herregistratie in de Registratiewijzer.")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.kind}-{verdict['register']}-{verdict['period']['start']}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
        _property("SUMMARY", event.summary),
        _property("DESCRIPTION", event.description + more),
        "TRANSP:TRANSPARENT",
    ]
    if guide_url:
        lines.append(f"URL:{guide_url}")
    lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER:-P{event.weeks_ahead}W",
              _property("DESCRIPTION", event.reminder), "END:VALARM", "END:VEVENT"]
    return lines


def _property(name: str, value: str) -> str:
    """NAME:value with TEXT escaping (RFC 5545, 3.3.11)."""
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    return f"{name}:{escaped}"


def _fold(line: str) -> str:
    """Lines longer than 75 octets folded (CRLF + space), never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > _LINE_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def _day(iso: str) -> str:
    return dutch_date(date.fromisoformat(iso))

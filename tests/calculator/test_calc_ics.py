"""The key dates as an iCalendar file: parsed back with `icalendar` and checked against the verdict."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import icalendar
import pytest

import calculator
from calc_support import GOOD, fresh_norms, portfolio
from calculator.ics import calendar_text
from test_calc_cli import run_cli, write

MID_PERIOD = portfolio(("2022-03-01", "geaccrediteerd", 16), ("2023-02-01", "reflectie", 6.5),
                       ("2024-09-01", "reflectie", 10), start="2022-01-01",
                       documents={"vog": "2024-01-10", "verklaring_werkervaring": "2024-05-02"})
TODAY = dt.date(2024, 7, 1)
GUIDE = "https://intranet.example/gids/clientondersteuners/herregistratie/"


def parse(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return list(calendar.walk("VEVENT"))


def by_uid_kind(events: list[icalendar.Event], register: str) -> dict[str, icalendar.Event]:
    """Events keyed by the kind of date their UID starts with (`<kind>-<register>-<start>@…`)."""
    return {str(event["UID"]).split(f"-{register}-")[0]: event for event in events}


def expected_dates(verdict: dict[str, Any]) -> dict[str, dt.date]:
    """What the verdict says each event's day must be."""
    days = {"latest-submission": verdict["dates"]["latest_submission"], "period-end": verdict["dates"]["period_end"]}
    if verdict["dates"]["earliest_submission"]:
        days["earliest-submission"] = verdict["dates"]["earliest_submission"]
    days |= {f"{d['id'].replace('_', '-')}-renewal": d["valid_until"] for d in verdict["documents"]}
    return {kind: dt.date.fromisoformat(day) for kind, day in days.items()}


@pytest.mark.parametrize("data", [MID_PERIOD, GOOD, portfolio(("2024-03-01", "geaccrediteerd", 8), register="krsd",
                                                                start="2024-01-01"),
                                  portfolio(("2022-03-01", "formeel", 8), register="skj-jeugd-en-gezinsprofessional",
                                            start="2022-01-01", documents={"vog": "2025-02-01"})],
                         ids=["mid-period", "ended-soon", "krsd", "skj"])
def test_each_event_is_on_the_verdicts_date(data: dict[str, Any]) -> None:
    verdict = calculator.check(data, fresh_norms(), TODAY)
    events = by_uid_kind(parse(calendar_text(verdict, GUIDE)), verdict["register"])
    assert {kind: event.decoded("DTSTART") for kind, event in events.items()} == expected_dates(verdict)
    for event in events.values():
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is dt.date and end - start == dt.timedelta(days=1)  # all-day
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1 and alarms[0]["ACTION"] == "DISPLAY"
        weeks = -alarms[0].decoded("TRIGGER")
        assert weeks >= dt.timedelta(weeks=2) and weeks.days % 7 == 0
        assert str(event["URL"]) == GUIDE and GUIDE in str(event["DESCRIPTION"])


def test_texts_are_dutch_and_name_the_register() -> None:
    verdict = calculator.check(MID_PERIOD, fresh_norms(), TODAY)
    events = by_uid_kind(parse(calendar_text(verdict, GUIDE)), verdict["register"])
    assert str(events["latest-submission"]["SUMMARY"]) == "Uiterste datum: herregistratie indienen (Cliëntondersteuner)"
    assert str(events["vog-renewal"]["SUMMARY"]) == "Laatste dag dat je VOG NP bruikbaar is"
    assert "10 januari 2025" in str(events["vog-renewal"].walk("VALARM")[0]["DESCRIPTION"])
    krsd = calculator.check(portfolio(("2024-03-01", "geaccrediteerd", 8), register="krsd", start="2024-01-01"),
                            fresh_norms(), TODAY)
    summaries = [str(e["SUMMARY"]) for e in parse(calendar_text(krsd))]
    assert "Uiterste datum: hercertificeringsaanvraag indienen (Professional Publiek Sociaal Domein)" in summaries


def test_uids_are_stable_so_a_new_file_updates_the_events() -> None:
    """Another day, more activities, a newer VOG: the same UIDs (and a later DTSTAMP); another period: new ones."""
    first = parse(calendar_text(calculator.check(MID_PERIOD, fresh_norms(), TODAY), GUIDE))
    later = {**MID_PERIOD, "activities": [*MID_PERIOD["activities"], {"date": "2024-10-01", "category": "overig",
                                                                      "points": 5}],
             "documents": {"vog": "2024-06-01", "verklaring_werkervaring": "2024-05-02"}}
    second = parse(calendar_text(calculator.check(later, fresh_norms(), dt.date(2024, 9, 1)), GUIDE))
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]
    assert len({str(e["UID"]) for e in first}) == len(first)
    assert all(b.decoded("DTSTAMP") > a.decoded("DTSTAMP") for a, b in zip(first, second, strict=True))
    other = parse(calendar_text(calculator.check({**MID_PERIOD, "period_start": "2022-02-01"}, fresh_norms(), TODAY)))
    assert not {str(e["UID"]) for e in first} & {str(e["UID"]) for e in other}


def test_lines_are_folded_crlf_and_at_most_75_octets() -> None:
    text = calendar_text(calculator.check(MID_PERIOD, fresh_norms(), TODAY), GUIDE)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert max(len(line.encode("utf-8")) for line in text.split("\r\n")) <= 75
    assert "Cliëntondersteuner" in str(parse(text)[0]["SUMMARY"])  # folding never splits a character


def test_cli_writes_the_same_file(tmp_path: Path) -> None:
    path = write(tmp_path, "p.json", json.dumps(MID_PERIOD))
    ics = tmp_path / "agenda.ics"
    result = run_cli("check", path, "--today", TODAY.isoformat(), "--ics", str(ics),
                     "--site-url", "https://intranet.example/gids")
    assert result.returncode == 1, result.stderr
    verdict = calculator.check(MID_PERIOD, fresh_norms(), TODAY)
    assert ics.read_bytes().decode("utf-8") == calendar_text(verdict, GUIDE)


def test_cli_refuses_an_unwritable_ics_path(tmp_path: Path) -> None:
    path = write(tmp_path, "p.json", json.dumps(MID_PERIOD))
    result = run_cli("check", path, "--ics", str(tmp_path / "geen-map" / "agenda.ics"))
    assert result.returncode == 2 and "kan het bestand niet schrijven" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""

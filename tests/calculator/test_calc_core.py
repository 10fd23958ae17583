"""The core: periods, exact sums, counted points, key dates, documents, messages, refused input."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import calculator
from calc_support import GOOD, REFUSED, fresh_norms, portfolio

norms_fixture = pytest.fixture(fresh_norms, name="norms")


def run(data: dict[str, Any], norms: dict[str, Any], today: dt.date = dt.date(2025, 11, 1)) -> dict[str, Any]:
    return calculator.check(data, norms, today)


@pytest.mark.parametrize("start, register, end", [
    ("2021-01-01", "registerplein-clientondersteuner", "2025-12-31"),
    ("2020-02-29", "registerplein-clientondersteuner", "2025-02-28"),
    ("2019-03-01", "registerplein-clientondersteuner", "2024-02-29"),
    ("2021-07-15", "krsd", "2024-07-14"),
])
def test_period_end(norms: dict[str, Any], start: str, register: str, end: str) -> None:
    category = "geaccrediteerd"
    verdict = run(portfolio((start, category, 1), register=register, start=start), norms)
    assert verdict["period"] == {"start": start, "end": end}
    assert verdict["dates"]["period_end"] == end


def test_first_and_last_day_count_the_days_around_do_not(norms: dict[str, Any]) -> None:
    data = portfolio(("2020-12-31", "overig", 1), ("2021-01-01", "overig", 2), ("2025-12-31", "overig", 4),
                     ("2026-01-01", "overig", 8))
    verdict = run(data, norms)
    assert verdict["categories"]["overig"]["points"] == 6
    assert [(item["index"], item["date"]) for item in verdict["excluded"]] == [(0, "2020-12-31"), (3, "2026-01-01")]
    assert "vóór het begin" in verdict["excluded"][0]["reason"] and "na het einde" in verdict["excluded"][1]["reason"]


def test_decimal_points_add_up_exactly(norms: dict[str, Any]) -> None:
    tenths = [("2021-02-01", "reflectie", 0.1)] * 3 + [("2021-02-01", "overig", 7.5), ("2021-03-01", "overig", 7.5)]
    verdict = run(portfolio(*tenths), norms)
    assert verdict["categories"]["reflectie"]["points"] == 0.3
    assert verdict["categories"]["overig"]["points"] == 15 and type(verdict["categories"]["overig"]["points"]) is int
    assert verdict["total"]["points"] == 15.3
    assert verdict["categories"]["reflectie"]["shortfall"] == 39.7


def test_decimal_points_reach_a_minimum_exactly(norms: dict[str, Any]) -> None:
    """39.3 + 0.7 is 40: in binary floating point it is a hair less, which must not cost the pass."""
    data = portfolio(("2021-05-01", "geaccrediteerd", 40), ("2021-06-01", "reflectie", 39.3),
                     ("2021-07-01", "reflectie", 0.7), ("2022-01-01", "overig", 80))
    verdict = run(data, norms)
    assert verdict["categories"]["reflectie"]["shortfall"] == 0
    assert verdict["passed"] is True


def test_json_shows_whole_numbers_as_integers(norms: dict[str, Any]) -> None:
    data = portfolio(("2021-02-01", "overig", 205.0))
    text = calculator.check_json(json.dumps(data), json.dumps(norms), "2025-11-01")
    assert '"points": 205,' in text and "205.0" not in text


def test_counted_is_capped_by_a_maximum_and_only_counted_points_make_the_total(norms: dict[str, Any]) -> None:
    data = portfolio(("2021-05-01", "formeel", 60), ("2021-05-01", "informeel", 50), ("2022-05-01", "reflectie", 60),
                     register="skj-jeugd-en-gezinsprofessional")
    verdict = run(data, norms)
    informeel = verdict["categories"]["informeel"]
    assert (informeel["points"], informeel["counted"], informeel["max"]) == (50, 20, 20)
    assert verdict["total"]["points"] == 140
    assert "Van je 50 punten informeel leren tellen er 20 mee (maximum 20)." in verdict["messages"]


def test_passed_needs_total_and_every_minimum(norms: dict[str, Any]) -> None:
    assert run(GOOD, norms)["passed"] is True
    short_total = portfolio(("2021-05-01", "geaccrediteerd", 40), ("2021-06-01", "reflectie", 40),
                            ("2022-01-01", "overig", 79.5))
    verdict = run(short_total, norms)
    assert verdict["passed"] is False and verdict["total"]["shortfall"] == 0.5
    assert "Je mist in totaal nog 0,5 punten: je hebt er 159,5 van de 160." in verdict["messages"]


def test_shortfall_message_without_surplus_elsewhere_has_no_extra_clause(norms: dict[str, Any]) -> None:
    verdict = run(portfolio(("2021-05-01", "geaccrediteerd", 40), ("2021-06-01", "reflectie", 30)), norms)
    assert "Je mist nog 10 punten reflectie." in verdict["messages"]
    assert ("Je mist in totaal nog 90 punten: je hebt er 70 van de 160. "
            "Wat je voor de minima nog haalt, telt ook mee voor het totaal.") in verdict["messages"]


@pytest.mark.parametrize("register, start, earliest, latest", [
    ("registerplein-clientondersteuner", "2020-06-01", "2025-02-28", "2025-05-31"),
    ("krsd", "2022-03-01", "2024-02-28", "2025-02-28"),
    ("skj-jeugd-en-gezinsprofessional", "2021-01-01", None, "2025-12-30"),
    ("skj-psycholoog", "2021-01-01", None, "2025-12-30"),
])
def test_submission_window(norms: dict[str, Any], register: str, start: str, earliest: str | None, latest: str) -> None:
    category = {"krsd": "geaccrediteerd", "skj-psycholoog": "scholing"}.get(register, "reflectie")
    verdict = run(portfolio((start, category, 1), register=register, start=start), norms)
    assert verdict["dates"]["earliest_submission"] == earliest
    assert verdict["dates"]["latest_submission"] == latest
    assert verdict["dates"]["submission_when_norm_met"] is (earliest is None)


@pytest.mark.parametrize("today, submission, phrase", [
    ("2025-09-29", None, "Vandaag (29 september 2025) is te vroeg om in te dienen: dat kan vanaf 30 september 2025."),
    ("2025-09-30", None, None),
    ("2026-01-01", None,
     "Let op: Vandaag (1 januari 2026) ligt na de uiterste datum om in te dienen (31 december 2025)."),
    ("2025-01-01", "2025-12-31", None),
    ("2025-01-01", "2025-08-01", "Je indiendatum (1 augustus 2025) is te vroeg om in te dienen"),
])
def test_submission_date_against_the_window(norms: dict[str, Any], today: str, submission: str | None,
                                            phrase: str | None) -> None:
    extra = {"submission_date": submission} if submission else {}
    data = portfolio(("2021-05-01", "overig", 1), **extra)
    messages = run(data, norms, dt.date.fromisoformat(today))["messages"]
    window = [m for m in messages if "te vroeg" in m or "Let op" in m]
    assert [m[:len(phrase)] for m in window] == ([phrase] if phrase else []), messages


def test_future_activities_are_mentioned(norms: dict[str, Any]) -> None:
    data = portfolio(("2025-11-02", "overig", 1), ("2025-12-01", "overig", 1), ("2025-11-01", "overig", 1))
    messages = run(data, norms, dt.date(2025, 11, 1))["messages"]
    assert any(m.startswith("2 activiteiten in je periode liggen na vandaag (1 november 2025)") for m in messages)


@pytest.mark.parametrize("issued, ok", [("2024-12-01", True), ("2024-11-30", False), ("2025-12-01", True),
                                        ("2025-12-02", False)])
def test_vog_age_on_the_submission_date(norms: dict[str, Any], issued: str, ok: bool) -> None:
    data = portfolio(("2021-05-01", "overig", 1), documents={"vog": issued}, submission_date="2025-12-01")
    [document] = run(data, norms)["documents"]
    assert document["ok"] is ok


def test_documents_default_to_today(norms: dict[str, Any]) -> None:
    data = portfolio(("2021-05-01", "overig", 1), documents={"verklaring_werkervaring": "2025-05-01"})
    assert run(data, norms, dt.date(2025, 11, 1))["documents"][0]["ok"] is True
    assert run(data, norms, dt.date(2025, 11, 2))["documents"][0]["ok"] is False


@pytest.mark.parametrize("register, from_documents", [
    ("registerplein-clientondersteuner", True), ("krsd", True), ("skj-jeugd-en-gezinsprofessional", False),
    ("skj-pedagoog", False), ("skj-psycholoog", False),
])
def test_research_norms_say_so(norms: dict[str, Any], register: str, from_documents: bool) -> None:
    category = norms["registers"][register]["categories"][0]["id"]
    verdict = run(portfolio(("2022-05-01", category, 1), register=register, start="2022-01-01"), norms)
    assert verdict["norm"]["from_source_documents"] is from_documents
    warning = [m for m in verdict["messages"] if "niet uit de brondocumenten" in m]
    assert len(warning) == (0 if from_documents else 1)
    if warning:
        assert f"(bron: {verdict['norm']['source']})" in warning[0] and "controleer hem bij het register" in warning[0]


def test_reminders_are_in_the_messages(norms: dict[str, Any]) -> None:
    messages = run(GOOD, norms)["messages"]
    assert "Reflectie op het beroepscompetentieprofiel is een verplicht onderdeel voor de herregistratie." in messages


def test_verdict_has_the_contract_keys(norms: dict[str, Any]) -> None:
    verdict = run(GOOD, norms)
    assert list(verdict)[:8] == ["passed", "register", "period", "total", "categories", "excluded", "messages",
                                 "register_name"]
    assert set(verdict["categories"]["reflectie"]) >= {"points", "min", "max", "counted", "shortfall"}
    assert set(verdict["total"]) >= {"points", "required", "shortfall"}
    json.dumps(verdict)  # serialisable as is


def test_check_json_equals_check(norms: dict[str, Any]) -> None:
    text = calculator.check_json(json.dumps(GOOD), json.dumps(norms), "2025-11-01")
    assert json.loads(text) == run(GOOD, norms)


@pytest.mark.parametrize("portfolio_text, norms_text, today, message", [
    ("{", None, "2025-11-01", "portfolio: geen geldige JSON (regel 1, kolom 2)"),
    (None, "nee", "2025-11-01", "normen: geen geldige JSON (regel 1, kolom 1)"),
    (None, None, "2025-02-30", 'today: verwacht een bestaande datum als JJJJ-MM-DD, gekregen de tekst "2025-02-30"'),
])
def test_check_json_refuses(norms: dict[str, Any], portfolio_text: str | None, norms_text: str | None, today: str,
                            message: str) -> None:
    with pytest.raises(calculator.InputError) as error:
        calculator.check_json(portfolio_text or json.dumps(GOOD), norms_text or json.dumps(norms), today)
    assert str(error.value) == message


def test_today_must_be_a_date(norms: dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        calculator.check(GOOD, norms, "2025-11-01")  # type: ignore[arg-type]


@pytest.mark.parametrize("name, text, message", REFUSED, ids=[row[0] for row in REFUSED])
def test_refused_input(norms: dict[str, Any], name: str, text: str, message: str) -> None:
    with pytest.raises(calculator.InputError) as error:
        run(json.loads(text), norms)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_input_is_not_modified(norms: dict[str, Any]) -> None:
    before = json.dumps(GOOD, sort_keys=True), json.dumps(norms, sort_keys=True)
    run(GOOD, norms)
    assert (json.dumps(GOOD, sort_keys=True), json.dumps(norms, sort_keys=True)) == before

"""calculator.browser, the worker's only entry module, in CPython: envelopes, paths, one parse rule.

The browser accepts exactly what the CLI accepts: each file the CLI refuses is refused here with the
CLI's line, and each refusal carries the field's path so the page can put it next to that field.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import calculator
from calculator import browser
from calculator.display import display
from calculator.numbers import AMOUNT_TEXT, amount_from_text
from calc_support import GOOD, REFUSED, REPO, fresh_norms

norms = pytest.fixture(fresh_norms, name="norms")
TODAY = "2025-11-01"


def cli(tmp_path: Path, name: str, text: str, *args: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "calculator", "check", str(path), "--today", TODAY, *args],
                          cwd=REPO, capture_output=True, text=True, timeout=60)


def answer(text: str) -> dict[str, Any]:
    return json.loads(text)


def test_check_gives_the_verdict_and_its_dutch_display_in_an_envelope(norms: dict[str, Any]) -> None:
    result = answer(browser.check(json.dumps(GOOD), json.dumps(norms), TODAY))
    verdict = json.loads(calculator.check_json(json.dumps(GOOD), json.dumps(norms), TODAY))
    assert result == {"ok": True, "verdict": verdict, "display": display(verdict)}


def test_display_is_finished_dutch_text(norms: dict[str, Any]) -> None:
    short = {**GOOD, "activities": [{"date": "2020-12-01", "category": "overig", "points": 1},
                                    {"date": "2021-05-01", "category": "reflectie", "points": 30.5}]}
    shown = display(calculator.check(short, norms, dt.date(2025, 11, 1)))
    assert shown["headline"] == "Norm niet behaald"
    assert shown["summary"] == ["Cliëntondersteuner: ", "30,5 punten", " van de 160 punten die nodig zijn."]
    assert shown["shortfalls"] == ("Je mist nog 40 punten geaccrediteerde deskundigheidsbevordering, "
                                   "nog 9,5 punten reflectie, in totaal nog 129,5 punten.")
    assert shown["bars"][0] == {"id": "total", "label": "Totaal", "text": "30,5 punten (minimum 160)",
                                "points": 30.5, "target": 160, "counted": 30.5, "scale": 160, "look": "short"}
    overig = next(bar for bar in shown["bars"] if bar["id"] == "overig")  # no minimum: its share of the total
    assert overig["text"] == "0 punten (geen minimum, telt mee voor het totaal)"
    assert (overig["look"], overig["scale"]) == ("free", 160)
    assert shown["dates"][0] == {"label": "Einde van je periode", "value": "31 december 2025"}
    assert shown["excluded"] == ["1 december 2020"]


def test_display_headline_is_a_neutral_tussenstand_while_the_period_runs(norms: dict[str, Any]) -> None:
    running = display(calculator.check(GOOD, norms, dt.date(2023, 1, 1)))
    assert (running["headline"], running["tone"]) == ("Tussenstand", "neutral")
    final = display(calculator.check(GOOD, norms, dt.date(2025, 11, 1)))
    assert (final["headline"], final["tone"]) == ("Norm behaald", "passed")


def test_display_without_pending_rows_is_not_provisional(norms: dict[str, Any]) -> None:
    assert display(calculator.check(GOOD, norms, dt.date(2023, 1, 1)))["provisional"] is None


@pytest.mark.parametrize("pending, count", [(1, "Eén activiteit telt nog niet mee:"),
                                            (3, "3 activiteiten tellen nog niet mee:")])
def test_display_with_pending_rows_is_provisional_in_finished_dutch(norms: dict[str, Any], pending: int,
                                                                      count: str) -> None:
    verdict = calculator.check(GOOD, norms, dt.date(2025, 11, 1))
    shown = display(verdict, pending)
    assert (shown["headline"], shown["tone"]) == ("Voorlopig: norm behaald", "provisional")
    assert shown["provisional"] == {"count": count, "note": "De uitslag hieronder gaat over de andere activiteiten. "
                                    "Pas de regel aan in het formulier; daarna telt hij mee."}
    assert {key: value for key, value in shown.items() if key not in ("headline", "tone", "provisional")} == \
        {key: value for key, value in display(verdict).items() if key not in ("headline", "tone", "provisional")}


def test_check_passes_the_pending_rows_to_the_display(norms: dict[str, Any]) -> None:
    result = answer(browser.check(json.dumps(GOOD), json.dumps(norms), TODAY, 2))
    assert result["display"] == display(result["verdict"], 2)
    assert result["display"]["provisional"]["count"] == "2 activiteiten tellen nog niet mee:"


def test_calendar_is_the_clis_ics_file(norms: dict[str, Any], tmp_path: Path) -> None:
    verdict = calculator.check(GOOD, norms, dt.date.fromisoformat(TODAY))
    result = answer(browser.calendar(json.dumps(verdict), "https://intranet.example/gids/clientondersteuners/herregistratie/"))
    ics = tmp_path / "agenda.ics"
    cli(tmp_path, "p.json", json.dumps(GOOD), "--ics", str(ics), "--site-url", "https://intranet.example/gids/")
    assert result == {"ok": True, "calendar": ics.read_bytes().decode("utf-8")}
    assert answer(browser.calendar("{", ""))["ok"] is False


@pytest.mark.parametrize("name, text, message", REFUSED, ids=[row[0] for row in REFUSED])
def test_check_refusal_is_the_cli_line_with_a_path(norms: dict[str, Any], tmp_path: Path, name: str, text: str,
                                                   message: str) -> None:
    result = answer(browser.check(text, json.dumps(norms), TODAY))
    assert result["ok"] is False
    error = result["error"]
    assert message in error["text"]
    assert error["text"] == cli(tmp_path, "p.json", text).stderr.strip()
    assert error["text"].endswith(error["message"])
    assert error["path"] and " " not in error["path"], error  # a path, never a sentence


@pytest.mark.parametrize("change, path", [
    ({"activities": [{"date": "2021-05-01", "category": "reflectie", "points": -3}]}, "activities[0].points"),
    ({"activities": [{"date": "2021-13-01", "category": "reflectie", "points": 3}]}, "activities[0].date"),
    ({"activities": [{"date": "2021-05-01", "category": "x", "points": 3}]}, "activities[0].category"),
    ({"period_start": "2021-02-30"}, "period_start"),
    ({"documents": {"vog": "gisteren"}}, "documents.vog"),
    ({"register": "custom", "norm": {"years": 5, "total": 10, "categories": {"a": {"min": 24, "max": 10}}}},
     "norm.categories.a"),
    ({"register": "custom", "norm": {"years": 0, "total": 10, "categories": {"a": {}}}}, "norm.years"),
])
def test_refusal_paths_name_the_field(norms: dict[str, Any], change: dict[str, Any], path: str) -> None:
    result = answer(browser.check(json.dumps({**GOOD, **change}), json.dumps(norms), TODAY))
    assert result["error"]["path"] == path


def test_unexpected_errors_are_an_envelope_too(norms: dict[str, Any]) -> None:
    result = answer(browser.check(json.dumps(GOOD), json.dumps(norms), "1-1-2025"))
    assert result["ok"] is False and result["error"]["path"] == "today"


# --- reading a file: exactly the CLI's rules -----------------------------------------------------

FILES = {
    "json": json.dumps(GOOD),
    "csv": "register;krsd\nstart;1-1-2023\ndatum;categorie;punten\n1-2-2023;geaccrediteerd;23,5\n",
    "points as text '8,5'": json.dumps({**GOOD, "activities": [{**GOOD["activities"][0], "points": "8,5"}]}),
    "negative points": json.dumps({**GOOD, "activities": [{**GOOD["activities"][0], "points": -1}]}),
    "options as a list": json.dumps({**GOOD, "options": ["skj_registered"]}),
    "negative points in CSV": "register;krsd\nstart;1-1-2023\ndatum;categorie;punten\n1-2-2023;geaccrediteerd;-2\n",
    "not a portfolio": "Beste collega,\nhierbij mijn punten.\n",
    "broken JSON": '{"register": "krsd",',
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_read_portfolio_accepts_exactly_what_the_cli_accepts(norms: dict[str, Any], tmp_path: Path, name: str) -> None:
    text = FILES[name]
    result = answer(browser.read_portfolio(text, json.dumps(norms)))
    run = cli(tmp_path, "p.txt", text)
    if run.returncode == 2:
        assert result == {"ok": False, "error": result["error"]}
        assert result["error"]["text"] == run.stderr.strip()
    else:
        assert result["ok"] is True
        verdict = calculator.check(result["portfolio"], norms, dt.date(2025, 11, 1))
        assert verdict["passed"] == (run.returncode == 0)


def test_read_portfolio_of_a_csv_names_row_and_column(norms: dict[str, Any]) -> None:
    text = "register;krsd\nstart;1-1-2023\ndatum;categorie;punten\n1-2-2023;geaccrediteerd;-2\n"
    error = answer(browser.read_portfolio(text, json.dumps(norms)))["error"]
    assert error["text"].startswith("rij 4, kolom punten: ")
    assert error["path"] == "activities[0].points"


@pytest.mark.parametrize("text, number", [("8", 8), ("7,5", 7.5), (" 7.5 ", 7.5), ("-3", -3), ("0,25", 0.25),
                                          ("zeven", None), ("7,", None), ("1.000,5", None), ("", None), ("٣", None)])
def test_the_amount_rule_the_page_receives(text: str, number: float | None) -> None:
    assert amount_from_text(text) == number
    assert AMOUNT_TEXT.pattern.isascii()  # the same pattern means the same in a JavaScript RegExp


def test_cli_json_refusal_prints_the_envelope(tmp_path: Path) -> None:
    bad = json.dumps({**GOOD, "period_start": "2021-02-30"})
    run = cli(tmp_path, "p.json", bad, "--json")
    assert run.returncode == 2
    assert json.loads(run.stdout) == {"error": {"path": "period_start", "message": run.stderr.strip().split(": ", 1)[1],
                                                "text": run.stderr.strip()}}
    assert run.stderr.count("\n") == 1


def test_input_error_is_structured() -> None:
    error = calculator.InputError("activities[2].points", "verwacht een getal", "rij 4, kolom Punten")
    assert (error.path, error.message, str(error)) == ("activities[2].points", "verwacht een getal",
                                                       "rij 4, kolom Punten: verwacht een getal")
    assert str(calculator.InputError("", "Ongeldige aanroep")) == "Ongeldige aanroep"

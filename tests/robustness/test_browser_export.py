"""CSV export of hostile titles: no cell a spreadsheet would run as a formula (OWASP), while the
CLI's CSV reader reads the file back to the same portfolio; dates CSV cannot hold are named."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import cli
from calculator.csv_import import read_csv

from .conftest import FILES_STATUS, export, import_portfolio

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TITLES = [
    '=HYPERLINK("http://voorbeeld.invalid","klik")',
    "=cmd|' /C calc'!A0",
    "+31 6 12345678",
    "-2+3",
    "@SUM(A1:A2)",
    "=1;2",
    "'=al met apostrof",
    "''+twee apostroffen",
    "'gewoon een apostrof",
    "Training = leuk",
    'Citaat "=1"',
    "regel één\nregel =twee",
    "gewone titel",
]


def portfolio(titles: list[str]) -> dict[str, Any]:
    return {"register": "krsd", "period_start": "2023-01-01", "options": {},
            "activities": [{"date": "2023-02-01", "category": "geaccrediteerd", "points": 1, "title": title}
                           for title in titles]}


def test_formula_titles_are_neutralised_and_read_back_unchanged(calculator_page: Any, tmp_path: Path) -> None:
    assert import_portfolio(calculator_page, portfolio(TITLES)).startswith("Geïmporteerd")
    text = export(calculator_page, "#pc-export-csv", tmp_path / "export.csv")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header = rows.index(["datum", "categorie", "punten", "titel"])
    assert len(rows) - header - 1 == len(TITLES)
    for cells in rows:
        assert not any(cell.startswith(FORMULA_START) for cell in cells), cells
    exported_json = json.loads(export(calculator_page, "#pc-export-json", tmp_path / "export.json"))
    read_back = read_csv(text).portfolio
    # CSV lists only the options that are on; JSON lists every option of the register, false ones too
    chosen = {option for option, on in exported_json["options"].items() if on}
    assert set(read_back["options"]) == chosen
    assert {key: read_back[key] for key in exported_json if key != "options"} == \
        {key: value for key, value in exported_json.items() if key != "options"}
    assert [a["title"] for a in exported_json["activities"]] == TITLES
    result = cli(tmp_path / "export.csv")
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["total"]["points"] == len(TITLES)
    assert calculator_page.errors == []


@pytest.mark.parametrize(("extra", "said"), [
    ({}, None),
    ({"documents": {"vog": "2025-10-01"}}, "Zonder de datums van je documenten: daar heeft CSV geen plaats voor."),
    ({"submission_date": "2025-12-01"}, "Zonder de datum van indienen: daar heeft CSV geen plaats voor."),
    ({"documents": {"vog": "2025-10-01", "verklaring_werkervaring": "2025-09-01"}, "submission_date": "2025-12-01"},
     "Zonder de datums van je documenten en de datum van indienen: daar heeft CSV geen plaats voor."),
])
def test_csv_export_says_which_dates_it_leaves_out(calculator_page: Any, tmp_path: Path, extra: dict, said: str | None) -> None:
    source = {"register": "registerplein-clientondersteuner", "period_start": "2021-01-01",
              "options": {"skj_registered": False},
              "activities": [{"date": "2021-05-01", "category": "geaccrediteerd", "points": 8}], **extra}
    import_portfolio(calculator_page, source)
    export(calculator_page, "#pc-export-csv", tmp_path / "out.csv")
    status = calculator_page.evaluate(FILES_STATUS)
    if said is None:
        assert status == "Geëxporteerd."
    else:
        assert status == f"Geëxporteerd. {said} Download als bestand (JSON) om ze te bewaren."
    assert json.loads(export(calculator_page, "#pc-export-json", tmp_path / "out.json")) == source

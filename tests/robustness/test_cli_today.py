"""`--today` is a date the calculator can count from, by the same rule as a portfolio's dates
(calculator.fields.counting_date): in range it gives a verdict, outside it exit 2 and one Dutch line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from calculator.fields import FIRST_YEAR, LAST_YEAR
from tests.robustness.test_cli_hostile import run

PORTFOLIO = {"register": "krsd", "period_start": "2021-01-01",
             "activities": [{"date": "2021-05-01", "category": "geaccrediteerd", "points": 8}]}
NOT_A_DATE = "--today: verwacht een bestaande datum als JJJJ-MM-DD, gekregen"
OUT_OF_RANGE = f"ligt niet tussen {FIRST_YEAR} en {LAST_YEAR}"

REFUSED = [  # (--today, the one line on stderr)
    ("0001-01-01", f"--today: 0001-01-01 {OUT_OF_RANGE}"),
    ("1899-12-31", f"--today: 1899-12-31 {OUT_OF_RANGE}"),
    ("3000-01-01", f"--today: 3000-01-01 {OUT_OF_RANGE}"),
    ("9999-12-31", f"--today: 9999-12-31 {OUT_OF_RANGE}"),
    ("2026-02-30", f'{NOT_A_DATE} de tekst "2026-02-30"'),
    ("", f'{NOT_A_DATE} de tekst ""'),
    ("2025-13-01", f'{NOT_A_DATE} de tekst "2025-13-01"'),
    ("morgen", f'{NOT_A_DATE} de tekst "morgen"'),
    ("1-5-2025", f'{NOT_A_DATE} de tekst "1-5-2025"'),
    ("2025-11-01T00:00", f'{NOT_A_DATE} de tekst "2025-11-01T00:00"'),
]
ACCEPTED = [  # (--today, phase of the schedule): the edges of the range still count
    (f"{FIRST_YEAR}-01-01", "running"),
    ("2022-07-01", "running"),
    (f"{LAST_YEAR}-12-31", "ended"),
]


def _portfolio(folder: Path) -> str:
    (folder / "p.json").write_text(json.dumps(PORTFOLIO), encoding="utf-8")
    return "p.json"


@pytest.mark.parametrize(("today", "expected"), REFUSED, ids=[case[0] or "empty" for case in REFUSED])
def test_today_outside_the_counting_range_is_refused(tmp_path: Path, today: str, expected: str) -> None:
    result = run(tmp_path, "check", _portfolio(tmp_path), "--today", today)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", expected + "\n")


@pytest.mark.parametrize(("today", "phase"), ACCEPTED, ids=[case[0] for case in ACCEPTED])
def test_today_inside_the_range_gives_a_verdict(tmp_path: Path, today: str, phase: str) -> None:
    result = run(tmp_path, "check", _portfolio(tmp_path), "--json", "--today", today)
    assert (result.returncode, result.stderr) == (1, "")
    schedule = json.loads(result.stdout)["schedule"]
    assert (schedule["today"], schedule["phase"]) == (today, phase)

"""A verdict and its figures never contradict: a shortfall is rounded up, points reached are never
shown as more than they are — in --json, in the report and in the advice."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CASES = [  # (case id, activities as (category, amount), passed, total points, total shortfall, category shortfalls)
    ("just-short", [("geaccrediteerd", 23.996), ("vrije_ruimte", 72)], False, 95.99, 0.01, {"geaccrediteerd": 0.01}),
    ("a-thousandth-short", [("geaccrediteerd", 24), ("vrije_ruimte", 71.999)], False, 95.99, 0.01, {}),
    ("many-small-amounts", [("geaccrediteerd", 7.999)] * 3 + [("vrije_ruimte", 80)], False, 103.99, 0, {"geaccrediteerd": 0.01}),
    ("exactly-met", [("geaccrediteerd", 23.995), ("geaccrediteerd", 0.005), ("vrije_ruimte", 72)], True, 96, 0, {}),
    ("just-over", [("geaccrediteerd", 24.004), ("vrije_ruimte", 72)], True, 96, 0, {}),
]


def run_check(tmp_path: Path, activities: list[tuple[str, float]], *options: str) -> subprocess.CompletedProcess[str]:
    portfolio = {"register": "krsd", "period_start": "2021-01-01",
                 "activities": [{"date": "2021-05-01", "category": c, "points": p} for c, p in activities]}
    path = tmp_path / "portfolio.json"
    path.write_text(json.dumps(portfolio), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "calculator", "check", str(path), "--today", "2024-06-01", *options],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=60)


@pytest.mark.parametrize(("activities", "passed", "points", "short", "categories"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_json_figures_agree_with_the_verdict(tmp_path: Path, activities: list, passed: bool, points: float,
                                             short: float, categories: dict[str, float]) -> None:
    result = run_check(tmp_path, activities, "--json")
    verdict = json.loads(result.stdout)
    assert (result.returncode, verdict["passed"]) == (0 if passed else 1, passed)
    assert (verdict["total"]["points"], verdict["total"]["shortfall"]) == (points, short)
    assert {key: item["shortfall"] for key, item in verdict["categories"].items() if item["shortfall"]} == categories
    if not passed:
        assert verdict["total"]["points"] < verdict["total"]["required"] or categories


def test_the_report_says_what_is_missing_when_it_is_less_than_a_hundredth(tmp_path: Path) -> None:
    report = run_check(tmp_path, CASES[0][1]).stdout
    assert "Uitslag: norm NIET behaald" in report or "tussenstand" in report
    assert "Je mist nog 0,01 uur geaccrediteerde opleidingen" in report
    assert "Je mist in totaal nog 0,01 uur: je hebt er 95,99 van de 96." in report
    assert " 0 uur" not in report.replace("0,01 uur", "")

"""The schedule (verdict key `schedule`): properties for any portfolio and any day, and the chart's figures.

The scenarios of the issue (on schedule, behind, a minimum met, ended, planned activities, KRSD
hours, a custom norm, a near submission date) are YAML cases in cases/planning-*.yml.
"""
from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import calculator
from calc_support import GOOD, REPO, fresh_norms, load_yaml
from test_calc_properties import NORMS, SETTINGS, START, portfolios

reference_days = st.integers(-30, 5 * 366 + 60).map(lambda offset: START + dt.timedelta(days=offset))


@SETTINGS
@given(portfolios(), reference_days)
def test_the_pace_times_the_months_left_covers_what_is_needed(portfolio: dict[str, Any], today: dt.date) -> None:
    schedule = calculator.check(portfolio, NORMS, today)["schedule"]
    for target in schedule["targets"]:
        if target["pace_per_month"] is not None:
            months = max(1, schedule["months_left"])
            assert Fraction(str(target["pace_per_month"])) * months >= Fraction(str(target["needed"])), target
            assert target["needed"] > 0 and schedule["days_left"] > 0


@SETTINGS
@given(portfolios(), reference_days)
def test_a_met_minimum_has_no_pace_and_is_no_risk(portfolio: dict[str, Any], today: dt.date) -> None:
    schedule = calculator.check(portfolio, NORMS, today)["schedule"]
    for target in schedule["targets"]:
        if target["done"] >= target["required"]:
            assert target["pace_per_month"] is None and target["status"] == "met" and not target["risk"]
            assert target["needed"] == 0


@SETTINGS
@given(portfolios(), reference_days)
def test_done_and_planned_add_up_to_the_verdict(portfolio: dict[str, Any], today: dt.date) -> None:
    """The contract keys count planned activities too: done + planned is what they say."""
    verdict = calculator.check(portfolio, NORMS, today)
    schedule = verdict["schedule"]
    total = schedule["targets"][-1]
    assert Fraction(str(total["done"])) + Fraction(str(total["planned"])) == Fraction(str(verdict["total"]["points"]))
    assert schedule["planned"]["meets_norm"] is verdict["passed"]
    planned = [i for i, a in enumerate(portfolio["activities"])
               if today < dt.date.fromisoformat(a["date"]) and i not in {e["index"] for e in verdict["excluded"]}]
    assert schedule["planned"]["indices"] == planned
    assert sum(1 for t in schedule["targets"] if t["risk"]) <= 1


@SETTINGS
@given(portfolios(), reference_days)
def test_the_chart_lines_end_at_the_verdicts_figures(portfolio: dict[str, Any], today: dt.date) -> None:
    verdict = calculator.check(portfolio, NORMS, today)
    lines = {line["id"]: line for line in verdict["schedule"]["series"]}
    assert lines["total"]["points"][-1]["value"] == verdict["total"]["points"]
    for category_id, category in verdict["categories"].items():
        steps = lines[category_id]["points"]
        assert steps[0] == {"date": verdict["period"]["start"], "value": 0, "planned": START > today}
        assert steps[-1]["value"] == category["points"]
        assert [s["date"] for s in steps[1:]] == sorted({s["date"] for s in steps[1:]})
        assert all(s["planned"] is (dt.date.fromisoformat(s["date"]) > today) for s in steps)


def test_the_phase_follows_the_reference_date() -> None:
    """Running until three months before the latest submission date, then final, then ended."""
    phases = {day: calculator.check(GOOD, fresh_norms(), dt.date.fromisoformat(day))["schedule"]["phase"]
              for day in ("2023-01-01", "2025-09-29", "2025-09-30", "2025-12-31", "2026-01-01")}
    assert phases == {"2023-01-01": "running", "2025-09-29": "running", "2025-09-30": "final",
                      "2025-12-31": "final", "2026-01-01": "ended"}


def test_a_near_submission_date_given_makes_the_verdict_final() -> None:
    portfolio = {**GOOD, "submission_date": "2025-11-15"}
    assert calculator.check(portfolio, fresh_norms(), dt.date(2023, 1, 1))["schedule"]["phase"] == "final"


def test_every_category_with_a_minimum_says_what_to_plan() -> None:
    """The register files give a `plan` text for every category that has a minimum."""
    for path in sorted((REPO / "content" / "registers").glob("*.yml")):
        register = load_yaml(path)
        plans = {category["id"]: category.get("plan") for category in register["categories"]}
        for norm in register["norms"]:
            for category_id, limits in norm["categories"].items():
                if limits.get("min"):
                    assert plans[category_id] and plans[category_id]["text"], f"{path.name}: {category_id}"

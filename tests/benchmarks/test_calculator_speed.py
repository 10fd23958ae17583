"""Speed of the points calculator: a 10,000-activity portfolio, checked in well under 50 ms.

Runs as a normal test too (pytest's default --benchmark-disable calls the function once);
`make bench` measures it.
"""
from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

import calculator
from calculator.cli import load_norms


def _portfolio(size: int) -> dict[str, Any]:
    rng = random.Random(4)
    start = dt.date(2021, 1, 1)
    categories = ["geaccrediteerd", "reflectie", "overig"]
    return {
        "register": "registerplein-clientondersteuner",
        "period_start": start.isoformat(),
        "activities": [
            {"date": (start + dt.timedelta(days=rng.randrange(-100, 1926))).isoformat(),
             "category": rng.choice(categories), "points": rng.choice([0.5, 1, 2.5, 4, 8, 7.25]),
             "title": f"Activiteit {index}"}
            for index in range(size)
        ],
    }


@pytest.mark.benchmark_run
def test_check_10000_activities(benchmark: Any) -> None:
    portfolio, norms = _portfolio(10_000), load_norms()  # content/registers/*.yml
    verdict = benchmark(calculator.check, portfolio, norms, dt.date(2025, 11, 1))
    in_period = len(portfolio["activities"]) - len(verdict["excluded"])
    assert in_period > 9_000 and verdict["passed"] is True

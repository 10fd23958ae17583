"""window.puntencheck.check gives exactly the CLI's --json verdict, and refuses what the CLI refuses."""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import browser_check, cli_verdict, worked_examples


def _activity(date: str, category: str, points: float, title: str = "") -> dict[str, Any]:
    return {"date": date, "category": category, "points": points, **({"title": title} if title else {})}


def _portfolios() -> dict[str, dict[str, Any]]:
    """Each register, its option, a custom norm, excluded activities and decimals."""
    cases = {example["id"]: example["portfolio"] for example in worked_examples()}
    skj = copy.deepcopy(cases["hollander"])
    skj["options"] = {"skj_registered": True}
    cases["clientondersteuner-skj"] = skj
    cases["jeugd-en-gezinsprofessional-max"] = {
        "register": "skj-jeugd-en-gezinsprofessional", "period_start": "2022-03-01",
        "activities": [_activity("2022-05-01", "formeel", 44.5, "Training <b>veiligheid</b> & \"taxatie\""),
                       _activity("2023-05-01", "informeel", 25), _activity("2024-01-10", "reflectie", 60)]}
    cases["pedagoog"] = {
        "register": "skj-pedagoog", "period_start": "2021-06-01",
        "activities": [_activity("2021-07-01", "scholing", 40), _activity("2022-07-01", "supervisie", 32.25),
                       _activity("2023-07-01", "intervisie", 20), _activity("2024-07-01", "vrije_ruimte", 30)]}
    cases["psycholoog-excluded"] = {
        "register": "skj-psycholoog", "period_start": "2021-06-01",
        "activities": [_activity("2021-05-31", "scholing", 40, "Net te vroeg"), _activity("2026-06-01", "supervisie", 40, "Net te laat"),
                       _activity("2021-06-01", "scholing", 40), _activity("2026-05-31", "supervisie", 40)]}
    cases["custom"] = {
        "register": "custom", "period_start": "2020-02-29",
        "norm": {"years": 4, "total": 100.5, "categories": {"scholing": {"min": 40}, "reflectie": {"min": 10, "max": 30}}},
        "activities": [_activity("2020-03-01", "scholing", 60.75), _activity("2021-03-01", "reflectie", 45)]}
    cases["krsd-decimals"] = {
        "register": "krsd", "period_start": "2023-01-01",
        "activities": [_activity("2023-02-01", "geaccrediteerd", 23.5), _activity("2024-02-01", "vrije_ruimte", 72.5)]}
    return cases


PORTFOLIOS = _portfolios()

REFUSED = {
    "unknown-register": {"register": "big", "period_start": "2021-01-01", "activities": [_activity("2021-02-01", "x", 1)]},
    "negative-points": {"register": "krsd", "period_start": "2021-01-01", "activities": [_activity("2021-02-01", "vrije_ruimte", -3)]},
    "impossible-date": {"register": "krsd", "period_start": "2021-02-30", "activities": [_activity("2021-02-01", "vrije_ruimte", 3)]},
    "unknown-category": {"register": "krsd", "period_start": "2021-01-01", "activities": [_activity("2021-02-01", "reflectie", 3)]},
    "empty": {"register": "krsd", "period_start": "2021-01-01", "activities": []},
    "missing-key": {"register": "krsd", "activities": [_activity("2021-02-01", "vrije_ruimte", 3)]},
    "custom-without-norm": {"register": "custom", "period_start": "2021-01-01", "activities": [_activity("2021-02-01", "a", 3)]},
}


def test_there_are_enough_parity_cases() -> None:
    registers = {p["register"] for p in PORTFOLIOS.values()}
    assert len(PORTFOLIOS) >= 8
    assert {"registerplein-clientondersteuner", "krsd", "skj-jeugd-en-gezinsprofessional", "skj-pedagoog",
            "skj-psycholoog", "custom"} <= registers


def test_check_equals_the_cli_verdict(ready_page: Any, tmp_path: Path) -> None:
    for name, portfolio in PORTFOLIOS.items():
        cli = cli_verdict(portfolio, tmp_path)
        assert cli.returncode in (0, 1), f"{name}: {cli.stderr}"
        assert browser_check(ready_page, portfolio) == {"verdict": json.loads(cli.stdout)}, name
    assert ready_page.foreign_requests == []


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_check_rejects_with_the_cli_message(ready_page: Any, tmp_path: Path, name: str) -> None:
    cli = cli_verdict(REFUSED[name], tmp_path)
    assert cli.returncode == 2
    assert browser_check(ready_page, REFUSED[name]) == {"refused": cli.stderr.strip()}

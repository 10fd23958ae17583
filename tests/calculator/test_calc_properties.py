"""Properties that hold for any portfolio (hypothesis), checked against an independent oracle."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculator
from calc_support import repo_norms

NORMS = repo_norms()
TODAY = dt.date(2025, 11, 1)
START = dt.date(2021, 1, 1)
FREE = {  # categories without a minimum, per register
    register_id: [c for c, rule in data["norms"][-1]["categories"].items() if not rule.get("min")]
    for register_id, data in NORMS["registers"].items()
}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

registers = st.sampled_from(sorted(NORMS["registers"]))
points = st.integers(0, 6000).map(lambda hundredths: hundredths / 100)  # 0 .. 60 with two decimals
days = st.integers(-60, 5 * 366 + 60).map(lambda offset: (START + dt.timedelta(days=offset)).isoformat())


@st.composite
def portfolios(draw: st.DrawFn, register: str | None = None) -> dict[str, Any]:
    register = register or draw(registers)
    categories = [c["id"] for c in NORMS["registers"][register]["categories"]]
    activity = st.fixed_dictionaries({"date": days, "category": st.sampled_from(categories), "points": points})
    return {"register": register, "period_start": START.isoformat(),
            "activities": draw(st.lists(activity, min_size=1, max_size=25))}


def check(portfolio: dict[str, Any]) -> dict[str, Any]:
    return calculator.check(portfolio, NORMS, TODAY)


def with_activity(portfolio: dict[str, Any], activity: dict[str, Any]) -> dict[str, Any]:
    return {**portfolio, "activities": [*portfolio["activities"], activity]}


@SETTINGS
@given(portfolios(), st.data())
def test_adding_an_activity_never_turns_a_pass_into_a_fail(portfolio: dict[str, Any], data: st.DataObject) -> None:
    categories = [c["id"] for c in NORMS["registers"][portfolio["register"]]["categories"]]
    extra = data.draw(st.fixed_dictionaries({"date": days, "category": st.sampled_from(categories), "points": points}))
    before, after = check(portfolio), check(with_activity(portfolio, extra))
    if before["passed"]:
        assert after["passed"]
    for name, item in before["categories"].items():
        assert after["categories"][name]["shortfall"] <= item["shortfall"]
    assert after["total"]["shortfall"] <= before["total"]["shortfall"]


@SETTINGS
@given(portfolios(), st.randoms(use_true_random=False))
def test_order_of_activities_does_not_matter(portfolio: dict[str, Any], random: Any) -> None:
    shuffled = list(portfolio["activities"])
    random.shuffle(shuffled)
    first, second = check(portfolio), check({**portfolio, "activities": shuffled})
    reasons = [sorted(item["reason"] for item in verdict.pop("excluded")) for verdict in (first, second)]
    assert reasons[0] == reasons[1]
    planned = [len(verdict["schedule"]["planned"].pop("indices")) for verdict in (first, second)]  # positions
    assert planned[0] == planned[1]
    listed = [sorted(tuple(v for k, v in item.items() if k != "index") for item in verdict["schedule"].pop("activities"))
              for verdict in (first, second)]  # same-day activities keep their input order
    assert listed[0] == listed[1]
    assert first == second


def yaml_norm(register_id: str) -> dict[str, Any]:
    """The register's norm for a period starting on START, read from its YAML (the latest valid_from
    on or before START, else the earliest), independently of the calculator."""
    versions = sorted(NORMS["registers"][register_id]["norms"], key=lambda version: version["valid_from"])
    valid = [version for version in versions if version["valid_from"] <= START.isoformat()]
    return valid[-1] if valid else versions[0]


@SETTINGS
@given(portfolios())
def test_sums_match_an_independent_oracle(portfolio: dict[str, Any]) -> None:
    """Sums, caps, shortfalls and the verdict recomputed with Fractions from the YAML's min, max,
    total, groups and years (never from the verdict under test)."""
    verdict = check(portfolio)
    norm = yaml_norm(portfolio["register"])
    end = dt.date(START.year + norm["years"], START.month, START.day) - dt.timedelta(days=1)
    assert verdict["period"]["end"] == end.isoformat()
    limits = norm["categories"]
    expected: dict[str, Fraction] = {name: Fraction(0) for name in limits}
    for activity in portfolio["activities"]:
        if START <= dt.date.fromisoformat(activity["date"]) <= end:
            expected[activity["category"]] += Fraction(str(activity["points"]))
    counted = {name: expected[name] if limits[name].get("max") is None else min(expected[name], Fraction(limits[name]["max"]))
               for name in limits}
    assert set(verdict["categories"]) == set(limits)
    for name, item in verdict["categories"].items():
        assert Fraction(str(item["points"])) == expected[name]
        assert Fraction(str(item["counted"])) == counted[name]
        assert Fraction(str(item["shortfall"])) == max(Fraction(0), Fraction(limits[name].get("min", 0)) - expected[name])
    total = sum(counted.values(), Fraction(0))
    assert Fraction(str(verdict["total"]["points"])) == total
    assert Fraction(str(verdict["total"]["shortfall"])) == max(Fraction(0), Fraction(norm["total"]) - total)
    minima_met = all(expected[name] >= Fraction(limit.get("min", 0)) for name, limit in limits.items()) and all(
        sum((counted[member] for member in group["categories"]), Fraction(0)) >= Fraction(group["min"])
        for group in norm.get("groups", []))
    assert verdict["passed"] is (total >= Fraction(norm["total"]) and minima_met)


@SETTINGS
@given(portfolios(), st.data(), st.integers(1, 2000))
def test_a_surplus_without_minimum_never_fills_another_minimum(portfolio: dict[str, Any], data: st.DataObject,
                                                               surplus: int) -> None:
    free = data.draw(st.sampled_from(FREE[portfolio["register"]]))
    before = check(portfolio)
    after = check(with_activity(portfolio, {"date": "2022-06-01", "category": free, "points": surplus}))
    for name, item in before["categories"].items():
        if name != free:
            assert after["categories"][name]["shortfall"] == item["shortfall"]
    for name, group in before["groups"].items():
        if free not in group["categories"]:
            assert after["groups"][name]["shortfall"] == group["shortfall"]
    if any(item["shortfall"] for name, item in before["categories"].items() if name != free):
        assert after["passed"] is False


@st.composite
def custom_portfolios(draw: st.DrawFn) -> dict[str, Any]:
    names = draw(st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), min_size=1, max_size=4, unique=True))
    limits = {}
    for name in names:
        low = draw(st.integers(0, 50))
        limits[name] = {"min": low, "max": draw(st.one_of(st.none(), st.integers(low, 100)))}
    caps = [limit["max"] for limit in limits.values()]
    ceiling = sum(caps) if None not in caps else 300
    norm = {"years": draw(st.integers(1, 6)), "total": draw(st.integers(0, ceiling)), "categories": limits}
    activity = st.fixed_dictionaries({"date": days, "category": st.sampled_from(names), "points": points})
    return {"register": "custom", "period_start": START.isoformat(), "norm": norm,
            "activities": draw(st.lists(activity, min_size=1, max_size=20))}


@SETTINGS
@given(custom_portfolios())
def test_custom_norms_follow_the_same_rules(portfolio: dict[str, Any]) -> None:
    verdict = check(portfolio)
    years = portfolio["norm"]["years"]
    assert verdict["period"]["end"] == (dt.date(START.year + years, 1, 1) - dt.timedelta(days=1)).isoformat()
    for name, item in verdict["categories"].items():
        limit = portfolio["norm"]["categories"][name]
        assert item["min"] == limit["min"] and item["max"] == limit["max"]
        assert item["counted"] <= item["points"]
        if limit["max"] is not None:
            assert item["counted"] <= limit["max"]
    assert verdict["norm"]["from_source_documents"] is False

"""Properties on arbitrary input (hypothesis): reading a visitor's file raises nothing but the
calculator's own refusal (InputError); a verdict's figures never contradict it."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import calculator
from calculator.input_text import decode
from calculator.portfolio_text import read_portfolio_text

REGISTERS = Path(__file__).resolve().parents[2] / "content" / "registers"
NORMS = {"registers": {path.stem: json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
                       for path in sorted(REGISTERS.glob("*.yml"))}}
TODAY = dt.date(2025, 11, 1)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_and_check(data: bytes) -> None:
    """What the CLI does with a file's bytes: decode, JSON or CSV, check. Only InputError may escape."""
    try:
        source = read_portfolio_text(decode(data, "bestand"))
        calculator.check(source.portfolio, NORMS, TODAY, locate=source.locate)
    except calculator.InputError:
        pass


# Values a portfolio field might hold in a hostile file: anything JSON can say, with real ids mixed in.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.sampled_from(["krsd", "custom", "2021-01-01", "2021-02-29", "geaccrediteerd", "reflectie", "9999-12-31"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
activities = st.lists(st.dictionaries(st.sampled_from(["date", "category", "points", "title", "extra"]), json_values),
                      max_size=5)
portfolios = st.fixed_dictionaries(
    {"register": st.sampled_from([*NORMS["registers"], "custom", "__proto__", ""]) | json_values,
     "period_start": st.dates(dt.date(1890, 1, 1), dt.date(3100, 1, 1)).map(str) | json_values,
     "activities": activities | json_values},
    optional={"options": json_values, "norm": json_values, "documents": json_values, "submission_date": json_values},
)
csv_cells = st.text(st.characters(blacklist_categories=["Cs"]), max_size=12) | st.sampled_from(
    ["datum", "categorie", "punten", "titel", "register", "start", "krsd", "2021-05-01", "1-5-2021", "7,5", '"', "#"])
csv_texts = st.lists(st.lists(csv_cells, max_size=5).map(";".join), max_size=8).map("\n".join)


@SETTINGS
@given(st.binary(max_size=400))
@example(b"\xff\xfe" + "datum;categorie;punten\n".encode("utf-16-le"))
@example(b"[" * 5000)
def test_arbitrary_bytes_are_read_or_refused(data: bytes) -> None:
    read_and_check(data)


@SETTINGS
@given(json_values | portfolios)
def test_arbitrary_json_portfolios_are_checked_or_refused(portfolio: Any) -> None:
    read_and_check(json.dumps(portfolio).encode("utf-8"))


@SETTINGS
@given(csv_texts, st.sampled_from(["", "register;krsd\nstart;2021-01-01\n", "# register: skj-pedagoog\n# start: 2020-02-29\n"]))
def test_arbitrary_csv_is_read_or_refused(text: str, meta: str) -> None:
    read_and_check((meta + "datum;categorie;punten;titel\n" + text).encode("utf-8"))
    read_and_check((meta + text).encode("cp1252", errors="replace"))


# Amounts with up to 3 decimals, so that rounding to 2 decimals matters.
amounts = st.integers(0, 30_000).map(lambda thousandths: Decimal(thousandths) / 1000).map(float)


@st.composite
def valid_portfolios(draw: st.DrawFn) -> dict[str, Any]:
    register = draw(st.sampled_from(sorted(NORMS["registers"])))
    categories = [category["id"] for category in NORMS["registers"][register]["categories"]]
    activity = st.fixed_dictionaries({"date": st.sampled_from(["2021-03-01", "2022-06-15", "2024-12-31"]),
                                      "category": st.sampled_from(categories), "points": amounts})
    return {"register": register, "period_start": "2021-01-01", "activities": draw(st.lists(activity, min_size=1, max_size=12))}


@SETTINGS
@given(valid_portfolios())
def test_a_verdict_and_its_figures_never_contradict(portfolio: dict[str, Any]) -> None:
    verdict = calculator.check(portfolio, NORMS, TODAY)
    limits = [verdict["total"], *verdict["categories"].values(), *verdict["groups"].values()]
    assert all(item["shortfall"] >= 0 for item in limits)
    assert verdict["passed"] == (not any(item["shortfall"] for item in limits))
    total = verdict["total"]
    shown = Decimal(str(total["points"])), Decimal(str(total["shortfall"])), Decimal(str(total["required"]))
    assert shown[0] + shown[1] >= shown[2]
    assert (shown[0] < shown[2]) == (shown[1] > 0)

"""Cases a non-programmer can read, in YAML.

- The source documents' worked examples live once, in content/worked-examples/ (the puntencheck
  page loads the same files): `portfolio` and what the source says in `expected`.
- More cases in tests/calculator/cases/: `name`, `today`, `input` (a portfolio), `expected` (a part
  of the verdict that must match exactly), and optionally `excluded_indices` and `messages_contain`.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import calculator
from calc_support import REPO, TODAY, fresh_norms, load_yaml

norms_fixture = pytest.fixture(fresh_norms, name="norms")

CASES = sorted((Path(__file__).parent / "cases").glob("*.yml"))
WORKED_EXAMPLES = sorted((REPO / "content" / "worked-examples").glob("*.yml"))
CASE_KEYS = {"name", "source", "today", "input", "expected", "excluded_indices", "messages_contain"}


def assert_subset(expected: Any, actual: Any, where: str = "verdict") -> None:
    """Every key and list item of `expected` is in `actual` with the same value."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{where}: key {key!r} missing"
            assert_subset(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{where}: {actual!r} != {expected!r}"
        for index, (want, got) in enumerate(zip(expected, actual, strict=True)):
            assert_subset(want, got, f"{where}[{index}]")
    else:
        assert actual == expected and type(actual) is type(expected), f"{where}: {actual!r} != {expected!r}"


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_case(path: Path, norms: dict[str, Any]) -> None:
    case = load_yaml(path)
    assert set(case) <= CASE_KEYS and {"name", "today", "input"} <= set(case), f"{path.name}: unexpected keys"
    verdict = calculator.check(case["input"], norms, dt.date.fromisoformat(case["today"]))
    assert_subset(case.get("expected", {}), verdict)
    if "excluded_indices" in case:
        assert [item["index"] for item in verdict["excluded"]] == case["excluded_indices"]
    text = "\n".join(verdict["messages"])
    for phrase in case.get("messages_contain", []):
        assert phrase in text, f"{path.name}: {phrase!r} not in messages:\n{text}"


@pytest.mark.parametrize("path", WORKED_EXAMPLES, ids=[path.stem for path in WORKED_EXAMPLES])
def test_worked_example_gets_the_sources_verdict(path: Path, norms: dict[str, Any]) -> None:
    example = load_yaml(path)
    expected = example["expected"]
    verdict = calculator.check(example["portfolio"], norms, TODAY)
    assert verdict["passed"] is expected["passed"], expected["verdict"]
    assert verdict["total"]["points"] == expected["total"]
    if "shortfall" in expected:
        assert verdict["total"]["shortfall"] == expected["shortfall"]
    short = sorted(cid for cid, category in verdict["categories"].items() if category["shortfall"] > 0)
    assert short == sorted(expected.get("short", []))


def test_there_is_a_worked_example_for_every_example_of_the_sources() -> None:
    names = {path.stem for path in WORKED_EXAMPLES}
    assert {"de-vries", "jansen", "hollander", "krsd-rekenvoorbeeld", "lonneke"} <= names


def test_assert_subset_can_fail() -> None:
    """The comparison is strict: a different number, a float for an int, a shorter list."""
    for expected, actual in [({"a": 1}, {"a": 2}), ({"a": 1}, {"a": 1.0}), ([1], [1, 2]), ({"a": 1}, {})]:
        with pytest.raises(AssertionError):
            assert_subset(expected, actual)

"""Cases a non-programmer can read, in YAML.

- The source documents' worked examples live once, in content/worked-examples/ (the puntencheck
  page loads the same files): `portfolio` and what the source says in `expected`.
- More cases in tests/calculator/cases/: `name`, `today`, `input` (a portfolio), `expected` (a part
  of the verdict that must match exactly), and optionally `excluded_indices`, `messages_contain`, and
  `schedule_contains` / `schedule_lacks` (phrases in the schedule's sentences: headline, status, advice,
  one text per minimum).
- Every verdict's keys other than `schedule` are what they were before the schedule was added
  (verdicts_before_schedule.json, written by the calculator of the commit before it).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import calculator
from calc_support import REPO, TODAY, fresh_norms, load_yaml

norms_fixture = pytest.fixture(fresh_norms, name="norms")

CASES = sorted((Path(__file__).parent / "cases").glob("*.yml"))
WORKED_EXAMPLES = sorted((REPO / "content" / "worked-examples").glob("*.yml"))
CASE_KEYS = {"name", "source", "today", "input", "expected", "excluded_indices", "messages_contain",
             "schedule_contains", "schedule_lacks"}
BEFORE_SCHEDULE = json.loads((Path(__file__).parent / "verdicts_before_schedule.json").read_text(encoding="utf-8"))


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
    assert case.get("expected"), f"{path.name}: a case needs `expected` (a part of the verdict that must match)"
    verdict = calculator.check(case["input"], norms, dt.date.fromisoformat(case["today"]))
    assert_subset(case["expected"], verdict)
    if "excluded_indices" in case:
        assert [item["index"] for item in verdict["excluded"]] == case["excluded_indices"]
    text = "\n".join(verdict["messages"])
    for phrase in case.get("messages_contain", []):
        assert phrase in text, f"{path.name}: {phrase!r} not in messages:\n{text}"
    said = schedule_sentences(verdict["schedule"])
    for phrase in case.get("schedule_contains", []):
        assert phrase in said, f"{path.name}: {phrase!r} not in the schedule:\n{said}"
    for phrase in case.get("schedule_lacks", []):
        assert phrase not in said, f"{path.name}: {phrase!r} should not be in the schedule:\n{said}"


def schedule_sentences(schedule: dict[str, Any]) -> str:
    """Everything the schedule says in words."""
    return "\n".join([schedule["headline"], schedule["status"], *schedule["advice"],
                      *(target["text"] for target in schedule["targets"])])


@pytest.mark.parametrize("name", sorted(BEFORE_SCHEDULE))
def test_old_keys_are_unchanged(name: str, norms: dict[str, Any]) -> None:
    """The --json verdict of every case that existed before the schedule: only `schedule` is new."""
    folder, stem = name.split("/")
    if folder == "cases":
        case = load_yaml(Path(__file__).parent / "cases" / f"{stem}.yml")
        verdict = calculator.check(case["input"], norms, dt.date.fromisoformat(case["today"]))
    else:
        verdict = calculator.check(load_yaml(REPO / "content" / "worked-examples" / f"{stem}.yml")["portfolio"],
                                   norms, TODAY)
    assert "schedule" in verdict and "schedule" not in BEFORE_SCHEDULE[name]
    assert {key: verdict[key] for key in BEFORE_SCHEDULE[name]} == BEFORE_SCHEDULE[name]


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


@pytest.mark.parametrize("path", WORKED_EXAMPLES, ids=[path.stem for path in WORKED_EXAMPLES])
def test_a_worked_example_never_warns_about_the_guide_itself(path: Path, norms: dict[str, Any]) -> None:
    """A source's own example falls inside the guide's norm: no 'older norm' or 'assumed date' warning."""
    verdict = calculator.check(load_yaml(path)["portfolio"], norms, TODAY)
    assert verdict["norm"]["older_than_guide"] is False
    text = "\n".join(verdict["messages"])
    assert "De gids bevat de oudere norm niet" not in text and "staat niet in de bronnen" not in text


def test_the_krsd_examples_of_the_handreiking_are_first_certifications(norms: dict[str, Any]) -> None:
    """Lonneke and the cost table start from registering: a first certification (option eerste_certificering)."""
    for name in ("lonneke", "krsd-rekenvoorbeeld"):
        example = load_yaml(REPO / "content" / "worked-examples" / f"{name}.yml")
        verdict = calculator.check(example["portfolio"], norms, TODAY)
        assert verdict["norm"]["options"] == ["eerste_certificering"], name
        assert verdict["dates"]["submission_when_norm_met"] is True, name


def test_lonneke_shows_what_the_guide_assumed_and_what_she_only_plans() -> None:
    example = load_yaml(REPO / "content" / "worked-examples" / "lonneke.yml")
    assumed = " ".join(example["assumptions"])
    assert "geaccrediteerd" in assumed and "BOA" in assumed and "Passend Onderwijs" in assumed
    assert "nog niet gedaan" in assumed
    planned = [a for a in example["portfolio"]["activities"] if "Passend Onderwijs" in a["title"]]
    assert len(planned) == 1 and "gepland" in planned[0]["title"]


def test_clientondersteuner_advice_names_the_basisopleiding_check_and_its_exemption(norms: dict[str, Any]) -> None:
    """Source 001: at herregistratie the admission criteria are checked again (basisopleiding), unless exempt."""
    example = load_yaml(REPO / "content" / "worked-examples" / "jansen.yml")
    text = " ".join(calculator.check(example["portfolio"], norms, TODAY)["messages"])
    assert "basisopleiding Cliëntondersteuner, tenzij je daarvan bent vrijgesteld" in " ".join(text.split())


def test_there_is_a_worked_example_for_every_example_of_the_sources() -> None:
    names = {path.stem for path in WORKED_EXAMPLES}
    assert {"de-vries", "jansen", "hollander", "krsd-rekenvoorbeeld", "lonneke"} <= names


def test_assert_subset_can_fail() -> None:
    """The comparison is strict: a different number, a float for an int, a shorter list."""
    for expected, actual in [({"a": 1}, {"a": 2}), ({"a": 1}, {"a": 1.0}), ([1], [1, 2]), ({"a": 1}, {})]:
        with pytest.raises(AssertionError):
            assert_subset(expected, actual)

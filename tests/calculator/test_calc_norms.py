"""The register files: schema, contract ids, sources, and the calculator's own validation of norms."""
from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import calculator
from calc_support import REGISTERS, REPO, fixed_today, fresh_norms, load_yaml

norms_fixture = pytest.fixture(fresh_norms, name="norms")
today_fixture = pytest.fixture(fixed_today, name="today")

SCHEMA = json.loads((REPO / "content" / "schemas" / "register.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
FILES = sorted(REGISTERS.glob("*.yml"))
# ARCHITECTURE.md, "Contracts other code relies on": register ids and their category ids.
CONTRACT = {
    "registerplein-clientondersteuner": ["geaccrediteerd", "reflectie", "overig"],
    "krsd": ["geaccrediteerd", "vrije_ruimte"],
    "skj-jeugd-en-gezinsprofessional": ["formeel", "informeel", "reflectie"],
    "skj-pedagoog": ["scholing", "supervisie", "intervisie", "vrije_ruimte"],
    "skj-psycholoog": ["scholing", "supervisie", "intervisie", "vrije_ruimte"],
}
GUIDE_PAGES = {"registerplein-clientondersteuner": "clientondersteuners-herregistratie", "krsd": "krsd-certificeren"}
SOURCES = {item["id"]: item for item in load_yaml(REPO / "content" / "sources.yml")["sources"]}
BODIES = load_yaml(REPO / "content" / "bodies.yml")["bodies"]


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)


def test_the_contract_registers_exist_with_their_categories() -> None:
    assert {path.stem for path in FILES} == set(CONTRACT)
    for path in FILES:
        data = load_yaml(path)
        assert [category["id"] for category in data["categories"]] == CONTRACT[path.stem]
        assert data["guide_page"] == GUIDE_PAGES.get(path.stem, "skj-herregistratie")
    registerplein = load_yaml(REGISTERS / "registerplein-clientondersteuner.yml")
    assert [option["id"] for option in registerplein["options"]] == ["skj_registered"]


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_register_file(path: Any) -> None:
    data = load_yaml(path)
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schemas/register.schema.json"
    assert data["id"] == path.stem
    assert [error.message for error in VALIDATOR.iter_errors(data)] == []
    assert data["body"] in BODIES


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_sources_exist_and_research_is_marked(path: Any) -> None:
    data = load_yaml(path)
    for where, source in _sources(data):
        assert source in SOURCES, f"{path.name} {where}: unknown source {source}"
    for norm in data["norms"]:
        kind = norm.get("source_kind", "document")
        assert kind == SOURCES[norm["source"]]["kind"], f"{path.name}: source_kind {kind} != sources.yml"


def test_registers_summary_accepts_the_repository_norms(norms: dict[str, Any]) -> None:
    summary = {item["id"]: item for item in calculator.registers_summary(norms)}
    assert summary["krsd"]["total"] == 96 and summary["krsd"]["unit"] == "uren"
    assert summary["skj-pedagoog"]["from_source_documents"] is False
    assert summary["registerplein-clientondersteuner"]["options"][0]["total"] == 26


def _sources(value: Any, where: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        found = [(f"{where}.source", value["source"])] if isinstance(value.get("source"), str) else []
        return found + [pair for key, item in value.items() for pair in _sources(item, f"{where}.{key}")]
    if isinstance(value, list):
        return [pair for index, item in enumerate(value) for pair in _sources(item, f"{where}[{index}]")]
    return []


# --- the calculator refuses what the schema refuses -------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = [int(part) if part.isdigit() else part for part in path.split("/")]
        for part in parents:
            data = data[part]
        data[last] = value
    return mutate


def _delete(path: str) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = [int(part) if part.isdigit() else part for part in path.split("/")]
        for part in parents:
            data = data[part]
        del data[last]
    return mutate


BOTH_REFUSE = {
    "unknown top-level key": _set("colour", "blauw"),
    "unknown key in a category": _set("categories/0/minimum", 4),
    "unknown key in a norm": _set("norms/0/totaal", 160),
    "negative minimum": _set("norms/0/categories/reflectie/min", -1),
    "minimum as text": _set("norms/0/categories/reflectie/min", "40"),
    "malformed valid_from": _set("norms/0/valid_from", "2022-1-1"),
    "unknown unit": _set("unit", "hours"),
    "norms missing": _delete("norms"),
    "no categories": _set("categories", []),
    "earliest with two rules": _set("submission/earliest", {"months_before_end": 3, "when_norm_met": True}),
    "when_norm_met false": _set("submission/earliest", {"when_norm_met": False}),
    "reminder without source": _delete("reminders/0/source"),
    "option rule with unknown key": _set("norms/0/options/skj_registered/totaal", 3),
    "zero years": _set("norms/0/years", 0),
    "years as decimal": _set("norms/0/years", 4.5),
    "boolean total": _set("norms/0/total", True),
    "bad category id": _set("categories/0/id", "Geaccrediteerd"),
    "document without max age": _delete("documents/0/max_age_months"),
    "unknown source_kind": _set("norms/0/source_kind", "website"),
}
ONLY_CALCULATOR_REFUSES = {  # cross-field rules a JSON Schema cannot express
    "norm names an undeclared category": _set("norms/0/categories/scholing", {"min": 1}),
    "norm leaves out a category": _delete("norms/0/categories/overig"),
    "option missing in a norm": _delete("norms/0/options"),
    "id differs from file name": _set("id", "clientondersteuner"),
    "minimum above maximum": _set("norms/0/categories/overig", {"min": 10, "max": 5}),
    "maxima make the total unreachable": _set("norms/0/categories", {
        "geaccrediteerd": {"min": 40, "max": 50}, "reflectie": {"min": 40, "max": 50}, "overig": {"max": 50}}),
    "impossible valid_from": _set("norms/0/valid_from", "2022-02-30"),
    "repeated category id": _set("categories/2/id", "reflectie"),
}


def _registerplein(norms: dict[str, Any]) -> dict[str, Any]:
    return norms["registers"]["registerplein-clientondersteuner"]


@pytest.mark.parametrize("mutation", BOTH_REFUSE.values(), ids=list(BOTH_REFUSE))
def test_schema_and_calculator_both_refuse(mutation: Mutation, norms: dict[str, Any]) -> None:
    data = _registerplein(norms)
    mutation(data)
    assert list(VALIDATOR.iter_errors(data)), "the schema accepted it"
    refused = r"^Ongeldige normgegevens, registers\.registerplein-clientondersteuner"
    with pytest.raises(calculator.InputError, match=refused):
        calculator.registers_summary(norms)


@pytest.mark.parametrize("mutation", ONLY_CALCULATOR_REFUSES.values(), ids=list(ONLY_CALCULATOR_REFUSES))
def test_calculator_refuses_inconsistent_norms(mutation: Mutation, norms: dict[str, Any], today: dt.date) -> None:
    mutation(_registerplein(norms))
    portfolio = {"register": "registerplein-clientondersteuner", "period_start": "2022-01-01",
                 "activities": [{"date": "2022-02-01", "category": "reflectie", "points": 1}]}
    with pytest.raises(calculator.InputError, match=r"^Ongeldige normgegevens"):
        calculator.check(portfolio, norms, today)


@pytest.mark.parametrize("norms_value, message", [
    ([], "normen: verwacht een object"),
    ({}, 'normen: het veld "registers" ontbreekt'),
    ({"registers": {"custom": {}}}, "gereserveerd"),
    ({"registers": {"Krsd": {}}}, "normen.registers.Krsd"),
])
def test_bad_norms_dict(norms_value: Any, message: str) -> None:
    with pytest.raises(calculator.InputError, match=message):
        calculator.registers_summary(norms_value)


# --- which norm version applies ---------------------------------------------------------------

def _with_later_version(norms: dict[str, Any]) -> dict[str, Any]:
    data = _registerplein(norms)
    later = copy.deepcopy(data["norms"][0])
    later.update(valid_from="2026-01-01", total=200)
    data["norms"].insert(0, later)  # listed first on purpose: order in the file must not matter
    return norms


@pytest.mark.parametrize("start, total, older", [
    ("2026-03-01", 200, False),   # the later version
    ("2026-01-01", 200, False),   # on its first day
    ("2025-12-31", 160, False),   # the day before: the 2022 version
    ("2022-01-01", 160, False),
    ("2021-01-01", 160, True),    # before every version: the earliest, with a warning
])
def test_norm_version_by_period_start(norms: dict[str, Any], today: dt.date, start: str, total: int,
                                      older: bool) -> None:
    portfolio = {"register": "registerplein-clientondersteuner", "period_start": start,
                 "activities": [{"date": start, "category": "overig", "points": 1}]}
    verdict = calculator.check(portfolio, _with_later_version(norms), today)
    assert verdict["total"]["required"] == total
    assert verdict["norm"]["older_than_guide"] is older
    warned = any("vóór de oudste norm in deze gids" in message for message in verdict["messages"])
    assert warned is older


def test_a_second_option_rule_replaces_the_base(norms: dict[str, Any], today: dt.date) -> None:
    portfolio = {"register": "registerplein-clientondersteuner", "period_start": "2022-01-01",
                 "options": {"skj_registered": False},
                 "activities": [{"date": "2022-02-01", "category": "overig", "points": 1}]}
    assert calculator.check(portfolio, norms, today)["total"]["required"] == 160
    portfolio["options"]["skj_registered"] = True
    assert calculator.check(portfolio, norms, today)["total"]["required"] == 26

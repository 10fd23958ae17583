"""More than one option chosen: what the register's `option_choice` (data) says happens."""
from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

import calculator
from calc_support import GOOD, fresh_norms

norms = pytest.fixture(fresh_norms, name="norms")
REGISTER = "registerplein-clientondersteuner"


def with_second_option(norms: dict[str, Any], choice: str | None) -> dict[str, Any]:
    """The register with a second option `tweede` (its own total of 100), and `option_choice` set."""
    changed = copy.deepcopy(norms)
    register = changed["registers"][REGISTER]
    register["options"].append({"id": "tweede", "label": "Tweede keuze", "help": "Een tweede keuze."})
    for version in register["norms"]:
        version.setdefault("options", {})["tweede"] = {"total": 100}
    if choice is not None:
        register["option_choice"] = choice
    return changed


def run(norms: dict[str, Any], options: dict[str, bool]) -> dict[str, Any]:
    return calculator.check({**GOOD, "options": options}, norms, dt.date(2025, 11, 1))


@pytest.mark.parametrize("choice", [None, "one"])
def test_one_refuses_two_options(norms: dict[str, Any], choice: str | None) -> None:
    changed = with_second_option(norms, choice)
    assert run(changed, {"tweede": True})["total"]["required"] == 100
    with pytest.raises(calculator.InputError) as error:
        run(changed, {"skj_registered": True, "tweede": True})
    assert error.value.path == "options"
    assert str(error.value) == (f"options: kies hoogstens één optie van register {REGISTER}; "
                                "gekozen: skj_registered, tweede")


def test_together_applies_the_option_listed_last(norms: dict[str, Any]) -> None:
    changed = with_second_option(norms, "together")
    verdict = run(changed, {"skj_registered": True, "tweede": True})
    assert verdict["norm"]["options"] == ["skj_registered", "tweede"]
    assert verdict["total"]["required"] == 100
    changed["registers"][REGISTER]["options"].reverse()
    assert run(changed, {"skj_registered": True, "tweede": True})["total"]["required"] == 26

"""A norm the calculator would refuse never reaches the site: the build runs the calculator's own
norm loader on every register and names the YAML line of the refused value."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from content_edits import line_of, replace_once

REGISTER = "registers/krsd.yml"
SKJ = "registers/skj-jeugd-en-gezinsprofessional.yml"
REFUSES = "the calculator refuses this norm:"

CASES = [  # (case id, text replaced, replacement, the line's text, place, Dutch message)
    ("total-nan", "total: 96", "total: .nan", "total: .nan", "norms[0].total",
     "verwacht een getal (0 of meer), gekregen NaN (geen getal)"),
    ("total-infinite", "total: 96", "total: .inf", "total: .inf", "norms[0].total",
     "verwacht een getal (0 of meer), gekregen inf (oneindig)"),
    ("total-negative", "total: 96", "total: -5", "total: -5", "norms[0].total",
     "verwacht een getal van 0 of meer, gekregen het getal -5"),
    ("total-as-text", "total: 96", "total: '96'", "total: '96'", "norms[0].total",
     'verwacht een getal (0 of meer), gekregen de tekst "96"'),
    ("zero-years", "years: 3", "years: 0", "years: 0", "norms[0].years",
     "verwacht een geheel getal van 1 tot en met 20, gekregen het getal 0"),
    ("fractional-years", "years: 3", "years: 2.5", "years: 2.5", "norms[0].years",
     "verwacht een geheel getal van 1 tot en met 20, gekregen het getal 2.5"),
    ("minimum-above-total", "geaccrediteerd: {min: 24}", "geaccrediteerd: {min: 200}", "geaccrediteerd: {min: 200}",
     "norms[0].categories.geaccrediteerd", "minimum 200 is groter dan het totaal 96"),
    ("minimum-above-maximum", "geaccrediteerd: {min: 24}", "geaccrediteerd: {min: 24, max: 10}",
     "geaccrediteerd: {min: 24, max: 10}", "norms[0].categories.geaccrediteerd", "minimum 24 is groter dan maximum 10"),
    ("unknown-category", "vrije_ruimte: {}", "vrije_ruimte: {}\n      scholing: {}", "scholing: {}",
     "norms[0].categories.scholing", "onbekende categorie; verwacht een van: geaccrediteerd, vrije_ruimte"),
]


@pytest.mark.parametrize(("old", "new", "shown", "where", "message"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_a_norm_the_calculator_refuses_stops_the_build(content_copy: Path, problems_of: Callable[[], list[str]],
                                                       old: str, new: str, shown: str, where: str, message: str) -> None:
    register = content_copy / REGISTER
    norms_at = register.read_text(encoding="utf-8").index("\nnorms:")
    text = register.read_text(encoding="utf-8")
    register.write_text(text[:norms_at] + text[norms_at:].replace(old, new, 1), encoding="utf-8")
    assert problems_of() == [f"content/{REGISTER}:{line_of(register, shown)}: {where}: {REFUSES} {message}"]


WHOLE_NORM_CASES = [
    pytest.param(SKJ, "        categories: [formeel, informeel]\n        min: 60",
                 "        categories: [formeel, informeel]\n        min: 600", "        min: 600",
                 "norms[0].groups[0].min", "minimum 600 is groter dan het totaal 120", id="group-minimum-above-total"),
    pytest.param(REGISTER, "      geaccrediteerd: {min: 24}\n      vrije_ruimte: {}",
                 "      geaccrediteerd: {min: 24, max: 30}\n      vrije_ruimte: {max: 10}", "  - valid_from:",
                 "norms[0]", "het totaal vraagt 96, maar de maxima laten hoogstens 40 meetellen", id="maxima-below-total"),
]


@pytest.mark.parametrize(("file", "old", "new", "shown", "where", "message"), WHOLE_NORM_CASES)
def test_a_norm_that_cannot_be_met_stops_the_build(content_copy: Path, problems_of: Callable[[], list[str]], file: str,
                                                   old: str, new: str, shown: str, where: str, message: str) -> None:
    register = content_copy / file
    replace_once(register, old, new)
    assert problems_of() == [f"content/{file}:{line_of(register, shown)}: {where}: {REFUSES} {message}"]

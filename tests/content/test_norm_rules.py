"""One loader for register rules: the build checks every register with the calculator's own loader.

A norm the calculator would refuse for every visitor stops `make check` and the build, at the
file:line of the refused value (the JSON Schema alone lets these through).
"""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from content_edits import line_of, replace_once

ROOT = Path(__file__).resolve().parents[2]
KRSD = "registers/krsd.yml"
RP = "registers/registerplein-clientondersteuner.yml"

# (file, old text, new text, the line to point at (text on it), what the message says)
BROKEN = {
    "min above max": (KRSD, "geaccrediteerd: {min: 24}", "geaccrediteerd: {min: 24, max: 10}",
                      "geaccrediteerd: {min: 24, max: 10}", "minimum 24 is groter dan maximum 10"),
    "total NaN": (KRSD, "total: 96", "total: .nan", "total: .nan", "verwacht een getal"),
    "zero years": (KRSD, "years: 3", "years: 0", "years: 0", "verwacht een geheel getal van 1 tot en met 20"),
    "category minimum above the total": (KRSD, "geaccrediteerd: {min: 24}", "geaccrediteerd: {min: 100}",
                                         "geaccrediteerd: {min: 100}", "minimum 100 is groter dan het totaal 96"),
    "option minimum above its total": (RP, "geaccrediteerd: {min: 12}", "geaccrediteerd: {min: 30}",
                                       "geaccrediteerd: {min: 30}", "minimum 30 is groter dan het totaal 26"),
    "unknown option choice": (RP, "options:\n", "option_choice: alle\noptions:\n", "option_choice: alle",
                              "verwacht een van: one, together"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_norm_the_calculator_refuses_stops_the_content_check(
        content_copy: Path, problems_of: Callable[[], list[str]], name: str) -> None:
    file, old, new, at, message = BROKEN[name]
    path = content_copy / file
    replace_once(path, old, new)
    problems = [p for p in problems_of() if p.startswith(f"content/{file}:")]
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"content/{file}:{line_of(path, at)}:"), problems
    assert message in problems[0]


def test_make_check_exits_non_zero_with_file_and_line(content_copy: Path) -> None:
    path = content_copy / KRSD
    replace_once(path, "geaccrediteerd: {min: 24}", "geaccrediteerd: {min: 24, max: 10}")
    done = subprocess.run([sys.executable, "-m", "guide", str(content_copy)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={"PYTHONPATH": f"{ROOT}/hooks:{ROOT}", "PATH": ""})
    assert done.returncode == 1
    assert f"content/{KRSD}:{line_of(path, 'max: 10')}:" in done.stderr


def test_the_real_norms_pass_the_calculators_loader() -> None:
    from guide.model import load_content
    from guide.norm_checks import register_problems

    registers = load_content(ROOT / "content").files["register"]
    assert len(registers) >= 5
    assert [problem for document in registers for problem in register_problems(document, Path())] == []


def test_the_schema_is_not_consulted_for_registers(content_copy: Path, problems_of: Callable[[], list[str]]) -> None:
    """A schema that would refuse every register changes nothing: the calculator's loader is the one rule."""
    (content_copy / "schemas" / "register.schema.json").write_text('{"not": {}}', encoding="utf-8")
    replace_once(content_copy / KRSD, "years: 3", "years: 0")
    assert [p for p in problems_of() if "registers/" in p] == [
        f"content/{KRSD}:{line_of(content_copy / KRSD, 'years: 0')}: norms[0].years: the calculator refuses this "
        "norm: verwacht een geheel getal van 1 tot en met 20, gekregen het getal 0"]

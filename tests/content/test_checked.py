"""`checked:` (the day an editor last checked a file against its sources) is required."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.mark.parametrize("kind", ["pages/krsd/kosten.yml", "registers/krsd.yml", "decision-trees/welk-register.yml"])
def test_checked_is_required(problems_of: Callable[[], list[str]], content_copy: Path, kind: str) -> None:
    path = content_copy / kind
    path.write_text(re.sub(r"^checked: \S+\n", "", path.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    problems = problems_of()
    assert any(kind in problem and "checked" in problem for problem in problems), problems

"""Register files are checked by the calculator's own loader, each refusal mapped to its YAML line.

The JSON Schema of registers is help for editors (autocompletion, structure); the rules a register
must obey (known keys, min ≤ max, a reachable total, 1–20 years, finite numbers, option rules, …)
live once, in `calculator.norms`. A norm the calculator would refuse for every visitor stops the
build and `make check`.
"""
from __future__ import annotations

import re
from pathlib import Path

from calculator.errors import InputError
from calculator.norms import load_register

from .errors import Problem
from .yaml_source import PathKey, SourceFile

_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def register_problems(document: SourceFile, _schema: Path) -> list[Problem]:
    """The calculator's refusal of this register file, if any, at the line of the refused value
    (the id is the file name; the schema is not consulted; strict: no minimum above the total)."""
    register_id = document.path.stem
    try:
        load_register({"registers": {register_id: document.data}}, register_id, strict=True)
    except InputError as error:
        where = path_key(error.path, f"registers.{register_id}")
        return [document.problem(where, f"the calculator refuses this norm: {error.message}")]
    return []


def path_key(path: str, prefix: str) -> PathKey:
    """`registers.krsd.norms[0].categories.x` → ("norms", 0, "categories", "x") (the prefix removed)."""
    rest = path[len(prefix):] if path.startswith(prefix) else path
    return tuple(int(index) if index else name for index, name in _PART.findall(rest))

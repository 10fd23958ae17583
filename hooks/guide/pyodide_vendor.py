"""Vendoring Pyodide: exactly the files the browser loads, from the pinned npm package."""
from __future__ import annotations

import json
from pathlib import Path

from .errors import AssetError

# Exactly what the browser loads of the npm package (ARCHITECTURE.md; measured): nothing else is copied.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
PYODIDE_DIR = "assets/pyodide"


def pyodide_package(project_root: Path) -> tuple[str, Path]:
    """The installed npm `pyodide` (version, folder); AssetError unless it is the pinned one, complete."""
    folder = project_root / "node_modules" / "pyodide"
    pinned = json.loads((project_root / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    if not (folder / "package.json").is_file():
        raise AssetError("node_modules/pyodide is missing: the puntencheck vendors Pyodide from npm. "
                         "Run `make setup` (or `npm ci`) in the project folder first.")
    installed = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    if installed != pinned:
        raise AssetError(f"node_modules/pyodide is version {installed}, package.json pins {pinned}: run `npm ci`.")
    missing = [name for name in PYODIDE_FILES if not (folder / name).is_file()]
    if missing:
        raise AssetError(f"node_modules/pyodide lacks {', '.join(missing)}: run `npm ci` again.")
    return installed, folder

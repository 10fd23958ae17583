"""The calculator's wheel, built by a standard backend (flit-core) from the calculator's own
`calculator/pyproject.toml`, with the norms shipped as package data.

The package's modules, its pyproject and README, and `norms.json` (made from
content/registers/*.yml, so norms are never edited twice) are staged in a temporary folder and
flit-core's PEP 517 `build_wheel` runs there with SOURCE_DATE_EPOCH fixed: two builds of the same
sources are byte-identical. `make wheel` writes it to dist/; the site build ships the same bytes.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Iterator

PACKAGE = "calculator"
NORMS_FILE = "norms.json"  # package data: calculator/norms.json in the wheel
SOURCE_DATE_EPOCH = "315532800"  # 1980-01-01T00:00:00Z, the earliest time a zip file can hold


@dataclass(frozen=True)
class Wheel:
    """A built wheel: its PEP 427 file name and its bytes."""

    name: str
    data: bytes

    @property
    def digest(self) -> str:
        """Short sha256 of the bytes, for cache-busting URLs."""
        return hashlib.sha256(self.data).hexdigest()[:12]


def build_wheel(project_root: Path, norms: dict[str, Any]) -> Wheel:
    """The calculator's wheel with `norms` (`{"registers": {...}}`) as package data."""
    from flit_core import buildapi  # the build backend; imported here so the site's other hooks do not need it

    package = project_root / PACKAGE
    with tempfile.TemporaryDirectory() as folder:
        stage = Path(folder)
        shutil.copy(package / "pyproject.toml", stage / "pyproject.toml")
        shutil.copy(package / "README.md", stage / "README.md")
        (stage / PACKAGE).mkdir()
        for module in sorted(package.glob("*.py")):
            shutil.copy(module, stage / PACKAGE / module.name)
        (stage / PACKAGE / NORMS_FILE).write_text(json.dumps(norms, ensure_ascii=False, indent=1, sort_keys=True),
                                                  encoding="utf-8")
        out = stage / "dist"
        out.mkdir()
        with _inside(stage), _fixed_time():
            name = buildapi.build_wheel(str(out))
        return Wheel(name, (out / name).read_bytes())


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    """Run in `folder` (a PEP 517 backend builds the project in the current directory)."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@contextmanager
def _fixed_time() -> Iterator[None]:
    """SOURCE_DATE_EPOCH for the zip timestamps (the caller's own value, if set, is respected)."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = before or SOURCE_DATE_EPOCH
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]


def main(argv: list[str]) -> int:
    """`python -m guide.calculator_wheel [DIST]`: validate content/, write the wheel to DIST (dist/)."""
    from .errors import ContentError
    from .model import load_content
    from .puntencheck_data import norms_document

    root = Path(__file__).resolve().parents[2]
    dist = Path(argv[0]) if argv else root / "dist"
    try:
        wheel = build_wheel(root, norms_document(load_content(root / "content")))
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    dist.mkdir(parents=True, exist_ok=True)
    (dist / wheel.name).write_bytes(wheel.data)
    print(f"{dist / wheel.name} (sha256 {hashlib.sha256(wheel.data).hexdigest()})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

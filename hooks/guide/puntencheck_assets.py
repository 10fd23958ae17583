"""Every file the puntencheck page needs in the site, and what the page embeds.

Composes the four jobs, one module each: vendored Pyodide (`pyodide_vendor`), the calculator
wheel (`calculator_wheel`), the Pyodide memory snapshot (`pyodide_snapshot`) and the data
documents (`puntencheck_data`). Plain Python (no MkDocs): each file comes with its path in the
site, as bytes to write or a file to copy. URLs carry a content hash (or Pyodide's version) so
HTTP caches never serve a stale file.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .calculator_wheel import build_wheel
from .puntencheck_data import PAGE_SETTINGS, examples_document, guide_pages, norms_document
from .pyodide_snapshot import memory_snapshot
from .pyodide_vendor import PYODIDE_DIR, PYODIDE_FILES, pyodide_package

if TYPE_CHECKING:
    from .content import Content

# The ones the worker fetches (the .mjs are imported as modules): what its progress bar counts.
PYODIDE_FETCHED = ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
DATA_DIR = "assets/puntencheck/data"


@dataclass(frozen=True)
class Asset:
    """One file of the site: `data` to write, or `source` to copy."""

    path: str
    data: bytes | None = None
    source: Path | None = None


@dataclass(frozen=True)
class PuntencheckFiles:
    """The files for the site, and what the page embeds so its form needs no request to show."""

    assets: list[Asset]
    page_data: dict[str, Any]


def site_assets(project_root: Path, content: Content, with_snapshot: bool = False) -> PuntencheckFiles:
    """Every puntencheck file for the site (a build-time Pyodide memory snapshot if asked for) and the
    data the page embeds: manifest (URLs relative to the data folder, settings), norms and examples."""
    version, pyodide_dir = pyodide_package(project_root)
    norms, examples = norms_document(content), examples_document(content)
    wheel = build_wheel(project_root, norms)  # the same wheel `make wheel` writes to dist/
    data = {"wheel": (wheel.name, wheel.data)}
    if with_snapshot:  # served as is, gunzipped in the worker
        data["snapshot"] = ("pyodide-snapshot.bin.gz", memory_snapshot(project_root, version, wheel.data))
    assets = [Asset(f"{PYODIDE_DIR}/{version}/{name}", source=pyodide_dir / name) for name in PYODIDE_FILES]
    assets += [Asset(f"{DATA_DIR}/{name}", data=payload) for name, payload in data.values()]
    # The norms the page calculates with, also as a file: `python -m calculator check --norms norms.json`.
    assets.append(Asset(f"{DATA_DIR}/norms.json", data=_json(norms)))
    manifest = {
        "pyodide": f"../../pyodide/{version}/",
        "pyodide_version": version,
        "bodies": {body_id: body["name"] for body_id, body in content.one("bodies")["bodies"].items()},
        "guide_pages": guide_pages(content),
        "snapshot": None,
        "settings": PAGE_SETTINGS,
        # Bytes the worker fetches before Python is ready: the page's progress bar shows "x van y MB".
        "download_bytes": sum((pyodide_dir / name).stat().st_size for name in PYODIDE_FETCHED)
        + sum(len(payload) for _, payload in data.values()),
        **{key: f"{name}?v={_digest(payload)}" for key, (name, payload) in data.items()},
    }
    return PuntencheckFiles(assets, {"manifest": manifest, "norms": norms, "examples": examples})


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]

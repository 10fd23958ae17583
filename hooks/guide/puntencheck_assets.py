"""What the puntencheck page needs in the site: vendored Pyodide, the calculator wheel, data files.

Plain Python (no MkDocs): `site_assets()` lists every file with its path in the site, either as
bytes to write or as a file to copy. The page finds them through `manifest.json`, whose URLs
carry a content hash (or Pyodide's version) so HTTP caches never serve a stale file.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from calculator.numbers import AMOUNT_TEXT

from .puntencheck_wheel import build_wheel

if TYPE_CHECKING:
    from .model import Content

# Exactly what the browser loads of the npm package (ARCHITECTURE.md; measured): nothing else is copied.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
DATA_DIR = "assets/puntencheck/data"
PYODIDE_DIR = "assets/pyodide"
SNAPSHOT_SWITCH = "PUNTENCHECK_SNAPSHOT"  # "0": ship no memory snapshot (Python starts ~2.5x slower)
# Constants the page's scripts need, given to them in the data block (never repeated as JS literals).
PAGE_SETTINGS = {
    "start_timeout_ms": 8000,  # a start-up that never settles (CSP without 'wasm-unsafe-eval') is explained
    "amount_pattern": AMOUNT_TEXT.pattern,  # what the form accepts as a number: the CLI's rule for text amounts
}


class AssetError(Exception):
    """A file the puntencheck needs is missing or inconsistent; the message says what to do."""


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


def site_assets(project_root: Path, content: Content, with_snapshot: bool = True) -> PuntencheckFiles:
    """Every puntencheck file for the site (a Pyodide memory snapshot unless switched off) and the
    data the page embeds: manifest (URLs relative to the data folder), norms and examples."""
    version, pyodide_dir = pyodide_package(project_root)
    wheel = build_wheel(project_root)
    norms, examples = norms_document(content), examples_document(content)
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
        "snapshot": None,
        "settings": PAGE_SETTINGS,
        **{key: f"{name}?v={_digest(payload)}" for key, (name, payload) in data.items()},
    }
    return PuntencheckFiles(assets, {"manifest": manifest, "norms": norms, "examples": examples})


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


def memory_snapshot(project_root: Path, version: str, wheel: bytes) -> bytes:
    """Pyodide's memory after importing the calculator, gzipped (tools/pyodide-snapshot.mjs, needs Node).

    Made once per Pyodide version, wheel and script, then kept in node_modules/.cache: a rebuild
    for a YAML edit does not make it again.
    """
    script = project_root / "tools" / "pyodide-snapshot.mjs"
    key = _digest(version.encode() + wheel + script.read_bytes())
    cached = project_root / "node_modules" / ".cache" / "registratiewijzer" / f"pyodide-snapshot-{key}.bin.gz"
    if cached.is_file():
        return cached.read_bytes()
    node = shutil.which("node")
    if node is None:
        raise AssetError(f"the Pyodide snapshot needs Node.js (node) on PATH; or build with {SNAPSHOT_SWITCH}=0.")
    cached.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        wheel_path, out = Path(folder) / "calculator.whl", Path(folder) / "snapshot.bin.gz"
        wheel_path.write_bytes(wheel)
        done = subprocess.run([node, str(script), str(wheel_path), str(out)],
                              cwd=project_root, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise AssetError(f"the Pyodide snapshot failed: {done.stderr.strip()[-500:]}")
        shutil.move(out, cached)
    return cached.read_bytes()


def norms_document(content: Content) -> dict[str, Any]:
    """`{"registers": {id: register YAML as a dict}}`: the calculator's norms dict, as the CLI builds it."""
    return {"registers": {doc.data["id"]: doc.data for doc in content.files.get("register", [])}}


def examples_document(content: Content) -> list[dict[str, Any]]:
    """The worked examples, each with its source's title for display."""
    sources = content.sources
    examples = []
    for doc in content.files.get("worked_example", []):  # sources were checked by load_content
        examples.append({**doc.data, "source_title": sources[doc.data["source"]]["title"]})
    return examples


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]

"""Pyodide's memory snapshot with the calculator imported (made by Node at build time, cached)."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import AssetError

SNAPSHOT_SWITCH = "PUNTENCHECK_SNAPSHOT"  # "1": ship a build-time memory snapshot (+6.3 MB first visit)


def memory_snapshot(project_root: Path, version: str, wheel: bytes) -> bytes:
    """Pyodide's memory after importing the calculator, gzipped (tools/pyodide-snapshot.mjs, needs Node).

    Made once per Pyodide version, wheel and script, then kept in node_modules/.cache: a rebuild
    for a YAML edit does not make it again.
    """
    script = project_root / "tools" / "pyodide-snapshot.mjs"
    key = hashlib.sha256(version.encode() + wheel + script.read_bytes()).hexdigest()[:12]
    cached = project_root / "node_modules" / ".cache" / "registratiewijzer" / f"pyodide-snapshot-{key}.bin.gz"
    if cached.is_file():
        return cached.read_bytes()
    node = shutil.which("node")
    if node is None:
        raise AssetError(f"the Pyodide snapshot needs Node.js (node) on PATH; or build without {SNAPSHOT_SWITCH}=1.")
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

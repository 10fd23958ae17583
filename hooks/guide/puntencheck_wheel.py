"""A pure-Python wheel (PEP 427) of the calculator package, written with the standard library.

Why not setuptools: the build must work offline in the project's virtualenv, where Python 3.11
brings setuptools 65 without `bdist_wheel` (the `wheel` package is not installed), and the
project's distribution declares the site builder's dependencies (mkdocs, …), which the browser
must not see. The calculator needs none: its wheel is just its files plus three metadata files.
The result is deterministic (fixed timestamps), so its hash only changes when the code does.
"""
from __future__ import annotations

import base64
import hashlib
import io
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

_EPOCH = (1980, 1, 1, 0, 0, 0)
_TAG = "py3-none-any"


@dataclass(frozen=True)
class Wheel:
    """A built wheel: its PEP 427 file name and its bytes."""

    name: str
    data: bytes

    @property
    def digest(self) -> str:
        """Short sha256 of the bytes, for cache-busting URLs."""
        return hashlib.sha256(self.data).hexdigest()[:12]


def build_wheel(project_root: Path, package: str = "calculator") -> Wheel:
    """The wheel of `package` (one of pyproject's [tool.setuptools] packages), named after the project."""
    project = tomllib.loads((project_root / "pyproject.toml").read_text(encoding="utf-8"))
    if package not in project.get("tool", {}).get("setuptools", {}).get("packages", []):
        raise ValueError(f"pyproject.toml: [tool.setuptools] packages does not list {package!r}")
    name, version = project["project"]["name"], project["project"]["version"]
    dist = f"{name.replace('-', '_')}-{version}"
    files = {path.relative_to(project_root).as_posix(): path.read_bytes()
             for path in sorted((project_root / package).rglob("*.py"))}
    if f"{package}/__init__.py" not in files:
        raise ValueError(f"{package}/__init__.py is missing: nothing to import in the browser")
    files[f"{dist}.dist-info/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
        f"Summary: {project['project'].get('description', '')}\n"
        f"Requires-Python: {project['project'].get('requires-python', '>=3')}\n").encode()
    files[f"{dist}.dist-info/WHEEL"] = (
        f"Wheel-Version: 1.0\nGenerator: registratiewijzer\nRoot-Is-Purelib: true\nTag: {_TAG}\n").encode()
    return Wheel(f"{dist}-{_TAG}.whl", _zip(files, f"{dist}.dist-info/RECORD"))


def _zip(files: dict[str, bytes], record_name: str) -> bytes:
    """The archive, with a RECORD listing every file's sha256 and size."""
    record = "".join(f"{path},sha256={_urlsafe_sha256(data)},{len(data)}\n" for path, data in files.items())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in [*files.items(), (record_name, f"{record}{record_name},,\n".encode())]:
            info = zipfile.ZipInfo(path, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def _urlsafe_sha256(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()

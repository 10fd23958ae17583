"""The calculator's wheel: built by flit-core, byte-identical on rebuild, shipped by the site, and
an installed `puntencheck` command that works outside a checkout."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path
from typing import Any

import pytest

from guide.calculator_wheel import NORMS_FILE, build_wheel
from guide.model import load_content
from guide.puntencheck_data import norms_document

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def norms() -> dict[str, Any]:
    return norms_document(load_content(ROOT / "content"))


def make_wheel(dist: Path) -> Path:
    """What `make wheel` runs, into `dist`."""
    done = subprocess.run([sys.executable, "-m", "guide.calculator_wheel", str(dist)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": f"{ROOT}/hooks:{ROOT}"})
    assert done.returncode == 0, done.stderr
    [wheel] = dist.glob("*.whl")
    return wheel


def test_two_builds_are_byte_identical_whatever_the_file_times(tmp_path: Path) -> None:
    first = make_wheel(tmp_path / "one")
    for module in (ROOT / "calculator").glob("*.py"):
        os.utime(module)  # newer mtimes must not change a byte
    second = make_wheel(tmp_path / "two")
    assert first.name == second.name == "puntencheck-0.1.0-py3-none-any.whl"
    assert first.read_bytes() == second.read_bytes()


def test_the_wheel_holds_the_package_its_norms_and_the_command(norms: dict[str, Any]) -> None:
    wheel = build_wheel(ROOT, norms)
    with zipfile.ZipFile(__import__("io").BytesIO(wheel.data)) as archive:
        names = archive.namelist()
        modules = sorted(path.name for path in (ROOT / "calculator").glob("*.py"))
        assert sorted(n.split("/")[1] for n in names if n.startswith("calculator/") and n.endswith(".py")) == modules
        assert json.loads(archive.read(f"calculator/{NORMS_FILE}")) == norms
        info = "puntencheck-0.1.0.dist-info"
        assert "Generator: flit" in archive.read(f"{info}/WHEEL").decode()
        assert "Name: puntencheck" in archive.read(f"{info}/METADATA").decode()
        assert "puntencheck=calculator.cli:main" in archive.read(f"{info}/entry_points.txt").decode().replace(" ", "")
        assert not [n for n in names if n.endswith(("pyproject.toml", ".pyc"))]
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_the_site_ships_the_same_wheel(built_site: Path, tmp_path: Path) -> None:
    [shipped] = (built_site / "assets" / "puntencheck" / "data").glob("*.whl")
    assert shipped.read_bytes() == make_wheel(tmp_path).read_bytes()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with only the wheel installed (no index, no network); its bin/ folder."""
    folder = tmp_path_factory.mktemp("venv")
    wheel = make_wheel(folder / "dist")
    venv.create(folder / "env", with_pip=True)
    pip = subprocess.run([str(folder / "env" / "bin" / "python"), "-m", "pip", "install", "--no-index",
                          "--disable-pip-version-check", "--quiet", str(wheel)], capture_output=True, text=True,
                         timeout=300)
    assert pip.returncode == 0, pip.stderr
    return folder / "env" / "bin"


def run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bin_dir / "puntencheck"), *args], cwd=cwd, capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})


def test_the_installed_command_lists_the_registers_outside_a_checkout(installed: Path, tmp_path: Path,
                                                                     norms: dict[str, Any]) -> None:
    done = run(installed, tmp_path, "registers")
    assert done.returncode == 0, done.stderr
    for register_id in norms["registers"]:
        assert f"{register_id}: " in done.stdout


def test_the_installed_command_checks_a_portfolio(installed: Path, tmp_path: Path) -> None:
    example = ROOT / "content" / "worked-examples" / "krsd-rekenvoorbeeld.yml"
    import yaml

    portfolio = yaml.safe_load(example.read_text(encoding="utf-8"))["portfolio"]
    (tmp_path / "p.json").write_text(json.dumps(portfolio), encoding="utf-8")
    done = run(installed, tmp_path, "check", "p.json", "--json", "--today", "2025-11-01")
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(done.stdout)["register"] == "krsd"


def test_a_missing_norm_file_is_a_dutch_refusal(installed: Path, tmp_path: Path) -> None:
    done = run(installed, tmp_path, "registers", "--norms", "nergens.json")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "nergens.json: bestand niet gevonden\n"

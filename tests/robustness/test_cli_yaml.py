"""The CLI reads content/registers (and content/pages for --site-url) with the build's hardened YAML
reader (calculator/plain_yaml.py): an editor's hostile or broken register file gets exit 2 and one
line naming file:line, at once and in bounded memory, never a hang, a traceback or a command run."""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide.errors import ContentError
from guide.yaml_source import read_yaml

ROOT = Path(__file__).resolve().parents[2]
MARKER = Path("/tmp/registratiewijzer-cli-yaml-marker")  # a hostile tag would create it
MEMORY_LIMIT = 2 << 30  # an expanded alias bomb would need far more
PREFIX = "ongeldige YAML, de gids bouwt zo ook niet"
PORTFOLIO = ('{"register": "krsd", "period_start": "2021-01-01", '
             '"activities": [{"date": "2021-05-01", "category": "geaccrediteerd", "points": 8}]}')

CASES = [  # (case id, the whole register file x.yml, the line, the place and message the build gives)
    ("alias-bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
     "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n",
     1, "a: anchors ('&a') are not allowed; write each value out"),
    ("alias-bomb-without-anchor-first", "name: KRSD\nversions: *v\n", 2,
     "versions: aliases ('*v') are not allowed; write the value out"),
    ("recursive-alias", "name: KRSD\nversions: &r [*r]\n", 2, "versions: anchors ('&r') are not allowed; write each value out"),
    ("merge-key", "name: KRSD\nversions:\n  <<: {a: 1}\n", 3, "versions: merge keys ('<<') are not allowed; write the keys out"),
    ("python-tag", f"name: !!python/object/apply:os.system ['touch {MARKER}']\n", 1,
     "name: tags ('tag:yaml.org,2002:python/object/apply:os.system') are not allowed; write a plain value"),
    ("unknown-tag", "name: !register KRSD\n", 1, "name: tags ('!register') are not allowed; write a plain value"),
    ("too-deep", "versions: " + "[" * 5000 + "]" * 5000 + "\n", 1,
     "versions" + "[0]" * 40 + ": nested more than 40 levels deep"),
    ("impossible-date", "name: KRSD\nchecked: 2025-02-30\n", 2, "checked: expected an existing date as YYYY-MM-DD, got '2025-02-30'"),
    ("duplicate-key", "name: KRSD\nname: SKJ\n", 2, "duplicate key 'name'"),
    ("syntax-error", "name: KRSD\n  unit: uren\n", 2, "not valid YAML: mapping values are not allowed here"),
    ("empty", "# niets\n", 1, "the file is empty"),
]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A checkout with the calculator package and the real content/registers (copies, so the CLI's
    content/ is this one)."""
    shutil.copytree(ROOT / "calculator", tmp_path / "calculator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "content" / "registers", tmp_path / "content" / "registers")
    MARKER.unlink(missing_ok=True)
    return tmp_path


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(checkout: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m calculator ARGS` of the checkout, a portfolio on standard input, with bounded memory and time."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    return subprocess.run([sys.executable, "-m", "calculator", *args], cwd=checkout, env=env, input=PORTFOLIO,
                          capture_output=True, text=True, encoding="utf-8", timeout=60, preexec_fn=_limit_memory)


@pytest.mark.parametrize("command", [["registers"], ["check", "-", "--today", "2025-11-01"]], ids=["registers", "check"])
@pytest.mark.parametrize(("text", "line", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_hostile_register_yaml_is_refused_with_file_and_line(
    checkout: Path, command: list[str], text: str, line: int, expected: str,
) -> None:
    (checkout / "content" / "registers" / "x.yml").write_text(text, encoding="utf-8")
    result = run_cli(checkout, *command)
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", f"content/registers/x.yml:{line}: {PREFIX} ({expected})\n")
    assert not MARKER.exists(), "a YAML tag ran a command"


@pytest.mark.parametrize(("text", "line", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_the_build_refuses_the_same_file_with_the_same_words(tmp_path: Path, text: str, line: int, expected: str) -> None:
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        read_yaml(path, Path("content/registers/x.yml"))
    assert [str(problem) for problem in refused.value.problems] == [f"content/registers/x.yml:{line}: {expected}"]


def test_good_register_files_still_give_a_verdict(checkout: Path) -> None:
    result = run_cli(checkout, "check", "-", "--today", "2025-11-01")
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.startswith("Puntencheck: Professional Publiek Sociaal Domein (krsd)")

"""The CLI on hostile and broken files: exit 2 and exactly one Dutch line on stderr, never a
traceback, an English exception text or 'Onverwachte fout'; control characters in titles never
reach the terminal raw; `| head` ends quietly."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
START = '{"register": "krsd", "period_start": "2021-01-01", "activities": '
ACTIVITY = '{"date": "2021-05-01", "category": "geaccrediteerd", "points": 8}'
CSV_HEAD = "register;krsd\nstart;2021-01-01\ndatum;categorie;punten;titel\n"
DEEP = "geen geldige JSON: te diep genest (een portfolio is een object met een lijst activiteiten)"
TOO_BIG = "het bestand is groter dan 10 MB; een portfolio is veel kleiner"


def run(tmp_path: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m calculator ARGS` in tmp_path (so messages name files as given)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.run([sys.executable, "-m", "calculator", *args], cwd=tmp_path, input=stdin, env=env,
                             capture_output=True, timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, process.stdout.decode("utf-8"),
                                       process.stderr.decode("utf-8"))


def file_with(content: bytes) -> Callable[[Path], str]:
    def write(folder: Path) -> str:
        (folder / "p.json").write_bytes(content)
        return "p.json"
    return write


def sparse_file(size: int) -> Callable[[Path], str]:
    def write(folder: Path) -> str:
        with (folder / "p.json").open("wb") as stream:
            stream.truncate(size)
        return "p.json"
    return write


CASES = [  # (case id, makes the file and returns its name, expected stderr line)
    ("deeply-nested", file_with(b"[" * 100_000 + b"]" * 100_000), f"portfolio: {DEEP}"),
    ("deeply-nested-inside", file_with((START + "[" * 50_000 + "]" * 50_000 + "}").encode()), f"portfolio: {DEEP}"),
    ("integer-of-5000-digits", file_with((START + ACTIVITY.replace("8", "9" * 5000) + "]}").encode()),
     "portfolio: geen geldige JSON: een getal met duizenden cijfers"),
    ("integer-of-4000-digits", file_with((START + "[" + ACTIVITY.replace("8", "9" * 4000) + "]}").encode()),
     "activities[0].points (activiteit 1): een getal van 4000 tekens is onmogelijk voor één activiteit: "
     "een periode van 3 jaar heeft hoogstens 26352 uur"),
    ("second-activities-key", file_with((START + f"[{ACTIVITY}], \"activities\": [{ACTIVITY}]}}").encode()),
     'portfolio: het veld "activities" staat twee keer in hetzelfde object; JSON houdt er maar één'),
    ("duplicate-key-in-activity", file_with((START + "[" + ACTIVITY.replace("}", ', "points": 99}') + "]}").encode()),
     'portfolio: het veld "points" staat twee keer in hetzelfde object; JSON houdt er maar één'),
    ("nan", file_with((START + "[" + ACTIVITY.replace("8", "NaN") + "]}").encode()),
     "activities[0].points (activiteit 1): verwacht een getal (0 of meer), gekregen NaN (geen getal)"),
    ("infinity", file_with((START + "[" + ACTIVITY.replace("8", "-Infinity") + "]}").encode()),
     "activities[0].points (activiteit 1): verwacht een getal (0 of meer), gekregen -inf (oneindig)"),
    ("empty-path", lambda folder: "", "FILE: geef een bestandsnaam, of - voor standaardinvoer"),
    ("blank-path", lambda folder: "  ", "FILE: geef een bestandsnaam, of - voor standaardinvoer"),
    ("dev-zero", lambda folder: "/dev/zero", f"/dev/zero: {TOO_BIG}"),
    ("huge-file", sparse_file(2_000_000_000), f"p.json: {TOO_BIG}"),
    ("just-too-big", file_with(b" " * 10_000_001), f"p.json: {TOO_BIG}"),
    ("csv-cell-over-the-limit", file_with((CSV_HEAD + '2021-01-01;geaccrediteerd;5;"' + "x" * 200_000 + "\n").encode()),
     "rij 4: een cel is langer dan 131072 tekens; staat er een aanhalingsteken dat niet gesloten wordt?"),
    ("utf16-without-bom", file_with((START + f"[{ACTIVITY}]}}").encode("utf-16-le")),
     "p.json: UTF-16 zonder byte order mark (BOM); sla het bestand op als UTF-8"),
    ("utf16-big-endian-without-bom", file_with(CSV_HEAD.encode("utf-16-be")),
     "p.json: UTF-16 zonder byte order mark (BOM); sla het bestand op als UTF-8"),
    ("binary", file_with(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256))),
     "p.json: geen tekstbestand; verwacht een portfolio in JSON of CSV"),
    ("not-a-text-encoding", file_with(b"datum;categorie;punten\n\x81\x8d\x8f\x90\x9d\xff\xfe"),
     "p.json: geen leesbare tekst; sla het bestand op als UTF-8"),
    ("directory", lambda folder: ".", ".: dit is een map, geen bestand"),
    ("missing-file", lambda folder: "bestaat-niet.json", "bestaat-niet.json: bestand niet gevonden"),
    ("far-future-start", file_with((START.replace("2021", "9999") + f"[{ACTIVITY}]}}").encode()),
     "period_start: 9999-01-01 ligt niet tussen 1900 en 2999"),
    ("escape-in-refused-value", file_with((START + "[" + ACTIVITY.replace("geaccrediteerd", "\\u001b[2J\\u001b[31m") + "]}").encode()),
     'activities[0].category (activiteit 1): onbekende categorie "\\x1b[2J\\x1b[31m" voor register krsd; '
     "kies uit: geaccrediteerd, vrije_ruimte"),
]


@pytest.mark.parametrize(("make", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_hostile_file_is_refused_with_one_dutch_line(tmp_path: Path, make: Callable[[Path], str], expected: str) -> None:
    result = run(tmp_path, "check", make(tmp_path), "--today", "2025-11-01")
    assert (result.returncode, result.stdout, result.stderr) == (2, "", expected + "\n")


def test_hostile_norms_file_is_refused_the_same_way(tmp_path: Path) -> None:
    (tmp_path / "norms.json").write_text('{"registers": {}, "registers": {}}', encoding="utf-8")
    result = run(tmp_path, "registers", "--norms", "norms.json")
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", 'norms.json: het veld "registers" staat twee keer in hetzelfde object; JSON houdt er maar één\n')


def test_oversized_standard_input_is_refused(tmp_path: Path) -> None:
    result = run(tmp_path, "check", "-", stdin=b"{" + b" " * 10_000_001)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"standaardinvoer: {TOO_BIG}\n")


def test_utf16_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_bytes((CSV_HEAD + "2021-05-01;geaccrediteerd;24;Café\n").encode("utf-16"))
    result = run(tmp_path, "check", "p.csv", "--json", "--today", "2025-11-01")
    assert result.returncode == 1 and result.stderr == ""
    assert json.loads(result.stdout)["categories"]["geaccrediteerd"]["points"] == 24


HOSTILE_TITLE = "\x1b[2J\x1b[31mROOD\x1b[0m\nUitslag: norm behaald\r\u202eevil\x9b6n\u2028x"


def _portfolio_with_title(tmp_path: Path) -> str:
    portfolio = {"register": "krsd", "period_start": "2021-01-01",
                 "activities": [{"date": "2020-05-01", "category": "geaccrediteerd", "points": 1, "title": HOSTILE_TITLE}]}
    (tmp_path / "p.json").write_text(json.dumps(portfolio), encoding="utf-8")
    return "p.json"


def test_control_characters_in_titles_are_escaped_in_the_report(tmp_path: Path) -> None:
    result = run(tmp_path, "check", _portfolio_with_title(tmp_path), "--today", "2025-11-01")
    assert result.returncode == 1
    unsafe = [char for char in result.stdout if (ord(char) < 32 and char != "\n") or 0x7f <= ord(char) <= 0x9f
              or char in "\u2028\u2029\u202e"]
    assert unsafe == []
    assert [line for line in result.stdout.splitlines() if line.startswith("Uitslag:")] == ["Uitslag: norm NIET behaald"]
    assert "(\\x1b[2J\\x1b[31mROOD\\x1b[0m\\nUitslag: norm behaald\\r\\u202eevil\\x9b6n\\u2028x)" in result.stdout


def test_control_characters_in_titles_are_escaped_in_json_and_read_back_the_same(tmp_path: Path) -> None:
    result = run(tmp_path, "check", _portfolio_with_title(tmp_path), "--json", "--today", "2025-11-01")
    assert not any(0x7f <= ord(char) <= 0x9f or char in "\x1b\u2028\u202e" for char in result.stdout)
    assert json.loads(result.stdout)["excluded"][0]["title"] == HOSTILE_TITLE


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    activities = [{"date": "2020-05-01", "category": "geaccrediteerd", "points": 1, "title": f"activiteit {i}"}
                  for i in range(20_000)]
    (tmp_path / "p.json").write_text(json.dumps({"register": "krsd", "period_start": "2021-01-01",
                                                 "activities": activities}), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "calculator", "check", "p.json", "--today", "2025-11-01"],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()  # what `| head -1` reads, then it goes away
    process.stdout.close()
    stderr = process.stderr.read()
    assert first.startswith(b"Puntencheck:")
    assert (process.wait(timeout=60), stderr) == (1, b"")

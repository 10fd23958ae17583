"""The CLI as a user runs it (subprocess): exit codes 0/1/2, --json, the report, CSV variants."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import calculator
from calc_support import GOOD, REFUSED, REPO, load_yaml, portfolio, repo_norms

WORKED_EXAMPLES = REPO / "content" / "worked-examples"
TODAY = "2025-11-01"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m calculator ARGS` from the repository root."""
    process = subprocess.run([sys.executable, "-m", "calculator", *args], cwd=REPO, input=stdin,
                             capture_output=True, timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode,
                                       process.stdout.decode("utf-8"), process.stderr.decode("utf-8"))


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(path)


def assert_refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert message in result.stderr, result.stderr


@pytest.mark.parametrize("case", ["de-vries", "jansen", "hollander", "lonneke", "krsd-rekenvoorbeeld"])
def test_exit_code_and_json_equal_check(tmp_path: Path, case: str) -> None:
    example = load_yaml(WORKED_EXAMPLES / f"{case}.yml")
    path = write(tmp_path, "portfolio.json", json.dumps(example["portfolio"]))
    result = run_cli("check", path, "--json", "--today", TODAY)
    assert result.returncode == (0 if example["expected"]["passed"] else 1), result.stderr
    expected = calculator.check(example["portfolio"], repo_norms(), dt.date.fromisoformat(TODAY))
    assert json.loads(result.stdout) == expected


def test_readable_report(tmp_path: Path) -> None:
    data = portfolio(("2020-12-01", "overig", 5), ("2021-05-01", "geaccrediteerd", 100),
                     ("2022-05-01", "reflectie", 30), ("2023-05-01", "overig", 75))
    data["activities"][0]["title"] = "Congres"
    result = run_cli("check", write(tmp_path, "p.json", json.dumps(data)), "--today", TODAY)
    assert result.returncode == 1 and result.stderr == ""
    out = result.stdout
    assert "Uitslag: norm NIET behaald" in out
    reflectie = [line.split()[:4] for line in out.splitlines() if line.startswith("Reflectie ")]
    assert reflectie == [["Reflectie", "30", "40", "-"]]
    assert "activiteit 1 (Congres): De datum 1 december 2020 ligt vóór het begin van je periode" in out
    assert "Vroegst indienen: 30 september 2025" in out and "Uiterlijk indienen: 31 december 2025" in out
    assert "  - Je mist nog 10 punten reflectie" in out


@pytest.mark.parametrize("name, text, message", REFUSED, ids=[row[0] for row in REFUSED])
def test_refused_json_input(tmp_path: Path, name: str, text: str, message: str) -> None:
    assert_refused(run_cli("check", write(tmp_path, "p.json", text), "--today", TODAY), message)


@pytest.mark.parametrize("content, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "geen tekstbestand"),
    ("Beste collega,\nhierbij mijn punten.\n", "geen JSON-portfolio en geen CSV"),
    ('{"register": "krsd",', "portfolio: geen geldige JSON (regel 1, kolom 21)"),
    ("register: krsd\nperiod_start: 2021-01-01\n", "geen JSON-portfolio en geen CSV"),
    ("", "geen JSON-portfolio en geen CSV"),
])
def test_refused_files(tmp_path: Path, content: str | bytes, message: str) -> None:
    assert_refused(run_cli("check", write(tmp_path, "p.txt", content)), message)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert_refused(run_cli("check", str(tmp_path / "weg.json")), "weg.json: bestand niet gevonden")
    assert_refused(run_cli("check", str(tmp_path)), "dit is een map, geen bestand")


@pytest.mark.parametrize("args, message", [
    ((), "Ongeldige aanroep: dit ontbreekt: {check,registers}"),
    (("check",), "Ongeldige aanroep: dit ontbreekt: FILE"),
    (("tel",), "ongeldige keuze"),
    (("check", "x.json", "--snel"), "Ongeldige aanroep: onbekend: --snel"),
    (("check", "x.json", "--today", "morgen"),
     '--today: verwacht een bestaande datum als JJJJ-MM-DD, gekregen de tekst "morgen"'),
    (("registers", "--norms", "nergens.json"), "nergens.json: bestand niet gevonden"),
])
def test_refused_calls(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    if "x.json" in args:
        write(tmp_path, "x.json", json.dumps(GOOD))
        args = tuple(str(tmp_path / a) if a == "x.json" else a for a in args)
    assert_refused(run_cli(*args), message)


def test_json_input_refuses_csv_options(tmp_path: Path) -> None:
    assert_refused(run_cli("check", write(tmp_path, "p.json", json.dumps(GOOD)), "--register", "krsd"),
                   "--register, --start en --option gelden alleen voor CSV")


# --- CSV ------------------------------------------------------------------------------------

SEMICOLON = (
    "\ufeffregister;registerplein-clientondersteuner;;\r\n"
    "start;1-1-2021;;\r\n"
    "Datum;Categorie;Punten;Omschrijving\r\n"
    "1-3-2021;Geaccrediteerd;40,5;Training gespreksvoering\r\n"
    "2022-06-01;reflectie;39,5;Intervisie\r\n"
    ";;;\r\n"
    "15-1-2024;overig;80;Presentatie\r\n"
    "31-12-2020;overig;3;Te vroeg\r\n"
)
SEMICOLON_AS_JSON = {
    "register": "registerplein-clientondersteuner", "period_start": "2021-01-01", "options": {},
    "activities": [
        {"date": "2021-03-01", "category": "geaccrediteerd", "points": 40.5, "title": "Training gespreksvoering"},
        {"date": "2022-06-01", "category": "reflectie", "points": 39.5, "title": "Intervisie"},
        {"date": "2024-01-15", "category": "overig", "points": 80, "title": "Presentatie"},
        {"date": "2020-12-31", "category": "overig", "points": 3, "title": "Te vroeg"},
    ],
}


def test_csv_semicolon_decimal_comma_bom_and_meta_rows(tmp_path: Path) -> None:
    result = run_cli("check", write(tmp_path, "p.csv", SEMICOLON), "--json", "--today", TODAY)
    assert result.returncode == 1, result.stderr  # reflectie 39,5 < 40
    verdict = json.loads(result.stdout)
    assert verdict == calculator.check(SEMICOLON_AS_JSON, repo_norms(), dt.date.fromisoformat(TODAY))
    assert verdict["categories"]["reflectie"]["shortfall"] == 0.5
    assert [item["index"] for item in verdict["excluded"]] == [3]


def test_csv_report_names_rows(tmp_path: Path) -> None:
    result = run_cli("check", write(tmp_path, "p.csv", SEMICOLON), "--today", TODAY)
    assert "rij 8 (Te vroeg): De datum 31 december 2020" in result.stdout


def test_csv_comma_english_headers_and_options(tmp_path: Path) -> None:
    text = ('date,category,hours,title\n'
            '2022-02-01,geaccrediteerd,"12,5",Training\n'
            '2022-03-01,reflectie,8,Intervisie\n'
            '2022-04-01,overig,5.5,"Artikel, deel 1"\n')
    path = write(tmp_path, "p.csv", text)
    result = run_cli("check", path, "--json", "--register", "registerplein-clientondersteuner",
                     "--start", "2022-01-01", "--option", "skj_registered", "--today", TODAY)
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["total"] == {"points": 26, "required": 26, "shortfall": 0}
    assert verdict["norm"]["options"] == ["skj_registered"]


@pytest.mark.parametrize(("extra", "earliest"), [((), "2023-02-28"), (("--option", "eerste_certificering"), None)])
def test_krsd_first_certification_option_on_the_command_line(tmp_path: Path, extra: tuple[str, ...],
                                                            earliest: str | None) -> None:
    """`--option eerste_certificering`: submit as soon as the norm is met; without it, a year before the end."""
    text = "datum;categorie;uren\n1-5-2022;geaccrediteerd;24\n1-6-2022;vrije ruimte;72\n"
    result = run_cli("check", write(tmp_path, "p.csv", text), "--json", "--register", "krsd",
                     "--start", "2021-03-01", *extra, "--today", "2022-07-01")
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["dates"]["earliest_submission"] == earliest
    assert ("dus dat kan nu al" in " ".join(verdict["messages"])) is (earliest is None)


def test_krsd_first_certification_option_in_json(tmp_path: Path) -> None:
    data = {"register": "krsd", "period_start": "2021-03-01", "options": {"eerste_certificering": True},
            "activities": [{"date": "2022-05-01", "category": "geaccrediteerd", "points": 24},
                           {"date": "2022-06-01", "category": "vrije_ruimte", "points": 72}]}
    result = run_cli("check", write(tmp_path, "p.json", json.dumps(data)), "--today", "2022-07-01")
    assert result.returncode == 0, result.stderr
    assert "Vroegst indienen: zodra je alle uren hebt" in result.stdout
    assert "Je kunt je eerste certificeringsaanvraag indienen zodra je alle uren hebt" in result.stdout


def test_csv_options_override_meta_rows(tmp_path: Path) -> None:
    text = ("# register: krsd\n# start: 2022-01-01\n# opgeslagen uit Excel\n"
            "datum,categorie,uren\n2022-02-01,vrije ruimte,96\n")
    path = write(tmp_path, "p.csv", text)
    meta = run_cli("check", path, "--json", "--today", TODAY)
    assert meta.returncode == 1 and json.loads(meta.stdout)["categories"]["geaccrediteerd"]["shortfall"] == 24
    overridden = run_cli("check", path, "--json", "--start", "2023-01-01", "--today", TODAY)
    assert json.loads(overridden.stdout)["excluded"][0]["index"] == 0


def test_csv_in_windows_1252(tmp_path: Path) -> None:
    text = "register;krsd\nstart;2022-01-01\ndatum;categorie;uren;titel\n2022-02-01;geaccrediteerd;96;Café-overleg\n"
    result = run_cli("check", write(tmp_path, "p.csv", text.encode("cp1252")), "--today", TODAY)
    assert result.returncode == 0, result.stderr


def test_csv_from_stdin() -> None:
    text = "register;krsd\nstart;2022-01-01\ndatum;categorie;uren\n2022-02-01;geaccrediteerd;20\n"
    result = run_cli("check", "-", "--today", TODAY, stdin=text.encode("utf-8"))
    assert result.returncode == 1 and "Je mist nog 4 uur geaccrediteerde opleidingen" in result.stdout


@pytest.mark.parametrize("rows, message", [
    ("2022-02-01;reflectie;acht", 'rij 4, kolom punten: verwacht een getal zoals 8 of 7,5, gekregen "acht"'),
    ("2022-02-01;reflectie;-2", "rij 4, kolom punten: verwacht een getal van 0 of meer, gekregen het getal -2"),
    ("2022-02-01;scholing;2", 'rij 4, kolom categorie: onbekende categorie "scholing"'),
    ("30-2-2022;reflectie;2", 'rij 4, kolom datum: "30-2-2022" is geen bestaande datum'),
    ("2022-02-30;reflectie;2",
     'rij 4, kolom datum: verwacht een bestaande datum als JJJJ-MM-DD, gekregen de tekst "2022-02-30"'),
    (";reflectie;2", "rij 4, kolom datum: de datum ontbreekt"),
    ("2022-02-01;reflectie;2;extra", "rij 4: meer waarden dan kolommen"),
    ("2022-02-01;reflectie;50000", "rij 4, kolom punten: het getal 50000 is onmogelijk voor één activiteit"),
    ("", "activities: het portfolio bevat geen activiteiten"),
])
def test_csv_refused_rows(tmp_path: Path, rows: str, message: str) -> None:
    text = f"register;registerplein-clientondersteuner\nstart;2022-01-01\ndatum;categorie;punten\n{rows}\n"
    assert_refused(run_cli("check", write(tmp_path, "p.csv", text)), message)


@pytest.mark.parametrize("text, message", [
    ("datum;categorie;punten\n2022-02-01;reflectie;2\n",
     'register: ontbreekt: zet een regel "register;…" boven de kopregel (of geef --register ID'),
    ("register;krsd\ndatum;categorie;punten\n2022-02-01;reflectie;2\n", "start: ontbreekt: zet een regel"),
    ("register;krsd\nstart;2022-01-01\ndatum;categorie;punten;bewijs\n2022-02-01;reflectie;2;ja\n",
     'rij 3: onbekende kolom "bewijs"'),
    ("register;krsd\nstart;2022-01-01\ndatum;categorie;punten;uren\n2022-02-01;reflectie;2;2\n",
     'rij 3: kolom "uren" komt twee keer voor'),
    ("naam;Els\ndatum;categorie;punten\n2022-02-01;reflectie;2\n", 'rij 1: onbekende regel "naam" boven de kopregel'),
    ("date,category,points\n2022-02-01,reflectie,7,5\n", "rij 2: meer waarden dan kolommen"),
])
def test_csv_refused_files(tmp_path: Path, text: str, message: str) -> None:
    assert_refused(run_cli("check", write(tmp_path, "p.csv", text)), message)


# --- registers and --norms -------------------------------------------------------------------

def test_registers_json_equals_summary() -> None:
    result = run_cli("registers", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == calculator.registers_summary(repo_norms())


def test_registers_text_lists_every_register() -> None:
    result = run_cli("registers")
    assert result.returncode == 0
    for register_id in [*repo_norms()["registers"], "custom"]:
        assert f"\n{register_id}: " in f"\n{result.stdout}"
    assert "controleer bij het register" in result.stdout


def test_norms_file_replaces_the_yaml(tmp_path: Path) -> None:
    norms = repo_norms()
    norms["registers"]["krsd"]["norms"][0]["total"] = 10
    norms_path = write(tmp_path, "norms.json", json.dumps(norms))
    data = portfolio(("2022-02-01", "geaccrediteerd", 24), register="krsd", start="2022-01-01")
    path = write(tmp_path, "p.json", json.dumps(data))
    assert run_cli("check", path, "--today", TODAY).returncode == 1
    assert run_cli("check", path, "--norms", norms_path, "--today", TODAY).returncode == 0
    assert_refused(run_cli("check", path, "--norms", path), 'normen: het veld "registers" ontbreekt')


def test_unexpected_errors_become_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    from calculator import cli

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("kapot\nsecond line")

    monkeypatch.setattr(cli, "check", broken)
    code = cli.main(["check", write(tmp_path, "p.json", json.dumps(GOOD))])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err == "Onverwachte fout (RuntimeError): kapot second line\n"

"""Importing a visitor's file in the browser is the CLI's import: the same bytes are decoded, read
and checked by the same Python. A file the CLI refuses is refused with the CLI's Dutch line
(naming the field or row), and the form and this device's storage stay exactly as they were; a
file the CLI reads (any of its encodings) is imported with the same content. No `pageerror`."""
from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import ROOT, wait_for

from .conftest import import_bytes

KEY = "registratiewijzer.puntencheck.portfolio"


def portfolio(**changes: Any) -> bytes:
    base = {"register": "krsd", "period_start": "2022-01-01",
            "activities": [{"date": "2022-02-01", "category": "geaccrediteerd", "points": 8, "title": "Training"}]}
    return json.dumps({**base, **changes}).encode()


def activity(**changes: Any) -> bytes:
    return portfolio(activities=[{"date": "2022-02-01", "category": "geaccrediteerd", "points": 8, **changes}])


CSV_HEADER = "register;krsd\r\nstart;1-1-2022\r\ndatum;categorie;punten;titel\r\n"
REFUSED = [
    pytest.param("p.json", portfolio(register="constructor"), id="register-constructor"),
    pytest.param("p.json", portfolio(register="toString"), id="register-toString"),
    pytest.param("p.json", portfolio(register="__proto__"), id="register-__proto__"),
    pytest.param("p.json", b'{"__proto__": {"register": "krsd"}, "register": "krsd", "period_start": "2022-01-01", '
                           b'"activities": []}', id="key-__proto__"),
    pytest.param("p.json", portfolio(activities="veel"), id="activities-not-a-list"),
    pytest.param("p.json", portfolio(activities=[None]), id="activity-null"),
    pytest.param("p.json", activity(points="8,5"), id="points-as-text"),
    pytest.param("p.json", activity(points=-1), id="points-negative"),
    pytest.param("p.json", activity(title={"x": 1}), id="title-object"),
    pytest.param("p.json", activity(date="2022-02-30"), id="impossible-date"),
    pytest.param("p.json", portfolio(options=["skj_registered"]), id="options-list"),
    pytest.param("p.json", portfolio(register="registerplein-clientondersteuner",
                                     activities=[{"date": "2022-02-01", "category": "reflectie", "points": 1}],
                                     documents={"vog": "9999-12-31"}), id="document-9999"),
    pytest.param("p.json", b'{"register": "krsd", "period_start": "2022-01-01", "activities": [{"date": "2022-02-01", '
                           b'"category": "geaccrediteerd", "points": NaN}]}', id="points-NaN"),
    pytest.param("p.json", b'{"register": "krsd", "period_start": "2022-01-01", "activities": [], "activities": []}',
                 id="duplicate-key"),
    pytest.param("p.json", b"[" * 100_000 + b"]" * 100_000, id="deeply-nested"),
    pytest.param("p.json", b'{"register": "krsd", "period_start": "2022-01-01", "activities": [{"points": '
                           + b"9" * 5000 + b"}]}", id="huge-integer"),
    pytest.param("p.json", b"[]", id="a-list"),
    pytest.param("p.json", b'{"register": "krsd",', id="broken-json"),
    pytest.param("leeg.csv", b"", id="empty"),
    pytest.param("p.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="binary"),
    pytest.param("p.json", portfolio().decode().encode("utf-16-le"), id="utf16-without-bom"),
    pytest.param("groot.json", b" " * 10_000_001 + portfolio(), id="over-10-MB"),
    pytest.param("p.csv", (CSV_HEADER + "1-2-2022;geaccrediteerd;acht;Training\r\n").encode(), id="csv-points-text"),
    pytest.param("p.csv", (CSV_HEADER.replace("titel", "titel;bedrag") + "1-2-2022;geaccrediteerd;8;T;5\r\n").encode(),
                 id="csv-unknown-column"),
    pytest.param("p.csv", (b"datum;categorie;punten\r\n1-2-2022;geaccrediteerd;8\r\n"), id="csv-no-register"),
]


def cli_refusal(path: Path, name: str) -> str:
    """The CLI's one line for the same file (its path written as the page names the file)."""
    result = subprocess.run([sys.executable, "-m", "calculator", "check", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stdout[-500:]
    return result.stderr.strip().replace(str(path), name)


def form_and_storage(page: Any) -> dict[str, Any]:
    return page.evaluate(f"""() => ({{
        register: document.getElementById('pc-register').value,
        start: document.getElementById('pc-period_start').value,
        rows: [...document.querySelectorAll('ol.pc-activities > li')].map((li) =>
            [...li.querySelectorAll('input, select')].map((field) => field.value)),
        stored: localStorage.getItem('{KEY}'),
        verdict: document.getElementById('pc-verdict')?.textContent ?? null,
    }})""")


@pytest.fixture
def saved_example(calculator_page: Any) -> Any:
    """The puntencheck with a worked example loaded, saved on this device, and its verdict shown."""
    page = calculator_page
    page.click("button[data-example='de-vries']")
    page.click("#pc-save")
    wait_for(page, "document.getElementById('pc-verdict')")
    return page


@pytest.mark.parametrize(("name", "data"), REFUSED)
def test_a_file_the_cli_refuses_is_refused_with_its_line_and_nothing_changes(
        saved_example: Any, tmp_path: Path, name: str, data: bytes) -> None:
    page = saved_example
    before = form_and_storage(page)
    path = tmp_path / name
    path.write_bytes(data)
    expected = cli_refusal(path, name)
    assert "Onverwachte fout" not in expected
    assert import_bytes(page, data, name) == f"{name} kon niet worden ingelezen: {expected}"
    assert form_and_storage(page) == before
    assert page.errors == []


def excel_csv(title: str) -> str:
    return f"{CSV_HEADER}1-2-2022;geaccrediteerd;8;{title}\r\n"


TITLE = "Café-overleg: ‘reflectie’ à € 5"
ENCODED = [
    pytest.param("excel.csv", excel_csv(TITLE).encode("cp1252"), id="csv-cp1252"),
    pytest.param("bom.csv", codecs.BOM_UTF8 + excel_csv(TITLE).encode("utf-8"), id="csv-utf8-bom"),
    pytest.param("plain.csv", excel_csv(TITLE).encode("utf-8"), id="csv-utf8"),
    pytest.param("le.csv", excel_csv(TITLE).encode("utf-16"), id="csv-utf16-le-bom"),
    pytest.param("be.csv", codecs.BOM_UTF16_BE + excel_csv(TITLE).encode("utf-16-be"), id="csv-utf16-be-bom"),
    pytest.param("p.json", codecs.BOM_UTF8 + activity(title=TITLE), id="json-utf8-bom"),
    pytest.param("p.json", activity(title=TITLE).decode().encode("utf-16"), id="json-utf16-bom"),
]


@pytest.mark.parametrize(("name", "data"), ENCODED)
def test_every_encoding_the_cli_reads_imports_the_same_text(calculator_page: Any, tmp_path: Path, name: str, data: bytes) -> None:
    page = calculator_page
    path = tmp_path / name
    path.write_bytes(data)
    cli = subprocess.run([sys.executable, "-m", "calculator", "check", str(path), "--json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert cli.returncode in (0, 1), cli.stderr
    assert import_bytes(page, data, name) == f"Geïmporteerd: {name}."
    assert page.input_value("ol.pc-activities > li:first-child input[name$='.title']") == TITLE
    wait_for(page, f"document.getElementById('pc-total')?.textContent.startsWith('{json.loads(cli.stdout)['total']['points']} ')")
    assert page.errors == []

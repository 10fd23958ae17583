"""Faults in the browser: each gets a specific Dutch message, details go to the console only, and
nothing ends as an uncaught error or unhandled rejection (`pageerror`). A missing file is named,
never blamed on the Content-Security-Policy."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import ROOT, browser_check, status_text

from .conftest import import_portfolio

DEADLINE_S = 12
MISSING = ("Een bestand van de rekenhulp ontbreekt of is geblokkeerd ({}). Herlaad de pagina; lukt het dan nog niet, "
           "meld het aan de beheerder van de gids. Je kunt het formulier blijven invullen en je portfolio exporteren; "
           "je gegevens blijven staan.")
TIMEOUT = ("De rekenhulp start niet: er kwam 8 seconden lang niets binnen. Herlaad de pagina; lukt het dan nog "
           "niet, meld het aan de beheerder van de gids. Je kunt het formulier blijven invullen en je portfolio "
           "exporteren; je gegevens blijven staan.")


def fault_message(page: Any) -> str:
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        if page.evaluate("document.getElementById('pc-status')?.classList.contains('pc-fault')"):
            return status_text(page)
        time.sleep(0.1)
    raise AssertionError(f"no fault message within {DEADLINE_S} s; status: {status_text(page)!r}")


def refuse(route: Any) -> None:
    route.fulfill(status=404, body="niet gevonden")


@pytest.mark.parametrize(("pattern", "file"), [
    ("**/pyodide.asm.wasm", "pyodide.asm.wasm"),
    ("**/pyodide.asm.mjs", "pyodide.asm.mjs"),
    ("**/pyodide-lock.json", "pyodide-lock.json"),
    ("**/pyodide.mjs", "pyodide.mjs"),
    ("**/puntencheck/worker.js", "worker.js"),
    ("**/puntencheck/boot.js", "boot.js"),
    ("**/*.whl*", "puntencheck-0.1.0-py3-none-any.whl"),
])
def test_a_missing_file_is_named_not_blamed_on_the_csp(watched_page: Any, site_url: str, pattern: str, file: str) -> None:
    page = watched_page
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.route(pattern, refuse)
    page.goto(f"{site_url}puntencheck/")
    message = fault_message(page)
    assert message == MISSING.format(file)
    assert "404" not in message
    assert any(line.startswith("error: Puntencheck: de rekenhulp start niet") for line in console), console
    assert page.evaluate("window.puntencheck.ready.then(() => 'klaar', () => 'fout')") == "fout"
    assert page.errors == []


def test_a_start_that_never_answers_times_out_without_blaming_the_csp(watched_page: Any, site_url: str) -> None:
    page = watched_page
    page.route("**/pyodide.asm.wasm", lambda route: None)  # never answered
    page.goto(f"{site_url}puntencheck/")
    assert fault_message(page) == TIMEOUT
    assert page.errors == []


def test_unreadable_page_data_is_said_in_dutch(watched_page: Any, site_url: str) -> None:
    page = watched_page

    def break_data(route: Any) -> None:
        html = route.fetch().text()
        route.fulfill(status=200, content_type="text/html", body=html.replace('id="pc-data"', 'id="pc-data-weg"'))

    page.route("**/puntencheck/", break_data)
    page.goto(f"{site_url}puntencheck/")
    assert fault_message(page).startswith("De rekenhulp kon niet starten door een onverwachte fout.")
    assert page.errors == []


BASE = {"register": "registerplein-clientondersteuner", "period_start": "2021-01-01",
        "activities": [{"date": "2021-02-01", "category": "reflectie", "points": 1}]}
FAR_DATES = [
    pytest.param({"documents": {"vog": "9999-12-31"}}, "documents.vog: 9999-12-31 ligt niet tussen 1900 en 2999", id="vog-9999"),
    pytest.param({"documents": {"verklaring_werkervaring": "0001-01-01"}},
                 "documents.verklaring_werkervaring: 0001-01-01 ligt niet tussen 1900 en 2999", id="werkervaring-0001"),
    pytest.param({"submission_date": "9999-12-31"}, "submission_date: 9999-12-31 ligt niet tussen 1900 en 2999", id="submission-9999"),
    pytest.param({"period_start": "9999-12-31"}, "period_start: 9999-12-31 ligt niet tussen 1900 en 2999", id="start-9999"),
    pytest.param({"period_start": "0001-01-01"}, "period_start: 0001-01-01 ligt niet tussen 1900 en 2999", id="start-0001"),
]


@pytest.mark.parametrize(("change", "refusal"), FAR_DATES)
def test_far_dates_are_refused_in_dutch_as_the_cli_does(calculator_page: Any, tmp_path: Path, change: dict, refusal: str) -> None:
    portfolio = {**BASE, **change}
    assert browser_check(calculator_page, portfolio) == {"refused": refusal}
    path = tmp_path / "portfolio.json"
    path.write_text(json.dumps(portfolio), encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "calculator", "check", str(path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert (cli.returncode, cli.stderr.strip()) == (2, refusal)
    assert calculator_page.errors == []


@pytest.mark.parametrize(("field", "value"), [("vog", "9999-12-31"), ("verklaring_werkervaring", "0001-01-01")])
def test_far_document_date_typed_gets_a_message_next_to_its_field(calculator_page: Any, field: str, value: str) -> None:
    page = calculator_page
    import_portfolio(page, BASE)
    page.fill(f"#pc-documents-{field}", value)
    error = page.wait_for_selector(f"#pc-documents-{field}-error")
    # The refusal's message goes next to the field its path names (documents.<id>), without the path.
    assert error.text_content() == f"{value} ligt niet tussen 1900 en 2999"
    assert page.get_attribute(f"#pc-documents-{field}", "aria-invalid") == "true"
    assert page.errors == []

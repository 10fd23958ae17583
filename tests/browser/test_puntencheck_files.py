"""Import and export round-trip (JSON and CSV, the CLI's formats); no requests once the page is ready."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from .conftest import cli, open_puntencheck, wait_for, worked_examples

EXAMPLES = {example["id"]: example for example in worked_examples()}


def export(page: Any, button: str, target: Path) -> str:
    with page.expect_download() as download:
        page.click(button)
    download.value.save_as(target)
    return target.read_text(encoding="utf-8")


def import_file(page: Any, path: Path) -> None:
    page.set_input_files("#pc-import", str(path))
    wait_for(page, "document.getElementById('pc-files-status').textContent.startsWith('Geïmporteerd')")


def test_json_import_then_export_round_trips(ready_page: Any, tmp_path: Path) -> None:
    for example_id in ("hollander", "lonneke"):
        source = tmp_path / f"{example_id}.json"
        source.write_text(json.dumps(EXAMPLES[example_id]["portfolio"], ensure_ascii=False), encoding="utf-8")
        import_file(ready_page, source)
        exported = export(ready_page, "#pc-export-json", tmp_path / f"{example_id}-out.json")
        assert json.loads(exported) == EXAMPLES[example_id]["portfolio"]


def test_csv_export_is_read_by_the_cli_and_imports_back(ready_page: Any, tmp_path: Path) -> None:
    ready_page.click("button[data-example='krsd-rekenvoorbeeld']")
    csv_path = tmp_path / "portfolio.csv"
    first = export(ready_page, "#pc-export-csv", csv_path)
    result = cli(csv_path)
    verdict = json.loads(result.stdout)
    assert verdict["total"]["points"] == EXAMPLES["krsd-rekenvoorbeeld"]["expected"]["total"]
    ready_page.click("#pc-wipe")
    import_file(ready_page, csv_path)
    assert export(ready_page, "#pc-export-csv", tmp_path / "again.csv") == first
    assert export(ready_page, "#pc-export-json", tmp_path / "again.json") and json.loads(
        (tmp_path / "again.json").read_text(encoding="utf-8")) == EXAMPLES["krsd-rekenvoorbeeld"]["portfolio"]


def test_dutch_spreadsheet_csv_with_decimal_commas_imports(ready_page: Any, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("register;krsd\nstart;1-1-2023\nDatum;Categorie;Punten;Titel\n"
                    "1-2-2023;geaccrediteerd;23,5;Training\n2-2-2024;vrije ruimte;72,5;Intervisie\n", encoding="utf-8")
    import_file(ready_page, path)
    wait_for(ready_page, "document.getElementById('pc-total')?.textContent.startsWith('96 ')")
    assert ready_page.input_value("ol.pc-activities > li:nth-child(1) input[name$='.points']") == "23,5"


def test_no_request_while_a_visitor_works_after_ready(page: Any, site_url: str, tmp_path: Path) -> None:
    open_puntencheck(page, site_url)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.click("button[data-example='de-vries']")
    page.click("#pc-add")
    row = page.locator("ol.pc-activities > li").nth(4)
    row.get_by_label("Datum").fill("2024-05-01")
    row.get_by_label("Punten").type("12,5")
    wait_for(page, "document.getElementById('pc-total')?.textContent.startsWith('262,5 ')")
    page.select_option("#pc-register", "krsd")
    page.click("#pc-save")
    export(page, "#pc-export-json", tmp_path / "out.json")
    page.click("#pc-wipe")
    assert [url for url in requests if urlparse(url).scheme in ("http", "https")] == []
    assert page.foreign_requests == []


def test_an_ordinary_page_transfers_no_pyodide(page: Any, site_url: str) -> None:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    for path in ("", "bronnen/"):
        page.goto(f"{site_url}{path}")
        page.wait_for_load_state("networkidle")
    assert urls and not [url for url in urls if "/pyodide/" in url or "/assets/puntencheck/" in url]
    assert page.foreign_requests == []

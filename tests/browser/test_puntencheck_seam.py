"""The one seam between Python and the page: refusals placed by their path, files read by the CLI's rule."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .conftest import ROOT, cli, wait_for

ASSETS = ROOT / "docs" / "assets" / "puntencheck"


def test_a_negative_amount_is_refused_by_python_next_to_its_field(ready_page: Any) -> None:
    ready_page.click("button[data-example='de-vries']")
    points = ready_page.locator("ol.pc-activities > li").nth(1).get_by_label("Punten")
    points.fill("-3")
    error_id = wait_for(ready_page, "document.querySelector('[aria-invalid=true]')?.id")
    assert error_id == points.get_attribute("id")
    message = ready_page.text_content(f"#{error_id}-error")
    assert message == "verwacht een getal van 0 of meer, gekregen het getal -3"  # Python's words, no place prefix
    assert ready_page.evaluate("document.getElementById('pc-refusal').hidden")


def test_an_import_the_cli_refuses_is_refused_with_the_cli_line(ready_page: Any, tmp_path: Path) -> None:
    portfolio = {"register": "krsd", "period_start": "2023-01-01",
                 "activities": [{"date": "2023-02-01", "category": "geaccrediteerd", "points": "8,5"}]}
    path = tmp_path / "tekst.json"
    path.write_text(json.dumps(portfolio), encoding="utf-8")
    refused = cli(path)
    assert refused.returncode == 2
    ready_page.set_input_files("#pc-import", str(path))
    note = wait_for(ready_page, "document.getElementById('pc-files-status').textContent")
    assert note == f"tekst.json kon niet worden ingelezen: {refused.stderr.strip()}"


def test_no_python_source_in_javascript() -> None:
    for script in ASSETS.glob("*.js"):
        text = script.read_text(encoding="utf-8")
        assert not re.search(r"runPython|^\s*(def|import|from) \w", text, re.MULTILINE), script.name

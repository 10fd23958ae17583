"""The schedule in Chromium for a mid-period portfolio: the tussenstand, the charts and their table,
"Zet in mijn agenda" (the .ics file parsed back), the printed result, keyboard only, axe, light and
dark, 375 px. The page's clock is fixed, so the period is mid-way whatever day the tests run.
Screenshots and the printed PDF go to /tmp/pc-shots/ (look at them)."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import icalendar
import pytest

from conftest import ROOT
from pdf_pages import SHOTS, pdf_pages, print_pdf

from .conftest import open_puntencheck, wait_for

AXE = ROOT / "node_modules/axe-core/axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
TODAY = dt.date(2024, 7, 1)
MID_PERIOD = {
    "register": "registerplein-clientondersteuner", "period_start": "2022-01-01",
    "activities": [
        {"date": "2022-03-01", "category": "geaccrediteerd", "points": 16, "title": "Training gespreksvoering"},
        {"date": "2023-02-01", "category": "reflectie", "points": 6.5, "title": "Intervisie"},
        {"date": "2023-09-01", "category": "overig", "points": 12, "title": "Presentatie"},
        {"date": "2024-09-01", "category": "reflectie", "points": 10, "title": "Supervisie"},
    ],
    "documents": {"vog": "2024-01-10"},
}


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The CLI's verdict for the same portfolio on the same day."""
    path = tmp_path_factory.mktemp("schedule") / "portfolio.json"
    path.write_text(json.dumps(MID_PERIOD), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "calculator", "check", str(path), "--json", "--today",
                             TODAY.isoformat()], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def show_mid_period(page: Any, site_url: str, tmp_path: Path) -> None:
    """Open the page on 1 July 2024 and import the mid-period portfolio."""
    page.clock.set_fixed_time(dt.datetime(2024, 7, 1, 10, 0))
    open_puntencheck(page, site_url)
    path = tmp_path / "portfolio.json"
    path.write_text(json.dumps(MID_PERIOD), encoding="utf-8")
    page.set_input_files("#pc-import", str(path))
    wait_for(page, "document.querySelector('.pc-schedule') && !document.querySelector('.pc-results').dataset.pending")


def test_tussenstand_and_table_show_the_calculators_figures(page: Any, site_url: str, tmp_path: Path,
                                                            expected: dict[str, Any]) -> None:
    show_mid_period(page, site_url, tmp_path)
    schedule = expected["schedule"]
    assert schedule["phase"] == "running"
    assert page.text_content("#pc-verdict") == "Tussenstand"
    assert "pc-verdict--neutral" in page.get_attribute("#pc-verdict", "class")
    assert page.text_content("#pc-headline") == schedule["headline"]
    assert "behaald" in page.text_content(".pc-results")  # the page contract
    rows = page.evaluate("""[...document.querySelectorAll('.pc-schedule__table tbody tr')].map((row) =>
        [row.dataset.target, ...[...row.children].map((cell) => cell.textContent)])""")
    figures = ["required", "done", "planned", "expected", "needed", "pace", "status"]
    assert rows == [[t["id"], t["label"], *(t["figures"][key] for key in figures)] for t in schedule["targets"]]
    risk = page.evaluate("[...document.querySelectorAll('.pc-target--risk')].map((row) => row.dataset.target)")
    assert risk == ["reflectie"]
    advice = page.evaluate("[...document.querySelectorAll('.pc-schedule__advice li')].map((li) => li.textContent)")
    assert advice == schedule["advice"]
    assert any("Nog 33,5 punten reflectie in 30 maanden" in line for line in advice)
    assert page.foreign_requests == []


def test_the_charts_draw_done_planned_norm_and_today(page: Any, site_url: str, tmp_path: Path,
                                                     expected: dict[str, Any]) -> None:
    show_mid_period(page, site_url, tmp_path)
    charts = page.evaluate("""[...document.querySelectorAll('svg.pc-chart')].map((svg) => ({
        target: svg.dataset.target, title: svg.querySelector('title').textContent,
        desc: svg.querySelector('desc').textContent, name: svg.getAttribute('aria-labelledby'),
        done: svg.querySelectorAll('.pc-chart__done').length, planned: svg.querySelectorAll('.pc-chart__planned').length,
        planPoints: svg.querySelectorAll('.pc-chart__plan-point').length, norm: svg.querySelectorAll('.pc-chart__norm').length,
        today: svg.querySelector('.pc-chart__today')?.getAttribute('x1'), width: svg.getBoundingClientRect().width,
        normEnd: [svg.querySelector('.pc-chart__norm').getAttribute('x2'), svg.querySelector('.pc-chart__norm').getAttribute('y2')],
    }))""")
    targets = {t["id"]: t for t in expected["schedule"]["targets"]}
    assert [c["target"] for c in charts] == ["geaccrediteerd", "reflectie", "total"]
    for chart in charts:
        target = targets[chart["target"]]
        assert chart["title"] == target["caption"] and chart["desc"] == target["text"]
        assert chart["done"] == 1 and chart["norm"] == 1
        assert float(chart["today"]) == pytest.approx(34 + 0.5 * (320 - 34 - 12), abs=0.5)  # 50 % of the period
        assert float(chart["normEnd"][0]) == 320 - 12 and float(chart["normEnd"][1]) == 20  # the norm on the last day, at the top
    planned = {c["target"]: (c["planned"], c["planPoints"]) for c in charts}
    assert planned == {"geaccrediteerd": (0, 0), "reflectie": (1, 1), "total": (1, 1)}


def test_agenda_download_is_the_calculators_ics(page: Any, site_url: str, tmp_path: Path,
                                                expected: dict[str, Any]) -> None:
    show_mid_period(page, site_url, tmp_path)
    with page.expect_download() as download:
        page.click("#pc-ics")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "registratie-registerplein-clientondersteuner.ics"
    wait_for(page, "document.getElementById('pc-ics-status').textContent.includes('gedownload')")
    events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    dates = expected["dates"]
    want = {"earliest-submission": dates["earliest_submission"], "latest-submission": dates["latest_submission"],
            "period-end": dates["period_end"], "vog-renewal": expected["documents"][0]["valid_until"]}
    got = {str(e["UID"]).split("-registerplein-")[0]: e.decoded("DTSTART").isoformat() for e in events}
    assert got == want
    guide = f"{site_url}clientondersteuners/herregistratie/"
    assert {str(e["URL"]) for e in events} == {guide}
    assert page.request.get(guide).ok  # the link leads to the guide's page
    assert page.foreign_requests == []


def test_keyboard_only_reaches_the_table_and_the_agenda_button(page: Any, site_url: str, tmp_path: Path) -> None:
    show_mid_period(page, site_url, tmp_path)
    reached = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id || document.activeElement.classList[0]")
        if focused in ("pc-table-scroll", "pc-ics"):
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"{focused}: no visible focus"
            reached.add(focused)
        if focused == "pc-ics":
            break
    assert reached == {"pc-table-scroll", "pc-ics"}
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".ics")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_clean_and_legible_at_375_px(page: Any, site_url: str, tmp_path: Path, scheme: str) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.emulate_media(color_scheme=scheme)
    show_mid_period(page, site_url, tmp_path)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "page scrolls sideways"
    widths = page.evaluate("[...document.querySelectorAll('svg.pc-chart')].map((svg) => svg.getBoundingClientRect().width)")
    assert widths and min(widths) >= 300, widths  # one chart per row, nearly the full width
    label = page.evaluate("getComputedStyle(document.querySelector('.pc-chart__label')).fontSize")
    assert float(label.removesuffix("px")) * min(widths) / 320 >= 10, "chart labels too small to read"
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("rules => axe.run(document.querySelector('.pc-results'), {runOnly: rules})", RULES)
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
    SHOTS.mkdir(exist_ok=True)
    page.locator(".pc-schedule").screenshot(path=str(SHOTS / f"schedule-375-{scheme}.png"))


def test_print_shows_the_result_without_the_form(page: Any, site_url: str, tmp_path: Path,
                                                 expected: dict[str, Any]) -> None:
    show_mid_period(page, site_url, tmp_path)
    page.emulate_media(media="print")
    hidden = page.evaluate("""['#pc-add', '#pc-import', '#pc-ics', 'button[data-example]', '#pc-period_start']
        .map((selector) => document.querySelector(selector)).filter(Boolean)
        .filter((node) => node.getBoundingClientRect().height > 0).map((node) => node.id || node.outerHTML.slice(0, 60))""")
    assert hidden == []
    printed = page.evaluate("""[...document.querySelectorAll('.pc-activities-print tbody tr')].map((row) =>
        [...row.children].map((cell) => cell.textContent))""")
    assert [row[4] for row in printed] == ["Gedaan", "Gedaan", "Gedaan", "Gepland"]
    assert page.locator(".pc-activities-print").is_visible() and page.locator("svg.pc-chart").first.is_visible()
    text = " ".join(pdf_pages(print_pdf(page, "puntencheck-print")))
    for phrase in ("Tussenstand", expected["schedule"]["headline"], "Je activiteiten", "Belangrijke data",
                   "Training gespreksvoering"):
        assert phrase in text, phrase
    for control in ("Zet in mijn agenda", "Voeg activiteit toe", "Laad een voorbeeld"):
        assert control not in text, control


def printed_rows(page: Any) -> list[list[str]]:
    return page.evaluate("""[...document.querySelectorAll('.pc-activities-print tbody tr')].map((row) =>
        [...row.children].map((cell) => cell.textContent))""")


def test_printed_list_follows_edits_and_redraws_only_changed_rows(page: Any, site_url: str, tmp_path: Path) -> None:
    """A recalculation redraws the printed rows that changed (10,000 rows stay quick to type in), and the
    list still equals the CLI's for the edited portfolio: a renamed row, a removed row, a moved date."""
    show_mid_period(page, site_url, tmp_path)
    page.evaluate("document.querySelectorAll('.pc-activities-print tbody tr').forEach((row, i) => { row.dataset.mark = i; })")
    edited = json.loads(json.dumps(MID_PERIOD))
    page.fill("ol.pc-activities > li:nth-child(2) [name$='.title']", "Intervisie met het team")
    edited["activities"][1]["title"] = "Intervisie met het team"
    page.fill("ol.pc-activities > li:nth-child(3) [name$='.date']", "01-01-2022")
    edited["activities"][2]["date"] = "2022-01-01"
    page.click("ol.pc-activities > li:nth-child(1) .pc-remove")
    del edited["activities"][0]
    wait_for(page, "!document.querySelector('.pc-results').dataset.pending && "
                   "document.querySelectorAll('.pc-activities-print tbody tr').length === 3")
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(edited), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "calculator", "check", str(path), "--json", "--today",
                             TODAY.isoformat()], cwd=ROOT, capture_output=True, text=True, timeout=60)
    cli_rows = [[item["date_text"], item["category"], item["points"], item["title"], item["state_text"]]
                for item in json.loads(result.stdout)["schedule"]["activities"]]
    assert printed_rows(page) == cli_rows
    assert [row[3] for row in cli_rows] == ["Presentatie", "Intervisie met het team", "Supervisie"]
    marks = page.evaluate("[...document.querySelectorAll('.pc-activities-print tbody tr')].map((row) => row.dataset.mark ?? null)")
    assert marks == [None, None, "3"]  # the changed rows are new; the untouched one moved up and is the same element

"""The puntencheck form: the sources' worked examples typed in and loaded show the sources' verdicts."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import cli_verdict, form_date, register_doc, wait_for, worked_examples

EXAMPLES = worked_examples()
STORAGE_KEY = "registratiewijzer.puntencheck.portfolio"
VERDICT = "document.getElementById('pc-verdict')?.textContent"


def dutch(points: float) -> str:
    """Points as a Dutch visitor types them: 7,5."""
    return str(points).replace(".", ",")


def type_portfolio(page: Any, portfolio: dict[str, Any]) -> None:
    """Enter the portfolio through the form, field by field, as a visitor does."""
    page.select_option("#pc-register", portfolio["register"])
    for option, on in portfolio.get("options", {}).items():
        page.set_checked(f"#pc-option-{option}", on)
    page.fill("#pc-period_start", portfolio["period_start"])
    for number, activity in enumerate(portfolio["activities"], start=1):
        if number > 1:
            page.click("#pc-add")
        row = page.locator("ol.pc-activities > li").nth(number - 1)
        row.get_by_label("Datum").fill(activity["date"])
        row.get_by_label("Omschrijving").type(activity.get("title", ""))
        row.get_by_label("Categorie").select_option(activity["category"])
        row.locator("input[name$='.points']").type(dutch(activity["points"]))  # labelled Punten or Uren


def shown_verdict(page: Any) -> dict[str, str]:
    wait_for(page, f"{VERDICT} && !document.querySelector('.pc-results').dataset.pending")
    return page.evaluate("""() => ({
        verdict: document.getElementById('pc-verdict').textContent,
        total: document.getElementById('pc-total').textContent,
        shortfalls: document.getElementById('pc-shortfalls')?.textContent ?? '',
    })""")


def assert_matches_source(shown: dict[str, str], example: dict[str, Any]) -> None:
    expected = example["expected"]
    assert shown["verdict"] == ("Norm behaald" if expected["passed"] else "Norm niet behaald")
    assert shown["total"].split()[0] == dutch(expected["total"])
    labels = {c["id"]: c["label"] for c in register_doc(example["portfolio"]["register"])["categories"]}
    for category in expected.get("short", []):
        assert labels[category].lower() in shown["shortfalls"]
    if "shortfall" in expected:
        assert f"in totaal nog {dutch(expected['shortfall'])} " in shown["shortfalls"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["id"] for e in EXAMPLES])
def test_example_typed_into_the_form_shows_the_source_verdict(ready_page: Any, example: dict[str, Any], tmp_path: Path) -> None:
    type_portfolio(ready_page, example["portfolio"])
    shown = shown_verdict(ready_page)
    assert_matches_source(shown, example)
    cli = cli_verdict(example["portfolio"], tmp_path)
    assert (cli.returncode == 0) == example["expected"]["passed"], cli.stderr
    assert ready_page.foreign_requests == []


def test_each_example_button_loads_its_verdict(ready_page: Any) -> None:
    for example in EXAMPLES:
        ready_page.click(f"button[data-example='{example['id']}']")
        wait_for(ready_page, f"document.getElementById('pc-period_start').value === '{form_date(example['portfolio']['period_start'])}'")
        wait_for(ready_page, f"document.getElementById('pc-total')?.textContent.startsWith('{dutch(example['expected']['total'])} ')")
        assert_matches_source(shown_verdict(ready_page), example)
    assert ready_page.foreign_requests == []


def test_a_wrong_entry_gets_a_message_next_to_the_field_and_stays(ready_page: Any) -> None:
    ready_page.click("button[data-example='jansen']")
    points = ready_page.locator("ol.pc-activities > li").nth(0).get_by_label("Punten")
    points.fill("zeven")
    error = wait_for(ready_page, "document.querySelector('[aria-invalid=true]')?.id")
    assert ready_page.get_attribute(f"#{error}", "aria-describedby").endswith(f"{error}-error")
    assert "getal" in ready_page.text_content(f"#{error}-error")
    assert points.input_value() == "zeven"
    points.fill("7,5")
    wait_for(ready_page, "!document.querySelector('[aria-invalid=true]')")
    wait_for(ready_page, "document.getElementById('pc-total')?.textContent.startsWith('92,5 ')")


def test_the_calculator_refusal_is_shown_at_its_field(ready_page: Any) -> None:
    ready_page.click("button[data-example='de-vries']")
    ready_page.locator("ol.pc-activities > li").nth(0).get_by_label("Punten").fill("99999999")
    message = wait_for(ready_page, "document.querySelector('.pc-error')?.textContent")
    assert "onmogelijk" in message
    assert ready_page.evaluate("document.querySelector('[aria-invalid=true]').closest('li') !== null")


def test_save_on_this_device_and_wipe(ready_page: Any, site_url: str) -> None:
    ready_page.click("button[data-example='lonneke']")
    assert ready_page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None  # nothing stored unless asked
    ready_page.click("#pc-save")
    ready_page.reload()
    wait_for(ready_page, "document.getElementById('pc-period_start')?.value === '01-09-2020'")
    ready_page.click("#pc-wipe")
    assert ready_page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    assert ready_page.input_value("#pc-period_start") == ""


def test_document_dates_are_judged_like_the_cli(ready_page: Any, tmp_path: Path) -> None:
    example = next(e for e in EXAMPLES if e["id"] == "jansen")
    documents = {"vog": "2025-10-01", "verklaring_werkervaring": "2026-09-01"}
    type_portfolio(ready_page, example["portfolio"])
    ready_page.fill("#pc-documents-vog", documents["vog"])
    ready_page.fill("#pc-documents-verklaring_werkervaring", documents["verklaring_werkervaring"])
    ready_page.fill("#pc-submission_date", "2026-12-01")
    wait_for(ready_page, "document.querySelector('.pc-messages')?.textContent.includes('ouder dan 12 maanden: vraag')")
    shown = ready_page.inner_text(".pc-messages")
    portfolio = {**example["portfolio"], "documents": documents, "submission_date": "2026-12-01"}
    cli = cli_verdict(portfolio, tmp_path)
    document_messages = [m for m in json.loads(cli.stdout)["messages"] if m.startswith(("Je VOG NP van", "Je Verklaring Werkervaring van"))]
    assert len(document_messages) == 2
    assert all(message in shown for message in document_messages)


def test_a_register_without_documents_shows_no_document_fields(ready_page: Any) -> None:
    ready_page.select_option("#pc-register", "krsd")
    assert ready_page.locator("#pc-documents-vog").count() == 0
    ready_page.select_option("#pc-register", "registerplein-clientondersteuner")
    assert ready_page.locator("#pc-documents-vog").count() == 1


def _tab_to(page: Any, selector: str, limit: int = 120) -> None:
    """Press Tab until the element matching `selector` has the focus (keyboard only)."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} not reachable with Tab")


def test_keyboard_only(ready_page: Any) -> None:
    example = next(e for e in EXAMPLES if e["id"] == "hollander")
    _tab_to(ready_page, "button[data-example='hollander']")
    ready_page.keyboard.press("Enter")
    assert shown_verdict(ready_page)["verdict"] == "Norm niet behaald"
    reflectie = next(i for i, a in enumerate(example["portfolio"]["activities"]) if a["category"] == "reflectie")
    _tab_to(ready_page, f"ol.pc-activities > li:nth-child({reflectie + 1}) input[name$='.points']")
    ready_page.keyboard.press("Control+A")
    ready_page.keyboard.type("40")
    wait_for(ready_page, "document.getElementById('pc-verdict')?.textContent === 'Norm behaald'")
    _tab_to(ready_page, "#pc-add")
    ready_page.keyboard.press("Enter")
    assert ready_page.evaluate("document.activeElement.name").endswith(".title")  # the row's first field
    outline = ready_page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused field must show a visible focus ring"

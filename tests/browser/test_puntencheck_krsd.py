"""The KRSD in the puntencheck form (Chromium): 'Dit is mijn eerste certificering' with its
explanation of the period start, and a verdict that lets a first certification be requested now
while a hercertificering must wait; the worked examples show what the guide assumed."""
from __future__ import annotations

import re
from typing import Any

from .conftest import register_doc, wait_for

MESSAGES = "document.querySelector('.pc-messages')?.textContent ?? ''"


def _fill_met_norm(page: Any) -> None:
    page.select_option("#pc-register", "krsd")
    page.fill("#pc-period_start", "2025-09-01")
    rows = [("2025-10-01", "geaccrediteerd", "24"), ("2025-11-01", "vrije_ruimte", "72")]
    for number, (day, category, hours) in enumerate(rows):
        if number:
            page.click("#pc-add")
        row = page.locator("ol.pc-activities > li").nth(number)
        row.get_by_label("Datum").fill(day)
        row.get_by_label("Categorie").select_option(category)
        row.get_by_label(re.compile(r"^(Punten|Uren)", re.I)).fill(hours)


def test_first_certification_checkbox_explains_the_period_and_allows_submitting_now(ready_page: Any) -> None:
    option = next(o for o in register_doc("krsd")["options"] if o["id"] == "eerste_certificering")
    _fill_met_norm(ready_page)
    box = ready_page.get_by_label("Dit is mijn eerste certificering")
    help_text = ready_page.inner_text("#" + box.get_attribute("aria-describedby"))
    assert " ".join(help_text.split()) == " ".join(option["help"].split())
    assert "oudste activiteit" in help_text and "vorige certificering" in help_text
    wait_for(ready_page, f"({MESSAGES}).includes('hercertificeringsaanvraag')")
    assert "te vroeg om in te dienen" in ready_page.evaluate(MESSAGES)
    box.check()
    wait_for(ready_page, f"({MESSAGES}).includes('eerste certificeringsaanvraag')")
    shown = ready_page.evaluate(MESSAGES)
    assert "Je hebt alle uren, dus dat kan nu al." in shown
    assert "te vroeg" not in shown


def test_worked_examples_show_the_guides_assumptions(ready_page: Any) -> None:
    text = ready_page.inner_text("#pc-example-lonneke-assumptions")
    assert "Aangenomen door deze gids" in text and "nog niet gedaan" in text
    described = ready_page.get_attribute("button[data-example='lonneke']", "aria-describedby")
    assert "pc-example-lonneke-assumptions" in described.split()

"""On paper (Chromium's PDF read back with pdftotext; first pages as PNGs in /tmp/pc-shots/):
a keuzehulp outcome prints the answers, the outcome and its next steps instead of the whole tree;
a procedure page prints as a checklist with link targets and its sources and date at the foot."""
from __future__ import annotations

import re
from typing import Any

from pdf_pages import pdf_pages, print_pdf

MBO = "keuzehulp/welk-register/?werk=ja&opleiding=mbo"
OTHER_OUTCOMES = ("Je hoeft je niet te registreren", "Registreer je bij SKJ of BIG",
                  "Doorloop het afwegingskader verantwoorde werktoedeling")


def test_a_keuzehulp_outcome_prints_answers_outcome_and_next_steps(page: Any, site_url: str) -> None:
    page.goto(site_url + MBO)
    page.wait_for_selector(".rw-stepper--outcome")
    pages = pdf_pages(print_pdf(page, "print-keuzehulp-uitkomst"))
    text = " ".join(pages)
    assert len(pages) <= 4, f"{len(pages)} pages"
    answers = text.index("Je antwoorden")
    assert answers < text.index("Heb je werkzaamheden in de uitvoering? Ja") < text.index("Mbo")
    outcome = text.index("Registreer je bij Registerplein")
    assert answers < outcome < text.index("Wat ga je nu doen?")
    for other in OTHER_OUTCOMES:
        assert other not in text, other
    for control in ("Vorige", "Opnieuw beginnen", "Wijzig", "Toon alle vragen"):
        assert control not in text, control
    assert page.foreign_requests == []


def test_a_keuzehulp_without_answers_prints_every_route(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/welk-register/")
    page.wait_for_selector(".rw-stepper:not([hidden])")
    text = " ".join(pdf_pages(print_pdf(page, "print-keuzehulp-alles")))
    for outcome in OTHER_OUTCOMES:
        assert outcome in text, outcome


def test_a_procedure_page_prints_as_a_checklist(page: Any, site_url: str) -> None:
    page.goto(site_url + "registerplein/registreren/")
    pages = pdf_pages(print_pdf(page, "print-procedure"))
    text = " ".join(pages)
    steps = page.evaluate("""() => [...document.querySelectorAll('.rw-steps > ol > li')].map((li) => {
        const box = getComputedStyle(li, '::before');
        return [box.borderTopStyle, box.width, getComputedStyle(li).breakInside];
    })""")
    assert len(steps) >= 10 and all(s == ["solid", steps[0][1], "avoid"] for s in steps), steps
    hidden = page.evaluate("""['.md-header', '.md-sidebar--primary', '.md-search', '.md-footer']
        .filter((selector) => document.querySelector(selector)?.getBoundingClientRect().height > 0)""")
    assert hidden == []
    link = f"Welk register past bij mij? ({site_url}keuzehulp/welk-register/)"
    assert link in text.replace(" /", "/"), text[:600]
    foot = pages[-1]
    assert "Bron van deze pagina" in foot and "Stappenplan beroepsregistratie" in foot
    assert re.search(r"Afgedrukt uit de Registratiewijzer, stand van \d\d-\d\d-\d{4}", foot), foot[-300:]
    assert text.rindex("Bron van deze pagina") > text.rindex("Klaar!")  # the sources after the last step

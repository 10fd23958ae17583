"""On paper (Chromium's PDF read back with pdftotext; first pages as PNGs in /tmp/pc-shots/):
a keuzehulp outcome prints the answers, the outcome and its next steps instead of the whole tree;
a procedure page prints as a checklist with link targets and its sources and date at the foot."""
from __future__ import annotations

import re
from collections import deque
from typing import Any

import yaml

from conftest import ROOT
from pdf_pages import pdf_pages, print_pdf

TREE = yaml.safe_load((ROOT / "content" / "decision-trees" / "welk-register.yml").read_text(encoding="utf-8"))
GOAL = "registerplein"


def route_to(goal: str) -> list[tuple[str, str]]:
    """The shortest list of (question id, option id) from the tree's start to `goal`."""
    nodes = TREE["nodes"]
    queue, seen = deque([(TREE["start"], [])]), set()
    while queue:
        node, path = queue.popleft()
        if node == goal:
            return path
        if node in seen or nodes[node]["type"] != "question":
            continue
        seen.add(node)
        queue.extend((option["next"], [*path, (node, option_id)]) for option_id, option in nodes[node]["options"].items())
    raise AssertionError(f"no route to {goal}")


def test_a_keuzehulp_outcome_prints_answers_outcome_and_next_steps(page: Any, site_url: str) -> None:
    route = route_to(GOAL)
    nodes = TREE["nodes"]
    page.goto(site_url + "keuzehulp/welk-register/?" + "&".join(f"{q}={o}" for q, o in route))
    page.wait_for_selector(".rw-stepper--outcome")
    pages = pdf_pages(print_pdf(page, "print-keuzehulp-uitkomst"))
    text = " ".join(pages)
    assert len(pages) <= 4, f"{len(pages)} pages"
    result = text[text.index("Je antwoorden"):]  # the page's introduction comes first
    asked = 0
    for question, option in route:
        asked = result.index(" ".join(nodes[question]["text"].split()), asked)
        asked = result.index(nodes[question]["options"][option]["label"], asked)
    outcome = result.index(nodes[GOAL]["title"])
    assert asked < outcome < result.index("Wat ga je nu doen?")
    others = [node["title"] for node_id, node in nodes.items() if node["type"] == "outcome" and node_id != GOAL]
    for other in others:
        assert other not in result, other
    for control in ("Vorige", "Opnieuw beginnen", "Wijzig", "Toon alle vragen"):
        assert control not in text, control
    assert page.foreign_requests == []


def test_a_keuzehulp_without_answers_prints_every_route(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/welk-register/")
    page.wait_for_selector(".rw-stepper:not([hidden])")
    text = " ".join(pdf_pages(print_pdf(page, "print-keuzehulp-alles")))
    for node in TREE["nodes"].values():
        if node["type"] == "outcome":
            assert node["title"] in text, node["title"]


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
    assert re.search(r"Bron(nen)? van deze pagina", foot) and "Stappenplan beroepsregistratie" in foot
    assert re.search(r"Afgedrukt uit de Registratiewijzer, stand van \d\d-\d\d-\d{4}", foot), foot[-300:]
    sources = re.search(r"Bron(nen)? van deze pagina", text).start()
    assert sources > text.rindex("Klaar!")  # the sources after the last step

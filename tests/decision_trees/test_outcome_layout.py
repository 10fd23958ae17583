"""The next step first: on an outcome, "Wat ga je nu doen?" and the main link come straight after
the outcome, the background (the guide's additions) folded below; a question's help comes before
its answers. At desktop and phone width, light and dark; screenshots to $TREE_SHOTS."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROOT
from guide import tree_graph as graph

from .conftest import real_trees
from .test_stepper import STEPPER, open_tree

AXE = ROOT / "node_modules/axe-core/axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SHOTS = Path(os.environ.get("TREE_SHOTS", "/tmp/tree-shots"))
VIEWPORTS = {"phone": (375, 812), "desktop": (1280, 900)}
TREES = real_trees()


def outcomes_with_background() -> list[pytest.param]:
    """(tree id, route to the outcome, outcome id) for every outcome that has a background to fold."""
    params = []
    for tree_id, tree in TREES.items():
        seen = set()
        for path in graph.paths(tree):
            outcome = path.outcomes[0]
            if tree["nodes"][outcome].get("parts") and outcome not in seen:
                seen.add(outcome)
                params.append(pytest.param(tree_id, path.answers, outcome, id=f"{tree_id}-{outcome}"))
    return params


def top(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["y"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize(("tree_id", "answers", "outcome"), outcomes_with_background())
def test_next_steps_come_before_the_background(site_url: str, page, tree_id: str, answers, outcome: str, viewport: str,
                                               scheme: str) -> None:
    width, height = VIEWPORTS[viewport]
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    open_tree(page, site_url, TREES[tree_id], answers)
    card = f"{STEPPER} .rw-card"
    steps = page.locator(f"{card} h4", has_text="Wat ga je nu doen?").first
    background = page.locator(f"{card} details.rw-background").first
    assert background.count() == 1 and not background.evaluate("d => d.open"), "the background is folded"
    assert page.locator(f"{card} .addition").first.is_hidden(), "additions wait inside the folded background"
    steps_top = steps.bounding_box()["y"]
    assert steps_top < background.bounding_box()["y"]
    assert steps_top - top(page, f"{card} h3") < height, "the next steps start within one screen of the outcome"
    first_link = page.locator(f"{card} h4:has-text('Lees verder') + ul a").first
    if first_link.count():
        assert first_link.bounding_box()["y"] < background.bounding_box()["y"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("y => window.scrollTo(0, y - 70)", top(page, f"{card} h3") + page.evaluate("window.scrollY"))
    page.wait_for_timeout(400)  # the header's title cross-fades to the page title after a scroll; shoot once it has
    page.screenshot(path=SHOTS / f"{tree_id}-{outcome}-next-steps-{viewport}-{scheme}.png")
    background.locator("summary").click()
    assert page.locator(f"{card} .addition").first.is_visible() or not page.locator(f"{card} .addition").count()
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("rules => axe.run(document, {runOnly: rules})", RULES)
    assert [f"{v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]] == []


def questions_with_help() -> list[pytest.param]:
    """(tree id, route to the question, question id) for every question with help."""
    found: dict[tuple[str, str], pytest.param] = {}
    for tree_id, tree in TREES.items():
        for path in graph.paths(tree):
            for index, (node_id, _) in enumerate(path.answers):
                if tree["nodes"][node_id].get("help") and (tree_id, node_id) not in found:
                    found[tree_id, node_id] = pytest.param(tree_id, path.answers[:index], node_id, id=f"{tree_id}-{node_id}")
    return list(found.values())


@pytest.mark.parametrize(("tree_id", "answers", "node_id"), questions_with_help())
def test_question_help_comes_before_the_answers(site_url: str, page, tree_id: str, answers, node_id: str) -> None:
    page.set_viewport_size({"width": 375, "height": 812})
    open_tree(page, site_url, TREES[tree_id], answers)
    assert top(page, f"{STEPPER} .rw-node-help") < top(page, f"{STEPPER} .rw-options")
    text_help = page.locator(f"[data-rw-help='{node_id}']")
    following = text_help.evaluate("help => help.nextElementSibling?.tagName")
    assert following == "UL", "in the text version the help is right above the answers"

"""How the tree pages look at phone and desktop width, light and dark: nothing sticks out of the
page, axe finds no problem in the question, the outcome or the diagram. Screenshots go to
$TREE_SHOTS (default /tmp/tree-shots) for a person to look at."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROOT
from guide import tree_graph as graph

from .test_stepper import STEPPER, longest, open_tree

AXE = ROOT / "node_modules/axe-core/axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SHOTS = Path(os.environ.get("TREE_SHOTS", "/tmp/tree-shots"))
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}


def _states(tree: dict) -> dict[str, tuple[tuple[str, str], ...]]:
    """A question halfway, and the outcome of the longest route."""
    path = longest(tree)
    return {"question": path.answers[: len(path.answers) // 2], "outcome": path.answers}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_question_outcome_and_diagram_fit_and_pass_axe(site_url: str, page, tree: dict, viewport: str, scheme: str) -> None:
    width, height = VIEWPORTS[viewport]
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    SHOTS.mkdir(parents=True, exist_ok=True)
    failures = []
    for state, answers in _states(tree).items():
        open_tree(page, site_url, tree, answers)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{state} is wider than the screen"
        page.locator(f"{STEPPER} h3").first.focus()
        page.screenshot(path=SHOTS / f"{tree['id']}-{state}-{viewport}-{scheme}.png")
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        result = page.evaluate("rules => axe.run(document, {runOnly: rules})", RULES)
        failures += [f"{state}: {v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    page.evaluate("window.scrollTo(0, 0)")  # a full-page picture keeps the sticky header at the top
    page.screenshot(path=SHOTS / f"{tree['id']}-diagram-{viewport}-{scheme}.png", full_page=True,
                    clip=page.locator(".rw-diagram").bounding_box())
    box_count = len(graph.reachable(tree))
    assert page.locator(".rw-diagram__node").count() == box_count
    assert failures == []
    assert page.foreign_requests == []

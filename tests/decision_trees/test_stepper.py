"""The step-by-step view in headless Chromium: every route of every tree, the URL state, the
browser's back button, "Vorige", "Opnieuw beginnen", changing an answer, the keyboard, and the
page without JavaScript. Expectations come from the YAML, never from the page itself."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlparse

import pytest

from guide import tree_graph as graph

from .conftest import every_path

STEPPER = ".rw-stepper:not([hidden])"


def url_of(site_url: str, tree: dict, answers: tuple[tuple[str, str], ...] = ()) -> str:
    query = f"?{urlencode(answers)}" if answers else ""
    return f"{site_url}{tree['path'].removesuffix('.md')}/{query}"


def open_tree(page, site_url: str, tree: dict, answers: tuple[tuple[str, str], ...] = ()) -> None:
    page.goto(url_of(site_url, tree, answers))
    page.wait_for_selector(f"{STEPPER} h3")


def shown(page) -> tuple[str, object]:
    """What the stepper shows: ("question", its text) or ("outcome", [outcome ids in order])."""
    cards = page.locator(f"{STEPPER} .rw-card")
    if cards.count():
        return "outcome", [cards.nth(i).get_attribute("data-outcome") for i in range(cards.count())]
    return "question", page.inner_text(f"{STEPPER} .rw-step__title > span:last-child")


def expected(tree: dict, node_id: str) -> tuple[str, object]:
    node = tree["nodes"][node_id]
    return ("question", node["text"]) if graph.is_question(node) else ("outcome", list(graph.outcome_chain(tree, node_id)))


def answers_in_url(page) -> list[tuple[str, str]]:
    return parse_qsl(urlparse(page.url).query)


def heading_has_focus(page) -> bool:
    """The new question or outcome's heading has the focus (so screen readers announce it)."""
    return page.evaluate("document.activeElement.matches('.rw-stepper h3.rw-step__title')")


def longest(tree: dict) -> graph.Path:
    return max(graph.paths(tree), key=lambda path: len(path.answers))


@pytest.mark.parametrize(("tree_id", "path"), every_path())
def test_walk_every_route_by_clicking_then_reload_its_permalink(site_url: str, page, trees: dict, tree_id: str, path: graph.Path) -> None:
    tree = trees[tree_id]
    open_tree(page, site_url, tree)
    for step, (node_id, option) in enumerate(path.answers):
        assert shown(page) == expected(tree, node_id)
        assert page.text_content(f"{STEPPER} .rw-step__kicker") == f"Vraag {step + 1}"
        page.click(f'{STEPPER} .rw-option[data-option="{option}"]')
        assert heading_has_focus(page)
    assert shown(page) == ("outcome", list(path.outcomes))
    titles = page.locator(f"{STEPPER} .rw-card .rw-step__title > span:last-child").all_inner_texts()
    assert titles == [tree["nodes"][outcome]["title"] for outcome in path.outcomes]
    assert answers_in_url(page) == list(path.answers)
    assert page.locator(f"{STEPPER} .rw-card").first.locator("text=Wat ga je nu doen?").count() == 1
    page.goto(page.url)  # a shared link or a reload shows the same outcome
    page.wait_for_selector(f"{STEPPER} .rw-card")
    assert shown(page) == ("outcome", list(path.outcomes))
    assert page.foreign_requests == []


def test_back_and_forward_buttons_retrace_the_answers(site_url: str, page, tree: dict) -> None:
    path = longest(tree)
    open_tree(page, site_url, tree)
    for _node_id, option in path.answers:
        page.click(f'{STEPPER} .rw-option[data-option="{option}"]')
    for count in range(len(path.answers) - 1, -1, -1):
        page.go_back()
        assert shown(page) == expected(tree, path.answers[count][0])
        assert answers_in_url(page) == list(path.answers[:count])
        assert heading_has_focus(page)
    page.go_forward()
    assert shown(page) == expected(tree, path.answers[1][0] if len(path.answers) > 1 else path.outcomes[0])
    assert page.foreign_requests == []


def test_vorige_and_opnieuw_beginnen(site_url: str, page, tree: dict) -> None:
    path = longest(tree)
    open_tree(page, site_url, tree, path.answers)
    assert page.locator(f"{STEPPER} .rw-nav-button").all_inner_texts() == ["Vorige", "Opnieuw beginnen"]
    page.click(f"{STEPPER} button:text-is('Vorige')")
    assert shown(page) == expected(tree, path.answers[-1][0])
    assert answers_in_url(page) == list(path.answers[:-1])
    page.click(f"{STEPPER} button:text-is('Opnieuw beginnen')")
    assert shown(page) == expected(tree, tree["start"])
    assert answers_in_url(page) == []
    assert page.locator(f"{STEPPER} .rw-nav-button").count() == 0  # nothing to go back to
    assert page.foreign_requests == []


def test_change_an_earlier_answer_from_the_summary(site_url: str, page, tree: dict) -> None:
    path = longest(tree)
    open_tree(page, site_url, tree, path.answers)
    items = page.locator(f"{STEPPER} .rw-summary__item")
    assert items.count() == len(path.answers)
    for item, (node_id, option) in zip(items.all(), path.answers):
        assert item.locator(".rw-summary__question").inner_text() == tree["nodes"][node_id]["text"]
        assert item.locator(".rw-summary__answer").inner_text() == tree["nodes"][node_id]["options"][option]["label"]
    first, chosen = path.answers[0]
    page.get_by_role("button", name=f"Wijzig je antwoord op: {tree['nodes'][first]['text']}").click()
    assert shown(page) == expected(tree, first)
    other = next(o for o in tree["nodes"][first]["options"] if o != chosen)
    page.click(f'{STEPPER} .rw-option[data-option="{other}"]')
    assert shown(page) == expected(tree, tree["nodes"][first]["options"][other]["next"])
    assert answers_in_url(page) == [(first, other)]
    assert page.foreign_requests == []


def test_complete_the_longest_route_with_the_keyboard_only(site_url: str, page, tree: dict) -> None:
    path = longest(tree)
    open_tree(page, site_url, tree)
    for step, (node_id, option) in enumerate(path.answers):
        label = tree["nodes"][node_id]["options"][option]["label"]
        for _ in range(300):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.dataset.option || ''") == option:
                break
        else:
            pytest.fail(f"Tab never reached the option {label!r}")
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus is visible"
        page.keyboard.press("Enter" if step % 2 == 0 else "Space")
        assert heading_has_focus(page)
    assert shown(page) == ("outcome", list(path.outcomes))
    assert page.foreign_requests == []


def test_strings_reach_the_page_as_text_never_as_html(site_url: str, page, trees: dict) -> None:
    tree = trees["welk-register"]

    def with_markup(route) -> None:
        response = route.fetch()
        body = response.text().replace('"label": "Ja"', '"label": "<b>vet</b> Ja"', 1)
        route.fulfill(response=response, body=body)

    page.route("**/keuzehulp/welk-register/", with_markup)
    open_tree(page, site_url, tree)
    option = page.locator(f'{STEPPER} .rw-option[data-option="ja"]')
    assert option.inner_text() == "<b>vet</b> Ja"
    assert option.locator("b").count() == 0


def test_without_javascript_the_page_holds_every_question_and_outcome(site_url: str, no_js_page, tree: dict) -> None:
    no_js_page.goto(url_of(site_url, tree))
    assert no_js_page.locator(".rw-stepper").is_hidden()
    text = no_js_page.inner_text("article")
    for node_id, node in tree["nodes"].items():
        if graph.is_question(node):
            assert node["text"] in text
            for option in node["options"].values():
                assert option["label"] in text, option["label"]
        else:
            assert f"Uitkomst: {node['title']}" in text
        assert no_js_page.locator(f"#{'vraag' if graph.is_question(node) else 'uitkomst'}-{node_id}").is_visible()
    assert no_js_page.locator(".rw-nojs").is_visible()
    assert no_js_page.foreign_requests == []

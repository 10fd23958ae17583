"""Keuzehulp with a hostile or broken URL #fragment: ignored, the tree starts as usual, and its
hash and print listeners keep working. No `pageerror` (which includes unhandled rejections)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TREES = {doc["id"]: doc for doc in (yaml.safe_load(p.read_text(encoding="utf-8"))
                                    for p in sorted((ROOT / "content" / "decision-trees").glob("*.yml")))}
STEPPER = ".rw-stepper:not([hidden])"

BAD_HASHES = [
    pytest.param("#%E0%A4%A", id="truncated-utf8"),
    pytest.param("#%", id="lone-percent"),
    pytest.param("#%ZZ", id="not-hex"),
    pytest.param("#%C0%80", id="overlong-utf8"),
    pytest.param("#%ED%A0%80", id="lone-surrogate"),
    pytest.param("#%FF" * 2000, id="very-long"),
    pytest.param("#<img src=x onerror=window.__pwned=1>", id="markup"),
    pytest.param("#vraag-onbekend", id="unknown-id"),
]


def open_tree(page: Any, site_url: str, tree: dict, suffix: str) -> list[str]:
    """Open the tree page with `suffix` (query and/or hash); returns the list that collects page errors."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}{tree['path'].removesuffix('.md')}/{suffix}")
    page.wait_for_selector(f"{STEPPER} h3")
    return errors


def question_shown(page: Any) -> str:
    return page.inner_text(f"{STEPPER} .rw-step__title > span:last-child")


def full_text_open(page: Any) -> bool:
    return page.evaluate("!document.querySelector('[data-rw-all]').hidden")


@pytest.mark.parametrize("tree_id", sorted(TREES))
@pytest.mark.parametrize("bad_hash", BAD_HASHES)
def test_unreadable_hash_starts_at_first_question_and_listeners_still_work(
        page: Any, site_url: str, tree_id: str, bad_hash: str) -> None:
    tree = TREES[tree_id]
    first = tree["nodes"][tree["start"]]
    errors = open_tree(page, site_url, tree, bad_hash)
    assert question_shown(page) == first["text"]
    assert not full_text_open(page)
    # hash listener: a link to a question in the full text unfolds it
    page.evaluate(f"location.hash = '#vraag-{tree['start']}'")
    page.wait_for_timeout(100)
    assert full_text_open(page)
    # answering still works
    option = next(iter(first["options"]))
    page.click(f'{STEPPER} .rw-option[data-option="{option}"]')
    assert f"{tree['start']}={option}" in page.url
    assert errors == []
    assert page.evaluate("window.__pwned === undefined")


def test_unreadable_hash_keeps_the_answers_of_the_query(page: Any, site_url: str) -> None:
    tree = TREES["welk-register"]
    errors = open_tree(page, site_url, tree, "?werk=ja#%E0%A4%A")
    assert question_shown(page) == tree["nodes"]["opleiding"]["text"]
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert full_text_open(page)
    assert errors == []

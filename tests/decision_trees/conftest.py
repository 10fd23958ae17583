"""Fixtures for the decision-tree tests: the real trees, their routes, and broken copies."""
from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import LOOPBACK_HOSTS, ROOT
from guide import tree_graph as graph
from guide.errors import ContentError, Problem
from guide.model import load_content

TREE_FILES = ROOT / "content" / "decision-trees"


def real_trees() -> dict[str, dict]:
    """The trees of content/decision-trees/, by id (read at collection time, for parametrize)."""
    return {doc.data["id"]: doc.data for doc in load_content(ROOT / "content").files["decision_tree"]}


def _per_tree(items_of: Callable[[dict], list], name_of: Callable[[object], str]) -> list[pytest.param]:
    return [pytest.param(tree_id, item, id=f"{tree_id}{name_of(item)}")
            for tree_id, tree in real_trees().items() for item in items_of(tree)]


def every_path() -> list[pytest.param]:
    """(tree id, route) for every route of every tree, named like its URL query."""
    return _per_tree(graph.paths, lambda path: "?" + "&".join(f"{n}={o}" for n, o in path.answers))


def every_edge() -> list[pytest.param]:
    """(tree id, edge) for every exit of every node of every tree."""
    return _per_tree(graph.edges, lambda edge: f":{edge.source}.{edge.option or 'then'}")


@pytest.fixture(scope="session")
def trees() -> dict[str, dict]:
    return real_trees()


@pytest.fixture(scope="session")
def sources() -> dict[str, dict]:
    """The sources of content/sources.yml, by id."""
    return load_content(ROOT / "content").sources


@pytest.fixture(params=sorted(real_trees()))
def tree(request: pytest.FixtureRequest, trees: dict[str, dict]) -> dict:
    """Each real tree in turn."""
    return trees[request.param]


FIXTURE_TREE = """\
# A small valid tree that the validation tests break one way at a time.
id: proef
path: keuzehulp/proef.md
title: Proefboom
description: Een boom om fouten mee te testen.
basis: {source: stappenplan, where: het stroomschema}
start: eerste
nodes:
  eerste:
    type: question
    text: Eerste vraag?
    source: stappenplan
    options:
      ja: {label: "Ja", next: tweede}
      nee: {label: "Nee", next: klaar}
  tweede:
    type: question
    text: Tweede vraag?
    source: stappenplan
    options:
      ja: {label: "Ja", next: klaar}
      nee: {label: "Nee", next: anders}
  klaar:
    type: outcome
    title: Klaar
    text: Je bent klaar.
    source: stappenplan
    next_steps: [Niets meer.]
    links: ["[Start](page:start)"]
  anders:
    type: outcome
    title: Anders
    text: Iets anders.
    source: stappenplan
    next_steps: [Iets anders doen.]
checked: 2026-12-02
"""


@pytest.fixture
def fixture_tree(tmp_path: Path) -> Path:
    """A copy of the real content/ with the fixture tree added; returns the tree's file."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    tree = tmp_path / "content" / "decision-trees" / "proef.yml"
    tree.write_text(FIXTURE_TREE, encoding="utf-8")
    return tree


@pytest.fixture
def problems_after(fixture_tree: Path) -> Callable[[str, str], list[Problem]]:
    """Replace `old` by `new` in the fixture tree, load the copy, return its problems."""

    def load(old: str, new: str) -> list[Problem]:
        text = fixture_tree.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"fixture text {old!r} must occur once"
        fixture_tree.write_text(text.replace(old, new), encoding="utf-8")
        with pytest.raises(ContentError) as caught:
            load_content(fixture_tree.parent.parent)
        return caught.value.problems

    return load


@pytest.fixture
def no_js_page(browser: object) -> Iterator[object]:
    """A page with JavaScript off; `page.foreign_requests` records requests to other hosts."""
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.foreign_requests = []
    page.on("request", lambda request: None if urlparse(request.url).hostname in LOOPBACK_HOSTS or request.url.startswith("data:")
            else page.foreign_requests.append(request.url))
    yield page
    context.close()

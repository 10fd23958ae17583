"""The trees as graphs: each edge leads where the YAML says, and the routes are all enumerated."""
from __future__ import annotations

from functools import cache

import pytest

from guide import tree_graph as graph

from .conftest import every_edge


@pytest.mark.parametrize(("tree_id", "edge"), every_edge())
def test_each_answer_leads_where_the_yaml_says(trees: dict[str, dict], tree_id: str, edge: graph.Edge) -> None:
    tree = trees[tree_id]
    node = tree["nodes"][edge.source]
    written = node["then"] if edge.option is None else node["options"][edge.option]["next"]
    assert edge.target == written
    if edge.option is not None:
        route = next(p for p in graph.paths(tree) if edge.source in dict(p.answers))
        before = dict(route.answers[: [n for n, _ in route.answers].index(edge.source)])
        answers, reached = graph.follow(tree, {**before, edge.source: edge.option})
        assert answers[-1] == (edge.source, edge.option)
        assert reached == written


def _count_routes(tree: dict) -> int:
    """Routes counted without listing them: a question has the sum of its options' routes."""

    @cache
    def count(node_id: str) -> int:
        node = tree["nodes"][node_id]
        return sum(count(o["next"]) for o in node["options"].values()) if node["type"] == "question" else 1

    return count(tree["start"])


def test_paths_lists_every_route_once_each_ending_in_an_outcome(tree: dict) -> None:
    routes = graph.paths(tree)
    assert len(routes) == _count_routes(tree)
    assert len({r.answers for r in routes}) == len(routes)
    for route in routes:
        assert all(tree["nodes"][outcome]["type"] == "outcome" for outcome in route.outcomes)
        assert graph.follow(tree, route.query) == (list(route.answers), route.outcomes[0])
    taken = {(node, option) for r in routes for node, option in r.answers}
    assert taken == {(e.source, e.option) for e in graph.edges(tree) if e.option is not None}
    shown = {outcome for r in routes for outcome in r.outcomes}
    assert shown == {n for n, node in tree["nodes"].items() if node["type"] == "outcome"}


def test_the_flowchart_of_the_stappenplan(trees: dict[str, dict]) -> None:
    """DESIGN.md: four questions; Registerplein reached four ways, once via the afwegingskader."""
    tree = trees["welk-register"]
    questions = [n for n, node in tree["nodes"].items() if node["type"] == "question"]
    assert len(questions) == 4
    ends = {tuple(p.answers[-1]): p.outcomes for p in graph.paths(tree)}
    assert ends == {
        ("werk", "nee"): ("geen-registratie",),
        ("opleiding", "mbo"): ("registerplein",),
        ("leeftijd", "alleen-volwassenen"): ("registerplein",),
        ("werktoedeling", "ja"): ("skj-of-big",),
        ("werktoedeling", "ja-maar"): ("afwegingskader", "registerplein"),
        ("werktoedeling", "nee"): ("registerplein",),
    }


def test_the_categories_follow_the_admission_criteria(trees: dict[str, dict]) -> None:
    """Source 001: Senior needs basisopleiding and 2080 hours; Junior the basisopleiding; In opleiding is in training."""
    tree = trees["categorie-clientondersteuner"]
    outcome_of = {p.answers: p.outcomes[-1] for p in graph.paths(tree)}
    for answers, outcome in outcome_of.items():
        given = dict(answers)
        expected = ("vog-aanvragen" if given["vog"] == "nee" else
                    "hbo-niveau-aantonen" if given["hbo-niveau"] == "geen" else
                    {"in-opleiding": "in-opleiding", "nee": "basisopleiding-volgen"}.get(given["basisopleiding"]) or
                    ("senior" if given["werkervaring"] == "ja" else "junior"))
        assert outcome == expected, answers


def test_follow_reads_a_url_query_as_the_stepper_does(trees: dict[str, dict]) -> None:
    tree = trees["welk-register"]
    assert graph.follow(tree, {}) == ([], "werk")
    assert graph.follow(tree, {"werk": "ja", "opleiding": "onzin", "leeftijd": "ook-jeugd"}) == ([("werk", "ja")], "opleiding")
    assert graph.follow(tree, {"opleiding": "mbo"}) == ([], "werk")  # off the route: ignored
    assert graph.follow(tree, {"werk": "nee", "opleiding": "mbo", "h": "zoekterm"}) == ([("werk", "nee")], "geen-registratie")


def test_find_cycle_and_reachable_on_a_small_graph() -> None:
    tree = {"start": "a", "nodes": {
        "a": {"type": "question", "options": {"x": {"next": "b"}, "y": {"next": "c"}}},
        "b": {"type": "question", "options": {"x": {"next": "a"}}},
        "c": {"type": "outcome"}, "d": {"type": "outcome", "then": "c"}}}
    cycle = graph.find_cycle(tree)
    assert [(e.source, e.option, e.target) for e in cycle] == [("a", "x", "b"), ("b", "x", "a")]
    assert graph.reachable(tree) == ["a", "b", "c"]
    tree["nodes"]["b"]["options"]["x"]["next"] = "b"
    assert [(e.source, e.target) for e in graph.find_cycle(tree)] == [("b", "b")]
    tree["nodes"]["b"]["options"]["x"]["next"] = "c"
    assert graph.find_cycle(tree) is None
    assert graph.layers(tree) == {"a": 0, "b": 1, "c": 2}
    assert graph.reading_order(tree) == ["a", "b", "c"]

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
    """ARCHITECTURE.md, "The decision tree of source 000": the flowchart's four questions and its outcomes; what the guide adds is marked
    `addition` (the KRSD for the public social domain, source 002; 'Ik weet het niet')."""
    tree = trees["welk-register"]
    flowchart = {n for n, node in tree["nodes"].items() if not node.get("addition")}
    assert {n for n in flowchart if tree["nodes"][n]["type"] == "question"} == {"werk", "opleiding", "leeftijd", "werktoedeling"}
    assert {n for n, node in tree["nodes"].items() if node.get("addition")} == {"publiek-domein", "krsd", "vraag-leidinggevende"}
    ends = {tuple(p.answers[-2:]): p.outcomes for p in graph.paths(tree)}
    assert ends == {
        (("werk", "nee"),): ("geen-registratie",),
        (("opleiding", "mbo"), ("publiek-domein", "nee")): ("registerplein",),
        (("opleiding", "mbo"), ("publiek-domein", "ja")): ("krsd",),
        (("leeftijd", "alleen-volwassenen"), ("publiek-domein", "nee")): ("registerplein",),
        (("leeftijd", "alleen-volwassenen"), ("publiek-domein", "ja")): ("krsd",),
        (("leeftijd", "ook-jeugd"), ("werktoedeling", "ja")): ("skj-of-big",),
        (("leeftijd", "ook-jeugd"), ("werktoedeling", "ja-maar")): ("afwegingskader",),
        (("leeftijd", "ook-jeugd"), ("werktoedeling", "weet-niet")): ("vraag-leidinggevende",),
        (("werktoedeling", "nee"), ("publiek-domein", "nee")): ("registerplein",),
        (("werktoedeling", "nee"), ("publiek-domein", "ja")): ("krsd",),
    }


def test_the_afwegingskader_does_not_decide_its_own_result(trees: dict[str, dict]) -> None:
    """The result of the afweging is not known in advance: no fixed 'then Registerplein' (source 003/004)."""
    outcome = trees["welk-register"]["nodes"]["afwegingskader"]
    assert "then" not in outcome
    text = outcome["text"] + " ".join(part["text"] for part in outcome["parts"])
    assert "Daarna registreer je je bij Registerplein" not in text
    assert "kwaliteitskader-jeugd" in text and "geen geregistreerde professional in de zin van de norm" in " ".join(text.split())


def test_question_4_helps_before_the_answers_and_allows_i_do_not_know(trees: dict[str, dict]) -> None:
    question = trees["welk-register"]["nodes"]["werktoedeling"]
    assert {"ja", "ja-maar", "nee"} <= set(question["options"])  # the ids in visitors' URLs stay
    assert question["options"]["weet-niet"] == {"label": "Ik weet het niet", "short": "weet ik niet",
                                                 "next": "vraag-leidinggevende"}
    assert "Kwaliteitskader Jeugd" in question["help"] and "in combinatie met" in question["help"]
    assert "nadelig beïnvloed" not in question["options"]["ja-maar"]["label"]  # plain words


def test_the_categories_follow_the_admission_criteria(trees: dict[str, dict]) -> None:
    """Source 001: Senior needs basisopleiding and 2080 hours; Junior the basisopleiding; In opleiding is in
    training; who was registered before 2022 may be exempt from the basisopleiding (footnotes 4 and 5,
    toelichting), except via the overgangsregeling."""
    tree = trees["categorie-clientondersteuner"]
    outcome_of = {p.answers: p.outcomes[-1] for p in graph.paths(tree)}
    exemptions = {"junior-senior": "vrijgesteld", "basis-regulier": "vrijgesteld", "hbo-2021": "vrijgesteld-2021",
                  "overgangsregeling": "basisopleiding-volgen"}
    for answers, outcome in outcome_of.items():
        given = dict(answers)
        expected = ("vog-aanvragen" if given["vog"] == "nee" else
                    "hbo-niveau-aantonen" if given["hbo-niveau"] == "geen" else
                    exemptions[given["vrijstelling"]] if given["basisopleiding"] == "al-geregistreerd" else
                    {"in-opleiding": "in-opleiding", "nee": "basisopleiding-volgen"}.get(given["basisopleiding"]) or
                    ("senior" if given["werkervaring"] == "ja" else "junior"))
        assert outcome == expected, answers
    exempt = [answers for answers, outcome in outcome_of.items() if dict(answers).get("hbo-niveau") == "vrijgesteld"]
    assert any(outcome_of[answers].startswith("vrijgesteld") for answers in exempt)


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

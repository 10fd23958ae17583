"""Graph checks of the decision trees: every exit leads somewhere, every node is reached,
no route loops, every route ends in an outcome.

Registered in consistency.CHECKS; each problem names the file, the line, the node and option.
Links inside trees are ordinary links, checked by link_checks.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from . import tree_graph as graph
from .errors import Problem
from .yaml_source import PathKey, SourceFile

if TYPE_CHECKING:
    from .content import Content

TreeCheck = Callable[[SourceFile], Iterator[Problem]]


def tree_problems(content: Content) -> Iterator[Problem]:
    """Every problem of every decision tree (unique ids and paths: consistency checks all pages)."""
    for document in content.files.get("decision_tree", []):
        for check in TREE_CHECKS:
            yield from check(document)


def describe(edge: graph.Edge) -> str:
    """`question 'werk', option 'ja'` or `outcome 'x', then`: how messages name an exit."""
    return f"question '{edge.source}', option '{edge.option}'" if edge.option is not None else f"outcome '{edge.source}', then"


def edge_where(edge: graph.Edge) -> PathKey:
    """Where in the file an edge's target is written."""
    if edge.option is None:
        return ("nodes", edge.source, "then")
    return ("nodes", edge.source, "options", edge.option, "next")


def _start(tree: SourceFile) -> Iterator[Problem]:
    start, nodes = tree.data["start"], graph.nodes(tree.data)
    if start not in nodes:
        yield tree.problem(("start",), f"start node '{start}' does not exist; nodes: {', '.join(nodes)}")
    elif not graph.is_question(nodes[start]):
        yield tree.problem(("start",), f"start node '{start}' is an outcome; the start must be a question")


def _targets(tree: SourceFile) -> Iterator[Problem]:
    nodes = graph.nodes(tree.data)
    for edge in graph.edges(tree.data):
        if edge.target not in nodes:
            yield tree.problem(edge_where(edge), f"{describe(edge)}: next node '{edge.target}' does not exist; nodes: {', '.join(nodes)}")
        elif edge.option is None and graph.is_question(nodes[edge.target]):
            yield tree.problem(edge_where(edge), f"{describe(edge)}: '{edge.target}' is a question; `then` must name an outcome")


def _dead_ends(tree: SourceFile) -> Iterator[Problem]:
    for node_id, node in graph.nodes(tree.data).items():
        if graph.is_question(node) and not node["options"]:
            yield tree.problem(("nodes", node_id, "options"),
                               f"question '{node_id}' has no options: a route that reaches it ends without an outcome")


def _unreachable(tree: SourceFile) -> Iterator[Problem]:
    if tree.data["start"] not in graph.nodes(tree.data):
        return
    reached = set(graph.reachable(tree.data))
    for node_id, node in graph.nodes(tree.data).items():
        if node_id not in reached:
            yield tree.problem(("nodes", node_id), f"{node['type']} '{node_id}' is unreachable: "
                                                   f"no route from the start '{tree.data['start']}' leads to it")


def _cycles(tree: SourceFile) -> Iterator[Problem]:
    cycle = graph.find_cycle(tree.data)
    if cycle:
        route = " → ".join([*(edge.source for edge in cycle), cycle[0].source])
        yield tree.problem(edge_where(cycle[-1]), f"{describe(cycle[-1])}: leads back to '{cycle[-1].target}', a cycle: {route}")


TREE_CHECKS: list[TreeCheck] = [_start, _targets, _dead_ends, _unreachable, _cycles]

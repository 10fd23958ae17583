"""A decision tree as a graph: edges, reachability, cycles, paths, layers.

Pure functions over the tree's data (a dict as in content/decision-trees/*.yml). They
tolerate broken trees (missing nodes, cycles) so that the checks can describe what is wrong.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

THEN = None  # the "option" of an outcome's `then` edge


@dataclass(frozen=True)
class Edge:
    """One exit of a node: an option of a question, or the `then` of an outcome."""

    source: str
    option: str | None
    target: str


@dataclass(frozen=True)
class Path:
    """One complete route: the answers given, in order, and the outcomes shown at the end."""

    answers: tuple[tuple[str, str], ...]
    outcomes: tuple[str, ...]

    @property
    def query(self) -> dict[str, str]:
        """The answers as the stepper's URL query: {node id: option id}."""
        return dict(self.answers)


def nodes(tree: dict) -> dict[str, dict]:
    """The tree's nodes by id."""
    return tree.get("nodes") or {}


def is_question(node: dict) -> bool:
    return node.get("type") == "question"


def exits(node_id: str, node: dict) -> list[Edge]:
    """The edges leaving one node, in the order of the YAML."""
    if is_question(node):
        return [Edge(node_id, option_id, option["next"]) for option_id, option in (node.get("options") or {}).items()]
    return [Edge(node_id, THEN, node["then"])] if "then" in node else []


def edges(tree: dict) -> list[Edge]:
    """Every edge of the tree."""
    return [edge for node_id, node in nodes(tree).items() for edge in exits(node_id, node)]


def successors(tree: dict, node_id: str) -> list[str]:
    """The existing nodes one edge away, without repeats."""
    node = nodes(tree).get(node_id)
    targets = [edge.target for edge in exits(node_id, node)] if node else []
    return [t for t in dict.fromkeys(targets) if t in nodes(tree)]


def reachable(tree: dict) -> list[str]:
    """Node ids reachable from the start, in breadth-first order."""
    start = tree.get("start")
    if start not in nodes(tree):
        return []
    seen, queue = [start], [start]
    while queue:
        for target in successors(tree, queue.pop(0)):
            if target not in seen:
                seen.append(target)
                queue.append(target)
    return seen


def find_cycle(tree: dict) -> list[Edge] | None:
    """The edges of one cycle, if there is any (depth-first search over every node)."""
    done: set[str] = set()

    def visit(node_id: str, trail: list[Edge]) -> list[Edge] | None:
        route = [*(edge.source for edge in trail), node_id]
        for edge in exits(node_id, nodes(tree)[node_id]):
            if edge.target not in nodes(tree) or edge.target in done:
                continue
            if edge.target in route:
                return [*trail[route.index(edge.target):], edge]
            cycle = visit(edge.target, [*trail, edge])
            if cycle:
                return cycle
        done.add(node_id)
        return None

    for node_id in nodes(tree):
        if node_id not in done:
            cycle = visit(node_id, [])
            if cycle:
                return cycle
    return None


def outcome_chain(tree: dict, outcome_id: str) -> tuple[str, ...]:
    """An outcome and the outcomes that follow it through `then`."""
    chain = [outcome_id]
    while "then" in nodes(tree)[chain[-1]] and nodes(tree)[chain[-1]]["then"] not in chain:
        chain.append(nodes(tree)[chain[-1]]["then"])
    return tuple(chain)


def paths(tree: dict) -> list[Path]:
    """Every route from the start to an outcome (the tree must be valid: acyclic, complete)."""

    def walk(node_id: str, answers: tuple[tuple[str, str], ...]) -> Iterator[Path]:
        node = nodes(tree)[node_id]
        if not is_question(node):
            yield Path(answers, outcome_chain(tree, node_id))
            return
        for edge in exits(node_id, node):
            yield from walk(edge.target, (*answers, (node_id, edge.option)))

    return list(walk(tree["start"], ()))


def follow(tree: dict, query: Mapping[str, str]) -> tuple[list[tuple[str, str]], str]:
    """Answers from a URL query, as the stepper reads them: the valid answers along the route
    from the start, and the node reached (the first unanswered question, or an outcome)."""
    answers: list[tuple[str, str]] = []
    current = tree["start"]
    while is_question(nodes(tree)[current]) and query.get(current) in nodes(tree)[current]["options"]:
        option = query[current]
        answers.append((current, option))
        current = nodes(tree)[current]["options"][option]["next"]
    return answers, current


def layers(tree: dict) -> dict[str, int]:
    """Each reachable node's layer: the length of the longest route to it from the start."""
    order = topological(tree)
    layer = {node_id: 0 for node_id in order}
    for node_id in order:
        for target in successors(tree, node_id):
            layer[target] = max(layer[target], layer[node_id] + 1)
    return layer


def topological(tree: dict) -> list[str]:
    """The reachable nodes, each after every node with an edge to it (ties: breadth-first)."""
    found = reachable(tree)
    incoming = {node_id: 0 for node_id in found}
    for node_id in found:
        for target in successors(tree, node_id):
            incoming[target] += 1
    ready, order = [n for n in found if incoming[n] == 0], []
    while ready:
        node_id = ready.pop(0)
        order.append(node_id)
        for target in successors(tree, node_id):
            incoming[target] -= 1
            if incoming[target] == 0:
                ready.append(target)
    return order


def reading_order(tree: dict) -> list[str]:
    """How pages list the reachable nodes: questions first, then outcomes; each by layer, then
    in the order of the YAML."""
    layer = layers(tree)
    position = {node_id: index for index, node_id in enumerate(nodes(tree))}
    return sorted(layer, key=lambda node_id: (not is_question(nodes(tree)[node_id]), layer[node_id], position[node_id]))

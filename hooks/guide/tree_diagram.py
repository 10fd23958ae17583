"""The diagram of a decision tree: boxes and labelled lines, drawn at build time as inline SVG
from the same graph the step-by-step view runs. No script, no request to another host."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import jinja2

from . import tree_graph as graph
from .tree_layout import Layout, layered_layout

BOX_WIDTH = {"question": 214, "outcome": 190}
CHARS_PER_LINE = {"question": 28, "outcome": 24}  # at 13px, with room for wide fonts
LABEL_CHARS = 22
LINE_HEIGHT = 17
LABEL_LINE_HEIGHT = 15
PADDING = 9
CAPTION_HEIGHT = 17
THEN_LABEL = "daarna"


@dataclass(frozen=True)
class Box:
    """A node: its caption ("Vraag 2", "Uitkomst"), its text in lines, and where it goes."""

    node_id: str
    kind: str
    caption: str
    lines: list[str]
    left: float
    top: float
    width: float
    height: float

    @property
    def centre(self) -> float:
        return self.left + self.width / 2

    @property
    def first_baseline(self) -> float:
        return self.top + PADDING + CAPTION_HEIGHT - 5

    @property
    def corner(self) -> int:
        """Outcomes are rounded, questions square: the kind shows without colour too."""
        return 14 if self.kind == "outcome" else 2


@dataclass(frozen=True)
class Wire:
    """One line between two nodes, labelled with the answers that take it."""

    source: str
    target: str
    label: list[str]
    path: str
    label_x: float
    label_y: float
    label_width: float
    then: bool

    @property
    def label_height(self) -> float:
        return LABEL_LINE_HEIGHT * len(self.label) + 4

    @property
    def label_top(self) -> float:
        return self.label_y - self.label_height / 2

    @property
    def first_baseline(self) -> float:
        return self.label_top + LABEL_LINE_HEIGHT - 2


@dataclass(frozen=True)
class Diagram:
    tree_id: str
    width: float
    height: float
    boxes: list[Box]
    wires: list[Wire]
    questions: int
    outcomes: int


def svg(env: jinja2.Environment, tree: dict, captions: dict[str, str]) -> str:
    """The diagram as one block of SVG markup without blank lines (safe inside Markdown)."""
    drawn = diagram(tree, captions)
    markup = env.get_template("trees/diagram.svg.j2").render(
        diagram=drawn, line_height=LINE_HEIGHT, label_line_height=LABEL_LINE_HEIGHT)
    return "\n".join(line for line in markup.splitlines() if line.strip())


def diagram(tree: dict, captions: dict[str, str]) -> Diagram:
    """Lay out the reachable nodes of a valid tree; `captions` names each node's box."""
    nodes = graph.nodes(tree)
    texts = {node_id: _wrap(_box_text(nodes[node_id]), CHARS_PER_LINE[nodes[node_id]["type"]])
             for node_id in graph.reading_order(tree)}
    sizes = {node_id: (BOX_WIDTH[nodes[node_id]["type"]], 2 * PADDING + CAPTION_HEIGHT + LINE_HEIGHT * len(lines))
             for node_id, lines in texts.items()}
    labels = _labels(tree)
    layout = layered_layout(graph.layers(tree), sizes, list(labels))
    boxes = [Box(node_id, nodes[node_id]["type"], captions[node_id], lines, layout.left[node_id], layout.top[node_id], *sizes[node_id])
             for node_id, lines in texts.items()]
    wires = [_wire(layout, link, label, {b.node_id: b for b in boxes}) for link, label in labels.items()]
    kinds = [nodes[n]["type"] for n in texts]
    return Diagram(tree["id"], layout.width, layout.height, boxes, wires, kinds.count("question"), kinds.count("outcome"))


def _box_text(node: dict) -> str:
    return node["text"] if graph.is_question(node) else node["title"]


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False) or [""]


def _labels(tree: dict) -> dict[tuple[str, str], list[str]]:
    """One line per pair of nodes; the answers that take it, joined, as its label."""
    answers: dict[tuple[str, str], list[str]] = {}
    for edge in graph.edges(tree):
        if edge.option is None:
            answers.setdefault((edge.source, edge.target), []).append(THEN_LABEL)
        else:
            option = graph.nodes(tree)[edge.source]["options"][edge.option]
            answers.setdefault((edge.source, edge.target), []).append(option.get("short", option["label"]))
    return {link: _wrap(" / ".join(names), LABEL_CHARS) for link, names in answers.items()}


def _wire(layout: Layout, link: tuple[str, str], label: list[str], boxes: dict[str, Box]) -> Wire:
    chain = layout.chains[link]
    source, target = boxes[link[0]], boxes[link[1]]
    points = [(_port(layout, source, chain[1], outgoing=True), source.top + source.height)]
    for lane in chain[1:-1]:
        top, bottom = layout.band[layout.rank[lane]]
        points += [(layout.left[lane], top), (layout.left[lane], bottom)]
    points.append((_port(layout, target, chain[-2], outgoing=False), target.top))
    (x0, y0), (x1, y1) = points[0], points[1]
    widest = max(len(line) for line in label)
    return Wire(link[0], link[1], label, _path(points), (x0 + x1) / 2, (y0 + y1) / 2, widest * 6.6 + 10,
                then=label == [THEN_LABEL])


def _port(layout: Layout, box: Box, neighbour: str, *, outgoing: bool) -> float:
    """Where a line leaves (or enters) a box: spread along its edge in the order of the far ends."""
    ends = sorted((chain[1] if outgoing else chain[-2] for link, chain in layout.chains.items()
                   if link[0 if outgoing else 1] == box.node_id), key=layout.centre.__getitem__)
    index = ends.index(neighbour)
    return box.left + box.width * (index + 1) / (len(ends) + 1)


def _path(points: list[tuple[float, float]]) -> str:
    """Straight down where a line keeps its x, a smooth S-bend where it moves sideways."""
    parts = [f"M {points[0][0]:.1f} {points[0][1]:.1f}"]
    for (xa, ya), (xb, yb) in zip(points, points[1:]):
        if abs(xa - xb) < 0.5:
            parts.append(f"L {xb:.1f} {yb:.1f}")
        else:
            middle = (ya + yb) / 2
            parts.append(f"C {xa:.1f} {middle:.1f} {xb:.1f} {middle:.1f} {xb:.1f} {yb:.1f}")
    return " ".join(parts)

"""The diagram's layout: every node once, lines only downward, nothing overlaps, lanes miss boxes."""
from __future__ import annotations

import pytest

from guide import tree_graph as graph
from guide.tree_diagram import diagram
from guide.tree_layout import layered_layout


def _captions(tree: dict) -> dict[str, str]:
    return {node_id: node_id for node_id in tree["nodes"]}


def test_every_node_has_one_box_and_every_pair_one_line(tree: dict) -> None:
    drawn = diagram(tree, _captions(tree))
    assert sorted(box.node_id for box in drawn.boxes) == sorted(tree["nodes"])
    assert sorted((w.source, w.target) for w in drawn.wires) == sorted({(e.source, e.target) for e in graph.edges(tree)})
    for wire in drawn.wires:
        expected = [o.get("short", o["label"]) for o in tree["nodes"][wire.source].get("options", {}).values()
                    if o["next"] == wire.target] or ["daarna"]
        assert " ".join(wire.label) == " / ".join(expected)


def test_boxes_do_not_overlap_and_fit_in_the_picture(tree: dict) -> None:
    drawn = diagram(tree, _captions(tree))
    boxes = drawn.boxes
    for box in boxes:
        assert 0 <= box.left and box.left + box.width <= drawn.width
        assert 0 <= box.top and box.top + box.height <= drawn.height
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a.left + a.width <= b.left or b.left + b.width <= a.left or a.top + a.height <= b.top or b.top + b.height <= a.top
            assert apart, (a.node_id, b.node_id)


def test_a_long_link_runs_in_lanes_beside_the_boxes_of_the_layers_it_skips() -> None:
    ranks = {"a": 0, "b": 1, "c": 2, "d": 3}
    sizes = {node: (100, 40) for node in ranks}
    links = [("a", "b"), ("b", "c"), ("c", "d"), ("a", "d")]
    layout = layered_layout(ranks, sizes, links)
    lanes = layout.chains[("a", "d")][1:-1]
    assert len(lanes) == 2
    for lane, node in zip(lanes, ["b", "c"]):
        assert layout.rank[lane] == ranks[node]
        x = layout.left[lane]
        assert not layout.left[node] < x < layout.left[node] + 100, "the lane runs through a box"
    for source, target in links:
        assert layout.top[source] + 40 < layout.top[target], "lines go downward"


def test_the_main_route_stays_straight() -> None:
    """A question's heaviest branch stays under it; a side exit moves aside."""
    ranks = {"q1": 0, "q2": 1, "end1": 1, "q3": 2, "end2": 2, "end3": 3}
    sizes = {node: (100, 40) for node in ranks}
    links = [("q1", "q2"), ("q1", "end1"), ("q2", "q3"), ("q2", "end2"), ("q3", "end3")]
    layout = layered_layout(ranks, sizes, links)
    assert layout.centre["q1"] == pytest.approx(layout.centre["q2"], abs=20)
    assert layout.centre["q2"] == pytest.approx(layout.centre["q3"], abs=20)
    assert layout.centre["end1"] > layout.centre["q2"] + 100

"""A small layered layout for a directed acyclic graph (Sugiyama style).

Nodes sit in layers by rank; a link that skips layers gets a zero-width "lane" in each layer it
crosses, so lines never run through boxes. Layers are ordered to reduce crossings (barycentre
sweeps), then each item is placed in line with the heaviest item it is linked to, heavier items
first, lighter ones making way (the priority method).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

Link = tuple[str, str]

NODE_GAP = 28   # between two boxes in a layer
LANE_GAP = 18   # next to a lane
LAYER_GAP = 74  # between layers: room for the labels of the lines
MARGIN = 14
SWEEPS = 6


@dataclass
class Layout:
    """Where everything goes: the box of each node, the lanes of each link, the layer bands."""

    left: dict[str, float] = field(default_factory=dict)
    top: dict[str, float] = field(default_factory=dict)
    centre: dict[str, float] = field(default_factory=dict)
    rank: dict[str, int] = field(default_factory=dict)
    chains: dict[Link, list[str]] = field(default_factory=dict)
    band: dict[int, tuple[float, float]] = field(default_factory=dict)
    width: float = 0
    height: float = 0


def layered_layout(ranks: dict[str, int], sizes: dict[str, tuple[float, float]], links: list[Link]) -> Layout:
    """Lay out nodes (ranks and sizes by id) with links that always go to a higher rank.

    Nodes are first ordered as given (dict order of `ranks`), the first one at the top left.
    """
    layout = Layout()
    rank = dict(ranks)
    width = {node: size[0] for node, size in sizes.items()}
    for source, target in links:
        lanes = [f"{source}>{target}@{r}" for r in range(rank[source] + 1, rank[target])]
        for lane_rank, lane in enumerate(lanes, rank[source] + 1):
            rank[lane], width[lane] = lane_rank, 0
        layout.chains[(source, target)] = [source, *lanes, target]
    up, down = _neighbours(layout.chains)
    order = _first_order(rank, down)
    order = _fewest_crossings(order, up, down)
    centre = _place(order, width, up, down, _weights(order, down))
    shift = MARGIN - min(centre[item] - width[item] / 2 for item in centre)
    top = MARGIN
    for r in sorted(order):
        height = max((sizes[item][1] for item in order[r] if item in sizes), default=0)
        layout.band[r] = (top, top + height)
        for item in order[r]:
            layout.centre[item], layout.top[item], layout.rank[item] = centre[item] + shift, top, r
            layout.left[item] = layout.centre[item] - width[item] / 2
        top += height + LAYER_GAP
    layout.width = max(layout.left[item] + width[item] for item in layout.left) + MARGIN
    layout.height = top - LAYER_GAP + MARGIN
    return layout


def _neighbours(chains: dict[Link, list[str]]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """For each item, the items one layer up and one layer down that it is linked to."""
    up: dict[str, list[str]] = {}
    down: dict[str, list[str]] = {}
    for chain in chains.values():
        for upper, lower in zip(chain, chain[1:]):
            down.setdefault(upper, []).append(lower)
            up.setdefault(lower, []).append(upper)
    return up, down


def _first_order(rank: dict[str, int], down: dict[str, list[str]]) -> dict[int, list[str]]:
    """Depth-first from the first node: a node's first link goes left, the next ones right."""
    order: dict[int, list[str]] = {r: [] for r in sorted(set(rank.values()))}
    stack = list(reversed(list(rank)))
    while stack:
        item = stack.pop()
        if item not in order[rank[item]]:
            order[rank[item]].append(item)
            stack.extend(reversed(down.get(item, [])))
    return order


def _crossings(order: dict[int, list[str]], down: dict[str, list[str]]) -> int:
    """How many pairs of lines cross between adjacent layers."""
    total = 0
    for r in list(order)[:-1]:
        below = {item: i for i, item in enumerate(order[r + 1])}
        lines = [(i, below[lower]) for i, upper in enumerate(order[r]) for lower in down.get(upper, [])]
        total += sum(1 for (a, b), (c, d) in combinations(lines, 2) if (a - c) * (b - d) < 0)
    return total


def _fewest_crossings(order: dict[int, list[str]], up: dict, down: dict) -> dict[int, list[str]]:
    """Barycentre sweeps down and up; keep the order with the fewest crossings."""
    best, best_count = {r: list(items) for r, items in order.items()}, _crossings(order, down)
    ranks = sorted(order)
    for sweep in range(SWEEPS):
        downward = sweep % 2 == 0
        for r in ranks[1:] if downward else reversed(ranks[:-1]):
            other = order[r - 1] if downward else order[r + 1]
            order[r] = _by_barycentre(order[r], other, up if downward else down)
        count = _crossings(order, down)
        if count < best_count:
            best, best_count = {r: list(items) for r, items in order.items()}, count
    return best


def _by_barycentre(items: list[str], other: list[str], linked: dict[str, list[str]]) -> list[str]:
    position = {item: i for i, item in enumerate(other)}

    def key(indexed: tuple[int, str]) -> float:
        index, item = indexed
        places = [position[n] for n in linked.get(item, []) if n in position]
        return sum(places) / len(places) if places else index

    return [item for _, item in sorted(enumerate(items), key=key)]


def _weights(order: dict[int, list[str]], down: dict[str, list[str]]) -> dict[str, int]:
    """1 + the number of items below an item: the main route weighs most and stays straight,
    side exits move aside."""
    below: dict[str, set[str]] = {}
    for r in reversed(sorted(order)):
        for item in order[r]:
            below[item] = set().union(*({lower} | below[lower] for lower in down.get(item, [])))
    return {item: 1 + len(items) for item, items in below.items()}


def _place(order: dict[int, list[str]], width: dict[str, float], up: dict, down: dict, weight: dict[str, int]) -> dict[str, float]:
    """Centres: close to the linked items above, then below, then above again; never overlapping."""
    centre: dict[str, float] = {}
    for items in order.values():
        _fit(items, width, weight, centre, [0.0] * len(items))
    ranks = sorted(order)
    for ranks_in_turn, linked in ((ranks[1:], up), (list(reversed(ranks[:-1])), down), (ranks[1:], up)):
        for r in ranks_in_turn:
            wanted = [_heaviest(centre, weight, linked.get(item, []), centre[item]) for item in order[r]]
            _fit(order[r], width, weight, centre, wanted)
    _straighten_lanes(order, width, down, centre)
    return centre


def _straighten_lanes(order: dict[int, list[str]], width: dict[str, float], down: dict, centre: dict[str, float]) -> None:
    """Bottom-up, each lane moves in line with the part of its line below it; boxes stay put.
    A long line then bends once, where it leaves its box, and runs straight after that."""
    for r in sorted(order)[-2::-1]:
        items = order[r]
        wanted = [centre[down[item][0]] if not width[item] else centre[item] for item in items]
        _fit(items, width, {item: 1 if width[item] else 0 for item in items}, centre, wanted)


def _heaviest(centre: dict[str, float], weight: dict[str, int], items: list[str], default: float) -> float:
    """Where an item wants to be: in line with the heaviest item it is linked to (ties: between them)."""
    if not items:
        return default
    tied = [i for i in items if weight[i] == max(weight[i] for i in items)]
    return sum(centre[i] for i in tied) / len(tied)


def _fit(items: list[str], width: dict[str, float], weight: dict[str, int], centre: dict[str, float], wanted: list[float]) -> None:
    """Centres as close to `wanted` as the gaps allow; heavier items are placed first and the
    lighter ones make way for them (the priority method). Lanes go before boxes of the same
    weight, so that long lines run straight."""
    offsets = [0.0]
    for left, right in zip(items, items[1:]):
        offsets.append(offsets[-1] + width[left] / 2 + _gap(width, left, right) + width[right] / 2)
    placed: dict[int, float] = {}
    for k in sorted(range(len(items)), key=lambda i: (-weight[items[i]], width[items[i]] > 0)):
        low = max((placed[j] + offsets[k] - offsets[j] for j in placed if j < k), default=float("-inf"))
        high = min((placed[j] - offsets[j] + offsets[k] for j in placed if j > k), default=float("inf"))
        placed[k] = min(max(wanted[k], low), high)
    for k, item in enumerate(items):
        centre[item] = placed[k]


def _gap(width: dict[str, float], left: str, right: str) -> float:
    return NODE_GAP if width[left] and width[right] else LANE_GAP


"""Render each decision tree as one page: the step-by-step view's data, the diagram, and every
question and outcome as readable text (what visitors without JavaScript, printers and screen
readers get). All three come from the same tree data."""
from __future__ import annotations

from . import tree_diagram
from . import tree_graph as graph
from .render import GeneratedPage, Renderer

# How a node is named in headings, anchors and the diagram, by its type.
KINDS = {
    "question": {"anchor": "vraag-{id}", "caption": "Vraag {number}", "heading": "Vraag {number}: {text}"},
    "outcome": {"anchor": "uitkomst-{id}", "caption": "Uitkomst", "heading": "Uitkomst: {title}"},
}


class TreeRenderer(Renderer):
    """Turns the decision trees of Content into GeneratedPage objects."""

    def pages(self) -> list[GeneratedPage]:
        """One page per decision tree."""
        return [self._tree_page(document.data, str(document.path)) for document in self.content.files.get("decision_tree", [])]

    def _tree_page(self, tree: dict, origin: str) -> GeneratedPage:
        order = graph.reading_order(tree)
        names = self._names(tree, order)
        return self._render(
            "trees/page.md.j2", tree["path"], origin, tree=tree, order=order, names=names,
            data=self.stepper_data(tree),
            diagram=tree_diagram.svg(self.env, tree, {node_id: name["caption"] for node_id, name in names.items()}),
            tree_sources=self._sources_used(tree),
        )

    def stepper_data(self, tree: dict) -> dict:
        """What the step-by-step view needs: the graph and the short texts.
        Longer texts (help, explanation, next steps) it copies from the page itself."""

        def node_data(node: dict) -> dict:
            if graph.is_question(node):
                options = [{"id": option_id, "label": option["label"], "next": option["next"]}
                           for option_id, option in node["options"].items()]
                return {"type": "question", "text": node["text"], "options": options}
            return {"type": "outcome", "title": node["title"], "then": node.get("then")}

        return {"id": tree["id"], "start": tree["start"],
                "nodes": {node_id: node_data(node) for node_id, node in graph.nodes(tree).items()}}

    def _names(self, tree: dict, order: list[str]) -> dict[str, dict[str, str]]:
        """Anchor, caption and heading of each node; questions numbered in reading order."""
        nodes, names, number = graph.nodes(tree), {}, 0
        for node_id in order:
            node = nodes[node_id]
            number += graph.is_question(node)
            values = {"id": node_id, "number": number, "text": node.get("text"), "title": node.get("title")}
            names[node_id] = {key: pattern.format(**values) for key, pattern in KINDS[node["type"]].items()}
        return names

    def _sources_used(self, tree: dict) -> list[dict]:
        """The sources of the tree, its nodes and their parts, basis first; research sources last."""
        ids = [tree["basis"]["source"]]
        for node in graph.nodes(tree).values():
            ids += [node["source"], *(part["source"] for part in node.get("parts", []) if "source" in part)]
        sources = [self.content.sources[source_id] for source_id in dict.fromkeys(ids)]
        return sorted(sources, key=lambda source: source["kind"] == "research")

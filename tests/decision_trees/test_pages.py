"""The built tree pages: the stepper's JSON, the text and the diagram show the same graph as the
YAML; a broken tree stops `mkdocs build --strict` with file:line."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from conftest import build_site, copy_project
from guide import tree_graph as graph

from .conftest import every_edge

JSON_DATA = re.compile(r'<script type="application/json" data-rw-tree-data="(?P<id>[a-z0-9-]+)">(?P<json>.*?)</script>', re.S)


def built_page(site: Path, tree: dict) -> str:
    return (site / tree["path"].removesuffix(".md") / "index.html").read_text(encoding="utf-8")


def section(page: str, anchor: str) -> str:
    """The HTML from the heading with this id up to the next h3, h2 or aside."""
    start = page.index(f'id="{anchor}"')
    return page[start:min(i for i in (page.find(tag, start) for tag in ("<h3", "<h2", "<aside")) if i != -1)]


def anchor(tree: dict, node_id: str) -> str:
    return ("vraag-" if tree["nodes"][node_id]["type"] == "question" else "uitkomst-") + node_id


@pytest.mark.parametrize(("tree_id", "edge"), every_edge())
def test_each_edge_is_the_same_in_stepper_text_and_diagram(built_site: Path, trees: dict, tree_id: str, edge: graph.Edge) -> None:
    tree = trees[tree_id]
    page = built_page(built_site, tree)
    [(data_id, raw)] = JSON_DATA.findall(page)
    nodes = json.loads(raw)["nodes"]
    assert data_id == tree_id
    assert re.search(rf'<path class="rw-diagram__wire[^"]*" data-from="{edge.source}" data-to="{edge.target}"', page)
    if edge.option is None:
        assert nodes[edge.source]["then"] == edge.target
        assert f'<strong>Daarna</strong> → <a href="#{anchor(tree, edge.target)}">' in section(page, anchor(tree, edge.source))
        return
    option = tree["nodes"][edge.source]["options"][edge.option]
    [stepper_option] = [o for o in nodes[edge.source]["options"] if o["id"] == edge.option]
    assert stepper_option == {"id": edge.option, "label": option["label"], "next": edge.target}
    text = section(page, anchor(tree, edge.source))
    assert f'<strong>{html.escape(option["label"], quote=False)}</strong> → <a href="#{anchor(tree, edge.target)}">' in text


def test_the_page_holds_every_node_once_in_text_and_diagram(built_site: Path, tree: dict) -> None:
    page = built_page(built_site, tree)
    for node_id in tree["nodes"]:
        assert page.count(f'id="{anchor(tree, node_id)}"') == 1
        assert page.count(f'data-node="{node_id}"') == 1
    assert page.count('data-rw-body="') == sum(n["type"] == "outcome" for n in tree["nodes"].values())
    assert '<svg class="rw-diagram__svg"' in page and f'<title id="rw-diagram-title-{tree["id"]}">' in page
    assert f'<div class="rw-stepper" data-rw-tree="{tree["id"]}" hidden></div>' in page
    assert 'src="../../assets/javascripts/keuzehulp.js"' in page


@pytest.mark.parametrize("tree_id", ["welk-register", "categorie-clientondersteuner"])
def test_additions_are_marked_with_one_label_per_meaning(built_site: Path, trees: dict, sources: dict,
                                                        tree_id: str) -> None:
    """'Aanvulling van deze gids' only for facts from outside the source documents (research);
    'Uit een ander deel van de bronnen' for a part from the documents but not from the tree's basis;
    'Toegevoegd aan deze keuzehulp' for a whole question or outcome that is not in the basis."""
    tree = trees[tree_id]
    page = built_page(built_site, tree)
    parts = [part for node in tree["nodes"].values() for part in node.get("parts", []) if part.get("addition")]
    research = [part for part in parts if sources[part["source"]]["kind"] == "research"]
    documents = [part for part in parts if sources[part["source"]]["kind"] == "document"]
    nodes = [node for node in tree["nodes"].values() if node.get("addition")]
    assert page.count('<p class="admonition-title">Aanvulling van deze gids</p>') == len(research)
    assert page.count("Dit staat niet in de brondocumenten van deze gids") == len(research)
    assert page.count('<p class="admonition-title">Uit een ander deel van de bronnen</p>') == len(documents)
    assert page.count(f"Dit staat niet in {tree['basis']['where']}. Bron:") == len(documents)
    assert page.count('<p class="admonition-title">Toegevoegd aan deze keuzehulp</p>') == len(nodes)
    if tree_id == "welk-register":
        assert research and documents and len(nodes) == 3, "the flowchart tree marks all three kinds"


def test_the_flowchart_tree_says_which_routes_are_reconstructed(built_site: Path, trees: dict) -> None:
    tree = trees["welk-register"]
    page = built_page(built_site, tree)
    assert "Zo is deze keuzehulp gemaakt" in page
    assert "heeft deze gids gereconstrueerd" in page
    assert "de routes ertussen zijn gereconstrueerd" in page
    assert "volgen het stroomschema" not in page


def test_links_in_outcomes_point_at_built_pages(built_site: Path, tree: dict) -> None:
    page = built_page(built_site, tree)
    folder = built_site / tree["path"].removesuffix(".md")
    for node_id, node in tree["nodes"].items():
        if node["type"] == "outcome" and node.get("links"):
            hrefs = re.findall(r'<a href="(\.\./[^"#]+)(?:#[^"]*)?"', section(page, anchor(tree, node_id)))
            assert len(hrefs) >= len(node["links"]), node_id
            missing = [href for href in hrefs if not (folder / href / "index.html").resolve().is_file()]
            assert missing == [], node_id


def test_a_broken_tree_stops_the_strict_build_with_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    tree = project / "content" / "decision-trees" / "welk-register.yml"
    text = tree.read_text(encoding="utf-8")
    old = "nee: {label: \"Nee\", next: geen-registratie}"
    assert text.count(old) == 1
    tree.write_text(text.replace(old, "nee: {label: \"Nee\", next: geen-registratie-x}"), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"content/decision-trees/welk-register.yml:{line}: nodes.werk.options.nee.next: question 'werk', option 'nee'" in result.stderr
    assert not (tmp_path / "site" / "keuzehulp").exists()

"""Broken trees fail to load, and each problem names the file, the line, the node and option."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT
from guide.errors import Problem
from guide.model import load_content

SHOWN = Path("content/decision-trees/proef.yml")

# (old text, new text, text on the line the problem must point at, where, words of the message)
BROKEN = {
    "unknown-next-node": (
        'ja: {label: "Ja", next: tweede}', 'ja: {label: "Ja", next: tweeede}', "next: tweeede",
        "nodes.eerste.options.ja.next", "question 'eerste', option 'ja': next node 'tweeede' does not exist"),
    "unreachable-node": (
        "  anders:\n", "  los:\n    type: outcome\n    title: Los\n    text: Los.\n    source: stappenplan\n"
        "    next_steps: [Niets.]\n  anders:\n", "    type: outcome\n    title: Los",
        "nodes.los", "outcome 'los' is unreachable: no route from the start 'eerste' leads to it"),
    "cycle": (
        'ja: {label: "Ja", next: klaar}', 'ja: {label: "Ja", next: eerste}', "next: eerste",
        "nodes.tweede.options.ja.next", "question 'tweede', option 'ja': leads back to 'eerste', a cycle: eerste → tweede → eerste"),
    "dead-end": (
        '    options:\n      ja: {label: "Ja", next: klaar}\n      nee: {label: "Nee", next: anders}\n',
        "    options: {}\n", "options: {}",
        "nodes.tweede.options", "question 'tweede' has no options: a route that reaches it ends without an outcome"),
    "link-to-missing-page": (
        '"[Start](page:start)"', '"[Weg](page:bestaat-niet)"', "page:bestaat-niet",
        "nodes.klaar.links[0]", "link to page 'bestaat-niet', which does not exist"),
    "link-not-a-page-link": (
        '"[Start](page:start)"', '"[Elders](https://example.org)"', "example.org",
        "nodes.klaar.links[0]", "does not have the expected form"),
    "unknown-key": (
        "    text: Tweede vraag?\n", "    text: Tweede vraag?\n    kleur: rood\n", "kleur: rood",
        "nodes.tweede.kleur", "unknown key 'kleur'; expected one of:"),
    "missing-required-key": (
        "    title: Klaar\n", "", "    type: outcome\n    text: Je bent klaar.",
        "nodes.klaar", "missing required key 'title'"),
    "duplicate-node-id": (
        "  anders:\n", "  klaar:\n    type: outcome\n  anders:\n", "  klaar:\n    type: outcome",
        "nodes", "duplicate key 'klaar'"),
    "then-to-a-question": (
        "    next_steps: [Niets meer.]\n", "    next_steps: [Niets meer.]\n    then: tweede\n", "then: tweede",
        "nodes.klaar.then", "outcome 'klaar', then: 'tweede' is a question; `then` must name an outcome"),
    "start-missing": (
        "start: eerste", "start: begin", "start: begin",
        "start", "start node 'begin' does not exist; nodes: eerste, tweede, klaar, anders"),
    "addition-without-source": (
        "    text: Iets anders.\n", "    text: Iets anders.\n    parts:\n      - heading: Extra\n        text: Meer.\n"
        "        addition: true\n", "      - heading: Extra",
        "nodes.anders.parts[0]", "missing required key 'source'"),
    "id-of-a-page": (
        "id: proef", "id: skj-registreren", "id: skj-registreren",
        "id", "id 'skj-registreren' is also used by content/pages/skj/registreren.yml"),
}


def _line_of(path: Path, needle: str) -> int:
    """1-based line where `needle` (possibly several lines) starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(needle) >= 1, f"{needle!r} not in {path}"
    return text[: text.rindex(needle)].count("\n") + 1


def test_the_fixture_tree_and_the_real_trees_are_valid(fixture_tree: Path, trees: dict[str, dict]) -> None:
    content = load_content(fixture_tree.parent.parent)
    assert sorted(content.by_id("decision_tree")) == sorted([*trees, "proef"])


@pytest.mark.parametrize(("old", "new", "needle", "where", "message"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_tree_names_file_line_node_and_option(
    fixture_tree: Path, problems_after: Callable[[str, str], list[Problem]],
    old: str, new: str, needle: str, where: str, message: str,
) -> None:
    problems = problems_after(old, new)
    expected = Problem(SHOWN, _line_of(fixture_tree, needle), where, message)
    matching = [p for p in problems if p.file == SHOWN and p.where == where and message in p.message]
    assert matching, "\n".join(map(str, problems))
    assert matching[0].line == expected.line, str(matching[0])
    assert str(matching[0]).startswith(f"{SHOWN}:{expected.line}:")


def test_one_mistake_reports_what_follows_from_it_and_blames_only_its_tree(
    problems_after: Callable[[str, str], list[Problem]],
) -> None:
    problems = problems_after('ja: {label: "Ja", next: tweede}', 'ja: {label: "Ja", next: tweeede}')
    assert {p.file for p in problems} == {SHOWN}
    assert [p.where for p in problems] == ["nodes.eerste.options.ja.next", "nodes.tweede", "nodes.anders"]
    assert [p.message.split(" is unreachable")[0] for p in problems[1:]] == ["question 'tweede'", "outcome 'anders'"]


def test_every_real_tree_file_is_read(trees: dict[str, dict]) -> None:
    files = sorted(path.stem for path in (ROOT / "content" / "decision-trees").glob("*.yml"))
    assert sorted(trees) == files

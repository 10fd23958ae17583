"""Texts are plain: `{{ org.… }}` / `{{ bodies.… }}` are filled everywhere, anything template-like is
refused with file:line, and nothing in a text runs."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from content_edits import line_of, replace_once
from guide.model import load_content
from guide.render import Renderer
from guide.tree_render import TreeRenderer

PAGE = "pages/krsd/kosten.yml"
TITLE = "title: Kosten en baten van het KRSD"
MARKER = Path("/tmp/registratiewijzer-placeholder-marker")
KNOWN = "known names: org.<key>, bodies.<id>.<key>"
ONLY = "the only placeholders are {{ org.<key> }} and {{ bodies.<id>.<key> }}"

CASES = [  # (case id, title text, expected message after "title: placeholder: ")
    ("python-globals", f"{{{{ cycler.__init__.__globals__.os.system('touch {MARKER}') }}}}",
     f"'{{{{ cycler.__init__.__globals__.os.system('touch {MARKER}') }}}}' is not a placeholder; {KNOWN}"),
    ("class-walk", "{{ ''.__class__.__mro__[1].__subclasses__() }}",
     f"'{{{{ ''.__class__.__mro__[1].__subclasses__() }}}}' is not a placeholder; {KNOWN}"),
    ("attribute-of-value", "{{ org.__class__ }}", f"unknown name 'org.__class__'; {KNOWN}"),
    ("method-of-value", "{{ org.items }}", f"unknown name 'org.items'; {KNOWN}"),
    ("endless-loop", "{% for i in range(10**12) %}x{% endfor %}", f"'{{%' is not allowed in a text; {ONLY}"),
    ("statement", "{% set x = 1 %}", f"'{{%' is not allowed in a text; {ONLY}"),
    ("filter", "{{ org.name | upper }}", f"'{{{{ org.name | upper }}}}' is not a placeholder; {KNOWN}"),
    ("whole-mapping", "{{ org }}", f"'{{{{ org }}}}' is not a placeholder; {KNOWN}"),
    ("not-a-value", "{{ bodies.krsd }}", f"'bodies.krsd' is not a single value; {KNOWN}"),
    ("unknown-key", "Mail {{ org.invoice_mail }}", f"unknown name 'org.invoice_mail'; {KNOWN}"),
    ("unknown-body", "{{ bodies.big.email }}", f"unknown name 'bodies.big.email'; {KNOWN}"),
    ("unclosed", "Kosten {{ org.name", f"'{{{{' is not allowed in a text; {ONLY}"),
    ("stray-close", "Kosten }} en baten", f"'}}}}' is not allowed in a text; {ONLY}"),
]


@pytest.fixture
def no_marker() -> Iterator[None]:
    MARKER.unlink(missing_ok=True)
    yield
    assert not MARKER.exists(), "a text ran a command"


@pytest.mark.parametrize(("title", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_template_syntax_is_refused_and_runs_nothing(content_copy: Path, problems_of: Callable[[], list[str]],
                                                    no_marker: None, title: str, expected: str) -> None:
    page = content_copy / PAGE
    line = line_of(page, TITLE)
    replace_once(page, TITLE, f"title: {title!r}")
    assert problems_of() == [f"content/{PAGE}:{line}: title: placeholder: {expected}"]


def test_a_value_may_not_smuggle_template_syntax(content_copy: Path, problems_of: Callable[[], list[str]]) -> None:
    organisation = content_copy / "organisation.yml"
    line = line_of(organisation, "name: MEE-Vivenz")
    replace_once(organisation, "name: MEE-Vivenz", "name: '{{ org.website }}'")
    assert problems_of() == [f"content/organisation.yml:{line}: name: placeholder: a value that texts fill in "
                             f"cannot hold placeholders or template syntax; {KNOWN}"]


def test_placeholders_are_filled_in_titles_headings_cells_and_trees(content_copy: Path) -> None:
    page = content_copy / PAGE
    replace_once(page, TITLE, "title: Kosten bij {{ org.name }}")
    replace_once(page, "heading: Kosten van de inschrijving", "heading: Wat {{ org.name }} niet betaalt")
    tree = content_copy / "decision-trees/welk-register.yml"
    text = tree.read_text(encoding="utf-8")
    tree.write_text(text.replace("title: ", "title: Voor {{ org.name }} — ", 2), encoding="utf-8")
    content = load_content(content_copy)
    pages = {page.path: page.markdown for page in [*Renderer(content).pages(), *TreeRenderer(content).pages()]}
    kosten = pages["krsd/kosten.md"]
    assert 'title: "Kosten bij MEE-Vivenz"' in kosten and "\n# Kosten bij MEE-Vivenz\n" in kosten
    assert "## Wat MEE-Vivenz niet betaalt { #inschrijving }" in kosten
    assert "Voor MEE-Vivenz — " in pages["keuzehulp/welk-register.md"]
    assert not [path for path, markdown in pages.items() if "{{" in markdown or "{%" in markdown]


def test_a_built_page_shows_placeholders_filled_in_its_title_and_heading(tmp_path: Path) -> None:
    from conftest import build_site, copy_project

    project = copy_project(tmp_path / "project")
    replace_once(project / "content" / PAGE, TITLE, "title: Kosten bij {{ org.name }}")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "site" / "krsd" / "kosten" / "index.html").read_text(encoding="utf-8")
    assert "<title>Kosten bij MEE-Vivenz - Registratiewijzer</title>" in html
    assert '<h1 id="kosten-bij-mee-vivenz">Kosten bij MEE-Vivenz<a class="headerlink"' in html
    assert "{{" not in html

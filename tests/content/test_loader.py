"""The content loader: real content is valid; each kind of editor mistake names file:line and what was expected."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from content_edits import line_of as _line_of, replace_once as _replace
from guide.model import load_content

ROOT = Path(__file__).resolve().parents[2]
PAGE = "pages/krsd/kosten.yml"


def test_real_content_is_valid() -> None:
    content = load_content(ROOT / "content")
    assert len(content.pages) >= 20
    assert {"organisation", "sources", "bodies", "glossary", "page", "register"} <= content.files.keys()


def test_wrong_indentation_is_a_yaml_error_with_its_line(content_copy: Path, problems_of: Callable) -> None:
    page = content_copy / PAGE
    line = _line_of(page, "title:")
    _replace(page, "title:", "   title:")
    [problem] = problems_of()
    assert problem.startswith(f"content/{PAGE}:")
    assert "not valid YAML" in problem
    assert int(problem.split(":")[1]) in {line, line + 1}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("description:", "omschrijving:", "missing required key 'description'"),
        ("title:", "colour: red\ntitle:", "unknown key 'colour'; expected one of:"),
        ("sections:", "sections: geen\nsections_old:", "expected a list (- item), got text"),
    ],
    ids=["missing-key", "unknown-key", "wrong-type"],
)
def test_schema_mistakes_name_file_line_and_expectation(
    content_copy: Path, problems_of: Callable, old: str, new: str, expected: str
) -> None:
    page = content_copy / PAGE
    _replace(page, old, new)
    problems = problems_of()
    assert any(p.startswith(f"content/{PAGE}:") and expected in p for p in problems), problems


def test_unknown_key_points_at_the_key_line(content_copy: Path, problems_of: Callable) -> None:
    page = content_copy / PAGE
    _replace(page, "title:", "colour: red\ntitle:")
    [problem] = [p for p in problems_of() if "colour" in p]
    assert problem.startswith(f"content/{PAGE}:{_line_of(page, 'colour: red')}: colour:")


def test_empty_step_list(content_copy: Path, problems_of: Callable) -> None:
    page = content_copy / "pages/krsd/certificeren.yml"
    text = page.read_text(encoding="utf-8")
    start = text.index("      - steps:")
    end = text.index("\n      - ", start + 1) if "\n      - " in text[start + 1:] else len(text)
    page.write_text(text[:start] + "      - steps: []\n" + text[end + 1:], encoding="utf-8")
    problems = problems_of()
    assert any("steps: expected a list with at least 1 item(s), got 0" in p for p in problems), problems


def test_link_to_missing_page(content_copy: Path, problems_of: Callable) -> None:
    page = content_copy / PAGE
    _replace(page, "title: Kosten", "title: Zie [elders](page:bestaat-niet) Kosten")
    [problem] = problems_of()
    assert problem == f"content/{PAGE}:{_line_of(page, 'bestaat-niet')}: title: link to page 'bestaat-niet', which does not exist"


def test_link_to_missing_anchor(content_copy: Path, problems_of: Callable) -> None:
    _replace(content_copy / PAGE, "title: Kosten", "title: Zie [dit](page:krsd#bestaat-niet) Kosten")
    assert any("that page has no such section" in p for p in problems_of())


def test_unknown_placeholder(content_copy: Path, problems_of: Callable) -> None:
    _replace(content_copy / PAGE, "title: Kosten", "title: Mail {{ org.invoice_mail }} Kosten")
    [problem] = problems_of()
    assert "placeholder" in problem and "invoice_mail" in problem and problem.startswith(f"content/{PAGE}:")


def test_unknown_source(content_copy: Path, problems_of: Callable) -> None:
    _replace(content_copy / PAGE, "source: krsd-handreiking", "source: onbekend-document")
    assert any("unknown source 'onbekend-document'" in p for p in problems_of())


def test_duplicate_key(content_copy: Path, problems_of: Callable) -> None:
    _replace(content_copy / PAGE, "title:", "title: Eén\ntitle:")
    [problem] = problems_of()
    assert "duplicate key 'title'" in problem


def test_misplaced_file(content_copy: Path, problems_of: Callable) -> None:
    (content_copy / "pagina.yml").write_text("id: x\n", encoding="utf-8")
    [problem] = problems_of()
    assert problem.startswith("content/pagina.yml:1:") and "not read by the guide" in problem


def test_duplicate_page_id(content_copy: Path, problems_of: Callable) -> None:
    original = (content_copy / PAGE).read_text(encoding="utf-8")
    (content_copy / "pages/krsd/kopie.yml").write_text(original.replace("path: krsd/kosten.md", "path: krsd/kopie.md"), encoding="utf-8")
    assert any("id 'krsd-kosten' is also used by" in p for p in problems_of())


def test_missing_organisation_file(content_copy: Path, problems_of: Callable) -> None:
    (content_copy / "organisation.yml").unlink()
    assert "content/organisation.yml:1: file is missing" in problems_of()


def test_all_problems_are_reported_at_once(content_copy: Path, problems_of: Callable) -> None:
    _replace(content_copy / PAGE, "title:", "colour: red\ntitle:")
    _replace(content_copy / "pages/krsd/index.yml", "description:", "omschrijving:")
    files = {p.split(":")[0] for p in problems_of()}
    assert files == {f"content/{PAGE}", "content/pages/krsd/index.yml"}

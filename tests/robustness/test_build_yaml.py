"""An editor's broken or hostile YAML: every case stops the load with the file, the line and what was
expected, the same with and without libyaml, and runs nothing."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from calculator import plain_yaml
from content_edits import line_of, replace_once
from guide import yaml_source
from guide.errors import ContentError

PAGE = "pages/krsd/kosten.yml"
TITLE = "title: Kosten en baten van het KRSD"
MARKER = Path("/tmp/registratiewijzer-robustness-marker")  # a hostile tag would create it

# (case id, text that replaces the page's title line, the line (relative to the title line) and
# the place and message expected)
CASES = [
    ("anchor", "title: &t Kosten", 0, "title: anchors ('&t') are not allowed; write each value out"),
    ("alias-bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b]",
     0, "a: anchors ('&a') are not allowed; write each value out"),
    ("recursive-alias", "title: &r [*r]", 0, "title: anchors ('&r') are not allowed; write each value out"),
    ("lone-alias", "title: *nergens", 0, "title: aliases ('*nergens') are not allowed; write the value out"),
    ("merge-key", "title: Kosten\nextra:\n  <<: {a: 1}", 2, "extra: merge keys ('<<') are not allowed; write the keys out"),
    ("python-tag", f"title: !!python/object/apply:os.system ['touch {MARKER}']", 0,
     "title: tags ('tag:yaml.org,2002:python/object/apply:os.system') are not allowed; write a plain value"),
    ("local-tag", "title: !vet Kosten", 0, "title: tags ('!vet') are not allowed; write a plain value"),
    ("str-tag", "title: !!str Kosten", 0, "title: tags ('tag:yaml.org,2002:str') are not allowed; write a plain value"),
    ("tagged-mapping", "title: !!map {a: 1}", 0, "title: tags ('tag:yaml.org,2002:map') are not allowed; write a plain value"),
    ("impossible-date", "title: Kosten\nupdated: 2025-02-30", 1, "updated: expected an existing date as YYYY-MM-DD, got '2025-02-30'"),
    ("huge-integer", "title: " + "9" * 5000, 0,
     "title: expected a whole number of at most 4300 digits, got '9999999999999999999999999999999999999...'"),
    ("deep-flow", "title: " + "[" * 5000 + "]" * 5000, 0, "title" + "[0]" * 40 + ": nested more than 40 levels deep"),
    ("deep-block", "title:\n" + "".join(" " * (2 * i) + "-\n" for i in range(60)), 41,
     "title" + "[0]" * 40 + ": nested more than 40 levels deep"),
    ("complex-key", "? [a, b]\n: 1", 0, "a key must be a plain word, not a list or mapping (a text that starts with { or [ needs quotes)"),
    ("duplicate-key", "title: Een\ntitle: Twee", 1, "duplicate key 'title'"),
    ("second-document", "title: Kosten\n---\nx: 1", 1, "a second YAML document ('---'); a content file holds one"),
    ("tab-indent", "title:\n\t- x", 1, "not valid YAML: found character '\\t' that cannot start any token"),
    ("escape-character", "title: Kosten \x1b[31m rood", 0,
     "not valid YAML: the control character U+001B may not appear in YAML; remove it"),
    ("bad-indent", "title: Kosten\n  extra: 1", 1, "not valid YAML: mapping values are not allowed here"),
]


@pytest.fixture
def no_marker() -> Iterator[None]:
    MARKER.unlink(missing_ok=True)
    yield
    assert not MARKER.exists(), "a YAML tag ran a command"


@pytest.mark.parametrize(("text", "offset", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_yaml_is_refused_with_file_line_and_expectation(
    content_copy: Path, problems_of: Callable[[], list[str]], no_marker: None,
    text: str, offset: int, expected: str,
) -> None:
    page = content_copy / PAGE
    line = line_of(page, TITLE) + offset
    replace_once(page, TITLE, text)
    assert problems_of() == [f"content/{PAGE}:{line}: {expected}"]


@pytest.mark.parametrize(
    ("write", "expected"),
    [
        (lambda path: path.write_bytes(b"title: caf\xe9\n"), "1: not UTF-8 text; save the file as UTF-8"),
        (lambda path: path.write_text("# " + "x" * 1_000_001, encoding="utf-8"),
         "1: the file is larger than 1 MB; a content file is a few kB"),
        (lambda path: path.write_text("# alleen commentaar\n", encoding="utf-8"), "1: the file is empty"),
        (lambda path: os.symlink("/dev/zero", path), "1: not a regular file"),
    ],
    ids=["not-utf8", "too-large", "empty", "device"],
)
def test_unreadable_files_are_refused(content_copy: Path, problems_of: Callable[[], list[str]],
                                      write: Callable[[Path], None], expected: str) -> None:
    page = content_copy / PAGE
    page.unlink()
    write(page)
    assert problems_of() == [f"content/{PAGE}:{expected}"]


def _read_with(loader: type[yaml.SafeLoader], path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    """What read_yaml gives with this parser: the data and lines, or the problems."""
    monkeypatch.setattr(plain_yaml, "FAST_LOADER", loader)
    try:
        source = yaml_source.read_yaml(path)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return source.data, source.lines


@pytest.fixture
def libyaml() -> type[yaml.SafeLoader]:
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML without libyaml")
    return yaml.CSafeLoader


@pytest.mark.parametrize("text", [case[1] for case in CASES], ids=[case[0] for case in CASES])
def test_libyaml_and_pure_python_give_the_same_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       libyaml: type[yaml.SafeLoader], text: str) -> None:
    path = tmp_path / "page.yml"
    path.write_text(text + "\n", encoding="utf-8")
    fast = _read_with(libyaml, path, monkeypatch)
    assert isinstance(fast, list) and len(fast) == 1
    assert fast == _read_with(yaml.SafeLoader, path, monkeypatch)


def test_every_real_content_file_reads_the_same_with_both_parsers(monkeypatch: pytest.MonkeyPatch,
                                                                   libyaml: type[yaml.SafeLoader]) -> None:
    content = Path(__file__).resolve().parents[2] / "content"
    for path in sorted(content.rglob("*.yml")):
        assert _read_with(libyaml, path, monkeypatch) == _read_with(yaml.SafeLoader, path, monkeypatch), path


def test_the_build_stops_with_the_yaml_line_and_writes_nothing(tmp_path: Path, no_marker: None) -> None:
    from conftest import build_site, copy_project

    project = copy_project(tmp_path / "project")
    page = project / "content" / PAGE
    line = line_of(page, TITLE)
    replace_once(page, TITLE, f"title: !!python/object/apply:os.system ['touch {MARKER}']")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1
    assert (f"content/{PAGE}:{line}: title: tags ('tag:yaml.org,2002:python/object/apply:os.system') are not "
            "allowed; write a plain value") in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "site").exists()

"""Freshness: every page says when it was last checked; editors (never visitors) hear what is overdue.

`checked:` is required in every page, tree, register, glossary and sources file and in the front
matter of the hand-written pages; the build and `make check` list files older than
`review_after_months` (content/organisation.yml) without failing a --strict build.
"""
from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path
import pytest

from conftest import ROOT, build_site, copy_project
from guide.freshness import Checked, dutch_date, overdue, report

OLD = "2020-03-01"


def test_overdue_counts_whole_months_back_from_today() -> None:
    items = [Checked("a.yml", "page", date(2024, 2, 29)), Checked("b.yml", "register", date(2024, 3, 1)),
             Checked("c.yml", "page", date(2023, 1, 31))]
    assert [item.path for item in overdue(items, date(2025, 2, 28), 12)] == ["c.yml"]  # a: exactly 12 months
    assert [item.path for item in overdue(items, date(2025, 3, 1), 12)] == ["c.yml", "a.yml"]
    assert overdue(items, date(2025, 3, 1), 60) == []
    lines = report(overdue(items, date(2025, 3, 1), 12), 12)
    assert lines[0] == "Redactie: 2 bestand(en) langer dan 12 maanden niet gecontroleerd (checked:)"
    assert lines[1] == "  c.yml (pagina): laatst gecontroleerd 31 januari 2023"
    assert dutch_date(date(2026, 12, 2)) == "2 december 2026"


def test_every_built_page_says_when_it_was_last_checked(built_site: Path) -> None:
    pages = [path for path in built_site.rglob("index.html")]
    assert len(pages) > 20
    missing = [str(path) for path in pages if "Laatst gecontroleerd: " not in path.read_text(encoding="utf-8")]
    assert missing == []


def test_the_start_page_shows_when_the_rules_were_last_checked(built_site: Path) -> None:
    newest = max(re.search(r"^checked: (\S+)", path.read_text(encoding="utf-8"), re.M).group(1)
                 for path in (ROOT / "content" / "registers").glob("*.yml"))
    page = (built_site / "index.html").read_text(encoding="utf-8")
    assert f"laatst gecontroleerd op {dutch_date(date.fromisoformat(newest))}." in page


def _set_checked(path: Path, day: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^checked: \S+$", f"checked: {day}", text, count=1, flags=re.M), encoding="utf-8")


@pytest.fixture(scope="module")
def stale_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A copy with one page and one register norm checked long ago, built with --strict."""
    project = copy_project(tmp_path_factory.mktemp("stale") / "project")
    _set_checked(project / "content" / "pages" / "krsd" / "kosten.yml", OLD)
    _set_checked(project / "content" / "registers" / "krsd.yml", OLD)
    _set_checked(project / "content" / "registers" / "skj-pedagoog.yml", "2031-05-06")  # the newest rules
    site = project / "site"
    return site, build_site(project, site)


def test_the_build_warns_editors_but_still_builds(stale_build: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    site, result = stale_build
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Redactie: 2 bestand(en) langer dan 12 maanden niet gecontroleerd" in result.stderr
    assert "content/pages/krsd/kosten.yml (pagina): laatst gecontroleerd 1 maart 2020" in result.stderr
    assert "content/registers/krsd.yml (norm): laatst gecontroleerd 1 maart 2020" in result.stderr


def test_visitors_see_the_date_not_the_editors_warning(stale_build: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    site, _ = stale_build
    assert "Laatst gecontroleerd: 1 maart 2020" in (site / "krsd" / "kosten" / "index.html").read_text(encoding="utf-8")
    assert "laatst gecontroleerd op 6 mei 2031." in (site / "index.html").read_text(encoding="utf-8")
    assert not [path for path in site.rglob("*.html") if "Redactie:" in path.read_text(encoding="utf-8")]


def test_make_check_lists_what_is_overdue(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _set_checked(project / "content" / "pages" / "skj" / "herregistratie.yml", OLD)
    result = subprocess.run([sys.executable, "-m", "guide", str(project / "content")], cwd=ROOT / "hooks",
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "content/pages/skj/herregistratie.yml (pagina): laatst gecontroleerd 1 maart 2020" in result.stdout
    fresh = subprocess.run([sys.executable, "-m", "guide", str(ROOT / "content")], cwd=ROOT / "hooks",
                           capture_output=True, text=True, timeout=120)
    assert "Redactie:" not in fresh.stdout and "gecontroleerd" in fresh.stdout


def test_a_hand_written_page_without_checked_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "puntencheck.md"
    page.write_text(page.read_text(encoding="utf-8").replace('checked: "2026-12-02"\n', ""), encoding="utf-8")
    result = build_site(project, project / "site")
    assert result.returncode != 0
    assert "puntencheck.md: zet in de front matter 'checked: JJJJ-MM-DD'" in result.stderr

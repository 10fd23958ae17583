"""When each page and register norm was last checked (`checked:`), and which are overdue.

Visitors see "Laatst gecontroleerd: <datum>" on every page; editors (never visitors) get a list of
files not checked for more than `review_after_months` (content/organisation.yml) from the build
and from `make check`.
"""
from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .content import Content

# Kinds of content file that carry a `checked:` date, and what an editor calls them.
CHECKED_KINDS = {"page": "pagina", "decision_tree": "keuzehulp", "register": "norm", "glossary": "begrippenlijst",
                 "sources": "bronnenlijst"}
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
# Not under "mkdocs": a --strict build must not fail because time passed; the message still shows.
EDITOR_LOG = logging.getLogger("registratiewijzer.redactie")


@dataclass(frozen=True)
class Checked:
    """One content file and the day it was last checked."""

    path: str
    kind: str
    checked: date


def dutch_date(day: date) -> str:
    """`2 december 2026`."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def checked_files(content: Content) -> list[Checked]:
    """Every file that carries a `checked:` date, in path order."""
    items = [Checked(str(document.path), kind, date.fromisoformat(str(document.data["checked"])))
             for kind in CHECKED_KINDS for document in content.files.get(kind, [])]
    return sorted(items, key=lambda item: item.path)


def overdue(items: list[Checked], today: date, months: int) -> list[Checked]:
    """The items last checked more than `months` months before `today` (oldest first)."""
    limit = _months_before(today, months)
    return sorted((item for item in items if item.checked < limit), key=lambda item: item.checked)


def rules_checked(content: Content) -> date:
    """The most recent check of any register norm: the date the start page shows."""
    return max(item.checked for item in checked_files(content) if item.kind == "register")


def report(late: list[Checked], months: int) -> list[str]:
    """Dutch lines for editors: one per overdue file."""
    if not late:
        return []
    head = f"Redactie: {len(late)} bestand(en) langer dan {months} maanden niet gecontroleerd (checked:)"
    return [head, *(f"  {item.path} ({CHECKED_KINDS[item.kind]}): laatst gecontroleerd {dutch_date(item.checked)}"
                    for item in late)]


def warn_editors(content: Content, today: date) -> list[Checked]:
    """Log the overdue files for the editors running the build; returns them."""
    months = content.one("organisation")["review_after_months"]
    late = overdue(checked_files(content), today, months)
    for line in report(late, months):
        EDITOR_LOG.warning(line)
    return late


def page_markdown(markdown: str, checked: object, rules: date, where: str) -> str:
    """A page's Markdown with its 'Laatst gecontroleerd' line, and the rules' date at the start page's marker."""
    day = checked if isinstance(checked, date) else _iso(checked, where)
    markdown = markdown.replace(RULES_MARKER, f"De normen van de registers in deze gids zijn het laatst gecontroleerd op "
                                              f"{dutch_date(rules)}.")
    return f"{markdown.rstrip()}\n\nLaatst gecontroleerd: {dutch_date(day)}\n{{ .rw-checked }}\n"


RULES_MARKER = "<!-- normen-gecontroleerd -->"


def _iso(value: object, where: str) -> date:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    raise ValueError(f"{where}: zet in de front matter 'checked: JJJJ-MM-DD' (de dag waarop je de pagina "
                     f"controleerde), gekregen {value!r}")


def _months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))

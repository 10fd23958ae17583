"""Read a portfolio from CSV as Dutch spreadsheet programs save it (no I/O: text in, dict out).

Format: optional meta rows (`register;krsd`, `start;2021-01-01`, `opties;skj_registered`, or
`# register: krsd`), then a header row naming the columns (Dutch or English), then one activity a
row. `;` or `,` separated; decimal comma allowed; dates as 2021-05-01 or 1-5-2021.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NoReturn

from .errors import InputError, Where, fail
from .numbers import amount_from_text

COLUMNS = {
    "date": ("datum", "date"),
    "category": ("categorie", "category"),
    "points": ("punten", "points", "uren", "hours"),
    "title": ("titel", "title", "omschrijving", "description"),
}
META = {
    "register": ("register",),
    "period_start": ("start", "periode_start", "period_start", "begin", "startdatum"),
    "options": ("opties", "optie", "options"),
}
SEPARATORS = (";", ",")
_REQUIRED = ("date", "category", "points")
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


@dataclass
class CsvPortfolio:
    """The portfolio dict plus where each activity came from (file line, column header)."""

    portfolio: dict[str, Any]
    lines: list[int] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def locate(self, index: int, name: str | None) -> str:
        """`rij 7, kolom Punten`: an activity's place in the file, for messages."""
        column = f", kolom {self.headers[name]}" if name in self.headers else ""
        return f"{self.row(index)}{column}"

    def row(self, index: int) -> str:
        """`rij 7`: the line of the file activity `index` came from."""
        return f"rij {self.lines[index]}"


def read_csv(text: str, register: str | None = None, start: str | None = None,
             options: tuple[str, ...] = ()) -> CsvPortfolio:
    """Parse CSV text; `register`, `start` and `options` override the meta rows."""
    rows, header_at = _rows_with_header(text.lstrip("\ufeff"))
    meta = _meta(rows[:header_at])
    line, cells = rows[header_at]
    headers = _headers(cells, line)
    result = CsvPortfolio({}, headers={name: cells[i].strip() for name, i in headers.items()})
    activities = []
    for line, cells in rows[header_at + 1:]:
        if _blank(cells) or cells[0].lstrip().startswith("#"):
            continue
        activities.append(_activity(cells, line, headers, result.headers))
        result.lines.append(line)
    chosen = options or meta.get("options", ())
    result.portfolio = {
        "register": register or meta.get("register") or _missing("register", "--register ID"),
        "period_start": start or meta.get("period_start") or _missing("start", "--start JJJJ-MM-DD"),
        "options": {option: True for option in chosen},
        "activities": activities,
    }
    return result


def _rows_with_header(text: str) -> tuple[list[tuple[int, list[str]]], int]:
    """The rows (with their line numbers) under the first separator that yields a header row."""
    for separator in SEPARATORS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
        rows: list[tuple[int, list[str]]] = []
        header_at = None
        try:
            for cells in reader:
                rows.append((reader.line_num, cells))
                if header_at is None and _is_header(cells):
                    header_at = len(rows) - 1
        except csv.Error as error:
            if "field larger than field limit" in str(error):  # a quote that is never closed, mostly
                fail(_row(reader.line_num), f"een cel is langer dan {csv.field_size_limit()} tekens; "
                                            "staat er een aanhalingsteken dat niet gesloten wordt?")
            if header_at is None:
                continue  # perhaps the other separator
            fail(_row(reader.line_num), "geen geldige CSV; controleer de aanhalingstekens")
        if header_at is not None:
            return rows, header_at
    raise InputError("", "Het bestand is geen JSON-portfolio en geen CSV met een kopregel datum, categorie, punten "
                     "(gescheiden door ; of ,)")


def _is_header(cells: list[str]) -> bool:
    names = {_name(cell) for cell in cells}
    return all(names & set(COLUMNS[column]) for column in _REQUIRED)


def _name(cell: str) -> str:
    return cell.strip().strip(":").strip().lower()


def _blank(cells: list[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def _meta(rows: list[tuple[int, list[str]]]) -> dict[str, Any]:
    """Meta rows above the header: `register;krsd`, `# start: 2021-01-01`; other `#` rows are comments."""
    meta: dict[str, Any] = {}
    for line, cells in rows:
        values = [cell.strip() for cell in cells if cell.strip()]
        if not values:
            continue
        comment = values[0].startswith("#")
        first = values[0].lstrip("#").strip()
        key, _, rest = first.partition(":") if len(values) == 1 else (first, "", values[1])
        name = next((field for field, aliases in META.items() if _name(key) in aliases), None)
        if name is None:
            if comment:
                continue
            fail(_row(line), f'onbekende regel "{values[0]}" boven de kopregel; verwacht register, start of opties')
        meta[name] = _META_VALUE[name](rest.strip(), _row(line))
    return meta


def _headers(cells: list[str], line: int) -> dict[str, int]:
    """Column index of each known field; refuse unknown or repeated columns."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        if not cell.strip():
            continue
        name = next((field for field, aliases in COLUMNS.items() if _name(cell) in aliases), None)
        if name is None:
            fail(_row(line), f'onbekende kolom "{cell.strip()}"; '
                                'gebruik datum, categorie, punten (of uren) en titel')
        if name in found:
            fail(_row(line), f'kolom "{cell.strip()}" komt twee keer voor')
        found[name] = index
    return found


def _activity(cells: list[str], line: int, headers: dict[str, int], shown: dict[str, str]) -> dict[str, Any]:
    """One data row as a portfolio activity; the core checks categories and amounts."""
    if any(cell.strip() for index, cell in enumerate(cells) if index not in headers.values()):
        fail(_row(line), "meer waarden dan kolommen; staat er een getal met een decimale komma zonder "
                            'aanhalingstekens in een bestand met komma\'s? Zet het dan tussen aanhalingstekens: "7,5"')
    value = {name: cells[index].strip() if index < len(cells) else "" for name, index in headers.items()}
    where = {name: _row(line, name, shown[name]) for name in headers}
    activity: dict[str, Any] = {
        "date": _date(value["date"], where["date"]),
        "category": re.sub(r"[\s-]+", "_", value["category"].lower()),
        "points": _number(value["points"], where["points"]),
    }
    if value.get("title"):
        activity["title"] = _text(value["title"])
    return activity


def _text(cell: str) -> str:
    """A text cell as meant: without the apostrophe an export puts before a formula-like text (OWASP)."""
    return cell[1:] if _NEUTRALISED.match(cell) else cell


def _date(text: str, where: Where) -> str:
    """ISO text as is (the core checks it); `1-5-2021` (day-month-year) turned into ISO."""
    match = _DUTCH_DATE.fullmatch(text)
    if match is None:
        if not text:
            fail(where, "de datum ontbreekt")
        return text
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        fail(where, f'"{text}" is geen bestaande datum')


def _number(text: str, where: Where) -> int | float:
    """`8`, `7,5` or `7.5` as a number (the rule the page's form uses too)."""
    number = amount_from_text(text)
    if number is None:
        fail(where, f'verwacht een getal zoals 8 of 7,5, gekregen "{text}"')
    return number


def _row(line: int, field: str | None = None, header: str = "") -> Where:
    """`rows[7].points` for programs, `rij 7, kolom Punten` for people."""
    if field is None:
        return Where(f"rows[{line}]", f"rij {line}")
    return Where(f"rows[{line}].{field}", f"rij {line}, kolom {header}")


_META_VALUE: dict[str, Callable[[str, Where], Any]] = {
    "register": lambda value, _where: value,
    "period_start": lambda value, where: _date(value, where),
    "options": lambda value, _where: tuple(option for option in re.split(r"[\s,;]+", value) if option),
}


def _missing(what: str, option: str) -> NoReturn:
    fail(what, f'ontbreekt: zet een regel "{what};…" boven de kopregel (of geef {option} op de opdrachtregel)')

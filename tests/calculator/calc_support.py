"""Shared by the calculator tests: the repository's norms as the browser gets them, fixtures,
sample portfolios and the table of refused inputs.

A plain module rather than a conftest.py: other test folders import `conftest` by name and
expect tests/conftest.py, which a second conftest module would shadow. Test modules declare
the fixtures they use: `norms = pytest.fixture(fresh_norms, name="norms")`.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
REGISTERS = REPO / "content" / "registers"


def iso_dates(value: Any) -> Any:
    """YAML dates turned into ISO strings, as the site's loader does for norms.json."""
    if isinstance(value, dict):
        return {(k.isoformat() if isinstance(k, dt.date) else k): iso_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [iso_dates(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def load_yaml(path: Path) -> Any:
    return iso_dates(yaml.safe_load(path.read_text(encoding="utf-8")))


def repo_norms() -> dict[str, Any]:
    """{"registers": {stem: data}} built from content/registers/*.yml."""
    return {"registers": {path.stem: load_yaml(path) for path in sorted(REGISTERS.glob("*.yml"))}}


_NORMS_JSON = json.dumps(repo_norms())
TODAY = dt.date(2025, 11, 1)


def fresh_norms() -> dict[str, Any]:
    """The repository's norms, a fresh copy each time (tests may change it). Fixture `norms`."""
    return json.loads(_NORMS_JSON)


def fixed_today() -> dt.date:
    """The reference date of most tests. Fixture `today`."""
    return TODAY


REGISTERPLEIN = "registerplein-clientondersteuner"


def portfolio(*activities: tuple[str, str, Any], register: str = REGISTERPLEIN, start: str = "2021-01-01",
              **extra: Any) -> dict[str, Any]:
    """A portfolio from (date, category, points) triples."""
    return {"register": register, "period_start": start,
            "activities": [{"date": d, "category": c, "points": p} for d, c, p in activities], **extra}


GOOD = portfolio(("2021-05-01", "geaccrediteerd", 40), ("2021-06-01", "reflectie", 40), ("2022-01-01", "overig", 80))


def _with(change: dict[str, Any] | None = None, activity: dict[str, Any] | None = None,
          drop: str | None = None) -> str:
    """GOOD as JSON text with a top-level change, a first-activity change, or a dropped key."""
    data = json.loads(json.dumps(GOOD))
    data.update(change or {})
    if activity:
        data["activities"][0].update(activity)
    if drop:
        data.pop(drop)
    return json.dumps(data)


# (name, portfolio JSON text, what the one-line message must contain)
_CUSTOM = {"register": "custom"}
_A = "activities[0] (activiteit 1)"
_POINTS = "activities[0].points (activiteit 1)"
_DATE = "activities[0].date (activiteit 1)"
REFUSED = [
    ("negative points", _with(activity={"points": -3}), f"{_POINTS}: verwacht een getal van 0 of meer"),
    ("points as text", _with(activity={"points": "acht"}),
     f'{_POINTS}: verwacht een getal (0 of meer), gekregen de tekst "acht"'),
    ("NaN points", _with(activity={"points": float("nan")}),
     f"{_POINTS}: verwacht een getal (0 of meer), gekregen NaN"),
    ("infinite points", _with(activity={"points": float("inf")}),
     f"{_POINTS}: verwacht een getal (0 of meer), gekregen inf (oneindig)"),
    ("absurd points", _with(activity={"points": 5 * 366 * 24 + 1}),
     "is onmogelijk voor één activiteit: een periode van 5 jaar heeft hoogstens 43920 uur"),
    ("boolean points", _with(activity={"points": True}), f"{_POINTS}: verwacht een getal (0 of meer), gekregen true"),
    ("unknown register", _with({"register": "sociaal-werker"}),
     'register: onbekend register "sociaal-werker"; kies uit: krsd, registerplein-clientondersteuner'),
    ("unknown category", _with(activity={"category": "scholing"}),
     'activities[0].category (activiteit 1): onbekende categorie "scholing" voor register '
     "registerplein-clientondersteuner; kies uit: geaccrediteerd, reflectie, overig"),
    ("malformed date", _with(activity={"date": "1-5-2021"}),
     f'{_DATE}: verwacht een bestaande datum als JJJJ-MM-DD, gekregen de tekst "1-5-2021"'),
    ("impossible date", _with(activity={"date": "2023-02-30"}),
     f'{_DATE}: verwacht een bestaande datum als JJJJ-MM-DD, gekregen de tekst "2023-02-30"'),
    ("impossible period start", _with({"period_start": "2021-13-01"}), "period_start: verwacht een bestaande datum"),
    ("empty portfolio", _with({"activities": []}), "activities: het portfolio bevat geen activiteiten"),
    ("missing register", _with(drop="register"), 'portfolio: het veld "register" ontbreekt'),
    ("missing period_start", _with(drop="period_start"), 'portfolio: het veld "period_start" ontbreekt'),
    ("missing points", _with({"activities": [{"date": "2021-05-01", "category": "reflectie"}]}),
     f'{_A}: het veld "points" ontbreekt'),
    ("activities not a list", _with({"activities": {"date": "2021-05-01"}}),
     "activities: verwacht een lijst, gekregen een object"),
    ("activity not an object", _with({"activities": [12]}),
     f"{_A}: verwacht een object met velden, gekregen het getal 12"),
    ("register not text", _with({"register": 7}), "register: verwacht een tekst, gekregen het getal 7"),
    ("option not true/false", _with({"options": {"skj_registered": "ja"}}),
     'options.skj_registered: verwacht true of false, gekregen de tekst "ja"'),
    ("unknown option", _with({"options": {"big": True}}),
     "options.big: onbekende optie voor register registerplein-clientondersteuner; toegestaan: skj_registered"),
    ("unknown top-level key", _with({"naam": "Els"}),
     'portfolio: onbekend veld "naam"; toegestaan: register, period_start, activities'),
    ("unknown activity key", _with(activity={"uren": 3}),
     f'{_A}: onbekend veld "uren"; toegestaan: date, category, points, title'),
    ("title not text", _with(activity={"title": 5}),
     "activities[0].title (activiteit 1): verwacht een tekst, gekregen het getal 5"),
    ("portfolio is a list", json.dumps([GOOD]), "portfolio: verwacht een object met velden, gekregen een lijst"),
    ("norm on a fixed register", _with({"norm": {"years": 5, "total": 1, "categories": {"a": {}}}}),
     'norm: een eigen norm mag alleen bij register "custom"'),
    ("custom without norm", _with(_CUSTOM), 'norm: ontbreekt: bij register "custom" hoort een eigen norm'),
    ("custom norm with bad category id",
     _with({**_CUSTOM, "norm": {"years": 5, "total": 10, "categories": {"Scholing": {}}}}),
     "norm.categories.Scholing: verwacht een id"),
    ("custom norm without categories", _with({**_CUSTOM, "norm": {"years": 5, "total": 10, "categories": {}}}),
     "norm.categories: verwacht minstens één categorie"),
    ("custom norm unreachable",
     _with({**_CUSTOM, "norm": {"years": 5, "total": 100, "categories": {"a": {"max": 40}, "b": {"max": 50}}}}),
     "norm: het totaal vraagt 100, maar de maxima laten hoogstens 90 meetellen"),
    ("custom norm unknown key",
     _with({**_CUSTOM, "norm": {"years": 5, "total": 10, "categories": {"a": {}}, "naam": "x"}}),
     'norm: onbekend veld "naam"'),
    ("custom norm with zero years", _with({**_CUSTOM, "norm": {"years": 0, "total": 10, "categories": {"a": {}}}}),
     "norm.years: verwacht een geheel getal van 1 tot en met 20"),
    ("unknown document", _with({"documents": {"diploma": "2025-01-01"}}),
     "documents.diploma: onbekend document voor register registerplein-clientondersteuner"),
    ("impossible document date", _with({"documents": {"vog": "2025-02-29"}}),
     "documents.vog: verwacht een bestaande datum"),
    ("impossible submission date", _with({"submission_date": "2025-11-31"}),
     "submission_date: verwacht een bestaande datum"),
    ("period start out of range", _with({"period_start": "0021-01-01"}),
     "period_start: 0021-01-01 ligt niet tussen 1900 en 2999"),
]

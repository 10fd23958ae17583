"""The browser's entry points (called by the Pyodide worker, tested in CPython).

Every function takes and returns JSON text and never raises: the answer is an envelope,
`{"ok": true, ...}` or `{"ok": false, "error": {"path", "message", "text"}}` — the field path
(`activities[2].points`, `period_start`, `norm.categories.scholing.min`), the Dutch message for
next to that field, and the one line the CLI prints for the same refusal. Anything but a refusal
(a bug) gets a Dutch message for the page and its details in `unexpected`, for the console only.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .api import check as check_portfolio
from .api import parse_json_text
from .display import display
from .errors import InputError, as_input_error
from .fields import counting_date
from .ics import calendar_text
from .input_text import decode
from .portfolio import parse_portfolio
from .portfolio_text import read_portfolio_text


def check(portfolio_json: str, norms_json: str, today_iso: str, pending: int = 0) -> str:
    """The verdict (exactly the CLI's `--json` verdict) for a portfolio and what the page shows of it
    in Dutch: `{"ok": true, "verdict": …, "display": …}`. `pending`: how many rows of the form the
    portfolio leaves out for now (the display then calls the result provisional)."""
    def judge() -> dict[str, Any]:
        verdict = check_portfolio(parse_json_text(portfolio_json, "portfolio"), parse_json_text(norms_json, "normen"),
                                  counting_date(today_iso, "today"))
        return {"verdict": verdict, "display": display(verdict, int(pending))}
    return _answer(judge)


def read_portfolio(text: str, norms_json: str) -> str:
    """A portfolio file (JSON or CSV, read as the CLI reads it), checked as the CLI checks it:
    `{"ok": true, "portfolio": …}`, or the refusal the CLI gives for the same file."""
    return _answer(lambda: _checked_portfolio(text, norms_json))


def read_portfolio_file(data: Any, name: str, norms_json: str) -> str:
    """read_portfolio() for a file's bytes (a Uint8Array from the page), decoded as the CLI decodes
    them: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252; at most the CLI's size."""
    return _answer(lambda: _checked_portfolio(decode(bytes(data), name), norms_json))


def _checked_portfolio(text: str, norms_json: str) -> dict[str, Any]:
    source = read_portfolio_text(text)
    parse_portfolio(source.portfolio, parse_json_text(norms_json, "normen"), source.locate)
    return {"portfolio": source.portfolio}


UNEXPECTED = ("De puntencheck kon dit niet verwerken door een fout in de rekenmodule. Je gegevens blijven staan; "
              "meld het aan de beheerder van de gids als het blijft gebeuren.")


def calendar(verdict_json: str, guide_url: str) -> str:
    """The verdict's key dates as an .ics file ("Zet in mijn agenda"), the same text as the CLI's
    `--ics`: `{"ok": true, "calendar": …}`; `guide_url` ("" for none) is the guide's herregistratie page."""
    return _answer(lambda: {"calendar": calendar_text(parse_json_text(verdict_json, "verdict"), guide_url or None)})


def _answer(work: Callable[[], dict[str, Any]]) -> str:
    try:
        result = {"ok": True, **work()}
    except InputError as error:
        result = {"ok": False, "error": error.envelope()}
    except Exception as error:  # the boundary: the page says so in Dutch; the details are for the console
        detail = as_input_error(error).message
        result = {"ok": False, "error": {"path": "", "message": UNEXPECTED, "text": UNEXPECTED, "unexpected": detail}}
    return json.dumps(result, ensure_ascii=False)

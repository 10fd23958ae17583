"""The data documents of the puntencheck: norms, worked examples and the page's settings."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from calculator.ics import page_route
from calculator.numbers import AMOUNT_TEXT

if TYPE_CHECKING:
    from .content import Content

# Constants the page's scripts need, given to them in the data block (never repeated as JS literals).
PAGE_SETTINGS = {
    "start_timeout_ms": 8000,  # a start-up that never settles (CSP without 'wasm-unsafe-eval') is explained
    "amount_pattern": AMOUNT_TEXT.pattern,  # what the form accepts as a number: the CLI's rule for text amounts
}


def norms_document(content: Content) -> dict[str, Any]:
    """`{"registers": {id: register YAML as a dict}}`: the calculator's norms dict, as the CLI builds it."""
    return {"registers": {doc.data["id"]: doc.data for doc in content.files.get("register", [])}}


def examples_document(content: Content) -> list[dict[str, Any]]:
    """The worked examples, each with its source's title for display."""
    sources = content.sources
    return [{**doc.data, "source_title": sources[doc.data["source"]]["title"]}  # sources were checked at load
            for doc in content.files.get("worked_example", [])]


def guide_pages(content: Content) -> dict[str, str]:
    """Register id → its herregistratie page, relative to the data folder (the link in the .ics file)."""
    paths = content.page_paths
    return {register_id: f"../../../{page_route(paths[doc.data['guide_page']])}"
            for register_id, doc in content.by_id("register").items()}

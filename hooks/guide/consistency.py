"""Checks across files: ids and addresses are unique, links resolve, markup is safe, tables are square."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from .errors import Problem
from .link_checks import link_problems
from .markup_checks import markup_problems
from .text import iter_strings
from .tree_checks import tree_problems
from .yaml_source import SourceFile

if TYPE_CHECKING:
    from .content import Content

Check = Callable[["Content"], Iterator[Problem]]


def consistency_problems(content: Content) -> list[Problem]:
    """Run every registered check over valid (schema-checked) content."""
    return [problem for check in CHECKS for problem in check(content)]


def _all_documents(content: Content) -> Iterator[SourceFile]:
    for documents in content.files.values():
        yield from documents


def site_url(path: str) -> str:
    """The address MkDocs gives a page (directory URLs): `krsd/kosten.md` and `krsd/kosten/index.md`
    are both `krsd/kosten/`."""
    stem = path.removesuffix(".md")
    stem = "" if stem == "index" else stem.removesuffix("/index")
    return f"{stem}/" if stem else ""


# Addresses of the site that are not pages of the content: a page there would break them.
RESERVED_URLS = {"assets/": "the guide's own files", "search/": "the search index", "404/": "the 'not found' page"}


def _unique_ids_and_urls(content: Content) -> Iterator[Problem]:
    """No two pages share an id or an address: content pages, decision trees and the fixed pages."""
    claimed: dict[tuple[str, str], str] = {}
    for page_id, page in content.fixed_pages.items():
        claimed[("id", page_id)] = claimed[("url", site_url(page["path"]))] = f"the fixed page {page['path']}"
    for document in _all_documents(content):
        if not (isinstance(document.data, dict) and {"id", "path"} <= document.data.keys()):
            continue
        page_id, url = document.data["id"], site_url(document.data["path"])
        first = claimed.setdefault(("id", page_id), str(document.path))
        if first != str(document.path):
            yield document.problem(("id",), f"id '{page_id}' is also used by {first}")
        first = claimed.setdefault(("url", url), RESERVED_URLS.get(url.split("/")[0] + "/", str(document.path)))
        if first != str(document.path):
            yield document.problem(("path",), f"path '{document.data['path']}' gives the address /{url}, "
                                              f"which {first} has already")


def _source_ids(content: Content) -> Iterator[Problem]:
    """Every `source` value names a source in content/sources.yml."""
    known = content.sources
    for document in _all_documents(content):
        for where, text in iter_strings(document.data):
            if where and where[-1] == "source" and text not in known:
                yield document.problem(where, f"unknown source '{text}'; known: {', '.join(known)}")


def _references(content: Content) -> Iterator[Problem]:
    """Ids that point at other content: related pages, glossary 'see', register bodies."""
    pages, bodies, linkable = content.pages, content.one("bodies")["bodies"], content.linkable
    for page in content.files["page"]:
        for index, page_id in enumerate(page.data.get("related", [])):
            if page_id not in linkable:
                yield page.problem(("related", index), f"related page '{page_id}' does not exist")
    glossary = content.files["glossary"][0]
    for index, term in enumerate(glossary.data["terms"]):
        if "see" in term and term["see"] not in pages:
            yield glossary.problem(("terms", index, "see"), f"page '{term['see']}' does not exist")
    for register in content.files.get("register", []):
        if register.data["body"] not in bodies:
            yield register.problem(("body",), f"unknown body '{register.data['body']}'; known: {', '.join(bodies)}")
        if register.data["guide_page"] not in pages:
            yield register.problem(("guide_page",), f"page '{register.data['guide_page']}' does not exist")


def _blocks(content: Content) -> Iterator[Problem]:
    """Tables are square; an 'addition' note names a research source."""
    sources = content.sources
    for page in content.files["page"]:
        for s, section in enumerate(page.data["sections"]):
            for b, block in enumerate(section["blocks"]):
                where = ("sections", s, "blocks", b)
                if "table" in block:
                    width = len(block["table"]["columns"])
                    for r, row in enumerate(block["table"]["rows"]):
                        if len(row) != width:
                            yield page.problem((*where, "table", "rows", r), f"row has {len(row)} cells, expected {width} (one per column)")
                note = block.get("note", {})
                if note.get("kind") == "addition" and sources.get(note.get("source", ""), {}).get("kind") != "research":
                    yield page.problem((*where, "note"), "an 'addition' note needs `source:` naming a research source")


CHECKS: list[Check] = [_unique_ids_and_urls, link_problems, markup_problems, _source_ids, _references, _blocks, tree_problems]

"""No page loads anything from another host: checked in the files and in a real browser."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

EXTERNAL = re.compile(r"^(?:https?:)?//", re.I)
CSS_URL = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", re.I)
RESOURCE_ATTRS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src",
                  "audio": "src", "embed": "src", "object": "data", "track": "src", "input": "src"}
LINK_RELS = {"stylesheet", "preconnect", "dns-prefetch", "preload", "modulepreload", "icon", "manifest", "prefetch"}


class _ResourceFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        attribute = RESOURCE_ATTRS.get(tag)
        if tag == "link" and set(values.get("rel", "").split()) & LINK_RELS:
            attribute = "href"
        if attribute and EXTERNAL.match(values.get(attribute, "")):
            self.external.append(f"<{tag} {attribute}={values[attribute]}>")
        self.external += CSS_URL.findall(values.get("style", ""))


def test_no_built_file_references_another_host(built_site: Path) -> None:
    found = []
    for path in built_site.rglob("*"):
        if path.suffix == ".html":
            finder = _ResourceFinder()
            finder.feed(path.read_text(encoding="utf-8"))
            found += [f"{path.relative_to(built_site)}: {hit}" for hit in finder.external]
        elif path.suffix == ".css":
            found += [f"{path.relative_to(built_site)}: {hit}" for hit in CSS_URL.findall(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_finder_catches_a_google_font() -> None:
    finder = _ResourceFinder()
    finder.feed('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"><a href="https://x.nl">x</a>')
    assert finder.external == ["<link href=https://fonts.googleapis.com/css?family=Roboto>"]


def test_pages_request_nothing_from_other_hosts_in_chromium(built_site: Path, site_url: str, page) -> None:
    paths = sorted(p.relative_to(built_site).parent.as_posix() for p in built_site.rglob("index.html"))
    for path in paths:
        page.goto(site_url + ("" if path == "." else path + "/"), wait_until="networkidle")
    assert len(paths) >= 25
    assert page.foreign_requests == []

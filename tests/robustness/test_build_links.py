"""Links, addresses and markup in an editor's text: anything that leads nowhere, collides, runs script
or loads from another host stops the build with the YAML file and line."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import build_site, copy_project
from content_edits import line_of, replace_once

PAGE = "pages/krsd/kosten.yml"
TEXT = "De kosten voor inschrijving zijn"  # the first line of the page's first text block
WHERE = "sections[0].blocks[0].text"
ALLOWED = "<br>, <sup>, <sub>, <em>, <strong>, <b>, <i>, <kbd>, <small>, <mark>"
NO_SCHEME = "links are not allowed; use https:, mailto:, tel: or page:<id>"
FOREIGN_IMAGE = "images come from the guide itself, not from another host or inline data"

LINKS = [  # (case id, Markdown put in front of the text, expected message)
    ("missing-page", "[x](page:bestaat-niet)", "link to page 'bestaat-niet', which does not exist"),
    ("wrong-case-id", "[x](page:KRSD-kosten)",
     "link 'page:KRSD-kosten': expected page:<id> or page:<id>#<anchor>, in lowercase; did you mean 'page:krsd-kosten'?"),
    ("missing-anchor", "[x](page:krsd-kosten#bestaat-niet)", "link to 'krsd-kosten#bestaat-niet': that page has no such section"),
    ("missing-own-anchor", "[x](#bestaat-niet)", "link to '#bestaat-niet': that page has no such section"),
    ("missing-relative-md", "[x](../skj/bestaat-niet.md)",
     "link to '../skj/bestaat-niet.md': there is no page skj/bestaat-niet.md; link to pages as page:<id>"),
    ("relative-md-missing-anchor", "[x](index.md#bestaat-niet)", "link to 'index.md#bestaat-niet': that page has no such section"),
    ("missing-file", "[x](tarieven.pdf)", "link to 'tarieven.pdf': there is no file docs/krsd/tarieven.pdf"),
    ("escaping-path", "[x](../../../etc/passwd)", "link to '../../../etc/passwd': there is no file docs/../../etc/passwd"),
    ("root-path", "[x](/krsd/kosten/)",
     "link to '/krsd/kosten/': a path from the root breaks when the guide lives in a folder; use page:<id>"),
    ("page-reference-definition", "[x][r]\n\n[r]: page:krsd",
     "link 'page:krsd': write page links in the text itself, as [tekst](page:krsd)"),
    ("javascript", "[x](javascript:alert(1))", f"link to 'javascript:alert(1': 'javascript:' {NO_SCHEME}"),
    ("javascript-entities", "[x](JavaScript&#58;alert(1))", f"link to 'JavaScript&#58;alert(1': 'javascript:' {NO_SCHEME}"),
    ("javascript-hidden-tab", "[x](java&#x09;script:alert(1))", f"link to 'java&#x09;script:alert(1': 'javascript:' {NO_SCHEME}"),
    ("javascript-autolink", "<javascript:alert(1)>", f"link to 'javascript:alert(1)': 'javascript:' {NO_SCHEME}"),
    ("vbscript-definition", "[x][r]\n\n[r]: vbscript:msgbox", f"link to 'vbscript:msgbox': 'vbscript:' {NO_SCHEME}"),
    ("data-link", "[x](data:text/html;base64,PHNjcmlwdD4=)", f"link to 'data:text/html;base64,PHNjcmlwdD4=': 'data:' {NO_SCHEME}"),
    ("foreign-image", "![x](https://evil.example/pixel.png)", f"image 'https://evil.example/pixel.png': {FOREIGN_IMAGE}"),
    ("protocol-relative-image", "![x](//evil.example/pixel.png)", f"image '//evil.example/pixel.png': {FOREIGN_IMAGE}"),
    ("data-image", "![x](data:image/png;base64,AAAA)", f"image 'data:image/png;base64,AAAA': {FOREIGN_IMAGE}"),
]

MARKUP = [
    ("script", "<script>alert(1)</script>", f"HTML tag <script> is not allowed in a text; write Markdown (allowed tags: {ALLOWED})"),
    ("script-uppercase", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
     f"HTML tag <script> is not allowed in a text; write Markdown (allowed tags: {ALLOWED})"),
    ("script-unclosed", "<script", f"HTML tag <script> is not allowed in a text; write Markdown (allowed tags: {ALLOWED})"),
    ("nested-script", "<scr<script>ipt>", f"HTML tag <scr> is not allowed in a text; write Markdown (allowed tags: {ALLOWED})"),
    ("img-onerror", "<img src=x onerror=alert(1)>", f"HTML tag <img> is not allowed in a text; write Markdown (allowed tags: {ALLOWED})"),
    ("iframe", '<iframe src="https://evil.example"></iframe>',
     f"HTML tag <iframe> is not allowed in a text; write Markdown (allowed tags: {ALLOWED})"),
    ("svg-onload", "<svg onload=alert(1)>", f"HTML tag <svg> is not allowed in a text; write Markdown (allowed tags: {ALLOWED})"),
    ("style", "<style>body{display:none}</style>", f"HTML tag <style> is not allowed in a text; write Markdown (allowed tags: {ALLOWED})"),
    ("anchor-href", '<a href="javascript:alert(1)">x</a>',
     f"HTML tag <a> is not allowed in a text; write Markdown (allowed tags: {ALLOWED})"),
    ("allowed-tag-with-handler", '<sup onclick="alert(1)">1</sup>', "HTML tag <sup> may not have attributes ('onclick=\"alert(1)\"')"),
    ("reference-image", "![x][logo]\n\n[logo]: https://evil.example/pixel.png",
     "images are written in the text itself, as ![tekst](bestand.png), not by reference"),
    ("shortcut-reference-image", "![logo]\n\n[logo]: https://evil.example/pixel.png",
     "images are written in the text itself, as ![tekst](bestand.png), not by reference"),
    ("comment", "<!-- verborgen -->", "HTML comments and declarations ('<!', '<?') are not allowed in a text"),
    ("attribute-list-handler", '[x](https://example.org){ onclick="alert(1)" }',
     "attribute list '{onclick=\"alert(1)\"}': only { #anchor } and { .class } are allowed, "
     "no attributes (they can run script or load from another host)"),
    ("attribute-list-style", '**x**{: style="background:url(https://evil.example/x.png)" }',
     "attribute list '{style=\"background:url(https://evil.example/x.png)\"}': only { #anchor } and { .class } are allowed, "
     "no attributes (they can run script or load from another host)"),
]


@pytest.mark.parametrize(("markdown", "expected"), [case[1:] for case in LINKS + MARKUP], ids=[case[0] for case in LINKS + MARKUP])
def test_bad_link_or_markup_names_the_yaml_file_and_line(content_copy: Path, problems_of: Callable[[], list[str]],
                                                        markdown: str, expected: str) -> None:
    page = content_copy / PAGE
    line = line_of(page, "      - text: |")
    indented = markdown.replace("\n", "\n          ")
    replace_once(page, TEXT, f"{indented} {TEXT}")
    assert problems_of() == [f"content/{PAGE}:{line}: {WHERE}: {expected}"]


@pytest.mark.parametrize(
    "markdown",
    ["[x](page:krsd-kosten#inschrijving)", "[x](index.md)", "[x](../skj/registreren.md)", "[x](#inschrijving)",
     "[x](https://example.org/a_(b)) en [y](mailto:a@b.nl) en <https://example.org>", "E = mc<sup>2</sup><br>",
     "## Kop { #eigen-anker .klasse }", "1 < 2 en 3 > 2"],
)
def test_safe_links_and_markup_pass(content_copy: Path, markdown: str) -> None:
    from guide.model import load_content

    replace_once(content_copy / PAGE, TEXT, f"{markdown} {TEXT}")
    load_content(content_copy)


URLS = [  # (case id, path given to the page, expected message)
    ("same-url-as-index", "krsd.md", "path 'krsd.md' gives the address /krsd/, which content/pages/krsd/index.yml has already"),
    ("puntencheck-page", "puntencheck/index.md",
     "path 'puntencheck/index.md' gives the address /puntencheck/, which the fixed page puntencheck.md has already"),
    ("start-page", "index.md", "path 'index.md' gives the address /, which the fixed page index.md has already"),
    ("glossary-page", "begrippen/index.md",
     "path 'begrippen/index.md' gives the address /begrippen/, which the fixed page begrippen.md has already"),
    ("assets-folder", "assets/puntencheck/x.md",
     "path 'assets/puntencheck/x.md' gives the address /assets/puntencheck/x/, which the guide's own files has already"),
    ("search-index", "search.md", "path 'search.md' gives the address /search/, which the search index has already"),
]


@pytest.mark.parametrize(("path", "expected"), [case[1:] for case in URLS], ids=[case[0] for case in URLS])
def test_a_page_address_may_not_collide(content_copy: Path, problems_of: Callable[[], list[str]], path: str, expected: str) -> None:
    page = content_copy / PAGE
    line = line_of(page, "path: krsd/kosten.md")
    replace_once(page, "path: krsd/kosten.md", f"path: {path}")
    assert f"content/{PAGE}:{line}: path: {expected}" in problems_of()


def test_the_build_checks_anchors_of_trees_and_fixed_pages_against_the_html(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "content" / PAGE
    replace_once(page, TEXT, "[a](page:welk-register#vraag-werk) [b](page:welk-register#vraag-bestaat-niet) "
                             f"[c](page:puntencheck#pc-app) [d](page:puntencheck#bestaat-niet) {TEXT}")
    line = line_of(page, "      - text: |")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1
    reported = [line.strip() for line in result.stderr.splitlines() if line.strip().startswith("content/")]
    assert reported == [
        f"content/{PAGE}:{line}: {WHERE}: link to 'page:welk-register#vraag-bestaat-niet': "
        "the page keuzehulp/welk-register.md has no anchor '#vraag-bestaat-niet'",
        f"content/{PAGE}:{line}: {WHERE}: link to 'page:puntencheck#bestaat-niet': "
        "the page puntencheck.md has no anchor '#bestaat-niet'",
    ]
    assert not (tmp_path / "site" / "krsd").exists(), "nothing is written when a link is broken"

"""The Content-Security-Policy that README.md recommends for intranet servers really works."""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT, QuietHandler, serve


def readme_csp() -> str:
    """The policy in the README's nginx example."""
    match = re.search(r'add_header Content-Security-Policy "([^"]+)"', (ROOT / "README.md").read_text(encoding="utf-8"))
    assert match, "README.md has no Content-Security-Policy example"
    return match.group(1)


@pytest.fixture(scope="module")
def csp_site_url(built_site: Path) -> Iterator[str]:
    class WithPolicy(QuietHandler):
        extra_headers = {"Content-Security-Policy": readme_csp()}

    url, server = serve(built_site, WithPolicy)
    yield url
    server.shutdown()


def test_the_guide_works_under_the_readme_policy(csp_site_url: str, page) -> None:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    for path in ("", "skj/herregistratie/", "keuzehulp/welk-register/"):
        page.goto(csp_site_url + path, wait_until="networkidle")
    page.goto(csp_site_url + "puntencheck/")
    deadline = time.monotonic() + 30
    status = ""
    while time.monotonic() < deadline and "klaar" not in status:  # poll with evaluate: a CSP blocks eval
        status = page.evaluate("document.getElementById('pc-status').textContent")
        time.sleep(0.1)
    assert "klaar" in status, status
    assert [e for e in errors if "Content Security Policy" in e] == []
    assert page.foreign_requests == []

"""Helpers for the robustness tests in Chromium: a puntencheck page that records every page error
(uncaught exceptions and unhandled promise rejections), and file import/export through its UI."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import open_puntencheck, wait_for

FILES_STATUS = "document.getElementById('pc-files-status').textContent"


@pytest.fixture
def watched_page(page: Any) -> Iterator[Any]:
    """`page` with `page.errors`: every `pageerror` (Playwright reports unhandled rejections there too)."""
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page


@pytest.fixture
def calculator_page(watched_page: Any, site_url: str) -> Any:
    """The puntencheck with Python ready, page errors recorded."""
    open_puntencheck(watched_page, site_url)
    return watched_page


def import_bytes(page: Any, data: bytes, name: str) -> str:
    """Give `data` to the import field as file `name`; returns the status line once it has changed."""
    page.evaluate(f"{FILES_STATUS} = ''")
    page.set_input_files("#pc-import", files=[{"name": name, "mimeType": "application/octet-stream", "buffer": data}])
    return wait_for(page, FILES_STATUS)


def import_portfolio(page: Any, portfolio: Any, name: str = "portfolio.json") -> str:
    return import_bytes(page, json.dumps(portfolio, ensure_ascii=False).encode("utf-8"), name)


def export(page: Any, button: str, target: Path) -> str:
    """Click an export button; the downloaded file's text."""
    with page.expect_download() as download:
        page.click(button)
    download.value.save_as(target)
    return target.read_text(encoding="utf-8")

"""Screenshots at phone and desktop width, light and dark (look at them): kept as test output in
pytest's temporary folder of the run, `<basetemp>/screenshots*/` (pytest keeps the last three
runs; `pytest --basetemp=DIR` puts them in DIR)."""
from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import pytest

from .conftest import open_puntencheck, wait_for

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the run's screenshots, under pytest's basetemp (kept as test output)."""
    return tmp_path_factory.mktemp("screenshots", numbered=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", sorted(SIZES))
def test_screenshot(page: Any, site_url: str, size: str, scheme: str, shots: Path) -> None:
    page.set_viewport_size(SIZES[size])
    page.emulate_media(color_scheme=scheme)
    open_puntencheck(page, site_url)
    page.click("button[data-example='hollander']")
    wait_for(page, "document.getElementById('pc-verdict')")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "page scrolls sideways"
    page.focus("#pc-period_start")
    shot = shots / f"puntencheck-{size}-{scheme}.png"
    page.screenshot(path=str(shot), full_page=True)
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">I", png[16:20])[0] == SIZES[size]["width"]  # the IHDR width: the whole page, no overflow
    assert page.foreign_requests == []

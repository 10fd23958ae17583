"""Screenshots at phone and desktop width, light and dark, into /tmp/pc-shots/ (look at them)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import open_puntencheck, wait_for

SHOTS = Path("/tmp/pc-shots")
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", sorted(SIZES))
def test_screenshot(page: Any, site_url: str, size: str, scheme: str) -> None:
    page.set_viewport_size(SIZES[size])
    page.emulate_media(color_scheme=scheme)
    open_puntencheck(page, site_url)
    page.click("button[data-example='hollander']")
    wait_for(page, "document.getElementById('pc-verdict')")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "page scrolls sideways"
    page.focus("#pc-period_start")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"puntencheck-{size}-{scheme}.png"), full_page=True)
    assert page.foreign_requests == []

"""The puntencheck end to end with the keyboard only (Tab, Shift+Tab, Enter, Space, arrows, typing):
every control is reached in the order the eye reads it, shows its focus, and works — at desktop
(1280 px) and phone (375 px) width. File import is the one set-up step that is not typed."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import open_puntencheck, wait_for

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
REGISTER = "registerplein-clientondersteuner"
SETTLED = "document.getElementById('pc-verdict') && !document.querySelector('.pc-results').dataset.pending"
IMPORTED_ROWS = 320
PAGE_ROWS = 100

# The focused element: what it is, whether its focus shows, and whether it follows `window.__previous`
# (the element focused before) in reading order — below it, or beside it to the right. Only checked
# inside the puntencheck (the site's navigation sits beside the content).
FOCUS = """() => {
  const node = document.activeElement;
  const style = getComputedStyle(node);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const visible = outline || style.boxShadow !== "none";
  const previous = window.__previous;
  let order = null;
  if (previous && previous !== node && previous.isConnected && previous.closest("#pc-app") && node.closest("#pc-app")) {
    const a = previous.getBoundingClientRect();
    const b = node.getBoundingClientRect();
    const below = b.top >= a.bottom - 2;
    const beside = b.top < a.bottom && b.bottom > a.top && b.left >= a.right - 2;
    order = below || beside ? "ok" : `${previous.outerHTML.slice(0, 80)} then ${node.outerHTML.slice(0, 80)}`;
  }
  window.__previous = node;
  return {visible, order, html: node.outerHTML.slice(0, 120)};
}"""


@pytest.fixture(params=sorted(WIDTHS))
def width(request: pytest.FixtureRequest, page: Any) -> str:
    page.set_viewport_size(WIDTHS[request.param])
    return request.param


def is_focused(page: Any, selector: str) -> bool:
    return page.evaluate("s => document.activeElement?.matches(s) ?? false", selector)


def press(page: Any, key: str, expected: str) -> None:
    """Press `key` once; the focus must then be on `expected`, visibly (and after the last one, for Tab)."""
    page.keyboard.press(key)
    focus = page.evaluate(FOCUS)
    assert is_focused(page, expected), f"{key}: expected {expected}, focus on {focus['html']}"
    assert focus["visible"], f"focus not visible on {expected}"
    assert key != "Tab" or focus["order"] in (None, "ok"), f"Tab order differs from reading order: {focus['order']}"


def tab_to(page: Any, expected: str, most: int, key: str = "Tab") -> int:
    """Tab (or Shift+Tab) until `expected` has the focus, at most `most` times; every stop on the
    way shows its focus and follows reading order. Returns the number of presses."""
    for presses in range(1, most + 1):
        page.keyboard.press(key)
        focus = page.evaluate(FOCUS)
        assert focus["visible"], f"focus not visible on {focus['html']}"
        assert key != "Tab" or focus["order"] in (None, "ok"), f"Tab order differs from reading order: {focus['order']}"
        if is_focused(page, expected):
            return presses
    raise AssertionError(f"{expected} not reached in {most} × {key}; focus on {page.evaluate(FOCUS)['html']}")


def choose(page: Any, value: str, most: int = 12) -> None:
    """Arrow down the focused select until it shows `value` (a closed select changes at once)."""
    for _ in range(most):
        if page.evaluate("document.activeElement.value") == value:
            return
        page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == value


def field(page: Any, row: int, name: str) -> str:
    return f"ol.pc-activities > li:nth-child({row}) [name$='.{name}']"


def fill_row(page: Any, row: int, title: str, date: str, category: str, amount: str) -> None:
    """With the focus on the row's description: type it, Tab to date, category and amount."""
    page.keyboard.type(title)
    press(page, "Tab", field(page, row, "date"))
    page.keyboard.type(date)
    press(page, "Tab", field(page, row, "category"))
    choose(page, category)
    press(page, "Tab", field(page, row, "points"))
    page.keyboard.type(amount)


def start_from_the_top(page: Any) -> None:
    """Tab to the skip link, follow it, and Tab to the register choice."""
    press(page, "Tab", "a.md-skip")
    page.keyboard.press("Enter")
    tab_to(page, "#pc-register", most=30)


def test_the_whole_puntencheck_by_keyboard(ready_page: Any, width: str) -> None:
    page = ready_page
    start_from_the_top(page)
    choose(page, REGISTER)
    assert page.input_value("#pc-register") == REGISTER
    tab_to(page, "#pc-period_start", most=3)  # past the register's options, if any
    page.keyboard.type("1-1-2023")
    # The help on what counts in each category opens with Enter and closes with Space.
    press(page, "Tab", ".pc-category-help > summary")
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('.pc-category-help').open")
    assert "Reflectie" in page.inner_text(".pc-category-help dl")
    press(page, "Tab", ".pc-category-help a")  # its link to the register's page
    press(page, "Shift+Tab", ".pc-category-help > summary")
    page.keyboard.press("Space")
    assert not page.evaluate("document.querySelector('.pc-category-help').open")
    # The first row, then a second one added with the button.
    press(page, "Tab", field(page, 1, "title"))
    fill_row(page, 1, "Training", "1-3-2023", "geaccrediteerd", "7,5")
    press(page, "Tab", "ol.pc-activities > li:nth-child(1) button.pc-remove")
    press(page, "Tab", "#pc-add")
    page.keyboard.press("Enter")
    assert is_focused(page, field(page, 2, "title")), "a new row takes the focus"
    fill_row(page, 2, "Intervisie", "2-4-2023", "reflectie", "12")
    wait_for(page, "document.getElementById('pc-total')?.textContent.startsWith('19,5 ')")
    wait_for(page, SETTLED)
    assert page.inner_text("#pc-verdict")
    # On through the result to the examples: load one, then put the own data back.
    tab_to(page, "button[data-example='jansen']", most=12)
    page.keyboard.press("Enter")
    wait_for(page, "document.getElementById('pc-period_start').value !== '1-1-2023'")
    assert "vervangen" in page.inner_text("#pc-example-status")
    tab_to(page, "#pc-example-status #pc-undo", most=6)
    page.keyboard.press("Enter")
    wait_for(page, "document.getElementById('pc-period_start').value === '1-1-2023'")
    assert page.input_value(field(page, 2, "title")) == "Intervisie"
    focus = page.evaluate(FOCUS)
    assert is_focused(page, "#pc-example-status") and focus["visible"], "the focus stays where the button was"
    # Save on this device, see the state, wipe, and undo the wipe.
    tab_to(page, "#pc-save", most=8)
    page.keyboard.press("Enter")
    assert re.fullmatch(r"Bewaard om \d\d:\d\d", page.inner_text("#pc-save-state"))
    press(page, "Tab", "#pc-wipe")
    page.keyboard.press("Enter")
    assert page.input_value("#pc-period_start") == ""
    tab_to(page, "#pc-files-status #pc-undo", most=3)
    page.keyboard.press("Enter")
    assert page.input_value("#pc-period_start") == "1-1-2023"
    assert re.fullmatch(r"Bewaard om \d\d:\d\d", page.inner_text("#pc-save-state"))
    assert is_focused(page, "#pc-files-status") and page.evaluate(FOCUS)["visible"]
    assert page.foreign_requests == []


def test_the_row_pager_by_keyboard(page: Any, site_url: str, width: str, tmp_path: Path) -> None:
    activities = [{"date": f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}", "category": "geaccrediteerd", "points": 1,
                   "title": f"Cursus {n + 1}"} for n in range(IMPORTED_ROWS)]
    path = tmp_path / "groot.json"
    path.write_text(json.dumps({"register": REGISTER, "period_start": "2023-01-01", "activities": activities}), encoding="utf-8")
    open_puntencheck(page, site_url)
    page.set_input_files("#pc-import", str(path))  # set-up: the one step that is not typed
    wait_for(page, "document.getElementById('pc-pager-where')")
    page.reload()  # the tab keeps the form; the keyboard starts at the top of the page
    wait_for(page, f"document.getElementById('pc-pager-where')?.textContent.endsWith(' van {IMPORTED_ROWS}')")
    start_from_the_top(page)
    where = "#pc-pager-where"
    tab_to(page, ".pc-pager button:not([disabled])", most=6)  # "Vorige" is disabled on the first page
    assert page.evaluate("document.activeElement.textContent") == f"Volgende {PAGE_ROWS}"
    for first in range(PAGE_ROWS + 1, IMPORTED_ROWS, PAGE_ROWS):
        page.keyboard.press("Enter")
        assert is_focused(page, where) and page.evaluate(FOCUS)["visible"], "the focus goes to the new place"
        last = min(first + PAGE_ROWS - 1, IMPORTED_ROWS)
        assert page.inner_text(where) == f"Activiteit {first}–{last} van {IMPORTED_ROWS}"
        assert page.input_value(field(page, 1, "title")) == f"Cursus {first}"
        press(page, "Tab", ".pc-pager button:nth-of-type(1)")  # Vorige
        if last < IMPORTED_ROWS:
            press(page, "Tab", ".pc-pager button:nth-of-type(2)")  # Volgende
    # The last page: "Volgende" is disabled, so Tab goes on to the first row on screen; back and previous.
    press(page, "Tab", field(page, 1, "title"))
    press(page, "Shift+Tab", ".pc-pager button:nth-of-type(1)")
    page.keyboard.press("Space")
    assert page.inner_text(where) == f"Activiteit 201–300 van {IMPORTED_ROWS}"
    assert page.input_value(field(page, 1, "title")) == "Cursus 201"

"""A large portfolio: the form shows 100 activities at a time (pages), the verdict counts them all,
what is typed on one page stays when paging, and a problem on another page is announced with a
button to it. (Speed is measured in tests/benchmarks/test_puntencheck_scale.py, not asserted.)"""
from __future__ import annotations

from typing import Any

from browser.conftest import wait_for

from .conftest import import_portfolio

ROWS = 250
WHERE = "document.getElementById('pc-pager-where')?.textContent"
ELSEWHERE = "document.getElementById('pc-pager-problems')"


def portfolio() -> dict[str, Any]:
    return {"register": "krsd", "period_start": "2022-01-01",
            "activities": [{"date": "2022-03-01", "category": "geaccrediteerd", "points": 1, "title": f"Activiteit {i + 1}"}
                           for i in range(ROWS)]}


def shown_titles(page: Any) -> list[str]:
    return page.eval_on_selector_all("ol.pc-activities input[name$='.title']", "nodes => nodes.map(n => n.value)")


def test_pages_of_a_large_portfolio(calculator_page: Any) -> None:
    page = calculator_page
    assert import_portfolio(page, portfolio()).startswith("Geïmporteerd")
    wait_for(page, f"document.getElementById('pc-total')?.textContent.startsWith('{ROWS} ')")
    assert page.evaluate(WHERE) == f"Activiteit 1–100 van {ROWS}"
    assert shown_titles(page) == [f"Activiteit {i + 1}" for i in range(100)]
    assert page.is_disabled("text=Vorige 100")

    page.click("text=Volgende 100")
    page.click("text=Volgende 100")
    assert page.evaluate(WHERE) == f"Activiteit 201–{ROWS} van {ROWS}"
    assert page.is_disabled("text=Volgende 100")
    first_row = page.locator("ol.pc-activities > li").first
    assert first_row.get_attribute("aria-label") == "Activiteit 201"
    first_row.get_by_label("Uren").fill("")  # KRSD counts hours
    first_row.get_by_label("Omschrijving").fill("Veranderd")
    wait_for(page, f"document.getElementById('pc-total')?.textContent.startsWith('{ROWS - 1} ')")

    page.click("text=Vorige 100")
    page.click("text=Vorige 100")
    assert page.evaluate(f"{ELSEWHERE}.hidden") is False
    assert page.evaluate(f"{ELSEWHERE}.firstChild.textContent") == "1 activiteit op een andere pagina heeft een probleem. "
    page.click("#pc-pager-problems button")
    assert page.evaluate(WHERE) == f"Activiteit 201–{ROWS} van {ROWS}"
    assert shown_titles(page)[0] == "Veranderd"
    assert page.evaluate("document.activeElement.closest('li')?.getAttribute('aria-label')") == "Activiteit 201"
    assert page.text_content(f"#{page.evaluate('document.activeElement.id').replace('-date', '-points')}-error") == \
        "Vul het aantal uren in."
    assert page.evaluate(f"{ELSEWHERE}.hidden") is True

    page.click("#pc-add")
    assert page.evaluate(WHERE) == f"Activiteit 201–{ROWS + 1} van {ROWS + 1}"
    assert page.evaluate("document.activeElement.closest('li')?.getAttribute('aria-label')") == f"Activiteit {ROWS + 1}"
    assert page.errors == []


def test_a_short_list_has_no_pager(calculator_page: Any) -> None:
    page = calculator_page
    page.click("button[data-example='de-vries']")
    assert page.evaluate(WHERE) is None
    assert page.evaluate("document.querySelector('.pc-pager')") is None

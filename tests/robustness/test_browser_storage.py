"""This device's saved portfolio, corrupted, old, hostile or changed in another tab: the page
always starts, restores what is valid, says in Dutch what it left out, keeps the stored text
(unchanged in storage, and as a download), and never overwrites another tab's newer save unasked."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import wait_for

KEY = "registratiewijzer.puntencheck.portfolio"
READY = "window.puntencheck && window.puntencheck.ready.then(() => true, () => false)"
NOTICE = "document.querySelector('#pc-restore-notice > span')?.textContent ?? null"
CHOICE = "document.querySelector('#pc-files-status > span')?.textContent"
STATUS = "document.getElementById('pc-files-status').textContent"
NOT_LOADED = "Je bewaarde gegevens konden niet worden geladen"
PARTLY = "Je bewaarde gegevens zijn geladen, maar niet alles kon worden teruggezet: "
KEPT = " Ze staan nog ongewijzigd op dit apparaat tot je opnieuw bewaart; download ze als je ze wilt houden."


def state(**fields: Any) -> str:
    return json.dumps({"register": "krsd", "periodStart": "2021-01-01", **fields})


CASES = [
    # (stored text, the notice (None: none), the titles of the rows in the form afterwards)
    pytest.param("{niet af", f"{NOT_LOADED} (de bewaarde tekst is geen leesbare JSON).{KEPT}", [""], id="not-json"),
    pytest.param("42", f"{NOT_LOADED} (de bewaarde waarde is geen ingevuld formulier).{KEPT}", [""], id="a-number"),
    pytest.param("null", None, [""], id="json-null"),
    pytest.param("[" * 50000 + "]" * 50000, f"{NOT_LOADED} (de bewaarde waarde is geen ingevuld formulier).{KEPT}",
                 [""], id="deeply-nested"),
    pytest.param(state(register="__proto__", activities=[{"title": "A", "points": "3"}]),
                 f'{PARTLY}het register "__proto__" (dat kent deze gids niet; kies je register opnieuw) is weggelaten.{KEPT}',
                 ["A"], id="register-__proto__"),
    pytest.param(state(register="constructor", activities=[{"title": "B"}]),
                 f'{PARTLY}het register "constructor" (dat kent deze gids niet; kies je register opnieuw) is weggelaten.{KEPT}',
                 ["B"], id="register-constructor"),
    pytest.param(state(activities=[None, 5, {"title": "C", "points": {"x": 1}}], options={"__proto__": True}),
                 f'{PARTLY}optie "__proto__", 2 activiteiten die geen activiteit waren en 1 veld met een onleesbare waarde '
                 f"zijn weggelaten.{KEPT}", ["C"], id="hostile-rows"),
    pytest.param(state(activities="veel", extra={"register": "custom"}),
                 f'{PARTLY}de activiteiten (geen lijst) en de onbekende velden "register" zijn weggelaten.{KEPT}',
                 [""], id="wrong-shapes"),
    pytest.param(state(activities=[{"title": "x" * 20000}, {"title": "D"}]),
                 f"{PARTLY}1 veld met een onleesbare waarde is weggelaten.{KEPT}", ["", "D"], id="huge-text"),
    pytest.param(json.dumps({"register": "krsd", "period_start": "2021-01-01", "activities": [
        {"date": "2021-02-01", "category": "geaccrediteerd", "points": 8, "title": "Oud formaat"}]}),
                 None, ["Oud formaat"], id="portfolio-format"),
    pytest.param(json.dumps({"register": "toString", "period_start": "2021-01-01", "activities": []}),
                 f'{NOT_LOADED} (Onbekend register "toString" in dit portfolio.).{KEPT}', [""], id="portfolio-toString"),
    pytest.param(state(activities=[{"date": "2021-02-01", "title": "Goed", "category": "geaccrediteerd", "points": "8"}]),
                 None, ["Goed"], id="valid"),
]


def seed(page: Any, site_url: str, text: str | None) -> None:
    """Put `text` in this origin's localStorage (before the puntencheck's scripts run)."""
    page.goto(site_url)
    page.evaluate("([key, text]) => text === null ? localStorage.removeItem(key) : localStorage.setItem(key, text)", [KEY, text])


def open_ready(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}puntencheck/")
    wait_for(page, READY)


def titles(page: Any) -> list[str]:
    return page.eval_on_selector_all("ol.pc-activities input[name$='.title']", "nodes => nodes.map(n => n.value)")


@pytest.mark.parametrize(("stored", "notice", "rows"), CASES)
def test_stored_value_restores_what_is_valid_and_keeps_the_rest(
        watched_page: Any, site_url: str, tmp_path: Path, stored: str, notice: str | None, rows: list[str]) -> None:
    page = watched_page
    seed(page, site_url, stored)
    open_ready(page, site_url)
    assert page.evaluate(NOTICE) == notice
    assert titles(page) == rows
    assert page.evaluate("document.getElementById('pc-register').value") in page.evaluate(
        "JSON.parse(document.getElementById('pc-data').textContent).norms.registers && "
        "[...Object.keys(JSON.parse(document.getElementById('pc-data').textContent).norms.registers), 'custom']")
    if notice is not None:
        with page.expect_download() as download:
            page.click("#pc-restore-notice button")
        download.value.save_as(tmp_path / "raw.txt")
        assert (tmp_path / "raw.txt").read_text(encoding="utf-8") == stored
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == stored
    assert page.errors == []


def fill_title(page: Any, title: str) -> None:
    page.locator("ol.pc-activities > li").first.get_by_label("Omschrijving").fill(title)


def stored_titles(page: Any) -> list[str]:
    return page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}')).activities.map(a => a.title)")


def test_a_newer_save_in_another_tab_is_not_overwritten_without_warning(watched_page: Any, site_url: str, tmp_path: Path) -> None:
    first = watched_page
    seed(first, site_url, None)
    open_ready(first, site_url)
    second = first.context.new_page()
    second.errors = []
    second.on("pageerror", lambda error: second.errors.append(str(error)))
    open_ready(second, site_url)

    fill_title(first, "Uit tab 1")
    first.click("#pc-save")
    assert first.evaluate(STATUS) == "Bewaard op dit apparaat."
    wait_for(second, f"{STATUS}.startsWith('In een ander tabblad is intussen een andere versie')")

    fill_title(second, "Uit tab 2")
    second.click("#pc-save")
    assert second.evaluate(CHOICE) == ("In een ander tabblad is intussen een andere versie op dit apparaat bewaard. "
                                       "Bewaren zou die vervangen.")
    assert stored_titles(second) == ["Uit tab 1"]
    with second.expect_download() as download:
        second.get_by_role("button", name="Download die versie eerst").click()
    download.value.save_as(tmp_path / "other.txt")
    assert json.loads((tmp_path / "other.txt").read_text(encoding="utf-8"))["activities"][0]["title"] == "Uit tab 1"
    second.get_by_role("button", name="Vervang die versie").click()
    assert second.evaluate(STATUS) == "Bewaard op dit apparaat."
    assert stored_titles(second) == ["Uit tab 2"]

    # the first tab heard of it: its own save and its wipe ask first, and it can load the newer version
    wait_for(first, f"{STATUS}.startsWith('In een ander tabblad is intussen een andere versie')")
    first.click("#pc-wipe")
    assert first.evaluate(CHOICE).endswith("Wissen zou die vervangen.")
    assert stored_titles(first) == ["Uit tab 2"]
    assert titles(first) == ["Uit tab 1"]
    first.get_by_role("button", name="Wis toch").click()
    assert first.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert first.evaluate(STATUS).startswith("Je gegevens zijn gewist van dit apparaat.")  # + "Zet mijn gegevens terug"
    wait_for(second, f"{STATUS}.startsWith('In een ander tabblad zijn je bewaarde gegevens gewist')")
    assert first.errors == [] and second.errors == []


def test_the_other_tabs_version_can_be_loaded(watched_page: Any, site_url: str) -> None:
    first = watched_page
    seed(first, site_url, None)
    open_ready(first, site_url)
    second = first.context.new_page()
    open_ready(second, site_url)
    fill_title(first, "Nieuwer")
    first.click("#pc-save")
    wait_for(second, f"{STATUS}.startsWith('In een ander tabblad')")
    second.get_by_role("button", name="Laad die versie").click()
    assert titles(second) == ["Nieuwer"]
    assert second.evaluate(STATUS) == "De versie uit het andere tabblad is geladen."
    second.click("#pc-save")
    assert second.evaluate(STATUS) == "Bewaard op dit apparaat."
    assert first.errors == []


REFUSED = ("Bewaren lukte niet: deze browser staat opslaan op dit apparaat niet toe, of de opslag is vol. "
           "Download je portfolio als bestand om het te bewaren.")


# Where each uncaught error of a page was thrown: the script's URL (a page's inline scripts report
# none: the page's own URL), or the reason of an unhandled rejection.
WHERE_THROWN = """window.__thrown = [];
addEventListener('error', (event) => window.__thrown.push(event.filename || location.href), true);
addEventListener('unhandledrejection', (event) => window.__thrown.push(`rejection: ${event.reason}`));"""


def not_the_themes(page: Any) -> list[str]:
    """The page's uncaught errors not thrown by Material (its bundle or a page's inline script)."""
    thrown = page.evaluate("window.__thrown")
    return [where for where in thrown if not ("/bundle." in where or where.endswith("/") or where.endswith(".html"))]


@pytest.mark.parametrize(("breakage", "wiped"), [
    pytest.param("Storage.prototype.setItem = function () { throw new DOMException('vol', 'QuotaExceededError'); };",
                 "Je gegevens zijn gewist van dit apparaat.", id="storage-full"),
    pytest.param("Object.defineProperty(window, 'localStorage', "
                 "{get() { throw new DOMException('uit', 'SecurityError'); }});", REFUSED, id="storage-denied"),
])
def test_storage_the_browser_refuses_is_said_not_thrown(watched_page: Any, site_url: str, breakage: str, wiped: str) -> None:
    page = watched_page
    page.add_init_script(WHERE_THROWN)
    page.add_init_script(breakage)
    page.goto(site_url)  # an ordinary page first: the guide's scripts there must not throw either
    page.wait_for_load_state("load")
    assert not_the_themes(page) == []
    open_ready(page, site_url)
    assert page.evaluate(NOTICE) is None
    fill_title(page, "Iets")
    page.click("#pc-save")
    assert page.evaluate(STATUS) == REFUSED
    page.click("#pc-wipe")
    assert page.evaluate(STATUS).startswith(wiped)  # a wipe also offers "Zet mijn gegevens terug"
    assert titles(page) == (["Iets"] if wiped == REFUSED else [""])
    # Material's scripts fail without storage (how often depends on timing); the guide's own add nothing.
    assert not_the_themes(page) == []
    assert len(page.errors) >= len(page.evaluate("window.__thrown"))  # every error was seen where it was thrown

"""Pages a professional or a manager acts on hold what the sources say there (issue 9).

Each test reads the built page (visible text, tags stripped) and checks the sentences someone
needs at that point: the manager's tasks, the reglement's alternatives and limits next to the
stappenplan's steps, a condition that can block a herregistratie, contradictions shown with both
sides, transitional statements dated, and only sources the guide uses.
"""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def text_of(built_site: Path, path: str) -> str:
    """The visible text of one built page, whitespace folded."""
    body = (built_site / path / "index.html").read_text(encoding="utf-8")
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r'<nav class="md-nav.*?</nav>', " ", body, flags=re.S)  # not the menu
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body)))


PAGES = {
    # the tasks of leidinggevenden and HR (source 000) and the KRSD for managers (source 002)
    "werkgevers/taken": [
        "de direct leidinggevende kan deze ondertekenen", "hrmdesk@meevivenz.nl", "eHerkenning",
        "De inzage is niet inhoudelijk", "facturen@meevivenz.nl", "langer dan 3 jaar", "Registratie Plus",
        "€ 95,- per jaar", "persoonsgebonden opleidingsbudget", "ontwikkelgesprek", "referent",
        "Verklaring VOG werkgever",
    ],
    "werkgevers": ["Wat doe je als leidinggevende of HR?"],
    # procedures checked against the reglement (001) as well as the stappenplan (000)
    "registerplein/registreren": [
        "Verklaring VOG werkgever", "6 tot 8 weken", "KvK-inschrijving", "niet ouder dan 6 maanden",
        "geadresseerde én voldoende gefrankeerde envelop",
    ],
    "registerplein/herregistratie": [
        "Verklaring VOG werkgever", "niet ouder dan 6 maanden", "arbeidsovereenkomst", "KvK-inschrijving",
        # Basis/Plus (000) against Junior/Senior (001): both, with a note
        "De bronnen spreken elkaar hier tegen", "Registratie Plus (5 jaar)", "In opleiding, Junior en Senior",
    ],
    # a condition that can block herregistratie belongs on the procedure page
    "skj/herregistratie": ["Werkervaring", "3368 uur in 5 jaar", "8 uur per week", "2500 uur", "tegenhouden"],
    # exemptions and the basisopleiding check at herregistratie, and another category (4.3)
    "clientondersteuners/herregistratie": [
        "vrijgesteld van aantonen van de basisopleiding cliëntondersteuner bij herregistratie",
        "niet via de overgangsregeling", "tussen 1 november 2021 en 31 december 2021",
        "Bij herregistratie kan een (andere) categorie worden aangevraagd", "vrijstelling voor het aantonen van het HBO niveau",
    ],
    # contradictions: both sides and a note
    "krsd/kosten": ["er wordt geen btw over geheven", "dit is inclusief btw", "spreekt zichzelf hier tegen"],
    "krsd/veelgestelde-vragen": ["inclusief btw", "geen btw over geheven", "óf bij het SKJ óf bij het KRSD",
                                 "wettelijk erkende registers"],
    "clientondersteuners/toelating": ["ervaringscertificaat (EVC)", "Let op: het EVC in voetnoot 1", "1 november 2021"],
    "begrippen": ["een EVC is daarom geen toelatingsroute meer", "noemt geen Registratie Plus",
                  "ook in minder dan drie jaar"],
    # audit: planned vs done in Lonneke's story, and the assumptions of her example, on the page too
    "krsd/voorbeelden": ["die ze met haar collega's in het team gaat volgen", "Lonneke in de puntencheck",
                         "heeft ze nog niet gedaan"],
    # audit: the reglement (2022) still names the kamer jeugdzorgwerker, which 000 calls closed
    "clientondersteuners/toelichting": ["kamer jeugdzorgwerker van SKJ inmiddels gesloten"],
    # a first KRSD certification explained (what the period start means)
    "krsd/certificeren": ["Eerste certificering", "Je kunt dit uiteraard ook in minder dan drie jaar doen",
                          "datum van je oudste activiteit", "datum van je vorige certificering"],
    # transitional statements dated
    "werkgevers/verantwoorde-werktoedeling": ["de pagina van het programma noemt geen datum", "noemt hem ‘nieuw’"],
    "krsd": ["zo schreef de handreiking in november 2022", "In november 2022 waren het beroepsstatuut"],
}


@pytest.mark.parametrize("path", PAGES)
def test_the_page_holds_what_people_act_on(built_site: Path, path: str) -> None:
    text = text_of(built_site, path)
    missing = [phrase for phrase in PAGES[path] if phrase not in text]
    assert missing == []


@pytest.mark.parametrize(("path", "statement", "dated"), [
    ("werkgevers", "vanaf 2020 geregistreerd staan.", "die geen datum heeft"),
    ("werkgevers", "‘de komende jaren’", "gerekend vanaf de pagina zonder datum"),
    ("werkgevers/verantwoorde-werktoedeling", "een jaar de tijd", "noemt geen datum"),
    ("krsd", "de komende jaren toenemen", "november 2022"),
    ("clientondersteuners", "worden de toelatingscriteria verder gewijzigd", "versie 12 van het reglement"),
])
def test_transitional_statements_say_when_they_were_written(built_site: Path, path: str, statement: str,
                                                           dated: str) -> None:
    text = text_of(built_site, path)
    at = text.index(statement)
    assert dated in text[at: at + 250]


def test_no_unqualified_new_factsheet(built_site: Path) -> None:
    assert "nieuwe factsheet" not in text_of(built_site, "werkgevers/verantwoorde-werktoedeling")


def test_the_sources_page_lists_only_sources_the_guide_uses(built_site: Path) -> None:
    sources = yaml.safe_load((ROOT / "content" / "sources.yml").read_text(encoding="utf-8"))["sources"]
    cited = " ".join((path.read_text(encoding="utf-8")) for path in (ROOT / "content").rglob("*.yml")
                     if path.name != "sources.yml")
    page = text_of(built_site, "bronnen")
    for source in sources:
        used = re.search(rf"source: {re.escape(source['id'])}\b", cited) is not None
        assert (source["title"] in page) is used, source["id"]
    assert any(not re.search(rf"source: {re.escape(s['id'])}\b", cited) for s in sources), \
        "the test needs an unused source to prove it is left out"

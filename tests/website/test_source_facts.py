"""Facts of the five source documents that a visitor must find somewhere in the built guide.

Each entry is quoted from a source document (the ground truth); the test fails when an edit
loses it. It is not a full check of every sentence: reviewers read the pages for that.
"""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

FACTS = {
    "000 Stappenplan": [
        "Koningin Wilhelminalaan 3", "3527 LA", "facturen@meevivenz.nl", "hrmdesk@meevivenz.nl",
        "MEEVivenz", "https://www.registerplein.nl/vog-aanvragen/", "niet ouder dan 12 maanden",
        "niet ouder dan drie maanden", "apparaat koppelen", "QR-code", "Registratie Basis", "Registratie Plus",
        "maximaal 3 maanden", "herregistratie indienen", "binnen 6 weken", "registerpas", "hardheidsclausule",
        "inwerk-/praktijkprogramma", "jeugdzorgwerker", "gedragswetenschappers", "drie maanden",
        "gefrankeerde retourenvelop", "Verklaring Werkervaring", "eHerkenning",
    ],
    "001 Reglement cliëntondersteuners": [
        "versie 12", "In opleiding", "Junior", "Senior", "2080 uur", "16 uur per week", "160 punten",
        "26 punten", "Minimaal 12 punten", "Minimaal 8 punten", "Ixly", "co@registerplein.nl", "21+ toets",
        "Mantelzorgmakelaar", "masterclass 4", "CROHO", "NVAO", "1 november 2021", "Mw. De Vries",
        "Dhr. Jansen", "Mw. Hollander", "Onvoldoende reflectie", "EVC", "6 tot 8 weken", "BCMB",
        "Verklaring VOG werkgever", "toegepaste gerontologie", "1 punt per lidmaatschapsjaar",
    ],
    "002 KRSD handreiking": [
        "96", "24 uur", "72 uur", "CPION", "NLQF", "Cedeo", "NRTO", "CRKBO", "16 uur", "referent",
        "KANDIDAATSTELLING", "HERCERTIFICERINGSAANVRAAG", "Lonneke", "Judith", "Farid", "57 punten",
        "39 punten", "€ 95", "€ 1.460", "102 uur", "Cantrijn", "College van Belanghebbenden",
        "Commissie van Conformiteitsbepaling", "085 487 11 02", "contact@krsd.nl", "academieportal.nl/KRSD",
        "Eens per kwartaal", "drie jaar terug",
    ],
    "003 PJ&J gemeenten": [
        "Kwaliteitskader Jeugd", "Norm van de verantwoorde werktoedeling", "1 januari 2018", "inkoper",
        "een jaar de tijd", "toegangsmedewerkers",
    ],
    "004 Factsheet samenwerken": [
        "in combinatie met", "onder verantwoordelijkheid van", "Gezinshuizen", "tandem", "Stagiaires",
        "regie voert", "behandelcoördinator",
    ],
}


@pytest.fixture(scope="module")
def site_text(built_site: Path) -> str:
    """The visible text of every built page, tags stripped, whitespace folded."""
    texts = []
    for html in built_site.rglob("*.html"):
        body = html.read_text(encoding="utf-8")
        body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
        texts.append(unescape(re.sub(r"<[^>]+>", " ", body)))
    return re.sub(r"\s+", " ", " ".join(texts))


@pytest.mark.parametrize("source", FACTS)
def test_the_guide_holds_the_facts_of_each_source(site_text: str, source: str) -> None:
    missing = [fact for fact in FACTS[source] if fact.lower() not in site_text.lower()]
    assert missing == []

"""The CSV reader on its own (text in, portfolio dict out), as the CLI and the browser worker use it."""
from __future__ import annotations

import pytest

import calculator
from calculator.csv_import import read_csv


def test_meta_rows_as_the_browser_exports_them() -> None:
    text = ("register;registerplein-clientondersteuner\r\nstart;2022-01-01\r\nopties;skj_registered\r\n"
            "datum;categorie;punten;titel\r\n2022-02-01;geaccrediteerd;7,5;\"Training; deel 1\"\r\n")
    assert read_csv(text).portfolio == {
        "register": "registerplein-clientondersteuner", "period_start": "2022-01-01",
        "options": {"skj_registered": True},
        "activities": [{"date": "2022-02-01", "category": "geaccrediteerd", "points": 7.5,
                        "title": "Training; deel 1"}],
    }


def test_comments_blank_rows_dutch_dates_and_english_headers() -> None:
    text = ("# Mijn portfolio\n\n# register: krsd\n# start: 1-3-2022\nDate,Category,Hours\n"
            "# a comment between rows\n1-4-2022,Vrije Ruimte,3\n\n02-04-2022,geaccrediteerd,\"2,25\"\n")
    result = read_csv(text)
    assert result.portfolio["period_start"] == "2022-03-01"
    assert result.portfolio["activities"] == [
        {"date": "2022-04-01", "category": "vrije_ruimte", "points": 3},
        {"date": "2022-04-02", "category": "geaccrediteerd", "points": 2.25},
    ]
    assert [result.locate(0, "points"), result.locate(1, None)] == ["rij 7, kolom Hours", "rij 9"]


def test_arguments_override_meta_rows() -> None:
    text = "register;krsd\nstart;2022-01-01\nopties;a\ndatum;categorie;punten\n2022-02-01;geaccrediteerd;1\n"
    portfolio = read_csv(text, "registerplein-clientondersteuner", "2023-01-01", ("skj_registered",)).portfolio
    assert (portfolio["register"], portfolio["period_start"], portfolio["options"]) == (
        "registerplein-clientondersteuner", "2023-01-01", {"skj_registered": True})


@pytest.mark.parametrize("text, message", [
    ("datum;categorie;punten\n", 'register: ontbreekt: zet een regel "register;…" boven de kopregel'),
    ("register;krsd\nstart;31-2-2022\ndatum;categorie;punten\n", 'rij 2: "31-2-2022" is geen bestaande datum'),
    ('register;krsd\nstart;2022-01-01\ndatum;categorie;punten\n2022-01-02;x;"1\n', "rij 4: geen geldige CSV"),
])
def test_refused(text: str, message: str) -> None:
    with pytest.raises(calculator.InputError) as error:
        read_csv(text)
    assert str(error.value).startswith(message)


def test_comma_file_with_a_quoted_first_column() -> None:
    text = 'titel,datum,categorie,punten\n"Artikel, deel 1",2022-02-01,overig,1\n'
    activity = read_csv(text, "registerplein-clientondersteuner", "2022-01-01").portfolio["activities"][0]
    assert activity == {"date": "2022-02-01", "category": "overig", "points": 1, "title": "Artikel, deel 1"}

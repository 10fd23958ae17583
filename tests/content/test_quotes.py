"""Every quote the guide attributes to a source occurs verbatim in the five source documents
(tests/content/sources/: the project's copy of the seeds, byte for byte).

A quote is any text between “ and ” (or „ and ”) in the content YAML, every Markdown blockquote,
and every worked example's `expected.verdict` (shown as "Volgens de bron: “…”"). Verbatim means
the same words in the same order; only line breaks, spacing and the style of quotation marks
may differ (the seeds are plain-text extractions). ' … ' marks text left out between two parts,
each of which must be verbatim, in order.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(__file__).resolve().parent / "sources"
QUOTE = re.compile(r"[“„]([^“”„]+)”")
ELISION = re.compile(r"\s*(?:…|\.\.\.)\s*")
_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "\u00a0": " "})


def normalise(text: str) -> str:
    """Fold what plain-text extraction changes: whitespace, quotation-mark style, Markdown emphasis."""
    text = re.sub(r"<br\s*/?>|\*\*|(?<!\w)\*|\*(?!\w)", " ", text.translate(_MARKS))
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def seed_text() -> str:
    """The five source documents as one normalised text."""
    files = sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt"))
    if len(files) != 5:
        pytest.fail(f"expected the five source documents in {SEEDS}")
    return normalise(" ".join(path.read_text(encoding="utf-8") for path in files))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _blockquotes(text: str) -> Iterator[str]:
    """Each Markdown blockquote (consecutive '> ' lines), its quotation marks removed."""
    for block in re.findall(r"(?:^[ \t]*>[^\n]*\n?)+", text, flags=re.M):
        body = " ".join(line.strip()[1:] for line in block.splitlines())
        yield normalise(body).strip("'\" ")


def quotes() -> list[tuple[str, str]]:
    """(file, quote) for every quote in the content."""
    found = []
    for path in sorted((ROOT / "content").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        name = str(path.relative_to(ROOT))
        for text in _strings(data):
            unquoted = re.sub(r"^[ \t]*> ?", "", text, flags=re.M)  # blockquote markers inside a quote
            found += [(name, match) for match in QUOTE.findall(unquoted)]
            found += [(name, block) for block in _blockquotes(text)]
        if path.parent.name == "worked-examples":
            found.append((name, data["expected"]["verdict"]))
    return found


def test_the_content_has_quotes_to_check() -> None:
    names = {name for name, _ in quotes()}
    assert len(quotes()) >= 15
    assert {"content/worked-examples/lonneke.yml", "content/pages/werkgevers/samenwerken.yml"} <= names


@pytest.mark.parametrize(("name", "quote"), quotes(), ids=lambda value: value[:40])
def test_each_quote_occurs_verbatim_in_the_sources(seed_text: str, name: str, quote: str) -> None:
    position = 0
    for part in ELISION.split(normalise(quote)):
        if not part:
            continue
        found = seed_text.find(part, position)
        assert found >= 0, f"{name}: “{part}” is not in the source documents (verbatim, in this order)"
        position = found + len(part)


@pytest.mark.parametrize("made_up", [
    "Totaal 98 punten in drie jaar: genoeg voor certificering (96 punten nodig).",
    "Opgeteld komt ze op 57 punten. Daarvoor heeft ze nog 39 punten – lees studie-uren nodig.",
    "tandemconstructie",
])
def test_a_quote_that_is_not_verbatim_is_caught(seed_text: str, made_up: str) -> None:
    parts = [part for part in ELISION.split(normalise(made_up)) if part]
    assert len(parts) == 1 and parts[0] not in seed_text

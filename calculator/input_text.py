"""A visitor's file as text, and JSON text as data: bounded, strict, refused in Dutch (no I/O here).

Files come from anyone's e-mail, so everything that would crash, hang or silently change the
meaning is refused with an InputError naming the file: bytes that are no text, UTF-16 without a
byte order mark, JSON nested deeper than a portfolio ever is, numbers of thousands of digits,
and a key given twice (JSON would keep only the last one). `NaN` and `Infinity` are read, so that
the field they stand in is named when it refuses them.
"""
from __future__ import annotations

import codecs
import json
import re
from typing import Any, NoReturn

from .errors import fail

MAX_BYTES = 10_000_000  # a portfolio of 10,000 activities is about 1 MB
MAX_DEPTH = 64  # a portfolio nests 4 deep; Pyodide's stack overflows (no RecursionError) near 10,000
_TOO_DEEP = "geen geldige JSON: te diep genest (een portfolio is een object met een lijst activiteiten)"
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_FALLBACKS = ("utf-8", "cp1252")  # UTF-8, else Windows-1252 as older Excel saves a CSV


def decode(data: bytes, name: str) -> str:
    """The text of a file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if len(data) > MAX_BYTES:
        fail(name, f"het bestand is groter dan {MAX_BYTES // 1_000_000} MB; een portfolio is veel kleiner")
    encodings = [encoding for bom, encoding in _BOMS if data.startswith(bom)] or _FALLBACKS
    if encodings is _FALLBACKS and b"\x00" in data:
        _no_text(data, name)
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            _no_text(data, name)
        return text
    fail(name, "geen leesbare tekst; sla het bestand op als UTF-8")


def _no_text(data: bytes, name: str) -> NoReturn:
    """NUL bytes: UTF-16 without a byte order mark, or no text at all."""
    half = len(data) // 2 or 1
    zeros = sorted((data[0::2].count(0), data[1::2].count(0)))
    if zeros[1] >= half / 2 and zeros[0] <= half / 10:  # ASCII text in UTF-16: every other byte is 0
        fail(name, "UTF-16 zonder byte order mark (BOM); sla het bestand op als UTF-8")
    fail(name, "geen tekstbestand; verwacht een portfolio in JSON of CSV")


def parse_json(text: str, name: str) -> Any:
    """Strict JSON as data; InputError naming `name` and, for a syntax error, the line."""
    if _too_deep(text):
        fail(name, _TOO_DEEP)
    try:
        return json.loads(text, object_pairs_hook=_object)
    except _Refused as refused:
        fail(name, str(refused))
    except RecursionError:
        fail(name, _TOO_DEEP)
    except json.JSONDecodeError as error:
        fail(name, f"geen geldige JSON (regel {error.lineno}, kolom {error.colno})")
    except (TypeError, ValueError):  # e.g. an integer of more than 4300 digits
        fail(name, "geen geldige JSON: een getal met duizenden cijfers")


def _too_deep(text: str) -> bool:
    """Whether brackets outside strings nest deeper than MAX_DEPTH (checked before parsing)."""
    depth = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > MAX_DEPTH:
            return True
    return False


class _Refused(ValueError):
    """Raised from inside the JSON parser's hooks."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise _Refused(f'het veld "{twice}" staat twee keer in hetzelfde object; JSON houdt er maar één')
    return result

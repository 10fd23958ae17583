"""Text from a visitor's file, made safe to print on a terminal: control characters are shown as
escapes, so a title cannot colour the terminal (ANSI escapes), forge a report line (newline) or
reverse the text around it (bidi controls)."""
from __future__ import annotations

import json
import re
from typing import Any

# C0 and C1 controls, DEL, line/paragraph separators and the bidirectional formatting characters.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")  # json.dumps escapes C0 itself
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` with every unsafe character written as an escape (`\\x1b`, `\\n`, `\\u202e`)."""
    return _UNSAFE.sub(_escape, text)


def printable_data(data: Any) -> Any:
    """The same data with `printable` applied to every string in it."""
    if isinstance(data, str):
        return printable(data)
    if isinstance(data, dict):
        return {key: printable_data(value) for key, value in data.items()}
    if isinstance(data, list):
        return [printable_data(item) for item in data]
    return data


def json_text(data: Any) -> str:
    """Indented JSON whose text shows no unsafe character raw (JSON escapes them as \\uXXXX)."""
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match[0]):04x}", json.dumps(data, ensure_ascii=False, indent=2))


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")

"""Control characters in a content file: invisible in an editor, and in a terminal
they can move the cursor, clear the screen or hide a link. The renderers make them
harmless (render/safe.py); `check` names each line that holds one."""

from __future__ import annotations

import re
from typing import Any

from voorveld_cli.content.model import WARNING, Problem, line_of_key

# C0 except tab and newline (a CR of CRLF is removed first), DEL and C1.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bytes that are never a control character in UTF-8 text (CR is judged apart: CRLF is fine).
_PLAIN_BYTES = bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100)) + b"\t\n\r"
_C1_RAW = re.compile(rb"\xc2[\x80-\x9f]")


def _suspect(raw: bytes) -> bool:
    """Whether the bytes may hold a control character; C-speed checks, no decoding
    (a regex over every file would cost more than the parse)."""
    if raw.translate(None, _PLAIN_BYTES):
        return True  # C0 or DEL
    if b"\r" in raw and raw.count(b"\r") != raw.count(b"\r\n"):
        return True  # a lone CR
    return b"\xc2" in raw and _C1_RAW.search(raw) is not None


_NAMES = {"\x1b": "ESC", "\x07": "BEL", "\x08": "BS", "\r": "CR", "\x00": "NUL", "\x9b": "CSI"}


def control_problems(
    raw: bytes, data: dict, shown: str, lines: dict[str, int], body_line: int
) -> list[Problem]:
    """One warning per line with a control character, located at its field: typed into
    the file, or written as a YAML escape ("\\e") in a front matter value."""
    found: dict[tuple[int, str], str] = {}
    for key, char in _in_values(data):
        found.setdefault((line_of_key(lines, key), key), char)
    if _suspect(raw):
        by_line = sorted((line, key) for key, line in lines.items())
        text = raw.decode("utf-8", "replace").replace("\r\n", "\n")
        for number, line in enumerate(text.split("\n"), 1):
            hit = _CONTROL.search(line)
            if hit is not None:
                field = "tekst" if number >= body_line else _field_at(by_line, number)
                found.setdefault((number, field), hit.group())
    return [
        Problem(shown, line, field, f"bevat een stuurteken ({_name(char)}); haal het weg", WARNING)
        for (line, field), char in sorted(found.items())
    ]


def _name(char: str) -> str:
    return _NAMES.get(char, f"U+{ord(char):04X}")


def _in_values(value: Any, key: str = ""):
    """(key, first control character) for every string value in the front matter that has one."""
    if isinstance(value, str):
        hit = _CONTROL.search(value)
        if hit is not None:
            yield key, hit.group()
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _in_values(item, f"{key}.{name}" if key else str(name))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from _in_values(item, f"{key}[{number}]")


def _field_at(by_line: list[tuple[int, str]], number: int) -> str:
    """The (deepest) key whose value this front matter line belongs to."""
    before = [(line, key) for line, key in by_line if line <= number]
    if not before:
        return "front matter"
    last = before[-1][0]
    return max((key for line, key in before if line == last), key=len)

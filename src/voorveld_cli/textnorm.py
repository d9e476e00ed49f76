"""Small text helpers shared by matching, ids and suggestions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPACE = re.compile(r"[\s_-]+")


def strip_accents(text: str) -> str:
    """'cliënten' -> 'clienten', 'coöperatie' -> 'cooperatie'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """A comparison key: case-, accent- and spacing-insensitive.

    'Wet maatschappelijke  ondersteuning' and 'wet-maatschappelijke-ondersteuning'
    fold to the same key.
    """
    return _SPACE.sub(" ", strip_accents(str(text)).casefold()).strip()


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$", re.M)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|\*|`|^\s*[-+>]\s+|^\s*\d+\.\s+)", re.M)


def markdown_text(markdown: str) -> str:
    """Markdown as plain prose for indexing and snippets: headings end in a full stop,
    links keep their text, emphasis and list marks go."""
    text = _MD_HEADING.sub(lambda m: f"{m.group(1)}." if m.group(1) else "", markdown)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_MARKS.sub("", text)


def slugify(text: str) -> str:
    """A lowercase ASCII id from a title: 'Overschie voor Elkaar!' -> 'overschie-voor-elkaar'."""
    ascii_text = strip_accents(text).casefold().replace("'", "")
    return _NON_ALNUM.sub("-", ascii_text).strip("-")


def suggest(word: str, candidates: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Close matches for a "did you mean", compared on folded text, returned as written."""
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(fold(candidate), candidate)
    import difflib  # only when a value is unknown: not on every start-up

    keys = difflib.get_close_matches(fold(word), list(by_key), n=n, cutoff=cutoff)
    return [by_key[key] for key in keys]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """' Bedoelde u ...?' or '' when nothing is close."""
    close = suggest(word, candidates)
    if not close:
        return ""
    quoted = " of ".join(f"'{c}'" for c in close)
    return f" Bedoelde u {quoted}?"

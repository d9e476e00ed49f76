"""Facet counts that cost the same for 10 matches as for 10,000.

Each facet value (a kind, a theme, a law, a province) is a bitmap: a Python int with
one bit per document. The bitmaps are made once per index generation, from the
postings, and kept beside the index (facets.json); a search turns its matches into
one bitmap and counts each value with an AND and a popcount. Before this, every
search intersected every facet value's postings with the match set, which grew with
the corpus and the number of matches.

The file is cache, so untrusted input: one of another generation or of the wrong
shape is ignored and the bitmaps are made in memory from the postings.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from pathlib import Path

from voorveld_cli.files import atomic_write

FACETS_FILE = "facets.json"

# Facet key in the JSON -> index field that holds the exact values.
FACET_FIELDS = {
    "kind": "kind",
    "themes": "themes",
    "laws": "laws",
    "laws_inferred": "laws_inferred",
    "province": "province",
}

Bitmaps = dict[str, dict[str, int]]


def bitmap(docnums: Iterable[int], size: int) -> int:
    """One bit per document number."""
    bits = bytearray(size // 8 + 1)
    for docnum in docnums:
        bits[docnum >> 3] |= 1 << (docnum & 7)
    return int.from_bytes(bits, "little")


def make(reader) -> Bitmaps:
    """The bitmap of every facet value, from the postings (the one walk over them)."""
    size = reader.doc_count_all()
    return {
        key: {term: bitmap(reader.postings(name, term).all_ids(), size) for term in reader.field_terms(name)}
        for key, name in FACET_FIELDS.items()
    }


def _stamp(reader) -> list[int]:
    """Which index the bitmaps belong to: a commit makes a new generation."""
    return [reader.generation() or 0, reader.doc_count_all(), reader.doc_count()]


def write(folder: Path, reader) -> None:
    bitmaps = make(reader)
    hexed = {key: {v: format(b, "x") for v, b in values.items()} for key, values in bitmaps.items()}
    data = {"stamp": _stamp(reader), "facets": hexed}
    atomic_write(folder / FACETS_FILE, json.dumps(data, ensure_ascii=False))


def load(folder: Path | None, reader) -> Bitmaps:
    """The stored bitmaps when they belong to this index, else made from the postings."""
    if folder is not None:
        with contextlib.suppress(OSError, ValueError, TypeError, KeyError, AttributeError):
            data = json.loads((folder / FACETS_FILE).read_bytes().decode("utf-8"))
            if data["stamp"] == _stamp(reader) and set(data["facets"]) == set(FACET_FIELDS):
                stored = data["facets"]
                return {
                    key: {str(v): int(b, 16) for v, b in values.items()} for key, values in stored.items()
                }
    return make(reader)


def counts(bitmaps: Bitmaps, docnums: Iterable[int], size: int) -> dict[str, dict[str, int]]:
    """Per facet, value -> number of matching documents, most first (then by value)."""
    matches = bitmap(docnums, size)
    out: dict[str, dict[str, int]] = {}
    for key in FACET_FIELDS:
        values = bitmaps.get(key, {})
        found = {value: n for value, bits in values.items() if (n := (bits & matches).bit_count())}
        out[key] = dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))
    return out

"""Do two query words stand close together in an entry? For a few given entries.

Ranking rewards entries where neighbouring words of the query stand at most
NEAR_SLOP words apart, in order, in the title, summary or body: what Whoosh's
Phrase(slop=3) matches. A phrase matcher asked for one entry walks forward through
every entry holding both words until the next true match, reading positions all the
way; here each word's postings skip straight to the entry and only its positions are
compared. tests/test_search_speed.py holds the verdicts equal to Whoosh's phrase.
"""

from __future__ import annotations

import itertools

NEAR_SLOP = 3  # words at most this far apart count as 'together'
NEAR_FIELDS = ("title", "summary", "body")


def close(first: list[int], second: list[int], slop: int = NEAR_SLOP) -> bool:
    """A position of the second word 1..slop after one of the first (Phrase, ordered)."""
    later = set(second)
    return any(p + gap in later for p in first for gap in range(1, slop + 1))


def pair_counts(searcher, stems: list[str], among: set[int]) -> dict[int, int]:
    """Per entry of `among`, how many neighbouring pairs of `stems` stand close together
    in at least one of the fields."""
    counts: dict[int, int] = {}
    for a, b in itertools.pairwise(stems):
        for docnum in _close_in_any_field(searcher, a, b, among):
            counts[docnum] = counts.get(docnum, 0) + 1
    return counts


def _close_in_any_field(searcher, a: str, b: str, among: set[int]) -> set[int]:
    found: set[int] = set()
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        local = sorted(d - offset for d in among if offset <= d < offset + reader.doc_count_all())
        for field in NEAR_FIELDS:
            if not local or (field, a) not in reader or (field, b) not in reader:
                continue
            first, second = reader.postings(field, a), reader.postings(field, b)
            for docnum in local:
                if docnum + offset in found:
                    continue
                if not (_at(first, docnum) and _at(second, docnum)):
                    if not (first.is_active() and second.is_active()):
                        break
                    continue
                if close(first.value_as("positions"), second.value_as("positions")):
                    found.add(docnum + offset)
    return found


def _at(matcher, docnum: int) -> bool:
    """Move the postings to `docnum` (never back); is the word in that entry?"""
    if not matcher.is_active():
        return False
    if matcher.id() < docnum:
        matcher.skip_to(docnum)
    return matcher.is_active() and matcher.id() == docnum

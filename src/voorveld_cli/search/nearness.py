"""Do two query words stand close together in an entry? For a few given entries.

Ranking rewards entries where neighbouring words of the query stand at most
NEAR_SLOP words apart, in order, in the title, summary or body: what Whoosh's
Phrase(slop=3) matches. A phrase matcher asked for one entry walks forward through
every entry holding both words until the next true match, reading positions all the
way; here each word's postings skip straight to the entry and only its positions are
compared. tests/test_search_speed.py holds the verdicts equal to Whoosh's phrase.
"""

from __future__ import annotations

import bisect
import itertools
import weakref

from whoosh.codec.whoosh3 import W3LeafMatcher

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
            first, second = _postings(reader, field, a), _postings(reader, field, b)
            for docnum in local:
                if docnum + offset in found:
                    continue
                here = first.positions(docnum)
                there = second.positions(docnum) if here is not None else None
                if there is not None and close(here, there):
                    found.add(docnum + offset)
    return found


# segment reader -> (field, word) -> its postings: nearness asks in batches, and a
# query's batches share what was read (the readers go with the search).
_OPENED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _postings(reader, field: str, word: str):
    """The word's postings, kept for the next batch when they can be asked in any
    order; else a fresh forward walk (the entries of one batch come in rising order)."""
    try:
        opened = _OPENED.setdefault(reader, {})
    except TypeError:  # a reader that cannot be weakly referenced
        opened = {}
    if (field, word) not in opened:
        matcher = reader.postings(field, word)
        if not _Blocks.fits(matcher):
            return _Walk(matcher)
        opened[field, word] = _Blocks(matcher)
    return opened[field, word]


class _Blocks:
    """A word's postings in one field, for entries asked in any order, batch after
    batch. A skip through Whoosh's postings reads the header of every block it passes,
    and each batch started from the first block again (5 ms per batch for a common word
    at 10,000 entries). Here the headers are read once, an entry's block is found by
    bisection, and a block's ids and values are read once and kept. Relies on private
    names of Whoosh's on-disk matcher (fits() checks them; _Walk is the way without)."""

    NAMES = ("_baseoffset", "_goto", "_maxid", "_lastblock", "_nextoffset", "_read_ids", "_read_values")

    @classmethod
    def fits(cls, matcher) -> bool:
        return type(matcher) is W3LeafMatcher and all(hasattr(matcher, n) for n in cls.NAMES)

    def __init__(self, matcher) -> None:
        self.matcher = matcher
        self.decode = matcher.format.decoder("positions")
        self.max_ids: list[int] = []
        self.offsets: list[int] = []
        self.read: dict[int, tuple] = {}  # block -> (ids, values)
        position = matcher._baseoffset
        while True:  # fresh: the matcher is at its first block
            self.max_ids.append(matcher._maxid)
            self.offsets.append(position)
            if matcher._lastblock:
                break
            position = matcher._nextoffset
            matcher._goto(position)

    def positions(self, docnum: int) -> list[int] | None:
        """The word's positions in the entry; None when the entry lacks the word."""
        block = bisect.bisect_left(self.max_ids, docnum)
        if block == len(self.max_ids):
            return None
        if block not in self.read:
            matcher = self.matcher
            matcher._goto(self.offsets[block])
            matcher._read_ids()
            matcher._read_values()
            self.read[block] = (matcher._ids, matcher._values)
        ids, values = self.read[block]
        i = bisect.bisect_left(ids, docnum)
        if i == len(ids) or ids[i] != docnum:
            return None
        return self.decode(values[i])


class _Walk:
    """Whoosh's own way, forward only: for entries asked in rising order."""

    def __init__(self, matcher) -> None:
        self.matcher = matcher

    def positions(self, docnum: int) -> list[int] | None:
        matcher = self.matcher
        if not matcher.is_active():
            return None
        if matcher.id() < docnum:
            matcher.skip_to(docnum)
        if matcher.is_active() and matcher.id() == docnum:
            return matcher.value_as("positions")
        return None

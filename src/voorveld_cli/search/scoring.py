"""BM25F as Whoosh computes it, to the last bit, at a third of the calls per match.

Whoosh's BM25F scorer looks up a document's field length through six calls for
every posting it scores (searcher, reader, per-document reader, column reader,
file, unpack). At 10,000 entries a common word has 9,000 postings per field, and
that lookup was most of the search. LeanBM25F reads a segment's length column for
a field once, as one byte string, decodes it with Whoosh's own table and keeps the
list for the reader's lifetime; the formula is Whoosh's `bm25`, term for term, so
the scores are equal, not close (tests/test_search_speed.py compares them).

It relies on two private names of Whoosh's codec (the per-document reader and its
length column); anything unexpected there falls back to Whoosh's own scorer.
"""

from __future__ import annotations

import weakref
from typing import Any

from whoosh import scoring
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.util.numeric import byte_to_length

# The private parts of Whoosh's on-disk leaf matcher that block_scores reads; when
# any is missing (another Whoosh), the matcher is iterated the usual way.
_BLOCK_NAMES = ("_i", "_ids", "_weights", "_read_ids", "_read_weights", "_next_block")
# segment reader -> field -> decoded lengths
_LENGTHS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def field_lengths(reader, fieldname: str) -> list[int] | None:
    """Every document's length in the field, as Whoosh stores it (one byte each)."""
    try:
        per_field = _LENGTHS.setdefault(reader, {})
    except TypeError:  # a reader that cannot be weakly referenced
        return None
    if fieldname not in per_field:
        per_field[fieldname] = _read_lengths(reader, fieldname)
    return per_field[fieldname]


_LENGTH_OF_BYTE = [byte_to_length(b) for b in range(256)]


def _read_lengths(reader, fieldname: str) -> list[int] | None:
    try:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return None
        raw = column._dbfile.get(column._basepos, column._count)
        lengths = list(map(_LENGTH_OF_BYTE.__getitem__, raw))  # Whoosh's table, looked up in C
        return lengths + [0] * (reader.doc_count_all() - len(lengths))
    except (AttributeError, TypeError, ValueError, OSError):
        return None


class LeanBM25F(scoring.BM25F):
    """Whoosh's default weighting (BM25F, B=0.75, K1=1.2) with LeanScorer."""

    def scorer(self, searcher: Any, fieldname: str, text: str, qf: int = 1) -> scoring.BaseScorer:
        if not searcher.schema[fieldname].scorable:
            return scoring.WeightScorer.for_(searcher, fieldname, text)
        lengths = field_lengths(searcher.reader(), fieldname)
        B = self._field_B.get(fieldname, self.B)
        if lengths is None:
            return scoring.BM25FScorer(searcher, fieldname, text, B, self.K1, qf=qf)
        return LeanScorer(searcher, fieldname, text, B, self.K1, qf, lengths)


class LeanScorer(scoring.BM25FScorer):
    def __init__(self, searcher, fieldname: str, text: str, B: float, K1: float, qf: int, lengths: list[int]):
        super().__init__(searcher, fieldname, text, B, K1, qf=qf)
        self._lengths = lengths
        self._k1_plus_1 = K1 + 1
        self._one_minus_b = 1 - B

    def score(self, matcher: Any) -> float:
        # scoring.bm25(idf, tf, fl, avgfl, B, K1), with its two constants made once
        tf = matcher.weight()
        fl = self._lengths[matcher.id()]
        return self.idf * (
            (tf * self._k1_plus_1) / (tf + self.K1 * (self._one_minus_b + self.B * fl / self.avgfl))
        )

    def block_scores(self, matcher: Any) -> dict[int, float] | None:
        """score() for every posting of a fresh leaf matcher, a block at a time (one
        call per block instead of several per posting); None for a matcher that is not
        Whoosh's on-disk leaf at its start. The expression is score()'s, for equal bits."""
        if type(matcher) is not W3LeafMatcher or not all(hasattr(matcher, n) for n in _BLOCK_NAMES):
            return None
        if matcher._i != 0:
            return None
        idf, k1_plus_1, k1, one_minus_b, b = self.idf, self._k1_plus_1, self.K1, self._one_minus_b, self.B
        avgfl, lengths = self.avgfl, self._lengths
        out: dict[int, float] = {}
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            for docnum, tf in zip(matcher._ids, matcher._weights, strict=True):
                fl = lengths[docnum]
                out[docnum] = idf * ((tf * k1_plus_1) / (tf + k1 * (one_minus_b + b * fl / avgfl)))
            matcher._next_block()
        return out

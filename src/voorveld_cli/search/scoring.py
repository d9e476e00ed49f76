"""BM25F as Whoosh computes it, to the last bit, at a third of the calls per match.

Whoosh's BM25F scorer looks up a document's field length through six calls for
every posting it scores (searcher, reader, per-document reader, column reader,
file, unpack). At 10,000 entries a common word has 9,000 postings per field, and
that lookup was most of the search. LeanBM25F reads a segment's length column for
a field once, as one byte string kept for the reader's lifetime, and makes BM25's
length part once per length byte; the formula is Whoosh's `bm25`, term for term, so
the scores are equal, not close (tests/test_search_speed.py compares them).

It relies on two private names of Whoosh's codec (the per-document reader and its
length column); anything unexpected there falls back to Whoosh's own scorer.
"""

from __future__ import annotations

import weakref
from itertools import repeat
from operator import add, mul, truediv
from typing import Any

from whoosh import scoring
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.util.numeric import byte_to_length

# The private parts of Whoosh's on-disk leaf matcher that block_scores reads; when
# any is missing (another Whoosh), the matcher is iterated the usual way.
_BLOCK_NAMES = ("_i", "_ids", "_weights", "_read_ids", "_read_weights", "_next_block")
# segment reader -> field -> every document's length byte
_LENGTHS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def field_lengths(reader, fieldname: str) -> bytes | None:
    """Every document's length in the field as the byte Whoosh stores (byte_to_length
    tells the length), one per document of the segment."""
    try:
        per_field = _LENGTHS.setdefault(reader, {})
    except TypeError:  # a reader that cannot be weakly referenced
        return None
    if fieldname not in per_field:
        per_field[fieldname] = _read_lengths(reader, fieldname)
    return per_field[fieldname]


def _read_lengths(reader, fieldname: str) -> bytes | None:
    try:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return None
        raw = bytes(column._dbfile.get(column._basepos, column._count))
        return raw + bytes(reader.doc_count_all() - len(raw))  # byte 0 is length 0, as Whoosh reads it
    except (AttributeError, TypeError, ValueError, OSError):
        return None


class _Norms(dict):
    """length byte -> K1 * (1 - B + B * fl / avgfl), BM25's length part, made on first
    use: at most 256 values per scorer, then looked up in C."""

    def __init__(self, k1: float, one_minus_b: float, b: float, avgfl: float):
        super().__init__()
        self.k1, self.one_minus_b, self.b, self.avgfl = k1, one_minus_b, b, avgfl

    def __missing__(self, byte: int) -> float:
        fl = byte_to_length(byte)
        value = self[byte] = self.k1 * (self.one_minus_b + self.b * fl / self.avgfl)
        return value


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
    def __init__(self, searcher, fieldname: str, text: str, B: float, K1: float, qf: int, lengths: bytes):
        super().__init__(searcher, fieldname, text, B, K1, qf=qf)
        self._lengths = lengths
        self._k1_plus_1 = K1 + 1
        self._norms = _Norms(K1, 1 - B, B, self.avgfl)

    def score(self, matcher: Any) -> float:
        # scoring.bm25(idf, tf, fl, avgfl, B, K1), its length part from _Norms
        tf = matcher.weight()
        return self.idf * ((tf * self._k1_plus_1) / (tf + self._norms[self._lengths[matcher.id()]]))

    def block_scores(self, matcher: Any) -> dict[int, float] | None:
        """score() for every posting of a fresh leaf matcher, a block at a time, the
        arithmetic mapped over the block in C (each posting gets score()'s operations in
        score()'s order: equal bits); None for a matcher that is not Whoosh's on-disk
        leaf at its start."""
        if type(matcher) is not W3LeafMatcher or not all(hasattr(matcher, n) for n in _BLOCK_NAMES):
            return None
        if matcher._i != 0:
            return None
        idf, k1_plus_1 = repeat(self.idf), repeat(self._k1_plus_1)
        norm_of, length_of = self._norms.__getitem__, self._lengths.__getitem__
        out: dict[int, float] = {}
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids, tfs = matcher._ids, matcher._weights
            if len(ids) != len(tfs):
                raise ValueError("a block of postings with more ids than weights, or fewer")
            norms = map(norm_of, map(length_of, ids))
            scores = map(mul, idf, map(truediv, map(mul, tfs, k1_plus_1), map(add, tfs, norms)))
            out.update(zip(ids, scores, strict=True))
            matcher._next_block()
        return out

"""The score of every entry a query matches, read a block of postings at a time.

Whoosh scores a match by marching a tree of matchers along, one posting per step,
with several method calls per step at every level of the tree. A concept query is
an OR of some thirty field terms, so at 10,000 entries a common word took most of
a search in these calls alone. This module walks the same tree once, bottom-up:

- a leaf of postings scored by LeanBM25F gives its whole blocks of ids and term
  frequencies to LeanScorer.block_scores (the formula of LeanScorer.score);
- an OR adds its parts as the matcher Whoosh would have chosen adds them (a
  binary tree of unions, or an array that sums the parts in order), so each sum
  is the same sum of the same numbers in the same order: equal, not close;
- anything else (a phrase, an AND, a NOT, a matcher we do not know) is iterated
  as Whoosh iterates it.

tests/test_search_scale.py holds the result equal to Whoosh's own iteration.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from operator import add, mul
from typing import Any

from whoosh.matching import binary, mcore, wrappers
from whoosh.query import compound

from voorveld_cli.search.scoring import LeanScorer

Scores = dict[int, float]  # document number within the segment -> score


def query_scores(q: Any, searcher: Any, context: Any) -> Scores:
    """What `q.matcher(searcher, context)` yields, as {docnum: score}; `searcher` is
    one segment's searcher."""
    if type(q) is compound.Or and q.matcher_type == q.AUTO_MATCHER and not (q.minmatch or q.scale):
        subs = q.subqueries
        if not subs:
            return {}
        if len(subs) == 1:  # CompoundQuery.matcher: the one part, its boost alone
            return query_scores(subs[0], searcher, context)
        if not _array_or(q, subs, searcher, context):
            return matcher_scores(compound.DefaultOr(subs, boost=q.boost).matcher(searcher, context))
        # PreloadedOr's ArrayUnionMatcher: the parts' scores times the boost, added in
        # the parts' order to 0.0; an entry counts when its sum is above zero.
        boost = repeat(q.boost)
        total: Scores = {}
        for sub in subs:
            part = query_scores(sub, searcher, context)
            # total[d] = total.get(d, 0.0) + score * boost, mapped over the part in C
            summed = map(add, map(total.get, part, repeat(0.0)), map(mul, part.values(), boost))
            total.update(zip(part, summed, strict=True))
        if all(map((0.0).__lt__, total.values())):  # every sum above zero, as a rule
            return total
        return {docnum: score for docnum, score in total.items() if score > 0}
    return matcher_scores(q.matcher(searcher, context))


def _array_or(q: Any, subs: Sequence[Any], searcher: Any, context: Any) -> bool:
    """Or._matcher's own choice between the array matcher and a tree of unions."""
    needs_current = context.needs_current if context else True
    tree = len(subs) < q.TOO_MANY_CLAUSES and (
        needs_current or bool(q.scale) or len(subs) == 2 or searcher.doc_count_all() > 5000
    )
    return not tree


def matcher_scores(matcher: Any) -> Scores:
    """{docnum: matcher.score()} over every document the (fresh) matcher matches."""
    kind = type(matcher)
    if kind is mcore.NullMatcherClass:  # a word the field does not have
        return {}
    if kind is binary.UnionMatcher:
        return _union(matcher_scores(matcher.a), matcher_scores(matcher.b))
    if kind is wrappers.WrappingMatcher:
        child = matcher_scores(matcher.child)
        return dict(zip(child, map(mul, child.values(), repeat(matcher.boost)), strict=True))
    if kind is wrappers.FilterMatcher:  # a segment with deleted entries wraps its postings
        boost, ids, exclude = matcher.boost, matcher._ids, matcher._exclude
        inner = matcher_scores(matcher.child)
        return {d: score * boost for d, score in inner.items() if (d in ids) is not exclude}
    if type(getattr(matcher, "scorer", None)) is LeanScorer:
        block = matcher.scorer.block_scores(matcher)
        if block is not None:
            return block
    return _iterate(matcher)


def _union(a: Scores, b: Scores) -> Scores:
    """What a UnionMatcher scores: a's score plus b's where both match, else the one
    score, in the order a then b's new entries (as `a[d] + b[d] if d in a else b[d]`
    over b would make it, in C)."""
    both = a.keys() & b.keys()
    sums = dict(zip(both, map(add, map(a.__getitem__, both), map(b.__getitem__, both)), strict=True))
    a.update(b)  # b's new entries in b's order; the shared ones are set right below
    a.update(sums)
    return a


def _iterate(matcher: Any) -> Scores:
    out: Scores = {}
    while matcher.is_active():
        out[matcher.id()] = matcher.score()
        matcher.next()
    return out

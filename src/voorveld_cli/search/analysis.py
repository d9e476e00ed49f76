"""Text analysis for the Dutch index: words, accents, stop words, compounds, stems.

`DutchAnalyzer` does in one pass what a chain of Whoosh filters does token by
token (`reference_analyzer`, kept for the tests and the naive benchmark): the
words of a corpus repeat, so what a word becomes (folded, stopped, its compound
parts, their stems) is worked out once per distinct word and cached. That is
most of the analysis cost of an index build; the tokens are the same.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, cast

from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StopFilter, Token
from whoosh.analysis.analyzers import Analyzer
from whoosh.formats import Frequency, Positions
from whoosh.support.charset import accent_map as _accent_map
from whoosh.system import pack_uint

from voorveld_cli.search import dutch, ranking

# Whoosh's table maps code points to strings, as str.translate wants.
accent_map = cast("dict[int, str]", _accent_map)

WORD = r"\w+(?:['’]\w+)*"  # keeps zzp'er whole
# The analyzer's name and version, recorded in every index: a change to the stemmer, the
# repairs, the compound heads or the stop words must bump it, so old indexes are rebuilt.
ANALYZER = "snowball-dutch-porter+voorveld-repairs/3"


@functools.cache
def _stemmer() -> dutch.Stemmer:
    from whoosh.lang.snowball.dutch import DutchStemmer

    return dutch.Stemmer(DutchStemmer().stem)


def _stoplist() -> frozenset[str]:
    """Whoosh's Dutch stop words, less those that carry meaning here ('zonder')."""
    from whoosh.lang import stopwords_for_language

    return frozenset(stopwords_for_language("nl")) - ranking.MEANINGFUL


@functools.lru_cache(maxsize=200_000)
def index_terms(folded: str) -> tuple[str, ...]:
    """What the index holds for one (folded, not stopped) word: its stem, then the
    stems of the known compound parts of that stem ('mantelzorg' -> mantelzorg, zorg, mantel)."""
    stem = _stemmer().stem
    whole = stem(folded)
    return (whole, *(stem(part) for part in dutch.compound_parts(whole)))


class DutchAnalyzer(Analyzer):
    """Words (keeping zzp'er whole), lowercased, accents folded (cliënten -> clienten),
    Dutch stop words and words over dutch.MAX_WORD letters out, compound parts added
    at the word's position (index only: a query word stays whole, so 'mantelzorg'
    does not find every text about 'zorg'), then stemmed."""

    def __init__(self, stoplist: frozenset[str] | None = None):
        self.stops = stoplist if stoplist is not None else _stoplist()

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        t.boost, t.stopped = 1.0, False
        words = self._words()
        query = mode == "query"
        pos = None  # positions renumbered over the words that stay (as StopFilter does)
        matches: Iterable[Any] = _WORD.finditer(value) if tokenize else [_Whole(value)]
        for n, match in enumerate(matches):
            raw = match.group(0)
            known = words.get(raw)
            if known is None:
                known = self._query_word(raw) if query else self._word(raw)
                if not query:
                    words[raw] = known
            folded, terms = known
            if keeporiginal:
                t.original = raw  # type: ignore[attr-defined]
            if chars:
                t.startchar, t.endchar = start_char + match.start(), start_char + match.end()
            if not terms:  # a stop word
                if not removestops:
                    t.stopped, t.text = True, folded
                    if positions:
                        t.pos = start_pos + n
                    yield t
                    t.stopped = False
                continue
            if positions:
                pos = start_pos + n if pos is None else pos + 1
                t.pos = pos
            if query:
                t.text = terms[0]
                yield t
                continue
            for term in terms:
                t.text = term
                yield t

    def term_positions(self, value: str) -> dict[str, list[int]]:
        """Each index term of a text with its positions: what __call__ yields for
        Positions.word_values, without a Token per word (see TermPositions)."""
        words = self._words()
        poses: dict[str, list[int]] = {}
        pos = None
        for n, raw in enumerate(_WORD.findall(value)):
            known = words.get(raw)
            if known is None:
                known = words[raw] = self._word(raw)
            terms = known[1]
            if not terms:  # a stop word
                continue
            pos = n if pos is None else pos + 1
            for term in terms:
                found = poses.get(term)
                if found is None:
                    poses[term] = [pos]
                else:
                    found.append(pos)
        return poses

    @staticmethod
    def fold(text: str) -> str:
        """Lowercased, accents folded (cliënten -> clienten), as every word is indexed."""
        return text.lower().translate(accent_map)

    def terms_of(self, raw: str) -> tuple[str, ...]:
        """Index terms of one word as written (none for a stop word), from the cache."""
        words = self._words()
        known = words.get(raw)
        if known is None:
            known = words[raw] = self._word(raw)
        return known[1]

    def _query_word(self, raw: str) -> tuple[str, tuple[str, ...]]:
        """(folded, (stem,)): a query word is stemmed, never split."""
        folded = raw.lower().translate(accent_map)
        if not folded or folded in self.stops or len(folded) > dutch.MAX_WORD:
            return folded, ()
        return folded, (_stemmer().stem(folded),)

    def _word(self, raw: str) -> tuple[str, tuple[str, ...]]:
        """(folded, index terms) of a word as written; no terms for a stop word."""
        folded = raw.lower().translate(accent_map)
        if not folded or folded in self.stops or len(folded) > dutch.MAX_WORD:
            return folded, ()  # a stop word, or too long to be a word (dutch.MAX_WORD)
        return folded, index_terms(folded)

    def _words(self) -> dict:
        """The per-word cache, shared by the analyzer's copies (one per field)."""
        if len(_SEEN) > MAX_SEEN:
            _SEEN.clear()
        return _SEEN


_WORD = re.compile(WORD)
_SEEN: dict[str, tuple[str, tuple[str, ...]]] = {}  # word as written -> (folded, index terms)
MAX_SEEN = 500_000  # distinct spellings kept; a bigger corpus starts the cache over


class TermPositions(Positions):
    """Whoosh's Positions format (same postings, same bytes) that asks a DutchAnalyzer
    for each term's positions at once instead of walking a Token per word; any other
    analyzer (the naive benchmark's filter chain) takes Whoosh's own way."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any):
        if not _fast(value, analyzer, "term_positions", kwargs):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        fb = self.field_boost
        for term, poslist in analyzer.term_positions(value).items():
            yield term, len(poslist), float(len(poslist)) * fb, _encoded(poslist)

    def postings(self, value: Any, analyzer: Any) -> list[tuple] | None:
        """What FieldType.index yields for a value, (term bytes, frequency, weight,
        value bytes), as a list; None when this analyzer has no fast way."""
        if not _fast(value, analyzer, "term_positions", {}):
            return None
        fb = self.field_boost
        return [
            (_utf8(term), len(poslist), float(len(poslist)) * fb, _encoded(poslist))
            for term, poslist in analyzer.term_positions(value).items()
        ]


def _encoded(poslist: list[int]) -> bytes:
    """Positions.encode; for a term that occurs once (most do), once per position."""
    if len(poslist) > 1:
        return _POSITIONS.encode(poslist)
    value = _ONCE.get(poslist[0])
    if value is None:
        value = _ONCE[poslist[0]] = _POSITIONS.encode(poslist)
    return value


_POSITIONS = Positions()
_ONCE: dict[int, bytes] = {}  # position -> the encoded single-position list


class _Whole:
    """The whole value as one match, for tokenize=False."""

    def __init__(self, value: str):
        self.value = value

    def group(self, _n: int) -> str:
        return self.value

    def start(self) -> int:
        return 0

    def end(self) -> int:
        return len(self.value)


def forget_words() -> None:
    """Empty the per-word caches (tests that watch what reaches dutch.py use this)."""
    _SEEN.clear()
    index_terms.cache_clear()


def dutch_analyzer() -> DutchAnalyzer:
    return DutchAnalyzer()


def query_stem(word: str, analyzer: DutchAnalyzer | None = None) -> str:
    """A word as the query parser would look it up (stemmed, not split); a stop word as typed."""
    tokens = [t.text for t in (analyzer or _default())(word, mode="query")]
    return tokens[0] if tokens else word


@functools.cache
def _default() -> DutchAnalyzer:
    return DutchAnalyzer()


# -- the same analysis as a chain of Whoosh filters: the reference the tests compare
# DutchAnalyzer with, and what the naive benchmark loop (benchmarks/naive_index.py) runs.


class DutchStemFilter(Filter):
    """Snowball Dutch plus the repairs in dutch.py (singular and plural meet,
    ouderen and ouders stay apart)."""

    def __call__(self, tokens):
        stem = _stemmer().stem
        for token in tokens:
            if not token.stopped:
                token.text = stem(token.text)
            yield token


class CompoundFilter(Filter):
    """At index time, also index the known parts of a compound at the same position.
    (The stem filter after it has already stemmed the token when this reads it back:
    the parts are those of the stem.)"""

    def __call__(self, tokens):
        for token in tokens:
            yield token
            if token.mode == "query" or token.stopped:
                continue
            original = token.text
            for part in dutch.compound_parts(original):
                token.text = part
                yield token
            token.text = original


def reference_analyzer():
    return (
        RegexTokenizer(WORD)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=_stoplist(), minsize=1, maxsize=dutch.MAX_WORD)
        | CompoundFilter()
        | DutchStemFilter()
    )


def _plain_chain():
    return (
        RegexTokenizer(r"\w+")
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=(), minsize=1, maxsize=dutch.MAX_WORD)
    )


class PlainAnalyzer(Analyzer):
    """Unstemmed folded words, for the spelling corrector: the filter chain for
    Whoosh's calls, and `term_counts` for an index build (TermCounts)."""

    def __init__(self):
        self.chain = _plain_chain()

    def __call__(self, value, **kwargs):
        return self.chain(value, **kwargs)

    def term_counts(self, value: str) -> dict[str, int]:
        """How often each folded word occurs: the chain's tokens, counted."""
        counts: dict[str, int] = {}
        for raw in _PLAIN.findall(value):
            folded = _FOLDED.get(raw)
            if folded is None:
                if len(_FOLDED) > MAX_SEEN:
                    _FOLDED.clear()
                folded = raw.lower().translate(accent_map)
                folded = _FOLDED[raw] = folded if 1 <= len(folded) <= dutch.MAX_WORD else ""
            if folded:
                counts[folded] = counts.get(folded, 0) + 1
        return counts


_PLAIN = re.compile(r"\w+")
_FOLDED: dict[str, str] = {}  # word as written -> folded, "" when too long to be a word


class TermCounts(Frequency):
    """Whoosh's Frequency format (same postings, same bytes) that asks a PlainAnalyzer
    for the counts at once; any other analyzer takes Whoosh's own way."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any):
        if not _fast(value, analyzer, "term_counts", kwargs):
            return super().word_values(value, analyzer, **kwargs)
        fb = self.field_boost
        return ((w, n, float(n) * fb, pack_uint(n)) for w, n in analyzer.term_counts(value).items())

    def postings(self, value: Any, analyzer: Any) -> list[tuple] | None:
        """As TermPositions.postings."""
        if not _fast(value, analyzer, "term_counts", {}):
            return None
        fb = self.field_boost
        return [(_utf8(w), n, float(n) * fb, pack_uint(n)) for w, n in analyzer.term_counts(value).items()]


def _fast(value: Any, analyzer: Any, method: str, kwargs: dict) -> bool:
    """Whether an index-time call can take the analyzer's one-call way."""
    return isinstance(value, str) and hasattr(analyzer, method) and kwargs.get("mode", "index") == "index"


def _utf8(term: str) -> bytes:
    """A term as the index stores it (FieldType.index encodes each one), cached."""
    encoded = _UTF8.get(term)
    if encoded is None:
        if len(_UTF8) > MAX_SEEN:
            _UTF8.clear()
        encoded = _UTF8[term] = term.encode("utf-8")
    return encoded


_UTF8: dict[str, bytes] = {}


def plain_analyzer() -> PlainAnalyzer:
    """Unstemmed folded words, for the spelling corrector."""
    return PlainAnalyzer()

"""Text analysis for the Dutch index: words, accents, stop words, compounds, stems."""

from __future__ import annotations

import functools

from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import accent_map

from voorveld_cli.search import dutch, ranking

# The analyzer's name and version, recorded in every index: a change to the stemmer, the
# repairs, the compound heads or the stop words must bump it, so old indexes are rebuilt.
ANALYZER = "snowball-dutch-porter+voorveld-repairs/3"


@functools.cache
def _stemmer() -> dutch.Stemmer:
    from whoosh.lang.snowball.dutch import DutchStemmer

    return dutch.Stemmer(DutchStemmer().stem)


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
    """At index time, also index the known parts of a compound at the same position
    ('mantelzorg' is found by 'zorg'); a query word is left whole, so 'mantelzorg'
    does not find every text about 'zorg'."""

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


def _stoplist() -> frozenset[str]:
    """Whoosh's Dutch stop words, less those that carry meaning here ('zonder')."""
    return frozenset(stopwords_for_language("nl")) - ranking.MEANINGFUL


def dutch_analyzer():
    """Words (keeping zzp'er whole), lowercased, accents folded (cliënten -> clienten),
    Dutch stop words and words over dutch.MAX_WORD letters out, compound parts added,
    then stemmed."""
    return (
        RegexTokenizer(r"\w+(?:['’]\w+)*")
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=_stoplist(), minsize=1, maxsize=dutch.MAX_WORD)
        | CompoundFilter()
        | DutchStemFilter()
    )


def plain_analyzer():
    """Unstemmed folded words, for the spelling corrector."""
    return (
        RegexTokenizer(r"\w+")
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=(), minsize=1, maxsize=dutch.MAX_WORD)
    )

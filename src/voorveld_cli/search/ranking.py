"""How a researcher's query becomes concepts, and how hits are ordered. Pure Python:
index.py feeds it Whoosh's counts and scores.

A query typed as words (no AND/OR/NOT, no brackets) is a *natural* query. Its
words become concepts: a quoted phrase, a run of words that names a law or term
(one concept with its aliases), or one word. Question words ('hoe', 'welke')
are dropped; 'zonder' is kept, because 'dagbesteding zonder indicatie' is not
'dagbesteding met indicatie'.

The order of hits, strongest first:
1. the query is an entry's title or alias, as typed (folded);
2. coordination: the share of the query's concepts an entry matches, each concept
   weighted by its rarity (idf), so that matching 'indicatie' counts more than
   matching 'zonder';
3. then, within the same coordination, all words in the title, the words as a
   phrase or close together, and the engine's BM25 score.
Entries that match too few concepts are left out, with a relaxing minimum: all
concepts while that finds enough entries, then one fewer, down to one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from voorveld_cli.search.dutch import MAX_WORD
from voorveld_cli.textnorm import fold

# Words a researcher types around the subject: question words and fillers. They are
# no concept of their own (the index drops most of them as stop words anyway).
QUESTION_WORDS = frozenset(
    """
    hoe wat welke welk wie waar waarom wanneer hoeveel waarmee waardoor wordt worden
    is zijn er een de het van voor met en of in op aan bij om te door je jij we wij
    kun kan kunnen moet moeten mag doen doet gaat geeft over naar tot als dan dat die
    """.split()
)
# Stop words that carry meaning in this domain and so stay in the index and queries.
# Stop words that carry meaning here: negation and direction, and words that are part of
# names people search for (Stichting Doen, Wij in de wijk, Ons Coöperatief, zelf doen).
MEANINGFUL = frozenset(
    {"zonder", "geen", "niet", "tegen", "samen", "meer", "minder", "doen", "wij", "ons", "zelf"}
)

ENOUGH = 10  # relax the minimum number of matched concepts until this many entries match
_OPERATOR = re.compile(r"(^|\s|\()(AND|OR|NOT|ANDNOT|ANDMAYBE)(\s|$|\))")
_UNIT = re.compile(r'[-+]?"[^"]*"?|\S+')
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# 'dak- en thuislozen', 'jeugd-, jongeren- en ouderenwerk', 'arbeids- of zorgtoeleiding'
_ELLIPTIC = re.compile(r"\b((?:\w+-,?\s+)+)(en|of)\s+(\w+)", re.UNICODE)
_LEFT = re.compile(r"(\w+)-")
MIN_HEAD = 4  # letters of the shared second part ('zorg', 'lozen', 'werk')
MIN_LEFT_OF_HEAD = 3  # letters that must stay before it in the last word


def is_natural(text: str) -> bool:
    """Plain words, phrases and -exclusions; no boolean operators. Brackets alone are
    no syntax: titles have them ('Welzijn op recept (Everdingen)')."""
    return not _OPERATOR.search(text)


def elliptic_forms(text: str) -> list[str]:
    """The full words behind elliptic compounds: 'dak- en thuislozen' -> 'daklozen'.

    The shared second part is not known without a dictionary, so every plausible
    split of the last word is tried ('dak'+'lozen', 'dak'+'slozen', ...). The wrong
    ones are words nobody types; the right one meets the word a researcher types.
    """
    out: list[str] = []
    for match in _ELLIPTIC.finditer(text):
        lefts = _LEFT.findall(match.group(1))
        last = match.group(3)
        if len(last) > MAX_WORD:  # not a word; every split of it would cost its length squared
            continue
        for left in lefts:
            for cut in range(MIN_LEFT_OF_HEAD, len(last) - MIN_HEAD + 1):
                out.append(left + last[cut:])
    return list(dict.fromkeys(out))


def expand_elliptic(text: str) -> str:
    """A query with each elliptic compound written out: 'dak- en thuislozen' ->
    'daklozen thuislozen' (each candidate form joined by OR into one concept)."""

    def full(match: re.Match) -> str:
        forms = elliptic_forms(match.group(0))
        last = match.group(3)
        concepts = []
        for left in _LEFT.findall(match.group(1)):
            mine = [form for form in forms if form.startswith(left)]
            concepts.append("(" + " OR ".join(mine) + ")" if mine else left)
        return " ".join([*concepts, last])

    return _ELLIPTIC.sub(full, text)


@dataclass
class Concept:
    """One thing the researcher asks for: `text` is Whoosh query syntax for it."""

    text: str
    words: list[str] = field(default_factory=list)  # folded words, for title and phrase checks
    phrase: bool = False


@dataclass
class Plan:
    """A natural query split up: its concepts, its excluded and its required words."""

    concepts: list[Concept]
    excluded: list[str]  # '-woord' and '-"zinsdeel"' units, as typed
    required: list[str]  # '+woord' units


def plan(text: str, synonyms: dict[str, list[str]] | None = None) -> Plan:
    """Concepts of a natural query. `synonyms` is the alias table (synonyms.table)."""
    from voorveld_cli.search.synonyms import MAX_WORDS, quote

    synonyms = synonyms or {}
    units = _UNIT.findall(text.replace("?", " ").replace("*", " "))
    concepts: list[Concept] = []
    excluded: list[str] = []
    required: list[str] = []
    i = 0
    while i < len(units):
        unit = units[i]
        if unit.startswith("-") and len(unit) > 1:
            excluded.append(unit[1:])
            i += 1
            continue
        if unit.startswith("+") and len(unit) > 1:
            required.append(unit[1:])
            unit = unit[1:]
        if unit.startswith('"'):
            words = [fold(w) for w in _WORD.findall(unit)]
            if words:
                concepts.append(Concept('"' + " ".join(words) + '"', words, phrase=len(words) > 1))
            i += 1
            continue
        # The longest run of words that names a law or a term becomes one concept.
        matched = None
        for j in range(min(len(units), i + MAX_WORDS), i, -1):
            run = units[i:j]
            if any(u.startswith(('"', "-", "+")) for u in run):
                continue
            key = fold(" ".join(run))
            if key in synonyms and (j - i > 1 or key not in QUESTION_WORDS):
                matched = (j, run, synonyms[key])
                break
        if matched:
            j, run, others = matched
            typed = quote(" ".join(run))
            alternatives = dict.fromkeys([typed, *(q for q in map(quote, others) if q)])
            words = [fold(w) for w in _WORD.findall(" ".join(run))]
            concepts.append(Concept("(" + " OR ".join(alternatives) + ")", words, phrase=len(words) > 1))
            i = j
            continue
        for word in _WORD.findall(unit):
            folded = fold(word)
            if folded in QUESTION_WORDS and folded not in MEANINGFUL:
                continue
            concepts.append(Concept(word, [folded]))
        i += 1
    if not concepts:  # only question words: search them after all rather than nothing
        words = [w for u in units if not u.startswith("-") for w in _WORD.findall(u)]
        concepts = [Concept(w, [fold(w)]) for w in words]
    return Plan(concepts, excluded, required)


def idf(doc_count: int, matching: int) -> float:
    """How much matching a concept says: rare concepts weigh more."""
    return math.log(1 + doc_count / (1 + matching))


@dataclass
class Candidate:
    """An entry that matches a query, with everything its sort key is made of."""

    docnum: int
    bm25: float
    matched: int = 0  # concepts matched
    coordination: float = 0.0  # idf-weighted share of concepts matched
    exact_name: int = 0  # the query is this entry's title (2) or one of its aliases (1)
    title_has_all: bool = False  # every concept word stands in the title
    near: float = 0.0  # share of neighbouring query words that stand close together
    kind: str = ""
    title_words: int = 0
    named_term: bool = False  # a glossary term that one of the query's concepts names
    score: float = 0.0  # the key, once the best BM25 is known

    def key(self, top_bm25: float) -> float:
        """One number to sort by; the terms are scaled so each level dominates the next."""
        return sort_key(self.static(), self.bm25, top_bm25)

    def static(self) -> float:
        """The key without BM25: what sets of document numbers tell."""
        score = 500.0 * self.exact_name + coordination_only(self.coordination)
        score += 2.0 * self.title_has_all + NEAR_WEIGHT * self.near
        if self.title_has_all and self.title_words:
            score += 1.0 / self.title_words  # 'Buurtkamer Het Hofje' before a longer title
        if self.kind == "term" and not self.exact_name:
            score -= NAMED_TERM_PENALTY if self.named_term else TERM_PENALTY
        return score


def sort_key(static: float, bm25: float, top_bm25: float) -> float:
    """The static score plus BM25 scaled to the best candidate's."""
    return static + BM25_WEIGHT * (bm25 / top_bm25 if top_bm25 else 0.0)


def coordination_only(coordination: float) -> float:
    """The static score of an entry with nothing but coordination to its name (what
    Candidate.static gives when every other field is at its default)."""
    return COORDINATION_WEIGHT * coordination


def plain_static(coordination: float, term: bool) -> float:
    """The static score of an entry with nothing but coordination to its name, a glossary
    term or not: what Candidate.static gives with every other field at its default (its
    additions of zero leave the number as it is)."""
    static = coordination_only(coordination)
    return static - TERM_PENALTY if term else static


def plain_keys(
    docs, coordination: dict[int, float], bm25: dict[int, float], top_bm25: float, terms=frozenset()
) -> dict[int, float]:
    """sort_key(plain_static(c, d in terms), bm25, top_bm25) of many entries at once: the
    same operations in the same order (so the same numbers), without three calls per
    entry; a common word at 10,000 entries ranks thousands."""
    w, penalty = COORDINATION_WEIGHT, TERM_PENALTY
    if not top_bm25:
        return {
            d: (w * coordination[d] - penalty if d in terms else w * coordination[d]) + BM25_WEIGHT * 0.0
            for d in docs
        }
    return {
        d: (w * coordination[d] - penalty if d in terms else w * coordination[d])
        + BM25_WEIGHT * (bm25.get(d, 0.0) / top_bm25)
        for d in docs
    }


COORDINATION_WEIGHT = 10.0  # an entry with nothing but coordination scores this times its share
BM25_WEIGHT = 2.0  # BM25, scaled to the best candidate's, adds at most this much
NEAR_WEIGHT = 1.5  # all neighbouring query words close together adds this much


# A glossary term yields to practice with the same coordination. A term that a
# word of the query names ('indicatie' in 'dagbesteding zonder indicatie') is shown
# as a card above the hits, so in the list it yields further. Both measured on
# tests/relevance.yml (see BENCHMARKS.md).
TERM_PENALTY = 1.0
NAMED_TERM_PENALTY = 1.5


def minimum_match(matched_counts: Iterable[int], concepts: int, enough: int = ENOUGH) -> int:
    """The relaxing minimum: all concepts while that finds `enough` entries, else fewer."""
    counts = sorted(matched_counts, reverse=True)
    need = concepts
    while need > 1 and sum(1 for c in counts if c >= need) < enough:
        need -= 1
    return max(need, 1)


def name_key(text: str) -> str:
    """A title, alias or query as a comparison key: folded words only."""
    return " ".join(fold(w) for w in _WORD.findall(text))

"""Dutch word forms for search: plural and inflection repairs on top of the Snowball
stemmer, and compound splitting. Pure Python, no Whoosh (index.py wires it in).

Snowball's Dutch stemmer leaves singular and plural apart for many words of this
corpus (huisarts/huisartsen, gezin/gezinnen, maatje/maatjes, sociaal/sociale,
indicatie/indicaties) and joins words that must stay apart (ouderen, the elderly,
and ouders, the parents). `Stemmer` repairs both; tests/test_dutch.py pins every
case, and the relevance set in tests/relevance.yml measures the effect.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# Word forms that go around the stemmer: (form -> index token).
EXCEPTIONS = {
    # ouderen (elderly) and ouders (parents) must never meet
    "ouderen": "ouderen",
    "oudere": "ouderen",
    "ouderenzorg": "ouderenzorg",
    "ouders": "ouder",
    "ouder": "ouder",
    # irregular plurals
    "kinderen": "kind",
    "kind": "kind",
    "steden": "stad",
    "stad": "stad",
    "schepen": "schip",
    "gelegenheden": "gelegenheid",
}

_DOUBLE_CONSONANT = re.compile(r"([bcdfgklmnprstz])\1$")
_FINAL_VOWELS = re.compile(r"(aa|ee|oo|uu)([^aeiou]*)$")


class Stemmer:
    """Snowball plus repairs that make singular and plural meet.

    After Snowball: a doubled final consonant is undoubled (gezinn -> gezin,
    dansless -> dansles), a final z becomes s (huiz -> huis), then a final -s and
    -e are dropped (huisarts and huisartsen both end as huisart; indicaties as
    indicati; gemeentes as gemeent; maatjes as maatj), and a long vowel in the
    last syllable is shortened (sociaal -> social, the stem of sociale). The stems
    are index keys, not words: what matters is that the forms of one word meet.
    """

    def __init__(self, snowball: Callable[[str], str]):
        self._snowball = snowball
        self.stem = lru_cache(maxsize=100_000)(self._stem)

    def _stem(self, word: str) -> str:
        if word in EXCEPTIONS:
            return EXCEPTIONS[word]
        if len(word) <= 3 or not word.isalpha():
            return word
        stem = self._snowball(word)
        stem = _DOUBLE_CONSONANT.sub(r"\1", stem)
        if stem.endswith("z"):  # huizen -> huiz -> huis
            stem = stem[:-1] + "s"
        for _ in range(2):  # 'gemeentes' -> 'gemeente' -> 'gemeent'
            if len(stem) > 3 and stem[-1] in "se":
                stem = stem[:-1]
        stem = _DOUBLE_CONSONANT.sub(r"\1", stem)
        return _FINAL_VOWELS.sub(lambda m: m.group(1)[0] + m.group(2), stem)


# Heads of compounds: a word ending in one of these also counts as that word
# ('mantelzorg' is also 'zorg'). Four letters at least, so that 'gezin' never
# yields 'zin' nor 'gesprek' 'sprek'.
HEADS = frozenset(
    """
    zorg hulp werk team wijkteam wijk buurt huis centrum kamer groep raad beleid budget
    traject plan aanpak project netwerk coach coaches werker werkers leider consulent
    gesprek gesprekken school ouder ouders kind kinderen jeugd gezin gezinnen bewoner
    bewoners vrijwilliger vrijwilligers cliënt client clienten organisatie voorziening
    voorzieningen ondersteuning begeleiding activiteit activiteiten plek plekken uitkering
    dienst diensten loket regeling subsidie fonds markt tuin winkel bedrijf onderneming
    cooperatie recept indicatie opvang wonen woning straat dorp stad gemeente bundel programma
""".split()
)

# Suffixes that make a derived word of a known word: 'indicatieloos' is about 'indicatie'.
DERIVATIONS = (
    "loze",
    "loos",
    "vrije",
    "vrij",
    "gerichte",
    "gericht",
    "vriendelijke",
    "vriendelijk",
    "achtige",
    "achtig",
)
MODIFIERS = frozenset("indicatie zorg drempel mantelzorg dementie kind vrouw gezin wijk buurt".split())

# Longer "words" are not words (the longest in the corpus has 30 letters): they are
# not indexed, so no one file can make compound splitting or stemming (quadratic
# in word length) take seconds.
MAX_WORD = 60

_LINKING = ("s", "e", "en")
MIN_MODIFIER = 4  # 'wijk' in 'wijkteam'; shorter first parts ('net' in 'netwerk') say too little


@lru_cache(maxsize=100_000)  # the same words recur across a corpus; analysis asks per token
def compound_parts(word: str) -> tuple[str, ...]:
    """Known words inside a compound, to index next to the word itself:
    'mantelzorg' -> zorg, mantel; 'mantelzorgers' -> mantelzorg, zorg, mantel;
    'indicatieloze' -> indicatie."""
    return tuple(_compound_parts(word))


def _compound_parts(word: str) -> list[str]:
    parts: list[str] = []
    for ending in ("ers", "er"):  # a person who does it: mantelzorger(s) -> mantelzorg
        base = word[: -len(ending)]
        if word.endswith(ending) and len(base) >= 5 and _head_of(base):
            parts.append(base)
            word = base
            break
    head = _head_of(word)
    if head and head != word:
        parts.append(head)
        # The first part too, so 'respijt' finds 'respijtzorg' and 'loonkosten'
        # 'loonkostensubsidie'; a linking s goes ('welzijnsorganisatie' -> welzijn).
        modifier = word[: -len(head)]
        if modifier.endswith("s") and len(modifier) > 5:
            modifier = modifier[:-1]
        if len(modifier) >= MIN_MODIFIER:
            parts.append(modifier)
    for suffix in DERIVATIONS:
        if word.endswith(suffix):
            base = word[: -len(suffix)]
            for link in ("", *_LINKING):
                candidate = base[: -len(link)] if link and base.endswith(link) else base
                if candidate in MODIFIERS or candidate in HEADS:
                    parts.append(candidate)
                    break
            break
    return parts


def _head_of(word: str) -> str | None:
    """The longest known head the word ends in (the word itself if it is one)."""
    if word in HEADS:
        return word
    for size in range(len(word) - 3, 3, -1):
        if word[-size:] in HEADS:
            return word[-size:]
    return None

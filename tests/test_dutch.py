"""Dutch word forms, compounds and synonyms: the cases the Snowball stemmer gets wrong here."""

from __future__ import annotations

import pytest
from whoosh.lang.snowball.dutch import DutchStemmer

from voorveld_cli.search.analysis import dutch_analyzer
from voorveld_cli.search.dutch import Stemmer, compound_parts
from voorveld_cli.search.synonyms import rewrite, table

STEM = Stemmer(DutchStemmer().stem).stem


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("huisarts", "huisartsen"),
        ("dansles", "danslessen"),
        ("maatje", "maatjes"),
        ("gezin", "gezinnen"),
        ("sociaal", "sociale"),
        ("eenzaam", "eenzame"),
        ("indicatie", "indicaties"),
        ("buurthuis", "buurthuizen"),
        ("gemeente", "gemeenten"),
        ("gemeente", "gemeentes"),
        ("kind", "kinderen"),
        ("kans", "kansen"),
        ("wijkteam", "wijkteams"),
        ("client", "clienten"),
        ("mantelzorger", "mantelzorgers"),
        ("activiteit", "activiteiten"),
        ("baan", "banen"),
    ],
)
def test_singular_and_plural_meet(one, other):
    assert STEM(one) == STEM(other)


@pytest.mark.parametrize(
    ("one", "other"), [("ouderen", "ouders"), ("oudere", "ouder"), ("gesprek", "sprek"), ("gezin", "zin")]
)
def test_words_that_must_stay_apart(one, other):
    assert STEM(one) != STEM(other)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("mantelzorg", ["zorg", "mantel"]),
        ("respijtzorg", ["zorg", "respijt"]),
        ("mantelzorgers", ["mantelzorg", "zorg", "mantel"]),
        ("indicatieloze", ["indicatie"]),
        ("jeugdhulp", ["hulp", "jeugd"]),
        ("buurtbewoners", ["bewoners", "buurt"]),
        ("loonkostensubsidie", ["subsidie", "loonkosten"]),
        ("welzijnsorganisatie", ["organisatie", "welzijn"]),
        ("netwerk", []),
        ("gesprek", []),
        ("gezin", []),
        ("zorg", []),
    ],
)
def test_compound_parts(word, parts):
    assert list(compound_parts(word)) == parts


def analyse(text: str, mode: str = "index") -> list[str]:
    return [t.text for t in dutch_analyzer()(text, mode=mode)]


def test_analyzer_folds_accents_and_adds_compound_parts_only_when_indexing():
    assert analyse("Cliënten van de coöperatie") == [STEM("clienten"), STEM("cooperatie")]
    indexed = analyse("mantelzorg")
    assert STEM("zorg") in indexed and STEM("mantelzorg") in indexed
    assert analyse("mantelzorg", mode="query") == [STEM("mantelzorg")]


def test_zzp_er_stays_one_word():
    assert analyse("zzp'er", mode="query") == [STEM("zzp'er")]


SYNONYMS = table(
    [
        ["Wmo 2015", "wmo", "Wet maatschappelijke ondersteuning"],
        ["Participatiewet", "pw", "p-wet"],
        ["Licht verstandelijke beperking", "LVB"],
    ]
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pw", '(pw OR Participatiewet OR "p wet")'),
        ("PW dagbesteding", '(PW OR Participatiewet OR "p wet") dagbesteding'),
        ("wet maatschappelijke ondersteuning", '("wet maatschappelijke ondersteuning" OR "Wmo 2015" OR wmo)'),
        ("lvb jongeren", '(lvb OR "Licht verstandelijke beperking") jongeren'),
        ('"pw" -wmo', '"pw" -wmo'),  # quoted and excluded words stay as typed
        ("mantelzorg", "mantelzorg"),
    ],
)
def test_synonym_rewrite(query, expected):
    assert rewrite(query, SYNONYMS) == expected

"""Ranking a researcher trusts, on the real index: exact names first, a soft AND,
elliptic compounds, per-word typo correction, questions typed as questions."""

from __future__ import annotations

import json
import random

import pytest

from voorveld_cli.content import corpus
from voorveld_cli.search import ranking

from .conftest import REAL_CONTENT, write_entry


@pytest.fixture
def shipped(shipped_index):
    """The shipped corpus, indexed once a session (conftest.shipped_index)."""
    return shipped_index


def test_every_title_and_alias_puts_its_entry_first(shipped):
    """Searched as typed. An alias that is another entry's title belongs to that title
    (title beats alias), so it is not asked of the alias."""
    entries = corpus.load(REAL_CONTENT).entries
    titles = {ranking.name_key(e.title) for e in entries}
    misses, asked = [], 0
    for entry in entries:
        aliases = [a for a in map(str, entry.as_list("aliases")) if ranking.name_key(a) not in titles]
        for name in [entry.title, *aliases]:
            asked += 1
            hits = shipped(name, limit=1).hits
            if not hits or hits[0].id != entry.id:
                misses.append((name, entry.id, hits[0].id if hits else None))
    assert asked > 900
    assert misses == []


def test_soft_and_shows_entries_that_match_most_words(shipped):
    # All four words meet in one case only; the entries matching three of them follow.
    result = shipped("keukentafelgesprek eigen kracht kritiek")
    ids = [hit.id for hit in result.hits]
    assert "casus-01-opgeruimd-staat-netjes" in ids[:3]
    assert len(ids) >= 5
    assert result.mode == "or"


def test_terms_the_query_names_become_cards_and_practice_leads(shipped):
    result = shipped("dagbesteding zonder indicatie")
    ids = [hit.id for hit in result.hits]
    assert "athos" in ids[:5]
    assert result.hits[0].record["kind"] == "initiative"
    assert {"indicatie", "dagbesteding"} <= {card["id"] for card in result.cards}
    assert all(card["definition"] for card in result.cards)
    kinds = [hit.record["kind"] for hit in result.hits[:5]]
    assert kinds.count("term") <= 1
    # A term the whole query names still comes first.
    assert shipped("indicatie").hits[0].id == "indicatie"


def test_question_words_and_question_marks(shipped):
    for text in ("wat is mantelzorg?", "mantelzorg?", "Wmo?", "hoe werkt mantelzorg"):
        result = shipped(text)
        assert result.total > 0, text
    assert shipped("wat is mantelzorg?").hits[0].id == "mantelzorg"


def test_multi_word_typo_is_corrected_per_word(shipped):
    result = shipped("statushoders werk")
    assert result.suggestion == "statushouders werk"
    assert result.hits[0].id == "statushouders-giessenlanden"


def test_typo_prefers_the_nearest_word_over_the_most_frequent(shipped):
    result = shipped("participatiwet")
    assert result.suggestion == "participatiewet"
    assert result.hits[0].id == "participatiewet"


def test_elliptic_compounds_meet_the_full_word(cli, corpus_dir):
    write_entry(
        corpus_dir,
        "initiative",
        "theater-op-straat",
        {
            "title": "Theater op straat",
            "summary": "Een theatergroep voor dak- en thuislozen en voor jeugd- en jongerenwerk.",
            "themes": ["kunst-en-cultuur"],
            "laws": ["Wmo 2015"],
            "sources": [{"source": "movisies-2020-1", "pages": "4"}],
        },
        "Spelers die zelf dakloos waren.\n",
    )
    for text in ("daklozen", "jeugdwerk", "dak- en thuislozen"):
        found = json.loads(cli("search", text, "--format", "json", content=corpus_dir).stdout)
        assert "theater-op-straat" in [hit["id"] for hit in found["hits"]], text


def test_compound_query_word_split_against_the_corpus(shipped):
    # 'mantelzorgondersteuning' as one word: the corpus knows 'mantelzorg' and 'ondersteuning'.
    ids = [hit.id for hit in shipped("mantelzorgondersteuningsbeleid stein").hits]
    assert "mantelzorgbeleid-stein" in ids[:3]


def test_elliptic_forms_and_plan():
    assert "daklozen" in ranking.elliptic_forms("voor dak- en thuislozen")
    assert "jeugdwerk" in ranking.elliptic_forms("jeugd- en jongerenwerk")
    assert "arbeidstoeleiding" in ranking.elliptic_forms("arbeids- of zorgtoeleiding")
    forms = ranking.elliptic_forms("sport-, cultuur- en natuurprojecten")
    assert "sportprojecten" in forms and "cultuurprojecten" in forms
    plan = ranking.plan("hoe werkt dagbesteding zonder indicatie?")
    assert [c.words for c in plan.concepts] == [["werkt"], ["dagbesteding"], ["zonder"], ["indicatie"]]
    assert ranking.minimum_match([3, 2, 2, 1, 1, 1], 3, enough=3) == 2
    assert ranking.minimum_match([3] * 12, 3, enough=10) == 3


@pytest.mark.parametrize("top", [0.0, 7.318, 1e-9])
def test_plain_keys_are_the_sort_keys_of_each_entry(top):
    rng = random.Random(3)
    coordination = {d: rng.random() for d in range(500)}
    bm25 = {d: rng.random() * 9 for d in range(0, 500, 2)}  # some entries without BM25
    terms = set(range(0, 500, 3))
    keys = ranking.plain_keys(range(500), coordination, bm25, top, terms)

    def candidate_key(d: int) -> float:  # the key of the same entry as a Candidate
        kind = "term" if d in terms else ""
        return ranking.Candidate(d, bm25.get(d, 0.0), coordination=coordination[d], kind=kind).key(top)

    assert keys == {d: candidate_key(d) for d in range(500)}
    assert keys == {
        d: ranking.sort_key(ranking.plain_static(coordination[d], d in terms), bm25.get(d, 0.0), top)
        for d in range(500)
    }


def test_a_plain_glossary_term_keeps_its_penalty_on_the_board():
    """The board keeps glossary terms with nothing special as numbers and a set; its
    keys and candidates must be those of a Candidate of kind 'term', before and after
    nearness makes it a Candidate."""
    from voorveld_cli.search.query import _Board

    per_concept = [{1: 3.0, 2: 2.0, 3: 1.0}, {1: 1.0, 3: 4.0}]
    pool = {1, 2, 3}
    bm25 = {1: 4.0, 2: 2.0, 3: 5.0}
    board = _Board.of(per_concept, pool, bm25, doc_count=50)
    board.terms = {1, 3}

    def expected(d: int, near: float = 0.0) -> float:
        kind = "term" if d in board.terms else ""
        found = ranking.Candidate(d, bm25[d], board.matched[d], board.coordination[d], kind=kind, near=near)
        return found.key(board.best)

    assert board.keys(pool) == {d: expected(d) for d in pool}
    assert board.candidate(1).kind == "term" and board.candidate(2).kind == ""
    board.add_near({3: 1, 2: 1}, pairs=1)
    assert board.special[3].kind == "term"
    assert [board.key(d) for d in (1, 2, 3)] == [expected(1), expected(2, 1.0), expected(3, 1.0)]
    assert board.candidate(3).score == expected(3, 1.0)

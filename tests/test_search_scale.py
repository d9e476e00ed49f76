"""What keeps search flat as the corpus grows stays exact: the lean BM25F gives
Whoosh's scores, and so do scores read a block of postings at a time; nearness from
postings gives Whoosh's phrase verdicts, facet counts from bitmaps give the postings'
counts, and nearness for the front runners gives the same top as nearness for every
candidate. On the shipped corpus and on a synthetic one big enough that a common word
matches hundreds of entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from whoosh import qparser, query, scoring

from benchmarks.synthetic import generate
from voorveld_cli.content.filters import Filters
from voorveld_cli.search import facets, matchscores, nearness, ranking
from voorveld_cli.search import query as search_query
from voorveld_cli.search.results import SearchResult
from voorveld_cli.search.scoring import LeanBM25F
from voorveld_cli.search.store import current_vocabulary, open_index, read_synonyms

from .conftest import REAL_CONTENT

QUERIES = [
    "mantelzorg",
    "eenzaamheid ouderen",
    "buurthuis koffie",
    "jongeren werk schulden",
    '"sociale basis"',
    "dagbesteding zonder indicatie",
    "vrijwilligers in de wijk",
]


@pytest.fixture(scope="module", params=["shipped", "synthetic"])
def opened(request, tmp_path_factory, shipped_cache):
    """(content root, index, synonym table). The shipped corpus's index is the session's
    (conftest.shipped_cache: built once, only read); the synthetic one has its own cache."""
    if request.param == "shipped":
        root, cache = REAL_CONTENT, shipped_cache
    else:
        root, cache = generate(tmp_path_factory.mktemp("c400"), 400, seed=7), tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VOORVELD_CACHE", str(cache))
        vocab, _ = current_vocabulary(root)
        ix, _ = open_index(root, vocab)
        yield root, ix, read_synonyms(ix, vocab)
    ix.close()


@pytest.fixture(scope="module")
def shipped_ix(shipped_cache):
    """The shipped corpus's index from the session's cache, for tests that need a reader."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VOORVELD_CACHE", str(shipped_cache))
        vocab, _ = current_vocabulary(REAL_CONTENT)
        ix, _ = open_index(REAL_CONTENT, vocab)
    yield ix
    ix.close()


def _parsed(ix, text: str):
    return search_query._safe_parse(ix.schema, text, qparser.OrGroup)


def test_lean_bm25f_gives_whooshs_scores_exactly(opened):
    _, ix, _ = opened
    for text in QUERIES:
        q = _parsed(ix, text)
        with ix.searcher() as plain, ix.searcher(weighting=LeanBM25F()) as lean:
            expected = plain.search(q, limit=None).top_n
            assert expected, text
            assert lean.search(q, limit=None).top_n == expected, text


def test_lean_bm25f_falls_back_to_whooshs_scorer_when_the_lengths_cannot_be_read(opened, monkeypatch):
    from voorveld_cli.search import scoring as lean_scoring

    _, ix, _ = opened
    assert lean_scoring.field_lengths(object(), "body") is None  # not a segment reader
    monkeypatch.setattr(lean_scoring, "field_lengths", lambda reader, field: None)
    q = _parsed(ix, "mantelzorg")
    with ix.searcher() as plain, ix.searcher(weighting=LeanBM25F()) as lean:
        scorer = lean.weighting.scorer(lean, "body", "mantelzorg")
        assert type(scorer) is scoring.BM25FScorer
        assert lean.search(q, limit=None).top_n == plain.search(q, limit=None).top_n


def test_nearness_agrees_with_whooshs_phrase(opened):
    _, ix, _ = opened
    analyzer = ix.schema["body"].analyzer
    pairs = [("eenzaam", "ouder"), ("sociaal", "basis"), ("vrijwillig", "wijk"), ("buurthuis", "koffie")]
    with ix.searcher() as searcher:
        everyone = set(range(searcher.doc_count_all()))
        checked = 0
        for a, b in pairs:
            stems = [search_query.query_stem(w, analyzer) for w in (a, b)]
            phrases = [query.Phrase(f, stems, slop=nearness.NEAR_SLOP) for f in nearness.NEAR_FIELDS]
            expected = set(searcher.docs_for_query(query.Or(phrases)))
            found = nearness.pair_counts(searcher, stems, everyone)
            assert set(found) == expected, (a, b)
            checked += len(expected)
        assert checked, "no pair stands close anywhere: the test proves nothing"


def test_close_means_in_order_and_at_most_three_apart():
    assert nearness.close([4], [5]) and nearness.close([4], [7])
    assert not nearness.close([4], [8])  # four apart
    assert not nearness.close([5], [4])  # the wrong order
    assert not nearness.close([4], [4])  # the same position (a compound part)


def _facets_by_postings(searcher, docs: set[int]) -> dict[str, dict[str, int]]:
    reader = searcher.reader()
    out = {}
    for key, name in facets.FACET_FIELDS.items():
        counts = {}
        for term in reader.field_terms(name):
            if n := len(docs.intersection(reader.postings(name, term).all_ids())):
                counts[term] = n
        out[key] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def test_facet_counts_from_bitmaps_equal_the_postings(opened):
    root, ix, names = opened
    folder = Path(ix.storage.folder)
    assert (folder / facets.FACETS_FILE).exists()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        stored = facets.load(folder, reader)
        assert stored == facets.make(reader)
        for text in QUERIES:
            docs = set(searcher.docs_for_query(_parsed(ix, text)))
            assert facets.counts(stored, docs, reader.doc_count_all()) == _facets_by_postings(searcher, docs)
    result = search_query.search(ix, root, "mantelzorg", Filters(), 10, names)
    assert sum(result.facets["kind"].values()) == result.total > 0


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: {**data, "stamp": [data["stamp"][0] + 1, *data["stamp"][1:]]},  # another generation
        lambda data: {**data, "facets": {"kind": {"term": "zz"}}},  # not hexadecimal, keys missing
        lambda data: [data],
    ],
    ids=["other-generation", "wrong-values", "wrong-shape"],
)
def test_a_facets_file_of_another_index_or_damaged_is_not_used(damage, tmp_path, shipped_ix):
    with shipped_ix.searcher() as searcher:
        reader = searcher.reader()
        facets.write(tmp_path, reader)
        data = json.loads((tmp_path / facets.FACETS_FILE).read_text())
        assert facets.load(tmp_path, reader) == facets.make(reader)
        (tmp_path / facets.FACETS_FILE).write_text(json.dumps(damage(data)))
        assert facets.load(tmp_path, reader) == facets.make(reader)


def test_a_refresh_writes_the_bitmaps_of_the_new_index(tmp_path, monkeypatch):
    root = generate(tmp_path / "c", 30, seed=11)
    monkeypatch.setenv("VOORVELD_CACHE", str(tmp_path / "cache"))
    vocab, _ = current_vocabulary(root)
    open_index(root, vocab)
    target = next((root / "initiatives").glob("*.md"))
    target.write_text(target.read_text(encoding="utf-8") + "\nEen zin over kweekbakken.\n", encoding="utf-8")
    ix, report = open_index(root, vocab)
    assert report.changed == 1
    folder = Path(ix.storage.folder)
    with ix.searcher() as searcher:
        data = json.loads((folder / facets.FACETS_FILE).read_text())
        assert data["stamp"] == facets._stamp(searcher.reader())


def test_nearness_for_the_front_runners_gives_the_same_top_as_for_all(opened, monkeypatch):
    root, ix, names = opened
    texts = [q for q in QUERIES if len(q.split()) > 1]
    texts += ["ouderen eenzaamheid wijk", "werk en inkomen jongeren"]
    batched = {text: search_query.search(ix, root, text, Filters(), 10, names) for text in texts}

    def for_all(board, searcher, schema, words, keys, limit, named):
        near = search_query._near_counts(searcher, schema, words, set(keys) | set(named))
        board.add_near(near, len(words) - 1)
        keys.update((d, board.key(d)) for d in keys)

    monkeypatch.setattr(search_query, "_add_nearness", for_all)
    for text in texts:
        full = search_query.search(ix, root, text, Filters(), 10, names)
        assert [(h.id, round(h.score, 9)) for h in batched[text].hits] == [
            (h.id, round(h.score, 9)) for h in full.hits
        ], text
        assert batched[text].cards == full.cards and batched[text].total == full.total


def _iterated(searcher, q) -> dict[int, float]:
    """Whoosh's own way: march the matcher along, one posting at a time."""
    out = {}
    context = searcher.context()
    for sub, offset in searcher.leaf_searchers():
        matcher = q.matcher(sub, context)
        while matcher.is_active():
            out[matcher.id() + offset] = matcher.score()
            matcher.next()
    return out


def _search_queries(searcher, ix, names, text: str) -> list:
    """The queries a natural search scores: one per concept, the required words, and
    the whole text as a plain OR (phrases, NOT and boolean operators included)."""
    plan = ranking.plan(ranking.expand_elliptic(text), names)
    found = [
        search_query._concept_query(searcher, ix.schema, c, SearchResult(text, 0))[1] for c in plan.concepts
    ]
    found += [search_query._safe_parse(ix.schema, w, qparser.AndGroup) for w in plan.required]
    return [*found, _parsed(ix, text)]


BLOCK_QUERIES = [
    *QUERIES,
    "mantelzorg AND NOT jongeren",
    "wmo OR participatiewet",
    "+ouderen eenzaamheid",
    "mantelzorgr",
]


def _assert_block_scores_equal(ix, names, texts) -> int:
    checked = 0
    with ix.searcher(weighting=LeanBM25F()) as searcher:
        for text in texts:
            for q in _search_queries(searcher, ix, names, text):
                expected = _iterated(searcher, q)
                assert search_query._scored(searcher, q, None) == expected, (text, q)
                checked += len(expected)
    return checked


def test_block_scores_equal_whooshs_iteration(opened, monkeypatch):
    _, ix, names = opened
    iterated = []
    monkeypatch.setattr(matchscores, "_iterate", lambda m: iterated.append(m) or _iterated_one(m))
    assert _assert_block_scores_equal(ix, names, BLOCK_QUERIES) > 100
    with ix.searcher(weighting=LeanBM25F()) as searcher:  # plain terms are read a block at a time
        iterated.clear()
        assert search_query._scored(searcher, _parsed(ix, "mantelzorg"), None)
        assert not iterated


def _iterated_one(matcher) -> dict[int, float]:
    out = {}
    while matcher.is_active():
        out[matcher.id()] = matcher.score()
        matcher.next()
    return out


def test_block_scores_follow_a_tree_of_unions_and_boosts(opened):
    """The array matcher (small segments) adds the parts in order; a segment over 5,000
    entries gets a tree of unions, which adds them in another order: both exact."""
    _, ix, _ = opened
    terms = [query.Term(f, w) for f in ("title", "summary", "body") for w in ("mantelzorg", "ouder", "wijk")]
    terms[1] = query.Term("summary", "mantelzorg", boost=2.5)
    tree = query.Or(terms, boost=1.5)
    tree.matcher_type = tree.DEFAULT_MATCHER
    nested = query.Or([tree, query.Or(terms[3:]), query.Term("body", "vrijwillig")])
    with ix.searcher(weighting=LeanBM25F()) as searcher:
        for q in (tree, nested, query.Or(terms, boost=2.0)):
            expected = _iterated(searcher, q)
            assert expected
            assert search_query._scored(searcher, q, None) == expected, q


def test_block_scores_leave_out_entries_a_refresh_replaced(tmp_path, monkeypatch):
    root = generate(tmp_path / "c", 60, seed=5)
    monkeypatch.setenv("VOORVELD_CACHE", str(tmp_path / "cache"))
    vocab, _ = current_vocabulary(root)
    open_index(root, vocab)
    for target in sorted((root / "initiatives").glob("*.md"))[:5]:
        target.write_text(target.read_text(encoding="utf-8") + "\nMantelzorg in de wijk.\n", encoding="utf-8")
    ix, report = open_index(root, vocab)
    assert report.changed == 5
    with ix.searcher() as searcher:
        assert searcher.reader().has_deletions()  # the old copies are still in the postings
    assert _assert_block_scores_equal(ix, read_synonyms(ix, vocab), ["mantelzorg", "wijk ouderen"]) > 5


def test_nearness_reads_blocks_once_and_agrees_with_the_forward_walk(opened, monkeypatch):
    """Batches ask for entries in any order; the block-indexed postings answer as the
    forward-only walk does (tests above hold that walk equal to Whoosh's phrase)."""
    _, ix, _ = opened
    analyzer = ix.schema["body"].analyzer
    stems = [search_query.query_stem(w, analyzer) for w in ("eenzaam", "ouder", "wijk")]
    with ix.searcher() as searcher:
        everyone = list(range(searcher.doc_count_all()))
        batches = [set(everyone[i::3]) for i in (2, 0, 1)]  # scattered, not in rising order
        by_blocks = [nearness.pair_counts(searcher, stems, batch) for batch in batches]
        reader = next(sub for sub, _ in searcher.leaf_searchers()).reader()
        assert any(isinstance(p, nearness._Blocks) for p in nearness._OPENED[reader].values())
    monkeypatch.setattr(nearness._Blocks, "fits", classmethod(lambda cls, matcher: False))
    with ix.searcher() as searcher:
        walked = [nearness.pair_counts(searcher, stems, batch) for batch in batches]
    assert by_blocks == walked and any(by_blocks)

"""The cheap parts of an index build give what Whoosh's own parts give: the same
posting values from the one-call positions and counts formats, the same postings in the same
order from the term-grouped pool (spilled to run files or not), and a parallel
build whose index holds the same terms and postings as a one-process build."""

from __future__ import annotations

import random

import pytest
from whoosh.filedb.filestore import RamStorage
from whoosh.formats import Frequency, Positions
from whoosh.writing import PostingPool

from benchmarks.synthetic import generate
from voorveld_cli.content import discover
from voorveld_cli.content.vocabulary import load
from voorveld_cli.search import filedoc, parallel, pool, store
from voorveld_cli.search.analysis import (
    DutchAnalyzer,
    PlainAnalyzer,
    TermCounts,
    TermPositions,
    reference_analyzer,
)
from voorveld_cli.search.documents import make_schema

from .conftest import REAL_CONTENT

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(REAL_CONTENT.glob("*/*.md"))[::4]]
TEXTS += ["", "De en het", "de de mantelzorg", "zzp'er cliënten Mantelzorgers", "Wmo-consulent re-integratie"]


@pytest.mark.parametrize("boost", [1.0, 2.5])
def test_term_positions_give_whooshs_posting_values(boost):
    fast, whoosh_way = TermPositions(field_boost=boost), Positions(field_boost=boost)
    for text in TEXTS:
        ours = sorted(fast.word_values(text, DutchAnalyzer(), mode="index"))
        theirs = sorted(whoosh_way.word_values(text, DutchAnalyzer(), mode="index"))
        chain = sorted(whoosh_way.word_values(text, reference_analyzer(), mode="index"))
        assert ours == theirs == chain, text[:60]
    assert TermPositions().supports("positions")  # phrases and nearness read them


def test_term_counts_give_whooshs_posting_values():
    fast, whoosh_way = TermCounts(), Frequency()
    analyzer = PlainAnalyzer()
    for text in [*TEXTS, "x" * 80 + " kort", "Één ÉÉN een"]:
        ours = sorted(fast.word_values(text, analyzer, mode="index"))
        assert ours == sorted(whoosh_way.word_values(text, analyzer.chain, mode="index")), text[:60]
    assert [t.text for t in analyzer("Cliënten en cliënten")] == ["clienten", "en", "clienten"]


def _postings(seed: int) -> list[tuple]:
    """Postings as a writer adds them: documents in docnum order, terms in any order."""
    rng = random.Random(seed)
    words = [f"w{n}".encode() for n in range(300)]
    items = []
    for docnum in range(400):
        for field in rng.sample(["body", "title", "spell"], 2):
            for word in rng.sample(words, rng.randint(1, 40)):
                items.append((field, word, docnum, float(rng.randint(1, 4)), bytes([rng.randint(0, 255)])))
    return items


@pytest.mark.parametrize("limit_bytes", [None, 20_000])
def test_term_pool_gives_the_posting_pools_stream(limit_bytes):
    items = _postings(7)
    theirs = PostingPool(RamStorage(), None, limitmb=1)
    ours = pool.TermPool(RamStorage(), None, limitmb=64)
    if limit_bytes:  # spill many runs, as a large build does
        ours.limit = limit_bytes
    for item in items:
        theirs.add(item)
        ours.add(item)
    assert len(ours.runs) > 3 if limit_bytes else not ours.runs
    assert list(ours.iter_postings()) == list(theirs.iter_postings()) == sorted(items)
    assert ours.fieldnames == theirs.fieldnames


def test_term_pool_sorts_postings_that_arrive_out_of_order():
    items = [("spell", b"a", 0, 1.0, b""), ("spell", b"a", 0, 1.0, b""), ("body", b"b", 3, 1.0, b"x")]
    items += [("body", b"b", 1, 2.0, b"y")]
    ours = pool.TermPool(RamStorage(), None)
    for item in items:
        ours.add(item)
    assert list(ours.iter_postings()) == sorted(items)


def _contents(ix) -> dict:
    """Every term's postings by document path, every stored document, the field lengths."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        paths = {docnum: fields["path"] for docnum, fields in reader.iter_docs()}
        postings = {}
        for field, text in reader.all_terms():
            matcher, found = reader.postings(field, text), []
            while matcher.is_active():
                found.append((paths[matcher.id()], matcher.weight(), matcher.value()))
                matcher.next()
            postings[field, text] = sorted(found)
        stored = {fields["path"]: fields for _, fields in reader.iter_docs()}
        lengths = {
            (paths[docnum], name): reader.doc_field_length(docnum, name) or 0  # none or 0: no text
            for docnum in paths
            for name in ix.schema.scorable_names()
        }
        return {"postings": postings, "stored": stored, "lengths": lengths, "count": reader.doc_count()}


def test_fresh_writer_writes_what_whooshs_writer_writes(tmp_path):
    """The same documents through Whoosh's SegmentWriter and through FreshWriter."""
    root = generate(tmp_path / "c", 60, seed=3)
    vocab, _ = load(root)
    docs = []
    for item in discover.scan(root).files:
        status, doc = filedoc.read(item.kind, item.path, item.rel, None, vocab)
        if status == filedoc.INDEXED:
            docs.append(doc)
    docs.append({**docs[0], "path": "boosted.md", "_title_boost": 2.0})  # Whoosh's own way
    indexes = []
    for make in (lambda ix: ix.writer(), pool.FreshWriter):
        ix = RamStorage().create_index(make_schema())
        writer = make(ix)
        for doc in docs:
            writer.add_document(**doc)
        writer.commit()
        indexes.append(ix)
    assert _contents(indexes[0]) == _contents(indexes[1])


def test_split_cuts_runs_of_about_equal_size_in_order():
    jobs = [(f"f{n}", "initiative", f"f{n}", None) for n in range(10)]
    runs = parallel.split(jobs, [1, 1, 1, 1, 1, 1, 1, 1, 1, 11], 2)
    assert runs == [jobs[:9], jobs[9:]]
    assert parallel.split(jobs, [0] * 10, 3)[0] == jobs  # sizes unknown: nothing better than one run
    assert [job for run in parallel.split(jobs, list(range(10)), 4) for job in run] == jobs


def test_parallel_build_is_the_one_process_build(tmp_path):
    root = generate(tmp_path / "c", 120, seed=5)
    (root / "initiatives" / "kapot.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    vocab, _ = load(root)
    one, _, one_report = store._build(root, vocab, tmp_path / "one", None, procs=1)
    two, _, two_report = store._build(root, vocab, tmp_path / "two", None, procs=2)
    assert one_report.broken == two_report.broken and "initiatives/kapot.md" in two_report.broken
    assert _contents(one) == _contents(two)
    with one.searcher() as a, two.searcher() as b:  # the same numbering: ties rank the same
        assert [d["path"] for d in a.documents()] == [d["path"] for d in b.documents()]
    assert len(two.reader().leaf_readers()) == 2  # a segment per worker

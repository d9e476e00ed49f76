"""What makes search cheap stays correct: the one-pass analyzer gives the filter
chain's tokens, snippets from stored text still mark the matched words, and the
search path imports only what it runs (by module list, never by time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from voorveld_cli.render.plain import HIT_END, HIT_START
from voorveld_cli.search import snippets
from voorveld_cli.search.analysis import DutchAnalyzer, reference_analyzer

from .conftest import REAL_CONTENT

MODES = [
    {"positions": True, "chars": True, "mode": "index"},
    {"mode": "query"},
    {"mode": "query", "removestops": False, "positions": True},
    {"tokenize": False, "mode": "query"},
    {"tokenize": False, "removestops": False},
]


def _tokens(analyzer, text: str, **kw) -> list[tuple]:
    return [
        (t.text, t.pos if kw.get("positions") else None, t.startchar if kw.get("chars") else None, t.stopped)
        for t in analyzer(text, **kw)
    ]


@pytest.mark.parametrize("kw", MODES, ids=lambda kw: ",".join(f"{k}={v}" for k, v in kw.items()))
def test_one_pass_analyzer_gives_the_filter_chains_tokens(kw):
    """Over the shipped corpus and odd input, in every mode Whoosh calls an analyzer in."""
    fast, chain = DutchAnalyzer(), reference_analyzer()
    texts = [p.read_text(encoding="utf-8") for p in sorted(REAL_CONTENT.glob("*/*.md"))[::3]]
    texts += ["", "  ", "De en het", "zzp'er cliënten Mantelzorgers", "Wmo-consulent re-integratie", "één"]
    for text in texts:
        assert _tokens(fast, text, **kw) == _tokens(chain, text, **kw), text[:60]


def _marked(snippet: str) -> list[str]:
    return [part.split(HIT_END)[0] for part in snippet.split(HIT_START)[1:]]


def test_snippet_marks_every_form_of_the_query_word():
    terms_of = DutchAnalyzer().terms_of
    wanted = {terms_of("mantelzorger")[0]}
    text = "Een groep Mantelzorgers ontmoet elkaar. Elke mantelzorger krijgt hulp."
    got = snippets.snippet([text], wanted, terms_of)
    assert _marked(got) == ["Mantelzorgers", "mantelzorger"]
    assert snippets.snippet(["Niets hierover."], wanted, terms_of) == ""


def test_snippet_tries_the_summary_first_then_the_body():
    terms_of = DutchAnalyzer().terms_of
    wanted = {terms_of("respijtzorg")[0]}
    summary, body = "Over vrijwilligers.", "Eerst iets anders. Dan respijtzorg voor mantelzorgers."
    assert _marked(snippets.snippet([summary, body], wanted, terms_of)) == ["respijtzorg"]
    assert _marked(snippets.snippet(["Respijtzorg thuis.", body], wanted, terms_of)) == ["Respijtzorg"]


def test_snippet_keeps_fragments_short_and_looks_only_so_far():
    terms_of = DutchAnalyzer().terms_of
    wanted = {terms_of("buurthuis")[0], terms_of("koffie")[0]}
    filler = "woord " * 1000
    text = f"{filler}het buurthuis {filler} de koffie {filler}"
    got = snippets.snippet([text], wanted, terms_of)
    assert _marked(got) == ["buurthuis", "koffie"]
    assert snippets.BETWEEN in got
    assert all(len(part) <= snippets.FRAGMENT + 10 for part in got.split(snippets.BETWEEN))
    far = "woord " * (snippets.MAX_ANALYSED // 6 + 10) + "buurthuis"
    assert snippets.snippet([far], wanted, terms_of) == ""  # past the cap: not analysed


def test_search_snippets_show_the_matched_words(corpus_dir):
    from voorveld_cli.content.filters import Filters
    from voorveld_cli.search.query import search_corpus
    from voorveld_cli.search.store import current_vocabulary

    vocab, _ = current_vocabulary(corpus_dir)
    result, _ = search_corpus(corpus_dir, vocab, "buurtkamer", Filters())
    assert result.hits
    for hit in result.hits:
        assert _marked(hit.snippet), hit.snippet
        assert all("buurtkamer" in word.lower() for word in _marked(hit.snippet))


PROBE = """
import atexit, gc, json, sys
def report():
    real = sorted(n for n, m in list(sys.modules.items()) if getattr(m, "__file__", None))
    sys.stderr.write("\\nMODULES " + json.dumps(real) + "\\n")
    sys.stderr.write("GC " + json.dumps([gc.isenabled(), gc.get_freeze_count()]) + "\\n")
atexit.register(report)
sys.argv = ["voorveld", *sys.argv[1:]]
from voorveld_cli.cli.entry import main
main()
"""

# Whoosh parts a Dutch search never runs, the CLI libraries a JSON search does not need,
# and what only a build uses.
NOT_ON_THE_SEARCH_PATH = [
    "whoosh.highlight",
    "whoosh.lang.morph_en",
    "whoosh.lang.porter",
    "whoosh.lang.dmetaphone",
    "whoosh.lang.snowball.english",
    "whoosh.lang.snowball.german",
    "typer",
    "click",
    "rich",
    "rich.console",
    "yaml",
    "frontmatter",
    # The build's parts: a search that finds its index fresh writes nothing.
    "multiprocessing",
    "whoosh.writing",
    "voorveld_cli.search.parallel",
    "voorveld_cli.search.pool",
    # The field rules: a search needs the kinds and their folders (content/kinds.py) only.
    "voorveld_cli.content.schema",
    "voorveld_cli.content.field_types",
]


def _probe(args: list[str], cwd: Path) -> dict[str, str]:
    """What the console script's process reports at exit, one JSON value per label."""
    env = {k: v for k, v in os.environ.items() if k != "VOORVELD_NO_FASTPATH"}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=cwd, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    tail = (ln.partition(" ") for ln in proc.stderr.splitlines() if ln.startswith(("MODULES ", "GC ")))
    return {label: json.loads(value) for label, _, value in tail}


def _modules(args: list[str], cwd: Path) -> list[str]:
    return _probe(args, cwd)["MODULES"]


def test_search_json_imports_only_what_it_runs(corpus_dir, tmp_path):
    args = ["search", "buurtkamer", "--format", "json", "--content-dir", str(corpus_dir)]
    _modules(args, tmp_path)  # the first search builds the index (and reads YAML)
    loaded = _modules(args, tmp_path)
    assert "whoosh.searching" in loaded  # the probe sees the real search
    assert not [name for name in NOT_ON_THE_SEARCH_PATH if name in loaded]


@pytest.mark.parametrize(
    "command", [["search", "buurtkamer", "--format", "json"], ["list", "--format", "json"]]
)
def test_the_collector_waits_for_the_imports_then_runs(corpus_dir, tmp_path, command):
    # cli/startup.py: held while ~250 modules load, then on again with the imports frozen.
    enabled, frozen = _probe([*command, "--content-dir", str(corpus_dir)], tmp_path)["GC"]
    assert enabled
    assert frozen > 10_000


def test_deferred_whoosh_modules_still_work_when_used():
    """Code that does highlight with Whoosh gets the real highlighter."""
    code = """
import voorveld_cli.search  # puts the stand-ins in place
from whoosh import fields, highlight
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import QueryParser
from whoosh.lang.morph_en import variations
from whoosh.lang import stemmer_for_language
from whoosh.analysis import StemmingAnalyzer
ix = RamStorage().create_index(fields.Schema(body=fields.TEXT(stored=True)))
with ix.writer() as w:
    w.add_document(body="the quick brown fox")
with ix.searcher() as s:
    hits = s.search(QueryParser("body", ix.schema).parse("fox"), terms=True)
    hits.formatter = highlight.UppercaseFormatter()
    print(hits[0].highlights("body"), "fox" in variations("foxes"))
print(stemmer_for_language("en")("running"), [t.text for t in StemmingAnalyzer()("Foxes")])
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["the", "quick", "brown", "FOX", "True", "run", "['fox']"]


def test_snippet_anchor_finds_every_word_that_yields_a_term():
    """The regex prefilter of snippets.py never hides a word: over every word of the
    shipped corpus, each of its index terms' anchors occurs in the folded word."""
    analyzer = DutchAnalyzer()
    words = set()
    for path in REAL_CONTENT.glob("*/*.md"):
        words.update(snippets._WORD.findall(path.read_text(encoding="utf-8")))
    words.update(["steden", "kinderen", "schepen", "gelegenheden", "ouderen", "huizen", "buurt", "aap"])
    missed = [
        (word, term)
        for word in words
        for term in analyzer.terms_of(word)
        if not snippets.candidates_pattern(frozenset({term})).search(analyzer.fold(word))
    ]
    assert len(words) > 5000
    assert not missed

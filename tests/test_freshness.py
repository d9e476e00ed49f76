"""The check that no content file changed, run beside a search on a large corpus
(search/freshness.py). The fork only happens in a process without other threads, so
these tests run it in a child Python: a real fork, real files, a real index."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

from voorveld_cli.search import freshness

# Searches the corpus in one process with the check beside it from the first file on,
# and tells what each search found, how many searches of the index it made, whether
# the check ran in its own process and whether any child process is left.
SETUP = r"""
import json, os, sys
from pathlib import Path
from voorveld_cli.content.filters import Filters
from voorveld_cli.search import freshness, query
from voorveld_cli.search.store import current_vocabulary

root = Path(sys.argv[1])
freshness.BESIDE_FROM = 1
started, searches = [], []
real_beside, real_search = freshness.beside, query.search
def beside(*args):
    check = real_beside(*args)
    started.append(check is not None)
    return check
def counted(*args, **kwargs):
    searches.append(1)
    return real_search(*args, **kwargs)
freshness.beside, query.search = beside, counted

def children():
    try:
        os.waitpid(-1, os.WNOHANG)
        return True
    except ChildProcessError:
        return False

def search(word):
    started.clear()
    searches.clear()
    vocab, _ = current_vocabulary(root)
    try:
        result, report = query.search_corpus(root, vocab, word, Filters())
    except Exception as err:
        print(json.dumps({"error": type(err).__name__, "beside": started, "children": children()}))
        return
    hits = [hit.record["id"] for hit in result.hits]
    print(json.dumps({"hits": hits, "beside": started, "searches": len(searches),
                      "changed": report.changed, "deleted": report.deleted,
                      "children": children(), "rebuilt": report.rebuilt,
                      "notices": report.notices}))
"""

EDITS = r"""
path = root / "initiatives" / "werkplaats-den-haag.md"
search("fietsreparatie")  # builds the index: nothing to check beside
search("fietsreparatie")
path.write_text(path.read_text(encoding="utf-8") + "\nNu ook fietsreparatie.\n", encoding="utf-8")
search("fietsreparatie")
search("fietsreparatie")
path.unlink()
search("fietsreparatie")
os.utime(root / "vocabulary.yml", ns=(1, 1))  # a new vocabulary: rebuilt, the check stopped
search("fietsreparatie")
"""


def run_script(corpus_dir, body: str) -> list[dict]:
    run = subprocess.run(
        [sys.executable, "-c", SETUP + body, str(corpus_dir)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


def test_a_search_with_its_check_beside_never_answers_from_a_stale_index(corpus_dir):
    first, unchanged, edited, again, deleted, new_vocabulary = run_script(corpus_dir, EDITS)
    nothing = {"changed": 0, "deleted": 0, "children": False, "rebuilt": False, "notices": []}
    assert first == {"hits": [], "beside": [], "searches": 1, **nothing, "rebuilt": True}
    assert unchanged == {"hits": [], "beside": [True], "searches": 1, **nothing}
    # the check saw the edit: the answer from the old index was dropped, the index refreshed
    found = ["werkplaats-den-haag"]
    assert edited == {"hits": found, "beside": [True], "searches": 2, **nothing, "changed": 1}
    assert again == {"hits": found, "beside": [True], "searches": 1, **nothing}
    assert deleted == {"hits": [], "beside": [True], "searches": 2, **nothing, "deleted": 1}
    assert new_vocabulary == {"hits": [], "beside": [True], "searches": 1, **nothing, "rebuilt": True}


def test_a_key_that_never_matches_costs_one_search_not_two(corpus_dir):
    """Something odd in the folders (here a folder named like an entry) gives no key
    from the stat pass, so the check never says 'fresh': the compare file by file finds
    nothing to update, and the first answer stands."""
    odd = r"""
search("mantelzorg")
(root / "cases" / "map.md").mkdir()
search("mantelzorg")
search("mantelzorg")
"""
    first, odd_once, odd_again = run_script(corpus_dir, odd)
    assert first["hits"] and odd_once["hits"] == first["hits"] == odd_again["hits"]
    for found in (odd_once, odd_again):
        assert found["beside"] == [True] and found["searches"] == 1 and not found["children"]
        assert any("map.md" in notice for notice in found["notices"])


def test_no_search_leaves_its_check_behind(corpus_dir):
    """A damaged index, damage found during the search, and a search that fails: the
    check beside it is stopped and reaped every time."""
    faults = r"""
from voorveld_cli.search import cache, store
search("mantelzorg")
home = cache.index_home(root)
folder = home / (home / store.CURRENT).read_text().strip()
next(folder.glob("*.toc")).write_bytes(b"kapot")  # found when the index is opened
search("mantelzorg")
def damaged(*args, **kwargs):  # found during the search: rebuilt, searched again
    query.search = counted
    raise EOFError("afgebroken segment")
query.search = damaged
search("mantelzorg")
def failing(*args, **kwargs):
    raise RuntimeError("een fout in de zoekcode")
query.search = failing
search("mantelzorg")
"""
    _, opened_damaged, searched_damaged, failed = run_script(corpus_dir, faults)
    assert opened_damaged["hits"] and opened_damaged["rebuilt"] and opened_damaged["beside"] == [True]
    assert searched_damaged["hits"] and searched_damaged["rebuilt"] and searched_damaged["beside"] == [True]
    assert failed == {"error": "RuntimeError", "beside": [True], "children": False}
    assert not opened_damaged["children"] and not searched_damaged["children"]


def test_the_check_stays_in_this_process_where_a_fork_is_not_safe_or_does_not_pay(corpus_dir, monkeypatch):
    key = freshness.current_key(corpus_dir)
    assert key is not None
    assert freshness.beside(corpus_dir, key, files=freshness.BESIDE_FROM - 1) is None
    monkeypatch.setattr(freshness, "BESIDE_FROM", 1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert freshness.beside(corpus_dir, key, files=5) is None  # another thread runs here
    finally:
        stop.set()
        other.join()


def test_the_key_of_the_files_as_they_are_is_the_key_of_the_manifest(corpus_dir, cli):
    from voorveld_cli.search import cache
    from voorveld_cli.search.store import CURRENT, Manifest

    cli("index", content=corpus_dir)
    home = cache.index_home(corpus_dir)
    header = Manifest.read(home / (home / CURRENT).read_text().strip(), files=False)
    assert header.scan_key == freshness.current_key(corpus_dir)
    assert header.count == len(list(corpus_dir.glob("*/*.md")))
    (corpus_dir / "cases" / "nieuw.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    assert freshness.current_key(corpus_dir) != header.scan_key

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
# and tells what each search found and whether the check ran in its own process.
SCRIPT = r"""
import json, os, sys
from pathlib import Path
from voorveld_cli.content.filters import Filters
from voorveld_cli.search import freshness, query
from voorveld_cli.search.store import current_vocabulary

root = Path(sys.argv[1])
freshness.BESIDE_FROM = 1
started = []
real_beside = freshness.beside
def beside(*args):
    check = real_beside(*args)
    started.append(check is not None)
    return check
freshness.beside = beside

def search(word):
    started.clear()
    vocab, _ = current_vocabulary(root)
    result, report = query.search_corpus(root, vocab, word, Filters())
    try:
        os.waitpid(-1, os.WNOHANG)
        children = True
    except ChildProcessError:
        children = False
    hits = [hit.record["id"] for hit in result.hits]
    print(json.dumps({"hits": hits, "beside": started, "changed": report.changed,
                      "deleted": report.deleted, "children": children,
                      "rebuilt": report.rebuilt}))

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


def test_a_search_with_its_check_beside_never_answers_from_a_stale_index(corpus_dir, tmp_path):
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(corpus_dir)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    first, unchanged, edited, again, deleted, new_vocabulary = map(json.loads, run.stdout.splitlines())
    nothing = {"changed": 0, "deleted": 0, "children": False, "rebuilt": False}
    assert first == {"hits": [], "beside": [], **nothing, "rebuilt": True}
    assert unchanged == {"hits": [], "beside": [True], **nothing}
    # the check saw the edit: the answer from the old index was dropped, the index refreshed
    assert edited == {"hits": ["werkplaats-den-haag"], "beside": [True], **nothing, "changed": 1}
    assert again == {"hits": ["werkplaats-den-haag"], "beside": [True], **nothing}
    assert deleted == {"hits": [], "beside": [True], **nothing, "deleted": 1}
    assert new_vocabulary == {"hits": [], "beside": [True], **nothing, "rebuilt": True}


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

"""Everything in the cache directory is untrusted: broken, tampered, full or
read-only, it never costs a traceback, and it never survives `index --rebuild`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.synthetic import generate
from voorveld_cli.search import cache, ranking


def search_json(cli, corpus_dir, *words) -> tuple[dict, str]:
    result = cli("search", *words, "--format", "json", content=corpus_dir)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout), result.stderr


def live_folder(corpus_dir: Path) -> Path:
    home = cache.index_home(corpus_dir)
    return home / (home / "CURRENT").read_text().strip()


def damage_current_not_utf8(home: Path) -> None:
    (home / "CURRENT").write_bytes(b"\xff\xfe\x00ix-\x80")


def damage_current_a_folder(home: Path) -> None:
    (home / "CURRENT").unlink()
    (home / "CURRENT" / "deeper").mkdir(parents=True)


def damage_current_outside(home: Path) -> None:
    (home / "CURRENT").write_text("../../../etc")


def damage_lock_a_folder(home: Path) -> None:
    (home / "build.lock").unlink(missing_ok=True)
    (home / "build.lock" / "x").mkdir(parents=True)


def damage_vocabulary_structure(home: Path) -> None:
    path = home / (home / "CURRENT").read_text() / "vocabulary.json"
    data = json.loads(path.read_text())
    data["vocabulary"] = {"lists": 5, "sources": []}
    path.write_text(json.dumps(data))


def damage_manifest_structure(home: Path) -> None:
    path = home / (home / "CURRENT").read_text() / "manifest.json"
    data = json.loads(path.read_text())
    data["broken"] = {"initiatives/x.md": 5}
    path.write_text(json.dumps(data))


def damage_file_table(home: Path) -> None:
    path = home / (home / "CURRENT").read_text() / "files.json"
    path.write_text(json.dumps({"initiatives/x.md": "nonsense"}))


def damage_synonyms(home: Path) -> None:
    (home / (home / "CURRENT").read_text() / "synonyms.json").write_text('{"wmo": 5}')


DAMAGE = {
    "current-not-utf8": damage_current_not_utf8,
    "current-a-folder": damage_current_a_folder,
    "current-outside": damage_current_outside,
    "lock-a-folder": damage_lock_a_folder,
    "vocabulary-structure": damage_vocabulary_structure,
    "manifest-structure": damage_manifest_structure,
    "file-table-structure": damage_file_table,
    "synonyms-structure": damage_synonyms,
}


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_broken_cache_state_is_discarded(cli, corpus_dir, name):
    cli("index", content=corpus_dir)
    home = cache.index_home(corpus_dir)
    DAMAGE[name](home)
    data, _ = search_json(cli, corpus_dir, "mantelzorg")
    assert data["total"] >= 1
    rebuilt = cli("index", "--rebuild", content=corpus_dir)
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert "opnieuw opgebouwd: 6 bestanden" in rebuilt.stdout
    data, err = search_json(cli, corpus_dir, "mantelzorg")
    assert data["total"] >= 1
    assert err == ""  # nothing left to complain about
    assert (home / "CURRENT").is_file()


def test_tampered_vocabulary_snapshot_does_not_hide_an_edited_file(cli, corpus_dir):
    cli("index", content=corpus_dir)
    snapshot = live_folder(corpus_dir) / "vocabulary.json"
    data = json.loads(snapshot.read_text())
    lists = data["vocabulary"]["lists"]
    lists["themes"] = [row for row in lists["themes"] if row[0] != "werk"]  # same shape, a theme less
    snapshot.write_text(json.dumps(data))
    path = corpus_dir / "initiatives" / "werkplaats-den-haag.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nNu ook met fietsreparatie.\n", encoding="utf-8")
    data, err = search_json(cli, corpus_dir, "fietsreparatie")
    assert [hit["id"] for hit in data["hits"]] == ["werkplaats-den-haag"]
    assert "overgeslagen" not in err


def test_a_bug_during_search_is_not_turned_into_a_rebuild(corpus_dir, monkeypatch):
    """Only index faults mean 'rebuild'; a programming error must surface as itself."""
    from voorveld_cli.content.filters import Filters
    from voorveld_cli.content.vocabulary import load
    from voorveld_cli.search import query, store

    vocab, _ = load(corpus_dir)
    store.open_index(corpus_dir, vocab)
    before = (cache.index_home(corpus_dir) / "CURRENT").read_text()

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in ranking")

    monkeypatch.setattr(ranking, "plan", broken)
    with pytest.raises(RuntimeError, match="a bug in ranking"):
        query.search_corpus(corpus_dir, vocab, "mantelzorg", Filters())
    assert (cache.index_home(corpus_dir) / "CURRENT").read_text() == before  # no rebuild


def test_cache_path_that_is_a_file_is_named_as_such(cli, corpus_dir, tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("geen map")
    monkeypatch.setenv("VOORVELD_CACHE", str(blocker / "cache"))
    data, err = search_json(cli, corpus_dir, "mantelzorg")
    assert data["total"] >= 1
    assert f"{blocker} is een bestand, geen map" in err
    assert "geen schrijfrechten" not in err


def test_cache_inside_the_content_tree_is_refused(cli, corpus_dir, monkeypatch):
    monkeypatch.setenv("VOORVELD_CACHE", str(corpus_dir / "initiatives" / ".cache"))
    data, err = search_json(cli, corpus_dir, "mantelzorg")
    assert data["total"] >= 1
    assert "VOORVELD_CACHE ligt in de content-map" in err
    assert "zonder opgeslagen index" in err
    assert not (corpus_dir / "initiatives" / ".cache").exists()


def test_partial_folder_of_a_killed_build_is_removed_at_the_next_start(cli, corpus_dir):
    cli("index", content=corpus_dir)
    home = cache.index_home(corpus_dir)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    partial = home / "ix-0123456789ab"
    partial.mkdir()
    (partial / "BUILDING").write_text(json.dumps({"pid": gone.pid, "start": None}))
    (partial / "_MAIN_1.toc").write_bytes(b"\0" * 4096)
    search_json(cli, corpus_dir, "mantelzorg")  # a search, not a rebuild
    assert not partial.exists()
    assert live_folder(corpus_dir).exists()


# -- full and read-only disks, for real: a tiny tmpfs in a private mount namespace ----------

UNSHARE = shutil.which("unshare")


def namespace_works() -> bool:
    if not UNSHARE:
        return False
    probe = subprocess.run(
        [UNSHARE, "--user", "--map-root-user", "--mount", "sh", "-c", "mount -t tmpfs -o size=64k t /mnt"],
        capture_output=True,
    )
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(not namespace_works(), reason="cannot mount a tmpfs in a user namespace")


def in_namespace(script: str, cache_dir: Path, env: dict) -> subprocess.CompletedProcess:
    """Run `script` (sh) with a tmpfs at cache_dir; VV runs voorveld; the mount vanishes after."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [UNSHARE, "--user", "--map-root-user", "--mount", "sh", "-c", script],
        env={**env, "VV": f"{sys.executable} -m voorveld_cli", "VOORVELD_CACHE": str(cache_dir)},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def corpus_100(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("c100"), 100, seed=3)  # index: 640 kB, 1.3 MB while built


def process_env() -> dict:
    env = dict(os.environ)
    env.pop("VOORVELD_CONTENT", None)
    return env


@needs_mount
def test_full_disk_without_an_index_searches_in_memory_in_one_line(corpus_100, tmp_path):
    cache_dir = tmp_path / "cache"
    run = in_namespace(
        f'mount -t tmpfs -o size=200k tmpfs "$VOORVELD_CACHE"\n'
        f"$VV search mantelzorg --format json --content-dir {corpus_100} > {tmp_path}/1.json || true\n"
        f"$VV search mantelzorg --format json --content-dir {corpus_100} > {tmp_path}/2.json || true\n"
        'find "$VOORVELD_CACHE" -mindepth 2 | sort\n',
        cache_dir,
        process_env(),
    )
    assert "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 2, run.stderr  # one line per search
    assert all("de schijf is vol" in line and "zonder opgeslagen index" in line for line in lines)
    for name in ("1.json", "2.json"):
        assert json.loads((tmp_path / name).read_text())["total"] > 0
    assert not [p for p in run.stdout.splitlines() if "/ix-" in p]  # no partial folders left


@needs_mount
def test_full_disk_keeps_serving_the_old_index(corpus_100, tmp_path):
    cache_dir = tmp_path / "cache"
    first = corpus_100 / "initiatives" / sorted(os.listdir(corpus_100 / "initiatives"))[0]
    # One index of this corpus takes about 740 KB on tmpfs: room for one, not for two.
    run = in_namespace(
        f'mount -t tmpfs -o size=1100k tmpfs "$VOORVELD_CACHE"\n'
        f"$VV index --content-dir {corpus_100} >/dev/null\n"
        f"echo ' Een zin over kweekbakken.' >> {first}\n"
        f"$VV index --rebuild --content-dir {corpus_100} 2>{tmp_path}/rebuild.err; echo rebuild=$?\n"
        f"$VV search kweekbakken --format json --content-dir {corpus_100} > {tmp_path}/s.json\n"
        'find "$VOORVELD_CACHE" -maxdepth 2 -name "ix-*" | wc -l\n',
        cache_dir,
        process_env(),
    )
    assert "Traceback" not in run.stderr, run.stderr
    rebuild_err = (tmp_path / "rebuild.err").read_text()
    assert rebuild_err.count("\n") == 1 and "de schijf is vol" in rebuild_err, rebuild_err
    assert "rebuild=1" in run.stdout
    # The old index still serves, and a small update of it still fits on the disk.
    assert json.loads((tmp_path / "s.json").read_text())["total"] == 1
    assert run.stdout.split()[-1] == "1"  # only the live index: the partial one is gone


@needs_mount
def test_read_only_cache_uses_the_existing_index(corpus_dir, tmp_path):
    cache_dir = tmp_path / "cache"
    run = in_namespace(
        'mount -t tmpfs -o size=10m tmpfs "$VOORVELD_CACHE"\n'
        f"$VV index --content-dir {corpus_dir} >/dev/null\n"
        'mount -o remount,ro "$VOORVELD_CACHE"\n'
        f"$VV search mantelzorg --format json --content-dir {corpus_dir} > {tmp_path}/s.json\n",
        cache_dir,
        process_env(),
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""  # no 'zonder opgeslagen index': the stored one was used
    assert json.loads((tmp_path / "s.json").read_text())["total"] >= 1


def test_an_unchanged_corpus_is_checked_without_the_file_table(cli, corpus_dir):
    """A search compares one scan key with the manifest's header; the file-by-file
    table is read only when something changed (here: missing, so a rebuild)."""
    cli("index", content=corpus_dir)
    (live_folder(corpus_dir) / "files.json").unlink()
    data, err = search_json(cli, corpus_dir, "mantelzorg")
    assert data["total"] >= 1 and err == ""
    path = corpus_dir / "initiatives" / "werkplaats-den-haag.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nNu ook met fietsreparatie.\n", encoding="utf-8")
    data, err = search_json(cli, corpus_dir, "fietsreparatie")
    assert [hit["id"] for hit in data["hits"]] == ["werkplaats-den-haag"]
    assert "beschadigd" in err


def test_stat_rows_are_the_scan_or_nothing(corpus_dir):
    from voorveld_cli.content import discover

    (corpus_dir / "glossary" / "werkplaats-den-haag.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    expected = sorted((f.rel, tuple(discover.stat_key(f.stat))) for f in discover.scan(corpus_dir).files)
    rels, keys = discover.stat_rows(corpus_dir)
    assert list(zip(rels, keys, strict=True)) == expected
    assert "glossary/werkplaats-den-haag.md" in rels  # a taken id, too
    (corpus_dir / "initiatives" / "weg.md").symlink_to("nergens.md")
    assert discover.stat_rows(corpus_dir) is None  # scan() says what is wrong
    (corpus_dir / "initiatives" / "weg.md").unlink()
    os.mkfifo(corpus_dir / "initiatives" / "pijp.md")
    assert discover.stat_rows(corpus_dir) is None


def test_a_synonym_table_edited_by_hand_is_not_used(cli, corpus_dir):
    from voorveld_cli.content.vocabulary import load
    from voorveld_cli.search import store

    cli("index", content=corpus_dir)
    path = live_folder(corpus_dir) / "synonyms.json"
    check, _, body = path.read_bytes().partition(b"\n")
    table = json.loads(body)
    assert table and check.isdigit()
    edited = {name: ["iets anders"] for name in table}  # the same shape, other words
    path.write_bytes(check + b"\n" + json.dumps(edited).encode())
    vocab, _ = load(corpus_dir)
    ix, _ = store.open_index(corpus_dir, vocab)
    assert store.read_synonyms(ix, vocab) == table == store.synonym_table(ix, vocab)


def test_scan_key_tells_every_part_of_a_row_apart():
    from voorveld_cli.search.freshness import scan_key

    rels, keys = ["cases/a.md", "glossary/b.md"], [(1, 2, 3, 4), (5, 6, 7, 8)]
    key = scan_key(rels, keys)
    assert scan_key(list(rels), [list(k) for k in keys]) == key  # the manifest's rows are lists
    others = [
        (["cases/a.md", "glossary/c.md"], keys),
        (["cases/a.md"], keys[:1]),
        (rels, [(1, 2, 3, 4), (5, 6, 7, 9)]),
        (rels, [(1, 2, 3, 4), (6, 5, 7, 8)]),
        (rels, [(1, 2, 3, 2**63), (5, 6, 7, 8)]),  # past 63 bits: still a key, still its own
        (rels, [(1, 2, 3, 2**63 + 1), (5, 6, 7, 8)]),
    ]
    assert len({key, *(scan_key(r, k) for r, k in others)}) == len(others) + 1
    big = [(1, 2, 3, 2**63), (5, 6, 7, 8)]  # the manifest's lists and the stat pass's tuples agree
    assert scan_key(rels, [list(k) for k in big]) == scan_key(rels, big)

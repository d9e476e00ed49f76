"""The entry cache of the read commands: unchanged files are not re-read, changes are seen."""

from __future__ import annotations

import json
import os
import time

import pytest

from voorveld_cli.content import corpus


@pytest.fixture
def reads(monkeypatch):
    seen: list[str] = []
    real = corpus.load_entry

    def spy(kind, path, vocab):
        seen.append(path.name)
        return real(kind, path, vocab)

    monkeypatch.setattr(corpus, "load_entry", spy)
    return seen


def bump(path):
    stamp = time.time() + 5
    os.utime(path, (stamp, stamp))


def test_second_list_reads_nothing_and_sees_a_change(cli, corpus_dir, reads):
    first = cli("list", "--format", "json", content=corpus_dir).stdout
    assert len(reads) == 6
    reads.clear()
    assert cli("list", "--format", "json", content=corpus_dir).stdout == first
    assert reads == []

    target = corpus_dir / "initiatives" / "werkplaats-den-haag.md"
    target.write_text(
        target.read_text(encoding="utf-8").replace("Werkplaats Den Haag", "Werkplaats Haaglanden"),
        encoding="utf-8",
    )
    bump(target)
    rows = json.loads(cli("list", "--format", "json", content=corpus_dir).stdout)
    assert reads == ["werkplaats-den-haag.md"]
    assert "Werkplaats Haaglanden" in [r["title"] for r in rows]


def test_broken_file_stays_reported_from_the_cache(cli, corpus_dir, reads):
    (corpus_dir / "cases" / "kapot.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    cli("list", content=corpus_dir)
    reads.clear()
    again = cli("list", "--format", "json", content=corpus_dir)
    assert reads == []
    assert "kapot.md" in again.stderr and "ongeldige YAML" in again.stderr


def test_vocabulary_change_drops_the_cache(cli, corpus_dir, reads):
    cli("list", content=corpus_dir)
    vocabulary = corpus_dir / "vocabulary.yml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    bump(vocabulary)
    reads.clear()
    cli("list", content=corpus_dir)
    assert len(reads) == 6


def test_deleted_file_disappears(cli, corpus_dir):
    cli("list", content=corpus_dir)
    (corpus_dir / "glossary" / "mantelzorg.md").unlink()
    ids = [r["id"] for r in json.loads(cli("list", "--format", "json", content=corpus_dir).stdout)]
    assert "mantelzorg" not in ids


def test_check_never_uses_the_cache(cli, corpus_dir, reads):
    cli("list", content=corpus_dir)
    reads.clear()
    cli("check", content=corpus_dir)
    assert len(reads) == 6


def test_unwritable_cache_still_lists(cli, corpus_dir, tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("geen map")
    monkeypatch.setenv("VOORVELD_CACHE", str(blocker / "cache"))
    result = cli("list", "--format", "json", content=corpus_dir)
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 6

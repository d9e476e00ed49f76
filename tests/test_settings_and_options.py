"""Where the content is found, and options the first round left untested (issue 16)."""

from __future__ import annotations

import json
import subprocess
import sys

from voorveld_cli.content import schema
from voorveld_cli.content.vocabulary import load
from voorveld_cli.search import cache
from voorveld_cli.search.store import open_index
from voorveld_cli.settings import Settings, find_content_root


def test_explicit_folder_wins_over_the_environment(corpus_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("VOORVELD_CONTENT", str(tmp_path))
    assert find_content_root(corpus_dir) == corpus_dir


def test_environment_names_the_content(corpus_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("VOORVELD_CONTENT", str(corpus_dir))
    assert find_content_root(cwd=tmp_path) == corpus_dir


def test_content_folder_found_upwards_from_a_subfolder(corpus_dir, monkeypatch):
    monkeypatch.delenv("VOORVELD_CONTENT", raising=False)
    deep = corpus_dir.parent / "notities" / "2026"
    deep.mkdir(parents=True)
    assert find_content_root(cwd=deep) == corpus_dir


def test_environment_reaches_the_real_command(corpus_dir, tmp_path):
    env = {"VOORVELD_CONTENT": str(corpus_dir), "VOORVELD_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin"}
    out = subprocess.run(
        [sys.executable, "-m", "voorveld_cli", "list", "--format", "ids"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "buurtkamer-maastricht" in out.stdout.split()


def test_list_sort_orders(cli, corpus_dir):
    def rows(order):
        return json.loads(cli("list", "--sort", order, "--format", "json", content=corpus_dir).stdout)

    ids = [row["id"] for row in rows("id")]
    assert ids == sorted(ids)
    titles = [row["title"].casefold() for row in rows("title")]
    assert titles == sorted(titles)
    kinds = [row["kind"] for row in rows("default")]
    assert kinds == sorted(kinds, key=schema.KINDS.index) and len(set(kinds)) > 1  # grouped by kind


def test_schema_of_one_kind(cli, corpus_dir):
    result = cli("schema", "--kind", "case", content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    schema = json.loads(result.stdout)
    assert "questions" in schema["properties"] and "definition" not in schema["properties"]
    assert cli("schema", "--kind", "onzin", content=corpus_dir).exit_code == 2


def test_settings_read_the_public_environment_variables(tmp_path):
    env = {
        "VOORVELD_CACHE": str(tmp_path),
        "VOORVELD_INDEX_PROCS": "0",
        "VOORVELD_PLAIN": "1",
        "NO_COLOR": "1",
        "COLUMNS": "-3",
    }
    assert Settings.from_env(env) == Settings(cache_dir=tmp_path, index_procs=1, plain=True, no_color=True)
    assert Settings.from_env({"COLUMNS": "72", "VOORVELD_INDEX_PROCS": "drie"}) == Settings(columns=72)


def test_the_index_goes_where_the_given_settings_say(corpus_dir, tmp_path):
    chosen = tmp_path / "elders"
    vocab, _ = load(corpus_dir)
    ix, _ = open_index(corpus_dir, vocab, config=Settings(cache_dir=chosen, index_procs=1))
    ix.close()
    assert (cache.index_home(corpus_dir, chosen) / "CURRENT").is_file()
    assert not (cache.index_home(corpus_dir) / "CURRENT").exists()  # not in $VOORVELD_CACHE

"""The real Whoosh index on disk, through `voorveld search` and `voorveld index`."""

from __future__ import annotations

import json
import os
import time

import pytest
from whoosh import index

from voorveld_cli.search import cache, store
from voorveld_cli.views.records import LIST_FIELDS

from .conftest import write_entry


def search_json(cli, corpus_dir, *args) -> dict:
    result = cli("search", *args, "--format", "json", content=corpus_dir)
    data = json.loads(result.stdout)
    # The exit code table: 0 with hits, 1 when nothing was found.
    assert result.exit_code == (0 if data["hits"] else 1), result.stderr
    return data


def hit_ids(cli, corpus_dir, *args) -> list[str]:
    return [hit["id"] for hit in search_json(cli, corpus_dir, *args)["hits"]]


def touch_later(path):
    """Bump the mtime so a change is seen even on coarse-grained file systems."""
    stamp = time.time() + 5
    os.utime(path, (stamp, stamp))


def test_search_json_contract(cli, corpus_dir):
    data = search_json(cli, corpus_dir, "mantelzorgers")
    assert set(data) >= {"query", "total", "hits", "facets", "suggestion"}
    assert data["query"] == "mantelzorgers"
    assert data["suggestion"] is None
    assert data["total"] == len(data["hits"]) >= 2
    for hit in data["hits"]:
        assert {"id", "kind", "title", "score", "snippet"} <= set(hit)
        assert set(LIST_FIELDS) <= set(hit)
        assert isinstance(hit["score"], float)
        assert "\x02" not in hit["snippet"]
    assert set(data["facets"]) == {"kind", "themes", "laws", "laws_inferred", "province"}
    assert sum(data["facets"]["kind"].values()) == data["total"]


def test_title_outranks_body(cli, corpus_dir):
    # 'mantelzorg' is the title of a term and only body text elsewhere.
    assert hit_ids(cli, corpus_dir, "mantelzorg")[0] == "mantelzorg"


def test_accent_folding(cli, corpus_dir):
    assert hit_ids(cli, corpus_dir, "clienten") == ["buurtkamer-maastricht"]
    assert hit_ids(cli, corpus_dir, "cooperatie") == ["buurtkamer-maastricht"]


def test_alias_reaches_the_term(cli, corpus_dir):
    assert hit_ids(cli, corpus_dir, "wet maatschappelijke ondersteuning")[0] == "wmo-2015"


def test_filters_and_facets(cli, corpus_dir):
    data = search_json(cli, corpus_dir, "mantelzorgers", "--kind", "initiative", "--province", "Utrecht")
    assert [h["id"] for h in data["hits"]] == ["respijt-utrecht"]
    assert data["facets"]["province"] == {"Utrecht": 1}
    assert data["facets"]["kind"] == {"initiative": 1}


def test_and_then_or_fallback(cli, corpus_dir):
    data = search_json(cli, corpus_dir, "buurtkamer", "leerwerkplaats")
    assert data["mode"] == "or"
    assert set(h["id"] for h in data["hits"]) == {"buurtkamer-maastricht", "werkplaats-den-haag"}
    assert search_json(cli, corpus_dir, "buurtkamer", "koken")["mode"] == "and"


def test_typo_gets_a_suggestion_and_its_results(cli, corpus_dir):
    data = search_json(cli, corpus_dir, "mantelzrog")
    assert data["suggestion"] == "mantelzorg"
    assert "mantelzorg" in [h["id"] for h in data["hits"]]
    table = cli("search", "mantelzrog", content=corpus_dir).stdout
    assert "Bedoelde u 'mantelzorg'?" in table


def test_phrase_and_exclusion(cli, corpus_dir):
    assert hit_ids(cli, corpus_dir, '"eenzame ouderen"') == ["buurtkamer-maastricht"]
    assert "buurtkamer-maastricht" not in hit_ids(cli, corpus_dir, "mantelzorgers", "-koffie")


def test_a_hyphen_inside_a_word_is_not_an_exclusion(cli, corpus_dir):
    # 'Wmo-consulent' is one word with two parts; read as 'Wmo NOT consulent' it would
    # drop exactly the entries about Wmo-consulenten.
    assert hit_ids(cli, corpus_dir, "keukentafelgesprek", "Wmo-consulent")[0] == "keukentafel"
    assert "keukentafel" not in hit_ids(cli, corpus_dir, "keukentafelgesprek", "-consulent")


@pytest.mark.parametrize("query", ['"', "AND", "OR OR", "title:", "*", "-", "(", "a" * 5000, "NOT"])
def test_odd_queries_never_raise(cli, corpus_dir, query):
    result = cli("search", query, "--format", "json", content=corpus_dir)
    total = json.loads(result.stdout)["total"]
    assert result.exit_code == (0 if total else 1)  # never 2: an odd query is not wrong use


def test_limit_and_total(cli, corpus_dir):
    data = search_json(cli, corpus_dir, "wmo", "--limit", "1")
    assert len(data["hits"]) == 1
    assert data["total"] >= 2


def test_incremental_refresh_add_change_delete(cli, corpus_dir):
    assert hit_ids(cli, corpus_dir, "zwembad") == []

    added = write_entry(
        corpus_dir,
        "initiative",
        "zwemclub",
        {
            "title": "Zwemclub",
            "summary": "Ouderen zwemmen samen in het zwembad.",
            "themes": ["gezondheid"],
            "sources": [{"source": "movisies-2020-1", "pages": "5"}],
        },
    )
    assert hit_ids(cli, corpus_dir, "zwembad") == ["zwemclub"]

    added.write_text(added.read_text(encoding="utf-8").replace("zwembad", "buitenbad"), encoding="utf-8")
    touch_later(added)
    assert hit_ids(cli, corpus_dir, "zwembad") == []
    assert hit_ids(cli, corpus_dir, "buitenbad") == ["zwemclub"]

    added.unlink()
    assert hit_ids(cli, corpus_dir, "buitenbad") == []


def test_refresh_reads_only_changed_files(cli, corpus_dir, monkeypatch):
    cli("index", content=corpus_dir)
    from voorveld_cli.content import corpus

    read = []
    real = corpus.load_entry

    def spy(kind, path, vocab):
        read.append(path.name)
        return real(kind, path, vocab)

    monkeypatch.setattr(corpus, "load_entry", spy)
    target = corpus_dir / "initiatives" / "respijt-utrecht.md"
    touch_later(target)
    result = cli("index", content=corpus_dir)
    assert read == ["respijt-utrecht.md"]
    assert "1 gewijzigd" in result.stdout


def test_broken_file_is_skipped_and_reported_each_time(cli, corpus_dir):
    (corpus_dir / "initiatives" / "kapot.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    for _ in range(2):
        result = cli("search", "mantelzorg", "--format", "json", content=corpus_dir)
        assert result.exit_code == 0
        assert json.loads(result.stdout)["total"] >= 1
        assert sum("kapot.md" in line for line in result.stderr.splitlines()) == 1


def test_schema_version_change_rebuilds(cli, corpus_dir, monkeypatch):
    cli("index", content=corpus_dir)
    monkeypatch.setattr(store, "SCHEMA_VERSION", store.SCHEMA_VERSION + 1)
    result = cli("search", "mantelzorg", content=corpus_dir)
    assert result.exit_code == 0
    assert "oudere versie" in result.stderr
    assert "oudere versie" not in cli("search", "mantelzorg", content=corpus_dir).stderr


def test_index_with_other_fields_under_the_same_version_is_rebuilt(cli, corpus_dir):
    """Code that changed the fields without a SCHEMA_VERSION bump made this index: the
    refresh would write a field it lacks (a traceback before); it is rebuilt instead."""
    cli("index", content=corpus_dir)
    home = cache.index_home(corpus_dir)
    ix = index.open_dir(str(home / (home / "CURRENT").read_text().strip()))
    writer = ix.writer()
    writer.remove_field("title_words")
    writer.commit()
    edited = corpus_dir / "initiatives" / "respijt-utrecht.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    result = cli("search", "mantelzorg", "--format", "json", content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    assert "oudere versie" in result.stderr
    assert json.loads(result.stdout)["total"] >= 1
    assert "oudere versie" not in cli("search", "mantelzorg", content=corpus_dir).stderr


def test_analyzer_change_rebuilds(cli, corpus_dir, monkeypatch):
    """Another stemmer or compound list writes other tokens: the old index must go."""
    cli("index", content=corpus_dir)
    folder = cache.index_home(corpus_dir) / (cache.index_home(corpus_dir) / "CURRENT").read_text().strip()
    assert json.loads((folder / store.MANIFEST).read_text())["analyzer"] == store.ANALYZER
    monkeypatch.setattr(store, "ANALYZER", "another-stemmer/1")
    assert "oudere versie" in cli("search", "mantelzorg", content=corpus_dir).stderr
    assert "oudere versie" not in cli("search", "mantelzorg", content=corpus_dir).stderr


def test_corrupted_index_is_rebuilt_and_the_user_told_once(cli, corpus_dir):
    cli("index", content=corpus_dir)
    home = cache.index_home(corpus_dir)
    folder = home / (home / "CURRENT").read_text().strip()
    for path in folder.iterdir():
        if path.suffix in (".toc", ".seg") or path.name.endswith(".trm"):
            path.write_bytes(b"\x00garbage")
    result = cli("search", "mantelzorg", "--format", "json", content=corpus_dir)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total"] >= 1
    assert "beschadigd" in result.stderr
    assert "beschadigd" not in cli("search", "mantelzorg", content=corpus_dir).stderr


def test_half_built_folder_is_never_used(cli, corpus_dir):
    cli("index", content=corpus_dir)
    home = cache.index_home(corpus_dir)
    (home / "ix-halfbuilt").mkdir()  # what a killed build leaves behind
    result = cli("search", "mantelzorg", "--format", "json", content=corpus_dir)
    assert json.loads(result.stdout)["total"] >= 1
    assert (home / "CURRENT").read_text().strip() != "ix-halfbuilt"


def test_rebuild_swaps_in_a_new_folder_and_keeps_the_old_one_for_readers(cli, corpus_dir, monkeypatch):
    cli("index", content=corpus_dir)
    home = cache.index_home(corpus_dir)
    before = (home / "CURRENT").read_text()
    result = cli("index", "--rebuild", content=corpus_dir)
    assert "opnieuw opgebouwd: 6 bestanden" in result.stdout
    after = (home / "CURRENT").read_text()
    assert after != before
    assert (home / before).exists()  # a search that read CURRENT a moment ago may still open it

    monkeypatch.setattr(store, "STALE_AFTER", 0.0)
    cli("index", "--rebuild", content=corpus_dir)
    current = (home / "CURRENT").read_text()
    assert [p.name for p in home.iterdir() if p.is_dir()] == [current]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_cache_searches_in_memory(cli, corpus_dir, tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv("VOORVELD_CACHE", str(locked / "sub"))
    try:
        result = cli("search", "mantelzorg", "--format", "json", content=corpus_dir)
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total"] >= 1
    assert "zonder opgeslagen index" in result.stderr


def test_unwritable_cache_path_searches_in_memory(cli, corpus_dir, tmp_path, monkeypatch):
    # A file where the cache directory should be: works the same for root.
    blocker = tmp_path / "blocker"
    blocker.write_text("geen map")
    monkeypatch.setenv("VOORVELD_CACHE", str(blocker / "cache"))
    result = cli("search", "mantelzorg", "--format", "json", content=corpus_dir)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total"] >= 1
    assert "zonder opgeslagen index" in result.stderr


def test_search_output_formats(cli, corpus_dir):
    csv_out = cli("search", "mantelzorg", "--format", "csv", content=corpus_dir).stdout
    assert csv_out.splitlines()[0].startswith("rank,id,kind,title,score,snippet")
    md = cli("search", "mantelzorg", "--format", "md", content=corpus_dir).stdout
    assert md.splitlines()[0] == "| rank | id | kind | title | score | snippet |"
    table = cli("search", "mantelzorg", content=corpus_dir).stdout
    assert "gevonden" in table
    assert "soort:" in table and "thema:" in table


def test_empty_query_is_a_usage_error(cli, corpus_dir):
    result = cli("search", " ", content=corpus_dir)
    assert result.exit_code == 2
    assert "Geef een zoekvraag" in result.stderr

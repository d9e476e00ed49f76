"""`new` and `schema --out` write files: only where they should, never through a
link, never over a file without --force, and without a traceback on a bad path."""

from __future__ import annotations

import os

from voorveld_cli.authoring.scaffold import MAX_ID


def test_new_with_a_very_long_title_gets_a_capped_id(cli, corpus_dir):
    title = "Een buurtinitiatief " + " ".join(["met", "heel", "veel", "woorden"] * 19)
    assert len(title) > 300
    result = cli("new", "initiative", title, content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    [path] = [p for p in (corpus_dir / "initiatives").glob("een-buurtinitiatief-*.md")]
    assert len(path.stem) <= MAX_ID and not path.stem.endswith("-")
    assert title in path.read_text(encoding="utf-8")  # the title itself is kept whole
    assert cli("check", str(path), content=corpus_dir).exit_code == 0


def test_new_never_writes_through_a_link_to_the_folder(cli, corpus_dir, tmp_path):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (corpus_dir / "articles").mkdir(exist_ok=True)
    os.rmdir(corpus_dir / "articles")
    (corpus_dir / "articles").symlink_to(elsewhere)
    result = cli("new", "article", "Een nieuw artikel", content=corpus_dir)
    assert result.exit_code == 2
    assert "is een symbolische link" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_new_never_writes_through_a_link_as_the_file(cli, corpus_dir, tmp_path):
    victim = tmp_path / "doel.md"
    (corpus_dir / "initiatives" / "nieuw-initiatief.md").symlink_to(victim)
    result = cli("new", "initiative", "Nieuw initiatief", content=corpus_dir)
    assert result.exit_code == 2
    assert "is een symbolische link" in result.stderr
    assert not victim.exists()


def test_schema_out_refuses_the_content_tree(cli, corpus_dir):
    result = cli("schema", "--out", str(corpus_dir / "schemas"), content=corpus_dir)
    assert result.exit_code == 2
    assert "ligt in de content-map" in result.stderr
    assert not (corpus_dir / "schemas").exists()


def test_schema_out_overwrites_only_with_force(cli, corpus_dir, tmp_path):
    out = tmp_path / "schemas"
    assert cli("schema", "--out", str(out), content=corpus_dir).exit_code == 0
    target = out / "initiative.schema.json"
    target.write_text("eigen werk", encoding="utf-8")
    again = cli("schema", "--out", str(out), content=corpus_dir)
    assert again.exit_code == 1
    assert "bestaat al; gebruik --force" in again.stderr
    assert target.read_text(encoding="utf-8") == "eigen werk"
    forced = cli("schema", "--out", str(out), "--force", content=corpus_dir)
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("{")


def test_schema_out_on_a_bad_path_says_so(cli, corpus_dir, tmp_path):
    a_file = tmp_path / "een-bestand"
    a_file.write_text("x")
    result = cli("schema", "--out", str(a_file), content=corpus_dir)
    assert result.exit_code == 2
    assert "is geen map" in result.stderr
    below = cli("schema", "--out", str(a_file / "sub"), content=corpus_dir)
    assert below.exit_code == 2
    assert "Kan de map" in below.stderr

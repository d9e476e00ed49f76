"""`voorveld check` through the real CLI: exit codes, formats, cross-file rules."""

from __future__ import annotations

import json

from .conftest import write_entry


def test_clean_corpus_passes(cli, corpus_dir):
    result = cli("check", "--strict", content=corpus_dir)
    assert result.exit_code == 0, result.stdout
    assert "In orde: 6 bestanden gecontroleerd" in result.stdout


def test_broken_yaml_fails_with_file_and_line(cli, corpus_dir):
    path = corpus_dir / "initiatives" / "kapot.md"
    path.write_text("---\ntitle: Kapot\nthemes: [werk\n---\nTekst\n", encoding="utf-8")
    result = cli("check", content=corpus_dir)
    assert result.exit_code == 1
    [line] = [ln for ln in result.stdout.splitlines() if "kapot.md" in ln]
    assert line.split(": ")[0].endswith("kapot.md:4") or line.split(": ")[0].endswith("kapot.md:3")
    assert "front matter: ongeldige YAML" in line


def test_warnings_fail_only_with_strict(cli, corpus_dir):
    front = {
        "title": "Zonder thema",
        "summary": "Een initiatief zonder thema.",
        "sources": [{"source": "movisies-2020-1", "pages": "3"}],
    }
    write_entry(corpus_dir, "initiative", "zonder-thema", front)
    assert cli("check", content=corpus_dir).exit_code == 0
    strict = cli("check", "--strict", content=corpus_dir)
    assert strict.exit_code == 1
    assert "zonder-thema.md:1: themes: geen thema's" in strict.stdout


def test_duplicate_id_across_kinds(cli, corpus_dir):
    front = {
        "title": "Mantelzorg als initiatief",
        "summary": "Dubbel.",
        "themes": ["mantelzorg"],
        "sources": [{"source": "movisies-2020-1", "pages": "3"}],
    }
    write_entry(corpus_dir, "initiative", "mantelzorg", front)
    result = cli("check", content=corpus_dir)
    assert result.exit_code == 1
    assert "id 'mantelzorg' bestaat al" in result.stdout


def test_dangling_related(cli, corpus_dir):
    path = corpus_dir / "initiatives" / "werkplaats-den-haag.md"
    text = path.read_text(encoding="utf-8").replace("sources:", "related: [buurtkamer-maastrich]\nsources:")
    path.write_text(text, encoding="utf-8")
    result = cli("check", content=corpus_dir)
    assert result.exit_code == 1
    assert "related[0]: 'buurtkamer-maastrich' bestaat niet in de kennisbank." in result.stdout
    assert "Bedoelde u 'buurtkamer-maastricht'?" in result.stdout


def test_stray_markdown_file_warns(cli, corpus_dir):
    (corpus_dir / "notities.md").write_text("# los\n", encoding="utf-8")
    result = cli("check", "--strict", content=corpus_dir)
    assert result.exit_code == 1
    assert "notities.md:1: bestand: staat buiten initiatives/, cases/ en glossary/" in result.stdout


def test_json_format(cli, corpus_dir):
    (corpus_dir / "glossary" / "leeg.md").write_text("", encoding="utf-8")
    result = cli("check", "--format", "json", content=corpus_dir)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["errors"] == 1
    assert report["problems"][0] == {
        "path": report["problems"][0]["path"],
        "line": 1,
        "field": "bestand",
        "message": "leeg bestand",
        "severity": "error",
    }
    assert report["problems"][0]["path"].endswith("glossary/leeg.md")


def test_github_format(cli, corpus_dir):
    path = corpus_dir / "initiatives" / "werkplaats-den-haag.md"
    path.write_text(path.read_text(encoding="utf-8").replace("- werk", "- wrk"), encoding="utf-8")
    result = cli("check", "--format", "github", content=corpus_dir)
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.startswith("::error file=")
    assert "werkplaats-den-haag.md,line=" in line
    assert ",title=themes[0]::onbekende waarde 'wrk'" in line


def test_check_only_given_paths(cli, corpus_dir):
    (corpus_dir / "glossary" / "leeg.md").write_text("", encoding="utf-8")
    good = corpus_dir / "initiatives" / "werkplaats-den-haag.md"
    result = cli("check", str(good), content=corpus_dir)
    assert result.exit_code == 0
    assert "1 bestand gecontroleerd" in result.stdout


def test_missing_content_dir_is_a_usage_error(cli, tmp_path):
    result = cli("check", content=tmp_path / "bestaat-niet")
    assert result.exit_code == 2
    assert "bestaat niet" in result.stderr


def test_vocabulary_term_without_glossary_entry_warns(cli, corpus_dir):
    path = corpus_dir / "vocabulary.yml"
    text = path.read_text(encoding="utf-8").replace("term: mantelzorg\n", "term: mantelzorgen\n")
    path.write_text(text, encoding="utf-8")
    result = cli("check", "--strict", content=corpus_dir)
    assert result.exit_code == 1
    line = text.splitlines().index("    term: mantelzorgen") + 1
    expected = f"vocabulary.yml:{line}: themes.mantelzorg.term: begrip 'mantelzorgen' staat niet in"
    assert expected in result.stdout
    assert "Bedoelde u 'mantelzorg'?" in result.stdout
    # Not a hard error: without --strict the corpus still passes.
    assert cli("check", content=corpus_dir).exit_code == 0


def test_alias_claimed_by_two_terms_warns(cli, corpus_dir):
    path = corpus_dir / "glossary" / "mantelzorg.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("- mantelzorgers", "- mantelzorgers\n- Wmo"),
        encoding="utf-8",
    )
    result = cli("check", "--strict", content=corpus_dir)
    assert result.exit_code == 1
    assert "mantelzorg.md:" in result.stdout
    assert "aliases[1]: 'Wmo' hoort ook bij begrip 'wmo-2015'" in result.stdout
    # The term that owns the name through its own aliases hears of it too.
    assert "wmo-2015.md:" in result.stdout and "hoort ook bij begrip 'mantelzorg'" in result.stdout

"""`voorveld export --format bulk`: OpenSearch/Elasticsearch bulk NDJSON and a mapping
that carries our Dutch analysis. Checked for shape; no cluster needed."""

from __future__ import annotations

import json

from voorveld_cli.cli.app import app

# Filters an OpenSearch/Elasticsearch analyzer may name without defining them.
BUILT_IN = {"lowercase", "asciifolding"}


def _export(runner, corpus_dir, out, *extra):
    return runner.invoke(
        app, ["export", "--format", "bulk", "-o", str(out), "--content-dir", str(corpus_dir), *extra]
    )


def test_bulk_pairs_an_action_with_each_document(corpus_dir, tmp_path):
    from typer.testing import CliRunner

    runner = CliRunner()
    result = _export(runner, corpus_dir, tmp_path / "cluster")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "cluster" / "bulk.ndjson").read_text(encoding="utf-8")
    assert text.endswith("\n")
    lines = [json.loads(line) for line in text.splitlines()]
    assert len(lines) % 2 == 0 and lines
    actions, docs = lines[0::2], lines[1::2]
    assert all(set(a) == {"index"} and a["index"]["_index"] == "voorveld" for a in actions)
    ids = [a["index"]["_id"] for a in actions]
    assert len(ids) == len(set(ids))
    assert ids == [d["id"] for d in docs]
    on_disk = {p.stem for p in corpus_dir.glob("*/*.md")}
    assert set(ids) == on_disk
    mapped = json.loads((tmp_path / "cluster" / "mapping.json").read_text(encoding="utf-8"))
    properties = mapped["mappings"]["properties"]
    for doc in docs:
        assert set(doc) <= set(properties), set(doc) - set(properties)
        assert isinstance(doc["themes"], list) and doc["kind"] in {"initiative", "case", "term", "article"}


def test_mapping_analyzers_name_only_defined_filters(corpus_dir, tmp_path):
    from typer.testing import CliRunner

    assert _export(CliRunner(), corpus_dir, tmp_path / "c").exit_code == 0
    mapped = json.loads((tmp_path / "c" / "mapping.json").read_text(encoding="utf-8"))
    analysis = mapped["settings"]["analysis"]
    defined = set(analysis["filter"])
    for analyzer in analysis["analyzer"].values():
        assert set(analyzer["filter"]) <= defined | BUILT_IN, analyzer
    for spec in mapped["mappings"]["properties"].values():
        for key in ("analyzer", "search_analyzer"):
            if key in spec:
                assert spec[key] in analysis["analyzer"]
    filters = analysis["filter"]
    assert filters["nl_snowball"] == {"type": "stemmer", "language": "dutch"}
    assert "ouderen => ouderen" in filters["nl_overrides"]["rules"]  # ouderen and ouders stay apart
    assert "zorg" in filters["nl_compounds"]["word_list"]
    assert "zonder" not in filters["nl_stop"]["stopwords"]  # carries meaning here
    synonyms = [line.split(", ") for line in filters["nl_synonyms"]["synonyms"]]
    assert any("participatiewet" in names and "pw" in names for names in synonyms)
    assert all("," not in name for names in synonyms for name in names)


def test_bulk_needs_a_folder_and_keeps_what_is_there(corpus_dir, tmp_path):
    from typer.testing import CliRunner

    runner = CliRunner()
    result = runner.invoke(app, ["export", "--format", "bulk", "--content-dir", str(corpus_dir)])
    assert result.exit_code == 2 and "-o" in result.output
    assert _export(runner, corpus_dir, tmp_path / "c").exit_code == 0
    again = _export(runner, corpus_dir, tmp_path / "c")
    assert again.exit_code != 0 and "--force" in again.output
    assert _export(runner, corpus_dir, tmp_path / "c", "--force").exit_code == 0

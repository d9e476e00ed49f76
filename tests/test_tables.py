"""compare, matrix, stats and export on the fixture corpus, in every format."""

from __future__ import annotations

import csv
import io
import json

import pytest

from .conftest import lengthen_summary


def run_ok(cli, corpus_dir, *args):
    result = cli(*args, content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_compare_json(cli, corpus_dir):
    data = json.loads(
        run_ok(cli, corpus_dir, "compare", "buurtkamer-maastricht", "respijt-utrecht", "--format", "json")
    )
    assert data["ids"] == ["buurtkamer-maastricht", "respijt-utrecht"]
    rows = {row["field"]: row["values"] for row in data["rows"]}
    # The year the facts describe leads, so two practices of different years read fairly.
    assert list(rows)[:4] == ["as_of", "place", "province", "organisations"]
    assert rows["as_of"] == {"buurtkamer-maastricht": 2020, "respijt-utrecht": 2020}
    assert rows["place"] == {"buurtkamer-maastricht": ["Maastricht"], "respijt-utrecht": ["Utrecht", "Zeist"]}
    assert rows["figures"]["buurtkamer-maastricht"] == ["bezoekers per dag: 40 tot 50 (2019)"]
    assert rows["laws_inferred"]["respijt-utrecht"] == ["Wmo 2015"]


def test_compare_fields_pick_and_order(cli, corpus_dir):
    out = run_ok(
        cli,
        corpus_dir,
        "compare",
        "buurtkamer-maastricht",
        "werkplaats-den-haag",
        "--fields",
        "funding,place",
        "--format",
        "csv",
    )
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["veld", "buurtkamer-maastricht", "werkplaats-den-haag"]
    assert [r[0] for r in rows[1:]] == ["funding", "place"]
    assert rows[2] == ["place", "Maastricht", "Den Haag"]


def test_compare_markdown(cli, corpus_dir):
    lines = run_ok(
        cli, corpus_dir, "compare", "buurtkamer-maastricht", "werkplaats-den-haag", "--format", "md"
    ).splitlines()
    assert lines[0] == "| veld | Buurtkamer Maastricht | Werkplaats Den Haag |"
    assert lines[1] == "| --- | --- | --- |"
    assert "| Plaats | Maastricht | Den Haag |" in lines


def test_compare_law_terms_prints_the_law_profile(cli, corpus_dir):
    path = corpus_dir / "glossary" / "mantelzorg.md"
    text = path.read_text(encoding="utf-8").replace(
        "sources:", "law_profile:\n  in_force: nooit\n  goal: zorgen\nsources:"
    )
    path.write_text(text, encoding="utf-8")
    data = json.loads(run_ok(cli, corpus_dir, "compare", "wmo-2015", "mantelzorg", "--format", "json"))
    fields = [row["field"] for row in data["rows"]]
    assert fields[:3] == ["definition", "in_force", "goal"]
    assert data["rows"][1]["label"] == "Sinds / voorganger"
    assert data["rows"][1]["values"] == {"wmo-2015": "1 januari 2015", "mantelzorg": "nooit"}


def test_compare_errors(cli, corpus_dir):
    one = cli("compare", "wmo-2015", content=corpus_dir)
    assert one.exit_code == 2 and "minstens twee" in one.stderr
    wrong = cli("compare", "wmo-2015", "mantelzorgg", content=corpus_dir)
    assert wrong.exit_code == 1 and "Bedoelde u 'mantelzorg'?" in wrong.stderr
    field = cli("compare", "wmo-2015", "mantelzorg", "--fields", "lawz", content=corpus_dir)
    assert field.exit_code == 2 and "Onbekend veld 'lawz'" in field.stderr and "'laws'" in field.stderr


def test_compare_gives_each_entry_one_column(cli, corpus_dir):
    same = cli("compare", "wmo-2015", "wmo-2015", content=corpus_dir)
    assert same.exit_code == 2 and "twee verschillende items" in same.stderr
    # An id and its title name one entry: one column, with a notice, and the third stays.
    three = cli("compare", "wmo-2015", "Wmo 2015", "mantelzorg", "--format", "json", content=corpus_dir)
    assert three.exit_code == 0, three.stderr
    assert "wmo-2015 staat meer dan eens" in three.stderr
    for row in json.loads(three.stdout)["rows"]:
        assert list(row["values"]) == ["wmo-2015", "mantelzorg"]


def test_compare_fields_by_dutch_label(cli, corpus_dir):
    out = run_ok(
        cli,
        corpus_dir,
        "compare",
        "buurtkamer-maastricht",
        "werkplaats-den-haag",
        "--fields",
        "Plaats,Financiering",
        "--format",
        "json",
    )
    assert [row["field"] for row in json.loads(out)["rows"]] == ["place", "funding"]


def test_compare_shortens_only_on_a_terminal(cli, corpus_dir):
    long_summary = lengthen_summary(corpus_dir)
    out = run_ok(
        cli, corpus_dir, "compare", "werkplaats-den-haag", "buurtkamer-maastricht", "--fields", "summary"
    )
    assert long_summary in out  # a pipe gets everything


def test_matrix_entries_by_laws(cli, corpus_dir):
    data = json.loads(run_ok(cli, corpus_dir, "matrix", "--format", "json"))
    assert [c["key"] for c in data["columns"]] == ["Wmo 2015", "Participatiewet"]
    rows = {r["key"]: r for r in data["rows"]}
    assert set(rows) == {"buurtkamer-maastricht", "werkplaats-den-haag", "respijt-utrecht"}
    assert rows["buurtkamer-maastricht"]["cells"] == {
        "Wmo 2015": {"explicit": 1, "inferred": 0},
        "Participatiewet": {"explicit": 0, "inferred": 1},
    }
    assert rows["buurtkamer-maastricht"]["total"] == 2
    totals = {c["key"]: c["total"] for c in data["columns"]}
    assert totals["Wmo 2015"] == {"explicit": 1, "inferred": 1}


def test_matrix_markdown_marks_and_totals(cli, corpus_dir):
    out = run_ok(cli, corpus_dir, "matrix", "--format", "md")
    lines = out.splitlines()
    assert lines[0] == "| item | id | Wmo 2015 | Participatiewet | totaal |"
    assert "| Buurtkamer Maastricht | buurtkamer-maastricht | ● | ○ | 2 |" in lines
    # Column totals: named (●), inferred (○) and their sum, each on a row of its own.
    assert "| genoemd ● |  | 1 | 1 | 2 |" in lines
    assert "| afgeleid ○ |  | 1 | 1 | 2 |" in lines
    assert "| totaal |  | 2 | 2 | 4 |" in lines
    assert "● genoemd door de bron, ○ door ons afgeleid." in out


def test_matrix_explicit_only(cli, corpus_dir):
    data = json.loads(run_ok(cli, corpus_dir, "matrix", "--explicit", "--format", "json"))
    totals = {c["key"]: c["total"] for c in data["columns"]}
    assert totals == {
        "Wmo 2015": {"explicit": 1, "inferred": 0},
        "Participatiewet": {"explicit": 1, "inferred": 0},
    }


def test_matrix_rows_theme_counts(cli, corpus_dir):
    out = run_ok(cli, corpus_dir, "matrix", "--rows", "theme", "--format", "csv")
    rows = {r["thema"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["Mantelzorg en respijtzorg"]["Wmo 2015"] == "1○"
    assert rows["Werk en re-integratie"]["Participatiewet"] == "1●"


def test_matrix_other_axes_and_filters(cli, corpus_dir):
    data = json.loads(
        run_ok(cli, corpus_dir, "matrix", "--rows", "kind", "--cols", "province", "--format", "json")
    )
    rows = {r["key"]: r["cells"] for r in data["rows"]}
    assert rows["initiative"] == {
        "Limburg": {"count": 1},
        "Zuid-Holland": {"count": 1},
        "Utrecht": {"count": 1},
    }
    narrowed = json.loads(run_ok(cli, corpus_dir, "matrix", "--province", "Limburg", "--format", "json"))
    assert [r["key"] for r in narrowed["rows"]] == ["buurtkamer-maastricht"]


def test_matrix_table_on_a_pipe(cli, corpus_dir):
    out = run_ok(cli, corpus_dir, "matrix")
    assert "Buurtkamer Maastricht" in out and "●" in out and "totaal" in out


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "table"])
def test_stats_formats(cli, corpus_dir, fmt):
    out = run_ok(cli, corpus_dir, "stats", "--format", fmt)
    if fmt == "json":
        data = json.loads(out)
        assert data["total"] == 6
        assert data["kind"] == {"initiative": 3, "term": 2, "case": 1}
        assert data["laws"]["Wmo 2015"] == 2  # buurtkamer and keukentafel name it
        assert data["laws_inferred"]["Wmo 2015"] == 1
        assert data["sources"]["movisies-2020-1"] == 2
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert {"facet": "province", "value": "Limburg", "label": "Limburg", "count": "1"} in rows
    else:
        assert "6 items" in out and "Mantelzorg en respijtzorg" in out


def test_stats_with_filter(cli, corpus_dir):
    data = json.loads(run_ok(cli, corpus_dir, "stats", "--kind", "initiative", "--format", "json"))
    assert data["total"] == 3


def test_export_jsonl_has_every_field_and_the_body(cli, corpus_dir):
    lines = run_ok(cli, corpus_dir, "export").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 6
    case = next(r for r in records if r["id"] == "keukentafel")
    assert len(case["questions"]) == 3
    assert case["body"].startswith("## Het verhaal")


def test_export_csv_round_trips_nested_values(cli, corpus_dir):
    rows = list(csv.DictReader(io.StringIO(run_ok(cli, corpus_dir, "export", "--format", "csv"))))
    buurtkamer = next(r for r in rows if r["id"] == "buurtkamer-maastricht")
    assert buurtkamer["themes"] == "ontmoeting; eenzaamheid"
    assert json.loads(buurtkamer["figures"]) == [
        {"label": "bezoekers per dag", "value": "40 tot 50", "year": 2019}
    ]
    assert buurtkamer["body"].startswith("## Wat het is")


def test_export_to_file_never_overwrites_without_force(cli, corpus_dir, tmp_path):
    target = tmp_path / "corpus.jsonl"
    assert cli("export", "-o", str(target), content=corpus_dir).exit_code == 0
    assert len(target.read_text(encoding="utf-8").splitlines()) == 6
    again = cli("export", "-o", str(target), content=corpus_dir)
    assert again.exit_code == 1 and "--force" in again.stderr
    assert cli("export", "-o", str(target), "--force", content=corpus_dir).exit_code == 0


def test_no_color_is_honoured(cli, corpus_dir, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run_ok(cli, corpus_dir, "stats")

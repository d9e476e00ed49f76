"""`list`, `show` and `define` through the real CLI: filters, formats, the JSON contract."""

from __future__ import annotations

import csv
import io
import json

import pytest

from voorveld_cli.views.records import LIST_FIELDS


def list_ids(cli, corpus_dir, *args) -> list[str]:
    result = cli("list", "--format", "json", *args, content=corpus_dir)
    # The exit code table: 0 when something was found, 1 for an empty list.
    assert result.exit_code == (0 if json.loads(result.stdout) else 1), result.stderr
    return [row["id"] for row in json.loads(result.stdout)]


def test_list_json_contract(cli, corpus_dir):
    rows = json.loads(cli("list", "--format", "json", content=corpus_dir).stdout)
    assert len(rows) == 6
    for row in rows:
        assert tuple(row) == LIST_FIELDS
        assert row["kind"] in ("initiative", "case", "term")
        for key in ("themes", "laws", "laws_inferred", "place", "province"):
            assert isinstance(row[key], list)
    buurtkamer = next(r for r in rows if r["id"] == "buurtkamer-maastricht")
    assert buurtkamer["place"] == ["Maastricht"]
    assert buurtkamer["province"] == ["Limburg"]
    assert buurtkamer["laws"] == ["Wmo 2015"]
    assert buurtkamer["laws_inferred"] == ["Participatiewet"]
    assert buurtkamer["path"].endswith("initiatives/buurtkamer-maastricht.md")


def test_default_order_is_kind_then_number_then_title(cli, corpus_dir):
    assert list_ids(cli, corpus_dir) == [
        "buurtkamer-maastricht",
        "respijt-utrecht",
        "werkplaats-den-haag",
        "keukentafel",
        "mantelzorg",
        "wmo-2015",
    ]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--kind", "case"), ["keukentafel"]),
        (("--kind", "begrip"), ["mantelzorg", "wmo-2015"]),
        (("--theme", "Mantelzorg en respijtzorg"), ["respijt-utrecht", "mantelzorg"]),
        (("--theme", "respijtzorg"), ["respijt-utrecht", "mantelzorg"]),
        (("--theme", "werk", "--theme", "eenzaamheid"), ["buurtkamer-maastricht", "werkplaats-den-haag"]),
        (("--law", "pw"), ["buurtkamer-maastricht", "werkplaats-den-haag"]),
        (("--law", "PW", "--explicit"), ["werkplaats-den-haag"]),
        (
            ("--law", "wet maatschappelijke ondersteuning", "--kind", "initiative"),
            ["buurtkamer-maastricht", "respijt-utrecht"],
        ),
        (("--place", "den haag"), ["werkplaats-den-haag"]),
        (("--place", "Zeist"), ["respijt-utrecht"]),
        (("--place", "wittevrouwenveld"), ["buurtkamer-maastricht"]),
        (("--province", "limburg"), ["buurtkamer-maastricht"]),
        (("--province", "Utrecht", "--theme", "werk"), []),
    ],
)
def test_filters(cli, corpus_dir, args, expected):
    assert list_ids(cli, corpus_dir, *args) == expected


def test_unknown_filter_value_is_a_clear_usage_error(cli, corpus_dir):
    result = cli("list", "--theme", "eenzaamhied", content=corpus_dir)
    assert result.exit_code == 2
    assert "Onbekende waarde 'eenzaamhied' voor --theme. Bedoelde u" in result.stderr
    assert "'eenzaamheid'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_unknown_kind(cli, corpus_dir):
    result = cli("list", "--kind", "casus2", content=corpus_dir)
    assert result.exit_code == 2
    assert "Onbekende soort 'casus2'" in result.stderr


def test_place_hint_when_nothing_matches(cli, corpus_dir):
    result = cli("list", "--place", "Maastrich", content=corpus_dir)
    assert result.exit_code == 1
    assert "Bedoelde u 'Maastricht'?" in result.stderr


def test_csv_opens_cleanly(cli, corpus_dir):
    result = cli("list", "--format", "csv", content=corpus_dir)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == LIST_FIELDS
    respijt = next(r for r in rows if r["id"] == "respijt-utrecht")
    assert respijt["place"] == "Utrecht; Zeist"
    assert respijt["themes"] == "mantelzorg; vrijwillige-inzet"


def test_markdown_is_a_github_table(cli, corpus_dir):
    lines = cli("list", "--format", "md", content=corpus_dir).stdout.splitlines()
    assert lines[0].startswith("| id | kind | title |")
    assert set(lines[1].replace("|", "").split()) == {"---"}
    assert len(lines) == 2 + 6
    assert all(line.count("|") == lines[0].count("|") for line in lines)


def test_table_on_a_pipe_is_plain_and_complete(cli, corpus_dir):
    out = cli("list", content=corpus_dir).stdout
    assert "\x1b[" not in out
    assert "Respijtzorg door vrijwilligers" in out
    assert "6 items" in out


def test_broken_file_is_skipped_with_one_warning(cli, corpus_dir):
    (corpus_dir / "cases" / "kapot.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    result = cli("list", "--format", "json", content=corpus_dir)
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 6
    warnings = [ln for ln in result.stderr.splitlines() if "kapot.md" in ln]
    assert len(warnings) == 1
    assert "bestand overgeslagen" in warnings[0]


def test_show_json_has_full_front_matter(cli, corpus_dir):
    record = json.loads(cli("show", "keukentafel", "--format", "json", content=corpus_dir).stdout)
    assert record["id"] == "keukentafel"
    assert record["kind"] == "case"
    assert record["number"] == 1
    assert record["questions"][0]["text"] == "Wat doe jij als eerste?"
    assert record["body"].startswith("## Het verhaal")


def test_show_text_renders_facts_and_sources(cli, corpus_dir):
    out = cli("show", "buurtkamer-maastricht", content=corpus_dir).stdout
    assert "Buurtkamer Maastricht" in out
    # To a pipe: plain lines, no box drawn to the width of an unbounded console.
    assert "╭" not in out and max(len(line) for line in out.splitlines()) < 400
    assert "bezoekers per dag: 40 tot 50 (2019)" in out
    assert "De kracht van het gewone (Platform31 en LKCA, met Movisie, ca. 2020), sectie: Casus 1" in out


def test_show_unknown_id_suggests(cli, corpus_dir):
    result = cli("show", "buurtkamer", content=corpus_dir)
    assert result.exit_code == 1
    assert "Geen item met id 'buurtkamer'. Bedoelde u 'buurtkamer-maastricht'?" in result.stderr


@pytest.mark.parametrize("term", ["wmo", "WMO", "Wet maatschappelijke ondersteuning", "wmo-2015", "Wmo 2015"])
def test_define_by_alias(cli, corpus_dir, term):
    result = cli("define", term, "--format", "json", content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "wmo-2015"


def test_define_unknown_term(cli, corpus_dir):
    result = cli("define", "mantelzrog", content=corpus_dir)
    assert result.exit_code == 1
    assert "Geen begrip 'mantelzrog' in de woordenlijst. Bedoelde u 'mantelzorg'?" in result.stderr


def test_source_filter_narrows_list_and_search(cli, corpus_dir):
    assert list_ids(cli, corpus_dir, "--source", "movisies-2020-1") == ["werkplaats-den-haag", "mantelzorg"]
    result = cli(
        "search",
        "respijtzorg",
        "--source",
        "latrelatie-of-huwelijk-2016",
        "--format",
        "json",
        content=corpus_dir,
    )
    assert result.exit_code == 0, result.stdout
    assert [hit["id"] for hit in json.loads(result.stdout)["hits"]] == ["respijt-utrecht"]
    result = cli(
        "search", "respijtzorg", "--source", "movisies-2020-1", "--format", "json", content=corpus_dir
    )
    assert [hit["id"] for hit in json.loads(result.stdout)["hits"]] == ["mantelzorg"]


def test_unknown_source_names_the_valid_ids(cli, corpus_dir):
    result = cli("list", "--source", "movisies", content=corpus_dir)
    assert result.exit_code == 2
    assert "Bedoelde u 'movisies-2020-1'?" in result.output
    assert "casuistiekbundel-zhz" in result.output

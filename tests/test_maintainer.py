"""The maintainer's path: `new`, `check PATH`, `schema`, and the whole walk."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from voorveld_cli.authoring.schema_export import field_reference
from voorveld_cli.content.vocabulary import load as load_vocabulary

from .conftest import REAL_CONTENT, REPO


@pytest.mark.parametrize(
    ("kind", "title", "expected"),
    [
        ("initiative", "Buurtkamer 't Hofje", "initiatives/buurtkamer-t-hofje.md"),
        ("casus", "Café Coöperatie: één plan!", "cases/casus-02-cafe-cooperatie-een-plan.md"),
        ("term", "Sociale basis", "glossary/sociale-basis.md"),
    ],
)
def test_new_writes_a_valid_file_from_the_schema(cli, corpus_dir, kind, title, expected):
    result = cli("new", kind, title, content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    path = corpus_dir / expected
    assert result.stdout.strip().endswith(expected)
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == title
    assert text.count("\n# ") >= len(front)  # a hint above every field
    check = cli("check", str(path), content=corpus_dir)
    assert check.exit_code == 0, check.stdout  # placeholders only warn
    assert "nog in te vullen (TODO)" in check.stdout
    assert cli("check", "--strict", str(path), content=corpus_dir).exit_code == 1


def test_new_case_takes_the_next_number(cli, corpus_dir):
    cli("new", "case", "Tweede casus", content=corpus_dir)
    front = yaml.safe_load((corpus_dir / "cases" / "casus-02-tweede-casus.md").read_text().split("---\n")[1])
    assert front["number"] == 2
    # A file name counts too: the next free number is past casus-09, whatever its front matter says.
    (corpus_dir / "cases" / "casus-09-half-af.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    result = cli("new", "case", "Nog een casus", content=corpus_dir)
    assert result.stdout.strip().endswith("cases/casus-10-nog-een-casus.md")
    front = yaml.safe_load((corpus_dir / "cases" / "casus-10-nog-een-casus.md").read_text().split("---\n")[1])
    assert front["number"] == 10


def test_new_warns_about_a_known_title_naming_its_id(cli, corpus_dir):
    result = cli("new", "case", "Het keukentafelgesprek", "--dry-run", content=corpus_dir)
    assert result.exit_code == 0
    assert "(bijna) gelijke titel: 'Het keukentafelgesprek' (keukentafel," in result.stderr
    near = cli("new", "case", "Het Keukentafel-gesprek!", content=corpus_dir)
    assert "(keukentafel," in near.stderr and "voorveld edit keukentafel" in near.stderr
    other = cli("new", "case", "Een heel ander verhaal", "--dry-run", content=corpus_dir)
    assert "gelijke titel" not in other.stderr


def test_new_from_copies_what_entries_share(cli, corpus_dir):
    args = ("new", "initiative", "Buurtkamer Heerlen", "--from", "buurtkamer-maastricht")
    result = cli(*args, content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    path = corpus_dir / "initiatives" / "buurtkamer-heerlen.md"
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert front["title"] == "Buurtkamer Heerlen"
    assert front["themes"] == ["ontmoeting", "eenzaamheid"]
    assert front["province"] == "Limburg"
    assert front["sources"] == [{"source": "kracht-van-het-gewone", "section": "Casus 1"}]
    assert front["as_of"] == "TODO"
    assert front["summary"].startswith("TODO")
    assert front["figures"] == []  # a fact about the other entry is not copied
    check = cli("check", str(path), content=corpus_dir)
    assert check.exit_code == 0, check.stdout


def test_new_from_an_unknown_id(cli, corpus_dir):
    result = cli("new", "initiative", "X", "--from", "buurtkamer-maastrich", content=corpus_dir)
    assert result.exit_code == 2
    assert "--from: Geen item met id 'buurtkamer-maastrich'." in result.stderr
    assert "buurtkamer-maastricht" in result.stderr


def test_new_never_overwrites(cli, corpus_dir):
    target = corpus_dir / "glossary" / "mantelzorg.md"
    before = target.read_text(encoding="utf-8")
    result = cli("new", "term", "Mantelzorg", content=corpus_dir)
    assert result.exit_code == 1
    assert "Er bestaat al een item met id 'mantelzorg'" in result.stderr
    assert target.read_text(encoding="utf-8") == before


def test_new_refuses_ids_outside_the_content_root(cli, corpus_dir):
    result = cli("new", "initiative", "x", "--id", "../../etc/passwd", content=corpus_dir)
    assert result.exit_code == 2
    assert "geen geldig id" in result.stderr
    assert not list(corpus_dir.parent.glob("**/passwd*"))


def test_new_dry_run_writes_nothing(cli, corpus_dir):
    result = cli("new", "initiative", "Proef", "--dry-run", content=corpus_dir)
    assert result.exit_code == 0
    assert result.stdout.startswith("---\n# Titel")
    assert not (corpus_dir / "initiatives" / "proef.md").exists()


def test_new_unknown_kind(cli, corpus_dir):
    result = cli("new", "nieuwsbrief", "Iets", content=corpus_dir)
    assert result.exit_code == 2
    assert "Onbekende soort 'nieuwsbrief'" in result.stderr


def test_the_whole_path(cli, corpus_dir):
    """new -> fill in -> check passes -> break the YAML -> check names file:line."""
    cli("new", "initiative", "Samen koken in de wijk", content=corpus_dir)
    path = corpus_dir / "initiatives" / "samen-koken-in-de-wijk.md"
    text = path.read_text(encoding="utf-8")
    text = (
        re.sub(r"summary: 'TODO:.*'", "summary: Buurtbewoners koken wekelijks samen in het buurthuis.", text)
        .replace("as_of: TODO", "as_of: 2017")
        .replace("themes: []", "themes: [ontmoeting]")
        .replace("place: []", "place: Zeist")
        .replace("province: []", "province: Utrecht")
        .replace(
            "  - source: TODO\n    pages: TODO", "  - source: welzijn-in-de-wijk-2017\n    section: '4.2'"
        )
        .replace("TODO\n", "Een wekelijkse kookavond.\n")
    )
    path.write_text(text, encoding="utf-8")
    ok = cli("check", "--strict", str(path), content=corpus_dir)
    assert ok.exit_code == 0, ok.stdout

    lines = text.splitlines()
    broken_at = next(i for i, line in enumerate(lines, 1) if line.startswith("themes:"))
    lines[broken_at - 1] = "themes: [ontmoeting"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    failed = cli("check", str(path), content=corpus_dir)
    assert failed.exit_code == 1
    [problem] = failed.stdout.splitlines()[:-1]
    location = problem.split(": ")[0]
    assert location.endswith("samen-koken-in-de-wijk.md:" + location.rsplit(":", 1)[1])
    assert int(location.rsplit(":", 1)[1]) in (broken_at, broken_at + 1)
    assert "ongeldige YAML" in problem


def test_check_path_outside_the_folders(cli, corpus_dir, tmp_path):
    stray = corpus_dir / "initiatives" / "notitie.txt"
    stray.write_text("los", encoding="utf-8")
    outside = tmp_path / "elders.md"
    outside.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    result = cli("check", str(stray), str(outside), content=corpus_dir)
    assert result.exit_code == 1
    assert "notitie.txt:1: bestand: wordt niet gelezen: alleen bestanden met de extensie .md" in result.stdout
    assert "elders.md:1: bestand: ligt buiten de content-map" in result.stdout


def test_non_markdown_file_in_a_content_folder_warns(cli, corpus_dir):
    (corpus_dir / "cases" / "casus.markdown").write_text("x", encoding="utf-8")
    result = cli("check", "--strict", content=corpus_dir)
    assert "casus.markdown:1: bestand: wordt niet gelezen" in result.stdout


def test_schema_json_is_a_json_schema_per_kind(cli, corpus_dir):
    schemas = json.loads(cli("schema", content=corpus_dir).stdout)
    assert set(schemas) == {"initiative", "case", "term", "article"}
    case = schemas["case"]
    assert case["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(case["required"]) == {
        "title",
        "summary",
        "as_of",
        "number",
        "part",
        "roles",
        "questions",
        "sources",
    }
    assert case["properties"]["part"]["enum"] == [
        "bewoners",
        "sociaal-ondernemers",
        "uitvoeringspraktijk",
        "bestuur-en-beleid",
    ]
    assert case["additionalProperties"] is False
    themes = schemas["initiative"]["properties"]["themes"]["items"]["enum"]
    assert "eenzaamheid" in themes


def test_schema_validates_like_the_checker(cli, corpus_dir):
    jsonschema = pytest.importorskip("jsonschema")
    schemas = json.loads(cli("schema", content=corpus_dir).stdout)
    good = yaml.safe_load((corpus_dir / "cases" / "keukentafel.md").read_text().split("---\n")[1])
    jsonschema.validate(good, schemas["case"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**good, "part": "onbekend"}, schemas["case"])


def test_schema_out_writes_files(cli, corpus_dir, tmp_path):
    result = cli("schema", "--out", str(tmp_path / "schemas"), content=corpus_dir)
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == [
        "article.schema.json",
        "case.schema.json",
        "initiative.schema.json",
        "term.schema.json",
    ]


def test_committed_schemas_match_the_declared_schema(cli):
    """schemas/*.schema.json are generated; regenerate with `voorveld schema --out schemas`."""
    schemas = json.loads(cli("schema", content=REAL_CONTENT).stdout)
    for kind, document in schemas.items():
        committed = json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert committed == document, f"schemas/{kind}.schema.json is stale"


def test_contributing_field_reference_is_generated():
    """The field reference in CONTRIBUTING.md is `voorveld schema --format md` verbatim."""
    vocab, _ = load_vocabulary(REAL_CONTENT)
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    start = text.index("<!-- field-reference:start -->") + len("<!-- field-reference:start -->")
    end = text.index("<!-- field-reference:end -->")
    assert text[start:end].strip() == field_reference(vocab).strip()

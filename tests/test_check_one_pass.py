"""One `check` run names every problem of every file, cross-file rules included."""

from __future__ import annotations

import json

from .conftest import write_entry

BROKEN = """---
title: Buurthuis De Linde
summary: Een buurthuis voor iedereen in de wijk.
place: Utrecht
province: Utrect
themes: [ontmoetingg]
laws: [Wmo 2015]
laws_inferred: [Wmo 2015]
sources:
  - source: movisies-2020-1
    pages: "3"
related: [buurthuis-xyz]
as_of: 2020
---

## Wat het is

Bewoners koken samen; zie ook [de buurtkamer](buurtkamer-maastrich)
en [de gemeente](https://www.utrecht.nl).
"""


def test_five_kinds_of_error_in_one_run(cli, corpus_dir):
    path = corpus_dir / "initiatives" / "buurthuis-de-linde.md"
    path.write_text(BROKEN, encoding="utf-8")
    result = cli("check", "--format", "json", content=corpus_dir)
    assert result.exit_code == 1
    found = {(p["line"], p["field"]): p["message"] for p in json.loads(result.stdout)["problems"]}
    assert "Utrect" in found[(5, "province")]
    assert "ontmoetingg" in found[(6, "themes[0]")]
    assert "staat ook onder laws" in found[(8, "laws_inferred")]
    assert "'buurthuis-xyz' bestaat niet" in found[(12, "related[0]")]
    assert "link naar 'buurtkamer-maastrich'" in found[(18, "body")]
    assert "Bedoelde u 'buurtkamer-maastricht'?" in found[(18, "body")]
    assert not any("utrecht.nl" in message for message in found.values())  # the web is not checked
    assert len(found) == 5


def test_problems_sorted_by_file_and_line(cli, corpus_dir):
    (corpus_dir / "initiatives" / "buurthuis-de-linde.md").write_text(BROKEN, encoding="utf-8")
    (corpus_dir / "initiatives" / "aaa-eerst.md").write_text(
        BROKEN.replace("Buurthuis De Linde", "Iets heel anders"), encoding="utf-8"
    )
    problems = json.loads(cli("check", "--format", "json", content=corpus_dir).stdout)["problems"]
    keys = [(p["path"], p["line"]) for p in problems]
    assert keys == sorted(keys)
    assert {p["path"].rsplit("/", 1)[-1] for p in problems} == {"aaa-eerst.md", "buurthuis-de-linde.md"}


def test_a_broken_file_still_counts_as_an_id(cli, corpus_dir):
    """related to a file with errors of its own names that file's errors, not a missing id."""
    (corpus_dir / "initiatives" / "buurthuis-de-linde.md").write_text(BROKEN, encoding="utf-8")
    path = corpus_dir / "initiatives" / "werkplaats-den-haag.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("sources:", "related: [buurthuis-de-linde]\nsources:"),
        encoding="utf-8",
    )
    result = cli("check", content=corpus_dir)
    assert "werkplaats-den-haag.md" not in result.stdout


def test_body_link_to_a_file_name_gets_a_hint(cli, corpus_dir):
    path = corpus_dir / "initiatives" / "werkplaats-den-haag.md"
    extra = "\nZie [mantelzorg](../glossary/mantelzorg.md) en [boven](#top).\n"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = cli("check", content=corpus_dir)
    assert result.exit_code == 1
    [line] = [ln for ln in result.stdout.splitlines() if "werkplaats-den-haag.md" in ln]
    assert ": body: link naar '../glossary/mantelzorg.md'" in line
    assert "Schrijf alleen het id: (mantelzorg)" in line


def test_valid_body_link_passes(cli, corpus_dir):
    path = corpus_dir / "initiatives" / "werkplaats-den-haag.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nZie [mantelzorg](mantelzorg).\n", encoding="utf-8")
    assert cli("check", "--strict", content=corpus_dir).exit_code == 0


def test_near_identical_title_warns_naming_the_existing_id(cli, corpus_dir):
    front = {
        "title": "Het keukentafelgesprek!",
        "number": 2,
        "part": "bewoners",
        "summary": "Nog een keer.",
        "roles": ["bewoner"],
        "themes": ["toegang"],
        "questions": [{"text": "Wat doe je?"}],
        "sources": [{"source": "casuistiekbundel-zhz", "section": "Deel 1"}],
    }
    write_entry(corpus_dir, "case", "keukentafel-twee", front)
    plain = cli("check", content=corpus_dir)
    assert plain.exit_code == 0, plain.stdout  # a warning
    result = cli("check", "--strict", content=corpus_dir)
    assert result.exit_code == 1
    assert "keukentafel-twee.md:2: title: lijkt sterk op de titel van 'keukentafel'" in result.stdout
    assert "keukentafel.md:2: title: lijkt sterk op de titel van 'keukentafel-twee'" in result.stdout


def test_same_name_in_another_kind_is_fine(cli, corpus_dir):
    front = {
        "title": "Mantelzorgers",
        "summary": "Een initiatief voor mantelzorgers.",
        "themes": ["mantelzorg"],
        "sources": [{"source": "movisies-2020-1", "pages": "3"}],
    }
    write_entry(corpus_dir, "initiative", "mantelzorgers-utrecht", front)
    assert cli("check", "--strict", content=corpus_dir).exit_code == 0


def test_duplicate_glossary_id_does_not_vanish(cli, corpus_dir):
    """glossary/athos.md beside initiatives/athos.md: define says why it finds nothing."""
    front = {
        "title": "Athos",
        "summary": "Een buurtinitiatief.",
        "themes": ["ontmoeting"],
        "sources": [{"source": "movisies-2020-1", "pages": "3"}],
    }
    write_entry(corpus_dir, "initiative", "athos", front)
    term = {
        "title": "Athos",
        "definition": "Een begrip.",
        "summary": "Een begrip.",
        "sources": [{"source": "movisies-2020-1", "pages": "3"}],
    }
    write_entry(corpus_dir, "term", "athos", term)
    result = cli("define", "athos", content=corpus_dir)
    assert result.exit_code == 1
    assert "glossary/athos.md:1: id: id 'athos' bestaat al" in result.stderr
    assert "bestand overgeslagen" in result.stderr
    check = cli("check", content=corpus_dir)
    assert "glossary/athos.md:1: id: id 'athos' bestaat al" in check.stdout

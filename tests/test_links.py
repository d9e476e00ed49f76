"""Links both ways: "Verwezen door" in show, and check --orphans."""

from __future__ import annotations

import json
import os

from .conftest import write_entry


def test_show_lists_referenced_by(cli, corpus_dir):
    # buurtkamer-maastricht relates to mantelzorg; nothing relates to buurtkamer-maastricht.
    data = json.loads(cli("show", "mantelzorg", "--format", "json", content=corpus_dir).stdout)
    assert data["referenced_by"] == ["buurtkamer-maastricht"]
    assert "related" not in data  # backlinks are worked out, not written in the file
    alone = json.loads(cli("show", "buurtkamer-maastricht", "--format", "json", content=corpus_dir).stdout)
    assert alone["referenced_by"] == []
    md = cli("show", "mantelzorg", "--format", "md", content=corpus_dir).stdout
    assert "- **Verwezen door:** buurtkamer-maastricht" in md
    other = cli("show", "buurtkamer-maastricht", "--format", "md", content=corpus_dir).stdout
    assert "Verwezen door" not in other


def test_define_shows_referenced_by_too(cli, corpus_dir):
    data = json.loads(cli("define", "mantelzorgers", "--format", "json", content=corpus_dir).stdout)
    assert data["referenced_by"] == ["buurtkamer-maastricht"]


def test_show_on_a_terminal_lists_referenced_by(corpus_dir):
    from rich.console import Console

    from voorveld_cli.cli.commands.show_cmd import print_on_console
    from voorveld_cli.content import corpus as corpus_module

    corpus = corpus_module.load(corpus_dir)
    console = Console(width=80, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    print_on_console(console, corpus.by_id()["mantelzorg"], corpus.vocab, ["buurtkamer-maastricht"])
    text = console.export_text()
    assert "Verwezen door" in text and "buurtkamer-maastricht" in text


def test_check_orphans_lists_what_nothing_relates_to(cli, corpus_dir):
    result = cli("check", "--orphans", content=corpus_dir)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Niet verwezen: geen item noemt ze onder related (3 items):"
    listed = {line.split()[0] for line in lines[1:4]}
    assert listed == {"buurtkamer-maastricht", "werkplaats-den-haag", "respijt-utrecht"}
    # Once something relates to it, it is no orphan; terms and cases are never listed.
    front = {
        "title": "Buurtkamer Heerlen",
        "summary": "Nog een buurtkamer.",
        "themes": ["ontmoeting"],
        "sources": [{"source": "movisies-2020-1", "pages": "3"}],
        "related": ["buurtkamer-maastricht"],
    }
    write_entry(corpus_dir, "initiative", "buurtkamer-heerlen", front)
    data = json.loads(cli("check", "--orphans", "--format", "json", content=corpus_dir).stdout)
    orphans = {o["id"] for o in data["orphans"]}
    assert orphans == {"buurtkamer-heerlen", "werkplaats-den-haag", "respijt-utrecht"}
    assert "orphans" not in json.loads(cli("check", "--format", "json", content=corpus_dir).stdout)

"""The start-up fast path of `voorveld search` behaves exactly like the Typer command,
and commands load only what they use."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.main import get_command

from voorveld_cli.cli.app import app
from voorveld_cli.cli.fastpath import SEARCH_OPTIONS, parse_search


def test_option_table_matches_the_typer_command():
    command = get_command(app).commands["search"]
    declared = {}
    for param in command.params:
        if param.param_type_name != "option":
            continue
        [name] = [o for o in param.opts if o.startswith("--")]
        declared[name] = "flag" if param.is_flag else ("many" if param.multiple else "value")
    assert set(declared) == set(SEARCH_OPTIONS)
    for name, how in SEARCH_OPTIONS.items():
        assert declared[name] == (how if how in ("flag", "many") else "value"), name


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        ["mantelzorg", "--format", "xml"],
        ["mantelzorg", "--limit", "0"],
        ["mantelzorg", "--limit", "veel"],
        ["mantelzorg", "--thema", "x"],
        ["mantelzorg", "--", "-x"],
        ["mantelzorg", "--theme"],
        ["mantelzorg", "--explicit=ja"],
        ["--format", "json"],
    ],
)
def test_anything_unusual_goes_to_typer(args):
    assert parse_search(args) is None


def test_plain_arguments_are_read_like_typer_reads_them():
    kwargs = parse_search(
        [
            "mantelzorg",
            "-respijt",
            "--theme",
            "mantelzorg",
            "--theme=eenzaamheid",
            "--law",
            "pw",
            "--explicit",
            "--limit",
            "5",
            "--format",
            "json",
        ]
    )
    assert kwargs["query"] == ["mantelzorg", "-respijt"]
    assert kwargs["filter_values"] == {
        "themes": ["mantelzorg", "eenzaamheid"],
        "laws": ["pw"],
        "explicit_only": True,
    }
    assert kwargs["limit"] == 5
    assert kwargs["fmt"].value == "json"


def run(args, env, content):
    return subprocess.run(
        [sys.executable, "-m", "voorveld_cli", *args, "--content-dir", str(content)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["search", "mantelzorgers", "--format", "json"],
        ["search", "mantelzorg", "--kind", "initiative", "--format", "csv"],
        ["search", "wmo", "--law", "pw", "--explicit", "--format", "md"],
        ["search", "mantelzrog", "--format", "json"],
        ["search", "buurtkamer", "leerwerkplaats", "--limit", "1", "--format", "json"],
        ["search", "zorg", "--theme", "eenzaamhied"],
        ["search", "mantelzorg"],
    ],
)
def test_fast_path_and_typer_give_the_same_output(cli, corpus_dir, tmp_path, monkeypatch, args):
    monkeypatch.setenv("VOORVELD_CACHE", str(tmp_path / "cache"))
    assert cli("index", content=corpus_dir).exit_code == 0  # built here; the searches are processes
    env = dict(os.environ)
    fast = run(args, env, corpus_dir)
    slow = run(args, {**env, "VOORVELD_NO_FASTPATH": "1"}, corpus_dir)
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)


def loaded_modules(args, env, content) -> set[str]:
    code = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: sys.stderr.write('\\nMODULES ' + json.dumps(sorted(sys.modules)) + '\\n'))\n"
        f"sys.argv = ['voorveld', *{args!r}, '--content-dir', {str(content)!r}]\n"
        "from voorveld_cli.cli.entry import main\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    line = next(ln for ln in proc.stderr.splitlines() if ln.startswith("MODULES "))
    return set(json.loads(line[len("MODULES ") :]))


def test_commands_import_only_what_they_use(cli, corpus_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("VOORVELD_CACHE", str(tmp_path / "cache"))
    assert cli("index", content=corpus_dir).exit_code == 0
    env = dict(os.environ)

    search = loaded_modules(["search", "mantelzorg", "--format", "json"], env, corpus_dir)
    assert "whoosh" in search
    assert not {"typer", "rich", "yaml", "frontmatter"} & search

    listing = loaded_modules(["list", "--format", "json"], env, corpus_dir)
    assert "whoosh" not in listing and "rich" not in listing

    check = loaded_modules(["check"], env, corpus_dir)
    assert "whoosh" not in check and "rich" not in check

    # The table format to a pipe is laid out without rich; rich is for a terminal only.
    table = loaded_modules(["list"], env, corpus_dir)
    assert "rich" not in table and "whoosh" not in table

    helped = loaded_modules(["--help"], env, corpus_dir)
    assert "whoosh" not in helped

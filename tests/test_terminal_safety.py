"""Escape sequences in content and file names never reach the terminal (or a pipe).

An attacker's content file tries: a window title (OSC 0), a hidden link (OSC 8),
a cleared screen and a cursor move (CSI), concealed text (SGR 8), the 8-bit CSI,
and a bell. Every read command runs on a real pty and through a pipe.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from .conftest import SAMPLE, write_entry
from .ptyrun import on_pty

TITLE = "Buurtkamer\x1b]0;gehackt\x07 Maastricht"
SUMMARY = "Bewoners koken samen.\x1b[2J\x1b[H In orde\x1b[1A"
BODY = (
    "## Wat het is\n\nKoken met \x1b]8;;https://kwaad.example\x1b\\deze link\x1b]8;;\x1b\\ "
    "en \x9b2J een bel\x07 en \x1b[8mverborgen\x1b[0m tekst.\n"
)
INJECTED = ["\x1b]", "\x07", "\x1b[2J", "\x1b[H", "\x1b[1A", "\x1b[8m", "\x9b"]
PAYLOAD = ["gehackt", "kwaad.example"]  # a sequence goes whole; JSON keeps it, escaped


@pytest.fixture
def hostile(corpus_dir):
    front, _ = SAMPLE[("initiative", "buurtkamer-maastricht")]
    write_entry(
        corpus_dir, "initiative", "buurtkamer-maastricht", {**front, "title": TITLE, "summary": SUMMARY}, BODY
    )
    term, body = SAMPLE[("term", "mantelzorg")]
    write_entry(
        corpus_dir, "term", "mantelzorg", {**term, "definition": "Zorg\x1b[8m verborgen\x1b[0m."}, body
    )
    (corpus_dir / "initiatives" / "naam\x1b]0;gehackt\x07.md").write_text("kapot\n", encoding="utf-8")
    return corpus_dir


COMMANDS = [
    ["check"],
    ["show", "buurtkamer-maastricht", "--no-pager"],
    ["search", "koken"],
    ["list"],
    ["compare", "buurtkamer-maastricht", "werkplaats-den-haag"],
    ["define", "mantelzorg"],
    ["stats"],
    ["list", "--format", "csv"],
    ["list", "--format", "md"],
    ["search", "koken", "--format", "json"],
]


def leaks(text: str, args) -> list[str]:
    # A problem line names a file as it is, its control characters written out
    # (naam\\x1b]0;gehackt\\x07.md), so a maintainer can find and rename it: harmless text.
    text_out = re.sub(r"\\x1b\S*?\\x07", "", text)
    shown = INJECTED if "json" in args else INJECTED + PAYLOAD
    return [seq for seq in shown if seq in (text if seq in INJECTED else text_out)]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_escape_from_content_reaches_a_terminal(hostile, args):
    code, out = on_pty([*args, "--content-dir", str(hostile)], 100, raw=True)
    assert code in (0, 1), out
    assert "Traceback" not in out
    assert not leaks(out, args), out


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_escape_from_content_reaches_a_pipe(hostile, args):
    result = subprocess.run(
        [sys.executable, "-m", "voorveld_cli", *args, "--content-dir", str(hostile)],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "VOORVELD_CONTENT"},
        timeout=300,
    )
    assert "Traceback" not in result.stderr
    assert not leaks(result.stdout + result.stderr, args), result.stdout + result.stderr
    assert "\x1b" not in result.stdout + result.stderr  # on a pipe there is no colour either


def test_check_names_each_control_character(cli, hostile):
    out = cli("check", content=hostile).stdout
    shown = "initiatives/buurtkamer-maastricht.md"
    assert f"{shown}:2: title: bevat een stuurteken (ESC); haal het weg (waarschuwing)" in out
    assert f"{shown}:3: summary: bevat een stuurteken (ESC)" in out
    assert "glossary/mantelzorg.md:3: definition: bevat een stuurteken (ESC)" in out
    body = [line for line in out.splitlines() if f"{shown}:" in line and ": tekst:" in line]
    assert len(body) == 1 and "stuurteken" in body[0]
    strict = cli("check", "--strict", content=hostile)
    assert strict.exit_code == 1

"""voorveld edit ID: $EDITOR opens the file, then check runs on it; a terminal is offered a reopen."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import textwrap
import time

import pytest

# A stand-in for a person at an editor: each run applies the next edit from a list.
FAKE_EDITOR = textwrap.dedent(
    """
    import pathlib, sys
    target = pathlib.Path(sys.argv[1])
    state = pathlib.Path(sys.argv[0]).with_suffix(".runs")
    runs = int(state.read_text()) if state.exists() else 0
    state.write_text(str(runs + 1))
    edits = {EDITS!r}
    old, new = edits[min(runs, len(edits) - 1)]
    target.write_text(target.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    """
)
BREAK = ("- ontmoeting\n", "- ontmoetingg\n")
FIX = ("- ontmoetingg\n", "- ontmoeting\n")


def editor(tmp_path, *edits) -> str:
    script = tmp_path / "fake_editor.py"
    script.write_text(FAKE_EDITOR.replace("{EDITS!r}", repr(list(edits))), encoding="utf-8")
    return f"{sys.executable} {script}"


def read_until(fd: int, marker: bytes | None) -> bytes:
    """What the pty shows until `marker` appears (or, with None, until the process ends)."""
    seen = b""
    deadline = time.monotonic() + 120
    while (marker is None or marker not in seen) and time.monotonic() < deadline:
        try:
            data = os.read(fd, 4096)
        except OSError:  # the follower closed: the process is done
            break
        if not data:
            break
        seen += data
    return seen


@pytest.fixture
def no_visual(monkeypatch):
    monkeypatch.delenv("VISUAL", raising=False)


def test_edit_runs_check_on_the_file_after_the_editor(cli, corpus_dir, tmp_path, monkeypatch, no_visual):
    monkeypatch.setenv("EDITOR", editor(tmp_path, BREAK))
    result = cli("edit", "buurtkamer-maastricht", content=corpus_dir)
    assert result.exit_code == 1
    assert "buurtkamer-maastricht.md:" in result.stdout
    assert "themes[0]: onbekende waarde 'ontmoetingg'" in result.stdout
    assert "Opnieuw openen" not in result.stdout  # no terminal: never asks
    assert (tmp_path / "fake_editor.runs").read_text() == "1"


def test_edit_opens_a_file_that_does_not_load(cli, corpus_dir, tmp_path, monkeypatch, no_visual):
    path = corpus_dir / "initiatives" / "buurtkamer-maastricht.md"
    path.write_text(path.read_text(encoding="utf-8").replace(*BREAK), encoding="utf-8")
    monkeypatch.setenv("EDITOR", editor(tmp_path, FIX))
    result = cli("edit", "buurtkamer-maastricht", content=corpus_dir)
    assert result.exit_code == 0, result.stdout
    assert "In orde:" in result.stdout and "buurtkamer-maastricht.md" in result.stdout


def test_visual_goes_before_editor(cli, corpus_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("VISUAL", editor(tmp_path, BREAK))
    monkeypatch.setenv("EDITOR", "editor-that-does-not-exist")
    assert cli("edit", "buurtkamer-maastricht", content=corpus_dir).exit_code == 1


def test_edit_without_an_editor_says_what_to_do(cli, corpus_dir, monkeypatch, no_visual):
    monkeypatch.setenv("EDITOR", "editor-that-does-not-exist --wait")
    result = cli("edit", "buurtkamer-maastricht", content=corpus_dir)
    assert result.exit_code == 2
    assert "Geen editor gevonden ('editor-that-does-not-exist --wait')" in result.stderr
    assert "export EDITOR=nano" in result.stderr


def test_edit_unknown_id(cli, corpus_dir, monkeypatch, no_visual):
    monkeypatch.setenv("EDITOR", "true")
    result = cli("edit", "buurtkamer-maastrich", content=corpus_dir)
    assert result.exit_code == 1
    assert "Bedoelde u 'buurtkamer-maastricht'?" in result.stderr


def test_on_a_terminal_edit_offers_to_reopen(corpus_dir, tmp_path):
    """First edit breaks the file, check shows it, the person answers j, the second edit fixes it."""
    env = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "NO_COLOR")}
    env.update(EDITOR=editor(tmp_path, BREAK, FIX), VOORVELD_CACHE=str(tmp_path / "cache"))
    leader, follower = pty.openpty()
    args = ["edit", "buurtkamer-maastricht", "--content-dir", str(corpus_dir)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "voorveld_cli", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    seen = read_until(leader, b"[j/n]")
    assert b"onbekende waarde 'ontmoetingg'" in seen, seen
    os.write(leader, b"j\n")
    seen += read_until(leader, None)
    assert proc.wait(timeout=120) == 0
    os.close(leader)
    assert b"In orde:" in seen
    assert (tmp_path / "fake_editor.runs").read_text() == "2"

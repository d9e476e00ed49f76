"""What a person at a terminal sees: run the real command on a pseudo-terminal.

CliRunner and pipes take the plain path; these tests take the rich one, with a
fixed terminal width, and check that nothing is drawn wider than the terminal.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

import pytest

from .conftest import lengthen_summary

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
WIDTH = 100


def on_terminal(*args: str, content, tmp_path) -> str:
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(WIDTH), "LINES": "50", "VOORVELD_CACHE": str(tmp_path / "cache")}
    env.pop("NO_COLOR", None)
    env.pop("VOORVELD_PLAIN", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "voorveld_cli", *args, "--content-dir", str(content)],
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the follower closed: the process is done
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(leader)
    assert proc.returncode == 0
    return ANSI.sub("", b"".join(chunks).decode("utf-8", "replace")).replace("\r\n", "\n")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_show_draws_a_panel_within_the_terminal(corpus_dir, tmp_path):
    out = on_terminal("show", "buurtkamer-maastricht", content=corpus_dir, tmp_path=tmp_path)
    assert "╭" in out and "Buurtkamer Maastricht" in out
    assert "Bronnen" in out
    assert max(len(line) for line in out.splitlines()) <= WIDTH


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_compare_shortens_long_text_on_a_terminal(corpus_dir, tmp_path):
    long_summary = lengthen_summary(corpus_dir)
    out = on_terminal(
        "compare",
        "werkplaats-den-haag",
        "buurtkamer-maastricht",
        "--fields",
        "summary",
        content=corpus_dir,
        tmp_path=tmp_path,
    )
    assert "…" in out
    assert long_summary not in " ".join(out.split())
    assert max(len(line) for line in out.splitlines()) <= WIDTH

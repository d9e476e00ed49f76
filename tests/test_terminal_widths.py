"""What a researcher sees on a real pseudo-terminal at 40, 80 and 200 columns: nothing cut
with "…", every id whole, search hits compact."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from voorveld_cli.cli.app import app

from .conftest import REAL_CONTENT
from .ptyrun import on_pty

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

COMMANDS = {
    "list": ["list"],
    "matrix": ["matrix"],
    "list-initiatives": ["list", "--kind", "initiative"],
    "search": ["search", "mantelzorg"],
}


@pytest.fixture(scope="module")
def cache(shipped_cache):
    """The session's cache of the shipped corpus: its index is built once a session."""
    return str(shipped_cache)


PIPED: dict[tuple[str, ...], list[str]] = {}


def piped_ids(args, cache) -> list[str]:
    """The ids the same command returns without a terminal (`--format ids`, in this
    process); one run per command, since the width of a terminal does not reach them."""
    if tuple(args) not in PIPED:
        PIPED[tuple(args)] = _piped_ids(args, cache)
    return PIPED[tuple(args)]


def _piped_ids(args, cache) -> list[str]:
    argv = [*args, "--format", "ids", "--content-dir", str(REAL_CONTENT)]
    result = CliRunner(env={"VOORVELD_CACHE": cache}).invoke(app, argv)
    assert result.exit_code == 0, result.output
    return result.stdout.split()


@pytest.mark.parametrize("width", [40, 80, 200])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_nothing_cut_and_every_id_whole(name, width, cache):
    args = [*COMMANDS[name], "--content-dir", str(REAL_CONTENT)]
    code, out = on_pty(args, width, env={"VOORVELD_CACHE": cache})
    assert code == 0, out
    assert "…" not in out
    lines = out.splitlines()
    ids = piped_ids(COMMANDS[name], cache)
    assert ids
    for entry_id in ids:
        assert any(entry_id in line.split() for line in lines), f"{entry_id} not whole at {width}"
    for line in lines:
        # Only a lone id longer than the terminal may pass its edge (the terminal wraps it softly).
        assert len(line) <= width or line.strip() in ids, line


@pytest.mark.parametrize("width", [40, 80, 200])
def test_five_hits_fit_in_forty_lines_at_eighty(width, cache):
    args = ["search", "statushouders", "werk", "--limit", "5", "--content-dir", str(REAL_CONTENT)]
    code, out = on_pty(args, width, env={"VOORVELD_CACHE": cache})
    assert code == 0, out
    hits = [line for line in out.splitlines() if re.match(r"^ ?\d{1,2}\. ", line)]
    assert len(hits) == 5
    if width >= 80:
        assert len(out.rstrip("\n").splitlines()) <= 40
    assert "initiatief" in out or "begrip" in out  # the kind in Dutch


def test_matrix_shortens_law_headers_with_a_legend_at_eighty(cache):
    code, out = on_pty(["matrix", "--content-dir", str(REAL_CONTENT)], 80, env={"VOORVELD_CACHE": cache})
    assert code == 0
    header = out.splitlines()[0].split()
    assert header[:3] == ["id", "wmo", "pw"]
    assert "Afkortingen: wmo = Wmo 2015, pw = Participatiewet" in " ".join(out.split())
    assert "● genoemd door de bron, ○ door ons afgeleid." in out


def test_matrix_becomes_blocks_at_forty(cache):
    code, out = on_pty(["matrix", "--content-dir", str(REAL_CONTENT)], 40, env={"VOORVELD_CACHE": cache})
    assert code == 0
    lines = out.splitlines()
    at = lines.index("athos")
    assert "wmo ●" in " ".join(lines[at + 1 : at + 4])


def test_list_leaves_out_columns_and_says_so(cache):
    code, out = on_pty(["list", "--content-dir", str(REAL_CONTENT)], 80, env={"VOORVELD_CACHE": cache})
    assert code == 0
    assert out.splitlines()[0].split() == ["id", "titel", "soort", "plaats"]
    assert "Niet getoond bij deze breedte: thema's, wetten" in " ".join(out.split())
    shipped = sum(1 for _ in REAL_CONTENT.glob("*/*.md"))
    assert f"{shipped} items" in out


def test_json_from_search_keeps_its_contract(cache):
    env = {**os.environ, "VOORVELD_CACHE": cache}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "voorveld_cli",
            "search",
            "mantelzorg",
            "--format",
            "json",
            "--content-dir",
            str(REAL_CONTENT),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    data = json.loads(out)
    assert set(data) == {"query", "total", "mode", "suggestion", "hits", "facets", "terms"}
    assert data["hits"][0]["kind"] in ("initiative", "case", "term", "article")

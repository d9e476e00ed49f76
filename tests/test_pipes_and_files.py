"""Exit codes as the table says, -o following the extension, ids for xargs, a CSV for a
Dutch Excel, completion in bash, cases by number, and the pager."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from voorveld_cli.cli import exitcodes

from .conftest import REPO
from .ptyrun import on_pty


def test_readme_documents_the_exit_code_table():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = {int(code) for code in re.findall(r"^\| (\d+) \| ", readme, re.M)}
    assert documented == set(exitcodes.TABLE)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["list"], exitcodes.OK),
        (["list", "--place", "Atlantis"], exitcodes.NOTHING_FOUND),
        (["list", "--place", "Atlantis", "--format", "json"], exitcodes.NOTHING_FOUND),
        (["search", "mantelzorg"], exitcodes.OK),
        (["search", "laaggeletterdheid"], exitcodes.NOTHING_FOUND),
        (["matrix", "--place", "Atlantis"], exitcodes.NOTHING_FOUND),
        (["stats", "--place", "Atlantis"], exitcodes.NOTHING_FOUND),
        (["export", "--place", "Atlantis"], exitcodes.NOTHING_FOUND),
        (["show", "bestaat-niet"], exitcodes.NOTHING_FOUND),
        (["list", "--bestaat-niet"], exitcodes.USAGE),
        (["list", "--kind", "casus2"], exitcodes.USAGE),
    ],
)
def test_exit_codes_follow_the_table(cli, corpus_dir, args, code):
    result = cli(*args, content=corpus_dir)
    assert result.exit_code == code, result.stderr


@pytest.mark.parametrize(
    ("command", "name", "check"),
    [
        (["list"], "lijst.json", lambda text: isinstance(json.loads(text), list)),
        (["list"], "lijst.csv", lambda text: text.startswith("id,kind,title")),
        (["list"], "lijst.md", lambda text: text.startswith("| id | kind | title |")),
        (["search", "mantelzorg"], "treffers.csv", lambda text: text.startswith("rank,id,")),
        (["matrix"], "matrix.json", lambda text: "rows_axis" in json.loads(text)),
        (["stats"], "stats.csv", lambda text: text.startswith("facet,value,label,count")),
        (["export"], "c.csv", lambda text: text.startswith("id,kind,path")),
        (["export"], "c.jsonl", lambda text: json.loads(text.splitlines()[0])["id"]),
        (["list"], "lijst.ids", lambda text: "buurtkamer-maastricht\n" in text),
    ],
)
def test_the_extension_chooses_the_format(cli, corpus_dir, tmp_path, command, name, check):
    target = tmp_path / name
    result = cli(*command, "-o", str(target), content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    assert check(target.read_text(encoding="utf-8"))
    assert "geschreven naar" in result.stderr


def test_a_contradicting_format_is_refused(cli, corpus_dir, tmp_path):
    result = cli("export", "--format", "jsonl", "-o", str(tmp_path / "c.csv"), content=corpus_dir)
    assert result.exit_code == exitcodes.USAGE
    assert "past niet bij c.csv" in result.stderr
    assert not (tmp_path / "c.csv").exists()
    result = cli("list", "--format", "json", "-o", str(tmp_path / "x.md"), content=corpus_dir)
    assert result.exit_code == exitcodes.USAGE


def test_ids_feed_xargs(cli, corpus_dir):
    out = cli("list", "--kind", "initiative", "--format", "ids", content=corpus_dir).stdout
    assert sorted(out.split()) == ["buurtkamer-maastricht", "respijt-utrecht", "werkplaats-den-haag"]
    hits = cli("search", "mantelzorg", "--format", "ids", content=corpus_dir).stdout.split()
    assert "mantelzorg" in hits and all(" " not in h for h in hits)


def test_export_takes_the_filters(cli, corpus_dir):
    lines = cli("export", "--province", "Limburg", content=corpus_dir).stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["buurtkamer-maastricht"]


def test_excel_csv_has_semicolons_and_a_bom(cli, corpus_dir, tmp_path):
    target = tmp_path / "voor-excel.csv"
    assert cli("export", "--excel", "-o", str(target), content=corpus_dir).exit_code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:3] == ["id", "kind", "path"] and len(rows) == 7
    assert cli("export", "--excel", content=corpus_dir).exit_code == exitcodes.USAGE  # jsonl


@pytest.mark.parametrize("wanted", ["1", "01", "casus-1", "casus 1"])
def test_a_case_by_its_number(cli, corpus_dir, wanted):
    result = cli("show", wanted, "--format", "json", content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "keukentafel"


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_bash_completes_ids_and_values(corpus_dir, tmp_path):
    bindir = Path(sys.executable).parent
    script = (
        'eval "$(voorveld completion bash)"\n'
        'complete_for() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=();\n'
        '  _voorveld_completion voorveld; printf "%s\\n" "${COMPREPLY[@]}"; echo ---; }\n'
        f"complete_for voorveld show --content-dir {corpus_dir} buurt\n"
        "complete_for voorveld list --province Lim\n"
        "complete_for voorveld search x --theme eenz\n"
        "complete_for voorveld list --source movisies\n"
        f"complete_for voorveld list --content-dir {corpus_dir} --place Maas\n"
        "complete_for voorveld list --law Wmo\n"
    )
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}", "VOORVELD_CACHE": str(tmp_path)}
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, timeout=120)
    blocks = out.stdout.split("---\n")
    assert blocks[0].split() == ["buurtkamer-maastricht"], out.stderr
    assert blocks[1].split() == ["Limburg"]
    assert blocks[2].split() == ["eenzaamheid"]
    assert blocks[3].split() == ["movisies-2020-1"]
    assert blocks[4].split() == ["Maastricht"]
    assert "Wmo 2015" in blocks[5]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_show_pages_long_output_like_git(corpus_dir, tmp_path):
    paged = tmp_path / "paged.txt"
    pager = f"sh -c 'cat > {paged}'"
    env = {"VOORVELD_CACHE": str(tmp_path / "cache"), "PAGER": pager}
    args = ["show", "keukentafel", "--content-dir", str(corpus_dir)]
    code, out = on_pty(args, 80, lines=8, env=env)
    assert code == 0
    assert "Het keukentafelgesprek" in paged.read_text(encoding="utf-8")
    assert "Het keukentafelgesprek" not in out
    paged.unlink()
    code, out = on_pty([*args, "--no-pager"], 80, lines=8, env=env)
    assert code == 0 and "Het keukentafelgesprek" in out and not paged.exists()
    code, out = on_pty(args, 80, lines=200, env=env)  # fits on the screen: no pager
    assert "Het keukentafelgesprek" in out and not paged.exists()
    assert "casus  keukentafel" in out  # the kind in Dutch, the id whole

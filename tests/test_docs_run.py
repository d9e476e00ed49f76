"""The documentation runs: every `voorveld` line in README.md's shell blocks and every
example in the commands' --help, in order, on a copy of the corpus, with the exit code
the table in README.md (and exitcodes.py) gives it."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from voorveld_cli.cli.app import app

from .conftest import REAL_CONTENT, REPO

BIN = Path(sys.executable).parent
# Examples that should end otherwise than 0, with the code the table gives them. Every
# documented example finds something today; `voorveld search mantelzrog` searches for the
# corrected word and so finds hits (0).
NOT_ZERO: dict[str, int] = {}


def readme_lines() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            command = re.sub(r"\s+#\s.*$", "", line).strip()
            if command.startswith("voorveld "):
                lines.append(command)
    return lines


def help_examples() -> list[str]:
    """'Voorbeeld(en): a; b (uitleg); c' in each command's help, split into commands."""
    found = []
    for name, command in get_command(app).commands.items():
        for group in re.findall(r"Voorbeeld(?:en)?: (.+?)(?:\n\s*\n|$)", command.help or "", re.S):
            for part in " ".join(group.split()).split(";"):
                part = re.sub(r"\([^)]*\)", "", part).strip().rstrip(".").strip()
                if part.startswith("voorveld "):
                    found.append(part)
        if name not in ("check", "index", "schema"):  # these explain themselves without one
            assert any(f.startswith(f"voorveld {name}") for f in found), (
                f"voorveld {name} --help gives no example"
            )
    return found


def _work(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    shutil.copytree(REAL_CONTENT, work / "content")
    return work


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VOORVELD_CONTENT", "NO_COLOR", "VISUAL")}
    env.update(PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", VOORVELD_CACHE=str(tmp_path / "cache"))
    env["EDITOR"] = "true"  # `voorveld edit` opens the file and closes it unchanged
    return env


def _in_a_process(command: str, work: Path, env: dict[str, str]) -> tuple[str, int, str]:
    proc = subprocess.run(
        ["bash", "-c", command], cwd=work, env=env, capture_output=True, text=True, timeout=300
    )
    return command, proc.returncode, proc.stderr


def run_in_order(commands: list[str], tmp_path: Path) -> list[tuple[str, int, str]]:
    work, env = _work(tmp_path), _env(tmp_path)
    return [_in_a_process(command, work, env) for command in commands]


def needs_a_process(command: str) -> bool:
    """A search starts on the fast path (cli/entry.py takes it before Typer), and a shell
    redirection is bash's work: these run as real processes, the rest in this one."""
    return command.startswith("voorveld search ") or not set("<>|&;$`").isdisjoint(command)


def run_in_order_here(commands: list[str], tmp_path: Path, monkeypatch) -> list[tuple[str, int, str]]:
    """As run_in_order, but each command that needs no process of its own goes through the
    Typer app in this process (the same argv, cwd, environment and copy of the corpus):
    a `voorveld` process costs about 0.3 s of start-up, most of the examples' time. An
    exception that escapes a command counts as the traceback a process would print."""
    work, env = _work(tmp_path), _env(tmp_path)
    for name in ("VOORVELD_CONTENT", "NO_COLOR", "VISUAL"):
        monkeypatch.delenv(name, raising=False)
    for name in ("VOORVELD_CACHE", "EDITOR"):
        monkeypatch.setenv(name, env[name])
    monkeypatch.chdir(work)
    runner = CliRunner()
    results = []
    for command in commands:
        if needs_a_process(command):
            results.append(_in_a_process(command, work, env))
            continue
        argv = shlex.split(command)
        assert argv[0] == "voorveld", command
        result = runner.invoke(app, argv[1:])
        err = result.stderr
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            err += "".join(traceback.format_exception(result.exception))
        results.append((command, result.exit_code, err))
    return results


def check(results) -> None:
    for command, code, err in results:
        assert "Traceback" not in err, (command, err)
        assert code == NOT_ZERO.get(command, 0), (command, code, err)


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash for the README's pipes")
def test_every_readme_example_runs(tmp_path):
    lines = readme_lines()
    assert len(lines) > 30
    assert any("--format ids" in line for line in lines)
    check(run_in_order(lines, tmp_path))


# Help examples that are long runs by nature: the whole site with a PDF handout for every
# case (about 11 CPU seconds, half of all the other examples together). They run with the
# README's lines in the slow run (.ci/run); the site itself is tested in test_site.py.
LONG_EXAMPLES = ["voorveld site -o site/"]


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash for the redirections")
def test_every_help_example_runs(tmp_path, monkeypatch):
    examples = help_examples()
    assert len(examples) > 20
    assert set(LONG_EXAMPLES) <= set(examples), "a long example is no longer in --help"
    short = [e for e in examples if e not in LONG_EXAMPLES]
    assert 4 <= sum(map(needs_a_process, short)) < len(short) / 4  # the searches and redirections
    check(run_in_order_here(short, tmp_path, monkeypatch))


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_long_help_examples_run(tmp_path):
    check(run_in_order(LONG_EXAMPLES, tmp_path))


def test_ci_runs_the_readme_test_command():
    """The README's second command is what CI runs, word for word."""
    repo = Path(__file__).resolve().parent.parent
    readme = (repo / "README.md").read_text(encoding="utf-8")
    command = next(
        line for line in readme.splitlines() if line.startswith("python3 -m venv") and "[test]" in line
    )
    assert command in (repo / ".ci" / "run").read_text(encoding="utf-8")

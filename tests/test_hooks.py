"""The pre-commit hooks install themselves: language python, ruff pinned once, the
CONTRIBUTING example real, and `pre-commit run --all-files` from a fresh clone."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from voorveld_cli import __version__

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli", reason="reading pyproject.toml needs tomllib (3.11+) or tomli")

from .conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
CONFIG = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
OFFERED = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def own_hooks() -> dict[str, dict]:
    return {hook["id"]: hook for repo in CONFIG["repos"] for hook in repo["hooks"]}


def ruff_pin() -> str:
    [pin] = [dep for dep in PYPROJECT["project"]["optional-dependencies"]["test"] if dep.startswith("ruff")]
    assert re.fullmatch(r"ruff==\d+\.\d+\.\d+", pin), f"pin ruff exactly in [test]: {pin}"
    return pin


def test_every_hook_installs_itself():
    hooks = [*own_hooks().values(), *OFFERED]
    assert hooks
    assert {hook["language"] for hook in hooks} == {"python"}


def test_ruff_is_pinned_in_one_place():
    pin = ruff_pin()
    ruff_hooks = [hook for hook in own_hooks().values() if hook["entry"].startswith("ruff ")]
    assert len(ruff_hooks) == 2
    for hook in ruff_hooks:
        assert hook["additional_dependencies"] == [pin], hook["id"]
    assert not any("ruff-pre-commit" in repo["repo"] for repo in CONFIG["repos"])


def test_own_voorveld_hook_has_voorveld_s_dependencies():
    hook = own_hooks()["voorveld-check"]
    assert hook["additional_dependencies"] == PYPROJECT["project"]["dependencies"]
    assert hook["args"] == ["check", "--strict"]


def test_contributing_example_is_real():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```yaml\n(repos:.*?)```", text, re.S)
    [repo] = yaml.safe_load(block)["repos"]
    assert repo["repo"] == PYPROJECT["project"]["urls"]["Repository"]
    assert not re.search(r"example\.|invalid|placeholder", repo["repo"])
    assert repo["rev"] == f"v{__version__}" == "v0.1.0"
    assert [hook["id"] for hook in repo["hooks"]] == [OFFERED[0]["id"]]


def test_version_says_what_the_tag_will_say(cli):
    assert cli("--version").stdout.strip() == f"voorveld {PYPROJECT['project']['version']}"


def _index_reachable(where: Path) -> bool:
    """Can pip fetch a small package? pre-commit builds its environments the same way."""
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(where), "cfgv"],
            capture_output=True,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git for a clone")
def test_pre_commit_runs_from_a_fresh_clone_without_a_venv(tmp_path):
    pytest.importorskip("pre_commit", reason="pre-commit is not installed ([test] extra)")
    if not _index_reachable(tmp_path / "probe"):
        pytest.skip("the package index cannot be reached: pre-commit could not build its hook environments")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    # The working tree as it is now (the test runs before a commit too).
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    for name in filter(None, files):
        if (REPO / name).is_file() and not name.startswith(".venv"):
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, clone / name)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "VOORVELD_CONTENT")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    assert shutil.which("voorveld", path=env["PATH"]) is None  # nothing activated
    run = [sys.executable, "-m", "pre_commit", "run", "--all-files"]

    first = subprocess.run(run, cwd=clone, env=env, capture_output=True, text=True, timeout=1200)
    assert first.returncode == 0, first.stdout[-4000:] + first.stderr[-2000:]
    assert re.search(r"voorveld check --strict\.+Passed", first.stdout)

    broken = clone / "content" / "initiatives" / "athos.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("themes: [", "themes: [ontmoetingg, "))
    second = subprocess.run(run, cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode == 1
    assert "content/initiatives/athos.md:" in second.stdout
    assert "onbekende waarde 'ontmoetingg'" in second.stdout

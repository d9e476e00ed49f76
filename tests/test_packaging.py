"""The wheel a user installs carries the corpus and answers a search from anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REAL_CONTENT, REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("voorveld-*.whl")
    return built


def test_wheel_contains_the_whole_corpus(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        "voorveld_cli/_content/" + path.relative_to(REAL_CONTENT).as_posix()
        for path in REAL_CONTENT.rglob("*")
        if path.is_file()
    }
    assert shipped
    assert not shipped - names


def test_wheel_ships_the_handout_font_and_its_licence(wheel):
    """PDF handouts draw every name with the font in the package, never the system's."""
    names = set(zipfile.ZipFile(wheel).namelist())
    fonts = "voorveld_cli/handouts/fonts/"
    for file in (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "LICENSE",
        "coverage.txt",
    ):
        assert fonts + file in names, file


def test_installed_wheel_searches_from_an_unrelated_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    # The installed copy comes first on the path; its dependencies come from this environment.
    env = {**os.environ, "PYTHONPATH": str(target), "VOORVELD_CACHE": str(tmp_path / "cache")}
    env.pop("VOORVELD_CONTENT", None)
    result = subprocess.run(
        [sys.executable, "-m", "voorveld_cli", "search", "mantelzorg", "--format", "json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["hits"]
    assert all(str(target) in row["path"] for row in payload["hits"])

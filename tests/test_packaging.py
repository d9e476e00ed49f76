"""The wheel a user installs carries the corpus and answers a search from anywhere."""

from __future__ import annotations

import json
import os
import shutil
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


def _installed(wheel, tmp_path) -> Path:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    return target


def _search(target: Path, cache: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(target), "VOORVELD_CACHE": str(cache)}
    env.pop("VOORVELD_CONTENT", None)
    return subprocess.run(
        [sys.executable, "-m", "voorveld_cli", "search", *args, "--format", "json"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


def _segments(folder: Path) -> set[str]:
    """The segment ids of an index (each segment is several MAIN_<id>.* files)."""
    return {p.name.split(".")[0] for p in folder.glob("MAIN_*.*")}


def _live_index(cache: Path) -> Path:
    [home] = [p for p in cache.iterdir() if p.is_dir()]
    return home / (home / "CURRENT").read_text().strip()


def test_wheel_ships_a_prebuilt_index_of_the_corpus(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for file in ("shipped.json", "manifest.json", "vocabulary.json", "synonyms.json", "_MAIN_1.toc"):
        assert "voorveld_cli/_index/" + file in names, file
    key = json.loads(zipfile.ZipFile(wheel).read("voorveld_cli/_index/shipped.json"))
    shipped = {p.relative_to(REAL_CONTENT).as_posix() for p in REAL_CONTENT.glob("*/*.md")}
    assert shipped <= set(key["files"])


def test_first_search_after_install_uses_the_shipped_index(wheel, tmp_path):
    target = _installed(wheel, tmp_path)
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    first = _search(target, tmp_path / "cache", elsewhere, "mantelzorg")
    assert first.returncode == 0, first.stderr
    shipped = _segments(target / "voorveld_cli" / "_index")
    assert shipped and _segments(_live_index(tmp_path / "cache")) == shipped  # copied, not built
    again = _search(target, tmp_path / "cache", elsewhere, "mantelzorg")
    assert again.stdout == first.stdout

    # A user's own content (a copy of the corpus) gets its own index, built in the cache.
    own = tmp_path / "eigen" / "content"
    shutil.copytree(target / "voorveld_cli" / "_content", own)
    mine = _search(target, tmp_path / "cache-own", elsewhere, "mantelzorg", "--content-dir", str(own))
    assert mine.returncode == 0, mine.stderr
    assert not _segments(_live_index(tmp_path / "cache-own")) & shipped


def test_shipped_index_is_not_used_for_changed_content(wheel, tmp_path):
    """The key covers every file: an installed corpus that differs gets a fresh build."""
    target = _installed(wheel, tmp_path)
    content = target / "voorveld_cli" / "_content"
    page = sorted((content / "initiatives").glob("*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\nZoekwoord kwartelkoning.\n", encoding="utf-8")
    result = _search(target, tmp_path / "cache", tmp_path, "kwartelkoning")
    assert result.returncode == 0, result.stderr
    assert [hit["id"] for hit in json.loads(result.stdout)["hits"]] == [page.stem]
    assert not _segments(_live_index(tmp_path / "cache")) & _segments(target / "voorveld_cli" / "_index")

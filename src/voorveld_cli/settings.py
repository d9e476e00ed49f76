"""Settings resolved at the edge: the only library module that reads the environment.

Where the corpus lives (--content-dir, $VOORVELD_CONTENT, the nearest content/
upward from the working directory, or the copy that ships inside the package),
and the `Settings` the library is given for the cache, the build and the terminal.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "VOORVELD_CONTENT"
MARKER = "vocabulary.yml"


@dataclass(frozen=True)
class Settings:
    """The environment's say, read in one place. Each field is None/False when unset."""

    cache_dir: Path | None = None  # VOORVELD_CACHE: where derived data lives
    index_procs: int | None = None  # VOORVELD_INDEX_PROCS: writer processes for a full build
    plain: bool = False  # VOORVELD_PLAIN: plain output even on a terminal
    no_color: bool = False  # NO_COLOR (no-color.org)
    columns: int | None = None  # COLUMNS: the terminal width, when set and positive

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        procs = env.get("VOORVELD_INDEX_PROCS", "")
        return cls(
            cache_dir=Path(env["VOORVELD_CACHE"]) if env.get("VOORVELD_CACHE") else None,
            index_procs=max(1, int(procs)) if procs.isdigit() else None,
            plain=bool(env.get("VOORVELD_PLAIN")),
            no_color=bool(env.get("NO_COLOR")),
            columns=_positive(env.get("COLUMNS", "")),
        )


def current() -> Settings:
    """The settings of this moment: read afresh (a few lookups), so a changed
    environment (a test, a long-lived caller) is always seen."""
    return Settings.from_env()


def _positive(text: str) -> int | None:
    try:
        value = int(text)
    except ValueError:
        return None
    return value if value > 0 else None


class ContentNotFound(Exception):
    """No usable content root; the message says what was tried."""


def find_content_root(explicit: str | os.PathLike | None = None, cwd: Path | None = None) -> Path:
    if explicit is not None:
        return _must_exist(Path(os.fspath(explicit)), "--content-dir")
    if os.environ.get(ENV_VAR):
        return _must_exist(Path(os.environ[ENV_VAR]), ENV_VAR)
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "content"
        if (candidate / MARKER).is_file():
            return candidate
    bundled = bundled_root()
    if bundled is not None:
        return bundled
    raise ContentNotFound(
        "Geen content gevonden: geef --content-dir op, zet VOORVELD_CONTENT, "
        "of werk in een map met een content/-map (met vocabulary.yml)."
    )


def bundled_root() -> Path | None:
    """The corpus shipped in the wheel, or the checkout's content/ for an editable install."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_content", package.parents[1] / "content"):
        if (candidate / MARKER).is_file():
            return candidate
    return None


def is_packaged(root: Path) -> bool:
    """True for the corpus copy inside an installed wheel (not a place to write)."""
    return root.resolve() == (Path(__file__).resolve().parent / "_content")


CONTENT_FOLDERS = ("initiatives", "cases", "glossary", "articles")


def _must_exist(path: Path, origin: str) -> Path:
    if not str(path).strip():  # Path("") is the working directory: never a silent guess
        raise ContentNotFound(f"{origin} is leeg; geef de map met de content.")
    if not path.is_dir():
        raise ContentNotFound(f"De content-map '{path}' ({origin}) bestaat niet of is geen map.")
    if not any((path / name).exists() for name in (MARKER, *CONTENT_FOLDERS)):
        raise ContentNotFound(
            f"'{path}' ({origin}) is geen content-map: er staat geen {MARKER} in en geen van de mappen "
            f"{', '.join(name + '/' for name in CONTENT_FOLDERS)}."
        )
    return path.resolve()


def display_path(path: Path, cwd: Path | None = None) -> str:
    """Relative to the working directory when inside it (what editors and CI expect)."""
    try:
        return str(path.relative_to(cwd or Path.cwd()))
    except ValueError:
        return str(path)

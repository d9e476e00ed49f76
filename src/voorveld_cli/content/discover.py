"""Find the content files under a root: a stat-level walk, no parsing (and no YAML import).

Whatever the file system holds, the walk never raises: a folder or file that
cannot be read (no permission, a symlink loop, a FIFO, `cases` being a file)
becomes a `path: message` problem and the rest is still found. A file that
vanishes while we look (an editor saving, a checkout) is simply gone.
"""

from __future__ import annotations

import errno
import operator
import os
import stat as stat_mod
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from voorveld_cli.content import kinds
from voorveld_cli.content.model import Problem
from voorveld_cli.settings import display_path


@dataclass(frozen=True)
class Found:
    """One content file, stat'ed once: the stat keys the caches."""

    kind: str
    rel: str  # "initiatives/x.md": the key in caches and the index
    folder: Path
    name: str  # "x.md"
    stat: os.stat_result

    # Made on first use: a search's freshness check stats 10,000 files and needs no
    # Path for any of them (building them was half its time).
    @cached_property
    def path(self) -> Path:
        return self.folder / self.name

    @property
    def id(self) -> str:
        return self.name[: -len(".md")]


@dataclass
class Scan:
    """Every content file found under a root, and what could not be read."""

    files: list[Found]
    problems: list[Problem]  # folders and files that could not be read


def discover(root: Path) -> Iterator[tuple[str, Path]]:
    """(kind, path) of every readable Markdown file in the content folders, sorted."""
    for found in scan(root).files:
        yield found.kind, found.path


def scan(root: Path) -> Scan:
    """The .md files per kind (in kinds.KINDS order, then by name), each stat'ed."""
    result = Scan([], [])
    for kind in kinds.KINDS:
        folder = root / kinds.FOLDERS[kind]
        try:
            with os.scandir(folder) as it:
                entries = sorted((e for e in it if e.name.endswith(".md")), key=lambda e: e.name)
        except FileNotFoundError:
            continue  # a corpus without this kind
        except NotADirectoryError:
            result.problems.append(_problem(folder, "is een bestand, geen map; hier wordt niets gelezen"))
            continue
        except OSError as err:
            result.problems.append(_problem(folder, f"map niet te lezen: {os_reason(err)}"))
            continue
        for entry in entries:
            try:
                st = entry.stat()  # follows a symlink, as reading does
            except FileNotFoundError:
                if entry.is_symlink():
                    result.problems.append(
                        _problem(Path(entry.path), "verwijst naar een bestand dat niet bestaat")
                    )
                continue  # otherwise removed since the listing: simply gone
            except OSError as err:
                result.problems.append(_problem(Path(entry.path), f"niet te lezen: {os_reason(err)}"))
                continue
            if not stat_mod.S_ISREG(st.st_mode):
                what = "een map" if stat_mod.S_ISDIR(st.st_mode) else "geen gewoon bestand"
                result.problems.append(_problem(Path(entry.path), f"is {what}; wordt niet gelezen"))
                continue
            result.files.append(Found(kind, f"{kinds.FOLDERS[kind]}/{entry.name}", folder, entry.name, st))
    return result


def stat_key(st: os.stat_result) -> list[int]:
    """What says a file changed: mtime and size, and ctime and inode for an edit that
    restores the mtime or a file replaced by another (the index and the entry cache)."""
    return list(_STAT_KEY(st))


_STAT_KEY = operator.attrgetter("st_mtime_ns", "st_size", "st_ctime_ns", "st_ino")


def stat_rows(root: Path) -> tuple[list[str], list[tuple[int, ...]]] | None:
    """The rel path of every content file, sorted, and its stat key (as a tuple): what a
    search's freshness check needs, made without a Found per file. None when anything
    is out of the ordinary (a folder or file that cannot be read, not a regular file, a
    file gone since the listing); scan() then says what."""
    rels: list[str] = []
    keys: list[tuple[int, ...]] = []
    for folder in sorted(kinds.FOLDERS.values()):  # no folder name starts another: rel order
        try:
            names = sorted(name for name in os.listdir(root / folder) if name.endswith(".md"))
            stats = _stat_all(root / folder, names)
        except FileNotFoundError:
            if (root / folder).exists() or (root / folder).is_symlink():
                return None
            continue  # a corpus without this kind
        except OSError:
            return None
        if not all(map(stat_mod.S_ISREG, map(_MODE, stats))):
            return None
        rels += [f"{folder}/{name}" for name in names]
        keys += map(_STAT_KEY, stats)
    return rels, keys


_MODE = operator.attrgetter("st_mode")


def _stat_all(folder: Path, names: list[str]) -> list[os.stat_result]:
    """os.stat of each name in the folder (following symlinks, as reading does),
    relative to the open folder where the system allows: the kernel then looks up one
    name per file, not the whole path (at 10,000 files the stat calls are most of a
    search's freshness check; two threads sharing them were not faster)."""
    if os.stat not in os.supports_dir_fd:
        base = os.path.join(folder, "")
        return [os.stat(base + name) for name in names]
    fd = os.open(folder, os.O_RDONLY)
    try:
        return [os.stat(name, dir_fd=fd) for name in names]
    finally:
        os.close(fd)


def shadowed(files: list[Found]) -> dict[str, Found]:
    """Files whose id an earlier file already has (ids are unique over all kinds):
    rel -> the file that keeps the id. The first in scan order (kind, then name)
    wins, whether or not it is valid; list, show, check and search all use this."""
    first: dict[str, Found] = {}
    out: dict[str, Found] = {}
    for found in files:
        if found.id in first:
            out[found.rel] = first[found.id]
        else:
            first[found.id] = found
    return out


def shadow_problem(item: Found, winner: Found) -> Problem:
    """What list, show, check and search all say about a file whose id is taken."""
    return Problem(
        display_path(item.path),
        1,
        "id",
        f"id '{item.id}' bestaat al ({display_path(winner.path)}); ids zijn uniek over "
        "alle soorten, dit bestand wordt overgeslagen",
    )


def _problem(path: Path, message: str) -> Problem:
    return Problem(display_path(path), 0, "", message)


_REASONS = {
    errno.EACCES: "geen leesrechten",
    errno.EPERM: "geen leesrechten",
    errno.ELOOP: "symbolische link in een kring (verwijst naar zichzelf)",
    errno.EISDIR: "is een map",
    errno.ENAMETOOLONG: "naam te lang",
    errno.EIO: "leesfout van de schijf",
}


def os_reason(err: OSError) -> str:
    """Why a file could not be read, in Dutch (strerror is English in most locales)."""
    return _REASONS.get(err.errno or 0, err.strerror or type(err).__name__)


def stamp(root: Path) -> list:
    """Size and modification time of vocabulary.yml, sources.yml and places.yml: when
    these change, every file's validity (or its indexed place names) may change, so
    derived caches start over."""
    out = []
    for name in ("vocabulary.yml", "sources.yml", "places.yml"):
        try:
            st = (root / name).stat()
            out.append([name, st.st_mtime_ns, st.st_size, st.st_ctime_ns, st.st_ino])
        except OSError:
            out.append([name, 0, 0, 0, 0])
    return out


def stray_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Files the loader will not read, with the reason: Markdown outside the three
    content folders, and anything but .md inside them."""
    folders = {root / folder for folder in kinds.FOLDERS.values()}
    for path in sorted(root.rglob("*")):
        try:
            if not path.is_file() or any(part.startswith(".") for part in path.relative_to(root).parts):
                continue
        except OSError:
            continue  # unreadable: scan() reports what matters
        if path.parent in folders and path.suffix != ".md":
            yield path, "wordt niet gelezen: alleen bestanden met de extensie .md tellen mee"
        elif path.parent not in folders and path.suffix.lower() in (".md", ".markdown"):
            yield path, "staat buiten initiatives/, cases/ en glossary/ en wordt niet gelezen"

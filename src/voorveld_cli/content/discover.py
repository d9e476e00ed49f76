"""Find the content files under a root: a stat-level walk, no parsing (and no YAML import)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from voorveld_cli.content import schema


def discover(root: Path) -> Iterator[tuple[str, Path]]:
    """(kind, path) of every Markdown file in the three content folders, sorted."""
    for kind, entries in scan(root):
        for entry in entries:
            yield kind, Path(entry.path)


def scan(root: Path) -> list[tuple[str, list[os.DirEntry]]]:
    """The .md files per kind as os.DirEntry objects (cheap stat), sorted by name."""
    found = []
    for kind in schema.KINDS:
        folder = root / schema.FOLDERS[kind]
        try:
            with os.scandir(folder) as it:
                entries = [e for e in it if e.name.endswith(".md") and e.is_file()]
        except (FileNotFoundError, NotADirectoryError):
            entries = []
        found.append((kind, sorted(entries, key=lambda e: e.name)))
    return found


def stamp(root: Path) -> list:
    """Size and modification time of vocabulary.yml, sources.yml and places.yml: when
    these change, every file's validity (or its indexed place names) may change, so
    derived caches start over."""
    out = []
    for name in ("vocabulary.yml", "sources.yml", "places.yml"):
        try:
            st = (root / name).stat()
            out.append([name, st.st_mtime_ns, st.st_size])
        except OSError:
            out.append([name, 0, 0])
    return out


def stray_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Files the loader will not read, with the reason: Markdown outside the three
    content folders, and anything but .md inside them."""
    folders = {root / folder for folder in schema.FOLDERS.values()}
    for path in sorted(root.rglob("*")):
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.parent in folders and path.suffix != ".md":
            yield path, "wordt niet gelezen: alleen bestanden met de extensie .md tellen mee"
        elif path.parent not in folders and path.suffix.lower() in (".md", ".markdown"):
            yield path, "staat buiten initiatives/, cases/ en glossary/ en wordt niet gelezen"

"""A cache of parsed and validated content files for the read commands.

`voorveld list` on 10,000 files would otherwise parse 10,000 YAML headers on every
call. With this cache an unchanged file costs a stat: its entry and problems come
from one JSON file in the user cache directory, beside the index. A file is
re-read when its size, modification time, change time (ctime: an edit that
restores the mtime still sets it) or inode changes. The whole cache is dropped
when the code that made it changes (package version, kinds.RULES_VERSION) or
vocabulary.yml/sources.yml change (validity depends on them). Only what a file
says is cached, never a failure to read it. `voorveld check` never uses it: the
checker always reads every file.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

import voorveld_cli
from voorveld_cli.content import discover, kinds
from voorveld_cli.content.model import Entry, Problem
from voorveld_cli.files import atomic_write
from voorveld_cli.search import cache
from voorveld_cli.views.records import plain

VERSION = 2  # the layout of this file
FILE = "entries.json"


def clear(root: Path) -> None:
    """Forget every cached entry of a content root (`voorveld index --rebuild`)."""
    with contextlib.suppress(OSError):
        (cache.index_home(root) / FILE).unlink(missing_ok=True)


class EntryCache:
    def __init__(self, root: Path, stamp: list):
        self.root = root
        self.path = cache.index_home(root) / FILE
        self.key = [VERSION, voorveld_cli.__version__, kinds.RULES_VERSION, stamp]
        self.files: dict[str, dict[str, Any]] = {}
        self.dirty = False
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if data.get("key") == self.key:
                self.files = data["files"]
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no cache yet, or an unreadable one: start empty

    def get(self, rel: str, kind: str, path: Path, st: os.stat_result, shown: str):
        """(entry or None, problems) from the cache, or None when the file changed."""
        record = self.files.get(rel)
        if record is None or record.get("stat") != discover.stat_key(st):
            return None
        problems = [
            Problem(shown, line, field, message, severity)
            for line, field, message, severity in record["problems"]
        ]
        if not record["ok"]:
            return None, problems
        entry = Entry(
            id=path.stem,
            kind=kind,
            path=path,
            data=record["data"],
            body=record["body"],
            lines=record["lines"],
            display_path=shown,
        )
        return entry, problems

    def put(self, rel: str, st: os.stat_result, entry: Entry | None, problems: list[Problem]) -> None:
        self.files[rel] = {
            "stat": discover.stat_key(st),
            "ok": entry is not None,
            "data": plain(entry.data) if entry else None,
            "body": entry.body if entry else None,
            "lines": entry.lines if entry else None,
            "problems": [[p.line, p.field, p.message, p.severity] for p in problems],
        }
        self.dirty = True

    def forget_missing(self, present: set[str]) -> None:
        for rel in set(self.files) - present:
            del self.files[rel]
            self.dirty = True

    def save(self) -> None:
        """Write atomically; a read-only cache directory just means no cache."""
        if not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps({"key": self.key, "files": self.files}, ensure_ascii=False))
        except (OSError, ValueError, TypeError):
            pass  # a cache that cannot be written is no cache, never a failed command

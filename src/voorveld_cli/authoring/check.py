"""The checker behind `voorveld check`: every problem of the corpus, sorted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voorveld_cli.content import corpus as corpus_mod
from voorveld_cli.content import floors, links
from voorveld_cli.content.discover import discover, stray_files
from voorveld_cli.content.model import ERROR, WARNING, Entry, HasProblems, Problem
from voorveld_cli.handouts import glyphs
from voorveld_cli.settings import display_path


@dataclass
class CheckReport(HasProblems):
    """What `voorveld check` found: the problems, the files read and, asked for, the orphans."""

    problems: list[Problem]
    files: int
    # With `check --orphans`: the initiatives and articles no entry relates to.
    orphans: list[Entry] | None = None

    def summary(self) -> str:
        from voorveld_cli.views.labels import plural

        files = len({p.path for p in self.problems})
        checked = f"{plural(self.files, 'bestand')} gecontroleerd"
        if not self.problems:
            return f"In orde: {checked}, geen problemen."
        return (
            f"{plural(len(self.errors), 'fout')} en {plural(len(self.warnings), 'waarschuwing')} in "
            f"{plural(files, 'bestand')}; {checked}."
        )

    def as_dict(self, ok: bool) -> dict[str, Any]:
        record = {
            "ok": ok,
            "files": self.files,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [p.as_dict() for p in self.problems],
        }
        if self.orphans is not None:
            record["orphans"] = [{"id": e.id, "kind": e.kind, "path": e.display_path} for e in self.orphans]
        return record

    def orphan_lines(self) -> list[str]:
        from voorveld_cli.views.labels import ORPHANS, kind, plural

        if self.orphans is None:
            return []
        lines = [f"{ORPHANS} ({plural(len(self.orphans), 'item')}):"]
        lines += [f"  {e.id} ({kind(e.kind)}, {e.display_path})" for e in self.orphans]
        return lines


def _unread(root: Path, paths: Sequence[Path]) -> list[Problem]:
    """Given paths the loader does not read: say why instead of passing them silently."""
    read = {path.resolve() for _, path in discover(root)}
    stray = {path.resolve(): reason for path, reason in stray_files(root)}
    problems = []
    for path in paths:
        resolved = path.resolve()
        if resolved in read:
            continue
        if not resolved.is_relative_to(root.resolve()):
            reason = f"ligt buiten de content-map {display_path(root)}"
        else:
            reason = stray.get(resolved, "wordt niet gelezen")
        problems.append(Problem(display_path(path), 1, "bestand", reason, ERROR))
    return problems


def run_check(root: Path, only: Sequence[Path] | None = None, orphans: bool = False) -> CheckReport:
    corpus = corpus_mod.load(root, only=only)
    problems = list(corpus.problems)
    problems += glyphs.problems(corpus.entries)  # characters a PDF handout could not draw
    if only is None:
        # The floors of corpus.yml concern the whole corpus, not one file.
        problems += floors.problems(root, corpus.entries, list(corpus.vocab.sources))
        for path, reason in stray_files(root):
            problems.append(Problem(display_path(path), 1, "bestand", reason, WARNING))
    else:
        problems += _unread(root, only)
    problems.sort(key=lambda p: (p.path, p.line, p.field))
    files = len(only) if only is not None else sum(1 for _ in discover(root))
    return CheckReport(problems, files, links.orphans(corpus.entries) if orphans else None)

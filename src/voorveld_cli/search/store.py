"""The index on disk: build, refresh, rebuild, never half-written.

The index is a derived cache of the Markdown corpus, kept in the user cache
directory (cache.py). Its layout there:

    <home>/CURRENT          name of the live index folder (replaced atomically)
    <home>/ix-<random>/     a Whoosh index plus manifest.json

A full build writes a fresh folder and only then points CURRENT at it, so a
crash mid-build never leaves a half index in use. Before a search the manifest
is compared with a stat of every content file: changed, added and deleted files
are re-read and updated in place (unchanged files are not read at all). A
schema version or vocabulary change means a full rebuild.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.filedb.filestore import RamStorage
from whoosh.util.filelock import FileLock

from voorveld_cli.content import discover, schema
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.files import atomic_write
from voorveld_cli.search import cache, synonyms
from voorveld_cli.search.analysis import ANALYZER
from voorveld_cli.search.documents import document, make_schema

SCHEMA_VERSION = 9  # bump when the analysis or the documents change
MANIFEST = "manifest.json"
VOCAB_SNAPSHOT = "vocabulary.json"
SYNONYMS = "synonyms.json"
CURRENT = "CURRENT"
WRITE_TIMEOUT = 30.0  # seconds an explicit `voorveld index` waits for another writer
BUILD_LOCK = "build.lock"
PARALLEL_FROM = 500  # files; below this a full build uses one writer process
STALE_AFTER = 60.0  # seconds a replaced index folder is kept for readers that may still open it

Progress = Callable[[int, int], None]


def code_version() -> list:
    """The code an index was made by: package version, index schema, validation rules.
    Any change means a full rebuild, so an upgrade never serves old verdicts."""
    import voorveld_cli

    return [voorveld_cli.__version__, SCHEMA_VERSION, schema.RULES_VERSION]


def _stat_key(st: os.stat_result) -> list[int]:
    """What says a file changed: mtime and size, and ctime and inode for an edit that
    restores the mtime or a file replaced by another."""
    return [st.st_mtime_ns, st.st_size, st.st_ctime_ns, st.st_ino]


@dataclass
class Manifest:
    schema_version: int = SCHEMA_VERSION
    analyzer: str = ANALYZER
    stamp: list = field(default_factory=list)  # vocabulary.yml and sources.yml (mtime, size)
    files: dict[str, list] = field(default_factory=dict)  # rel path -> [stat key, problem|None]
    code: list = field(default_factory=code_version)
    shadowed: list = field(default_factory=list)  # rel paths whose id an earlier file has

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        data = json.loads((folder / MANIFEST).read_text("utf-8"))
        return cls(
            data["schema_version"],
            data.get("analyzer", ""),
            data["stamp"],
            data["files"],
            data.get("code"),
            data.get("shadowed"),
        )

    def write(self, folder: Path) -> None:
        data = {"schema_version": self.schema_version, "analyzer": self.analyzer, "stamp": self.stamp}
        data |= {"files": self.files, "code": self.code, "shadowed": self.shadowed}
        atomic_write(folder / MANIFEST, json.dumps(data))


@dataclass
class RefreshReport:
    folder: Path | None
    rebuilt: bool = False
    added: int = 0
    changed: int = 0
    deleted: int = 0
    broken: dict[str, str] = field(default_factory=dict)  # rel path -> first problem
    total: int = 0
    notices: list[str] = field(default_factory=list)
    persisted: bool = True


@dataclass
class _Files:
    """A stat of every content file (reads nothing): what to index and what not."""

    found: dict[str, discover.Found]
    problems: list[str]  # folders and files that could not be read
    shadowed: dict[str, str]  # rel -> why it is left out (its id is taken)


def _scan(root: Path) -> _Files:
    from voorveld_cli.settings import display_path

    scan = discover.scan(root)
    shadows = discover.shadowed(scan.files)
    return _Files(
        {item.rel: item for item in scan.files},
        [str(problem) for problem in scan.problems],
        {
            rel: f"{display_path(root / rel)}:1: id: id '{Path(rel).stem}' bestaat al "
            f"({display_path(winner.path)}); ids zijn uniek over alle soorten"
            for rel, winner in shadows.items()
        },
    )


def _read_current(home: Path) -> Path | None:
    try:
        name = (home / CURRENT).read_text("utf-8").strip()
    except OSError:
        return None
    return home / name if name else None


def _point_current(home: Path, folder: Path) -> None:
    atomic_write(home / CURRENT, folder.name)


def _index_entries(
    writer,
    root: Path,
    vocab: Vocabulary,
    rels: list[str],
    files: _Files,
    manifest: Manifest,
    report: RefreshReport,
    progress: Progress | None,
    update: bool,
) -> None:
    from voorveld_cli.content import corpus  # parsing (and YAML) only when files must be read
    from voorveld_cli.content.model import ERROR

    for done, rel in enumerate(rels, 1):
        item = files.found[rel]
        problem = files.shadowed.get(rel)
        entry = None
        if problem is None:
            try:
                entry, problems = corpus.load_entry(item.kind, item.path, vocab)
            except FileNotFoundError:  # removed since the scan: simply gone
                manifest.files.pop(rel, None)
                if update:
                    writer.delete_by_term("path", rel)
                continue
            except corpus.Unreadable as err:  # reported, never recorded: tried again next time
                report.broken[rel] = str(err.problem)
                manifest.files.pop(rel, None)
                if update:
                    writer.delete_by_term("path", rel)
                continue
            errors = [p for p in problems if p.severity == ERROR]
            if entry is None or errors:
                problem = str(errors[0]) if errors else f"{rel}: onleesbaar"
        if problem is not None:
            report.broken[rel] = problem
            manifest.files[rel] = [*_stat_key(item.stat), problem]
            if update:
                writer.delete_by_term("path", rel)
        else:
            doc = document(entry, vocab, rel)
            if update:
                writer.update_document(**doc)
            else:
                writer.add_document(**doc)
            manifest.files[rel] = [*_stat_key(item.stat), None]
        if progress:
            progress(done, len(rels))


def _build_procs(files: int) -> int:
    """Writer processes for a full build: analysis runs in parallel on every core
    for a large corpus (2.2x faster at 10,000 files on 2 cores, see BENCHMARKS.md);
    a small one is not worth the start-up. VOORVELD_INDEX_PROCS overrides."""
    if os.environ.get("VOORVELD_INDEX_PROCS", "").isdigit():
        return max(1, int(os.environ["VOORVELD_INDEX_PROCS"]))
    return min(os.cpu_count() or 1, 4) if files >= PARALLEL_FROM else 1


def _build(
    root: Path, vocab: Vocabulary, storage_folder: Path | None, progress: Progress | None
) -> tuple[Any, Manifest, RefreshReport]:
    """A complete index in a new folder (or in memory when storage_folder is None)."""
    files = _scan(root)
    manifest = Manifest(SCHEMA_VERSION, ANALYZER, discover.stamp(root), shadowed=sorted(files.shadowed))
    total = len(files.found)
    report = RefreshReport(folder=storage_folder, rebuilt=True, added=total, total=total)
    report.notices += files.problems
    if storage_folder is None:
        ix = RamStorage().create_index(make_schema())
    else:
        storage_folder.mkdir(parents=True)
        ix = index.create_in(str(storage_folder), make_schema())
    procs = _build_procs(total) if storage_folder is not None else 1
    writer = ix.writer(procs=procs, multisegment=True, limitmb=128) if procs > 1 else ix.writer()
    try:
        _index_entries(
            writer, root, vocab, sorted(files.found), files, manifest, report, progress, update=False
        )
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    if storage_folder is not None:
        from voorveld_cli.views.records import plain

        (storage_folder / VOCAB_SNAPSHOT).write_text(
            json.dumps({"stamp": manifest.stamp, "vocabulary": plain(vocab.to_dict())}), "utf-8"
        )
        _write_synonyms(ix, storage_folder, vocab)
        manifest.write(storage_folder)
    return ix, manifest, report


def synonym_table(ix, vocab: Vocabulary) -> dict[str, list[str]]:
    """Names that mean the same: each law with its aliases, each term with its aliases."""
    groups = [[value.key, *value.aliases] for value in vocab.values("laws").values()]
    with ix.searcher() as searcher:
        groups += [doc["names"] for doc in searcher.documents(kind="term") if doc.get("names")]
    return synonyms.table(groups)


def _write_synonyms(ix, folder: Path, vocab: Vocabulary) -> None:
    atomic_write(folder / SYNONYMS, json.dumps(synonym_table(ix, vocab), ensure_ascii=False))


def read_synonyms(ix, vocab: Vocabulary) -> dict[str, list[str]]:
    folder = getattr(ix.storage, "folder", None)
    if folder:
        with contextlib.suppress(OSError, ValueError):
            return json.loads((Path(folder) / SYNONYMS).read_text("utf-8"))
    return synonym_table(ix, vocab)  # an in-memory index: compute it


def current_vocabulary(root: Path) -> tuple[Vocabulary, list]:
    """The vocabulary, from the index's snapshot when vocabulary.yml and sources.yml
    are unchanged (no YAML parsing on a plain search), else read from the files.
    Returns (vocabulary, problems)."""
    folder = _read_current(cache.index_home(root))
    if folder is not None:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError, IndexError):
            snapshot = json.loads((folder / VOCAB_SNAPSHOT).read_text("utf-8"))
            if snapshot["stamp"] == discover.stamp(root):
                return Vocabulary.from_dict(snapshot["vocabulary"]), []
    from voorveld_cli.content.vocabulary import load

    return load(root)


def open_index(
    root: Path,
    vocab: Vocabulary,
    *,
    rebuild: bool = False,
    wait: bool = False,
    progress: Progress | None = None,
) -> tuple[Any, RefreshReport]:
    """The up-to-date index for a content root, refreshing or rebuilding as needed.

    Never fails for a broken, stale or unwritable index: it rebuilds, or builds in
    memory, and says so in the report's notices. Builds are serialised by a lock
    file, so two processes never build the same index at once; a process that
    waited for another's build uses that build.
    """
    home = cache.index_home(root)
    notices: list[str] = []
    try:
        home.mkdir(parents=True, exist_ok=True)
        writable = os.access(home, os.W_OK)
    except OSError:
        writable = False
    if not writable:
        ix, _, report = _build(root, vocab, None, progress)
        report.persisted = False
        report.notices.append(
            f"kan de index niet opslaan in {home} (geen schrijfrechten); "
            "er wordt gezocht zonder opgeslagen index"
        )
        return ix, report

    if not rebuild:
        opened = _open_current(home, root, vocab, wait, progress, notices)
        if opened is not None:
            return opened
    lock = FileLock(str(home / BUILD_LOCK))
    lock.acquire(blocking=True)
    try:
        if not rebuild:  # another process may have built it while we waited
            opened = _open_current(home, root, vocab, wait, progress, [])
            if opened is not None:
                opened[1].notices[:0] = notices
                return opened
        new_folder = home / f"ix-{os.urandom(6).hex()}"
        ix, _, report = _build(root, vocab, new_folder, progress)
        old = _read_current(home)
        _point_current(home, new_folder)
        if old is not None and old.exists():
            os.utime(old)  # replaced now: the clean-up grace period starts here
        _remove_old(home, keep=new_folder)
    finally:
        lock.release()
    report.notices = notices + report.notices
    return ix, report


def _open_current(
    home: Path, root: Path, vocab: Vocabulary, wait: bool, progress: Progress | None, notices: list[str]
) -> tuple[Any, RefreshReport] | None:
    """The live index, refreshed; None when there is none or it must be rebuilt."""
    folder = _read_current(home)
    if folder is None:
        return None
    try:
        ix = index.open_dir(str(folder))
        manifest = Manifest.read(folder)
        stale = (manifest.schema_version, manifest.analyzer) != (SCHEMA_VERSION, ANALYZER)
        if stale or manifest.code != code_version():
            notices.append("index van een oudere versie; wordt opnieuw opgebouwd")
            return None
        if manifest.stamp != discover.stamp(root):
            return None  # vocabulary or sources changed: validity may change everywhere
        with ix.reader() as reader:  # touch the segment files: a half-deleted index fails here
            reader.doc_count()
            next(reader.all_stored_fields(), None)
        return ix, _refresh(ix, folder, manifest, root, vocab, wait, progress)
    except Exception as err:  # any damage means: rebuild
        notices.append(f"index beschadigd ({type(err).__name__}); wordt opnieuw opgebouwd")
        return None


def _refresh(
    ix, folder: Path, manifest: Manifest, root: Path, vocab: Vocabulary, wait: bool, progress: Progress | None
) -> RefreshReport:
    files = _scan(root)
    scan = files.found
    report = RefreshReport(folder=folder, total=len(scan), notices=list(files.problems))
    known = manifest.files
    # A file whose id another file took (or gave back) is re-indexed as well.
    moved = set(files.shadowed).symmetric_difference(manifest.shadowed or ())
    added = [rel for rel in scan if rel not in known]
    changed = [
        rel for rel in scan if rel in known and (known[rel][:-1] != _stat_key(scan[rel].stat) or rel in moved)
    ]
    deleted = [rel for rel in known if rel not in scan]
    report.broken = {rel: info[-1] for rel, info in known.items() if rel in scan and info[-1]}
    manifest.shadowed = sorted(files.shadowed)
    if not (added or changed or deleted):
        return report
    try:
        writer = ix.writer(timeout=WRITE_TIMEOUT if wait else 0.5)
    except index.LockError:
        # Another voorveld is writing this index right now; serve what is there.
        report.notices.append("de index wordt elders bijgewerkt; resultaten kunnen net verouderd zijn")
        return report
    try:
        for rel in deleted:
            writer.delete_by_term("path", rel)
            known.pop(rel, None)
            report.broken.pop(rel, None)
        for rel in changed:
            report.broken.pop(rel, None)
        _index_entries(
            writer, root, vocab, sorted(added + changed), files, manifest, report, progress, update=True
        )
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    if any(rel.startswith(schema.FOLDERS["term"] + "/") for rel in added + changed + deleted):
        _write_synonyms(ix, folder, vocab)
    manifest.write(folder)
    report.added, report.changed, report.deleted = len(added), len(changed), len(deleted)
    return report


def _remove_old(home: Path, keep: Path) -> None:
    """Delete replaced or abandoned index folders once no reader can still be opening them."""
    cutoff = time.time() - STALE_AFTER
    for child in home.iterdir():
        if child.is_dir() and child.name.startswith("ix-") and child != keep:
            with contextlib.suppress(OSError):
                if child.stat().st_mtime <= cutoff:
                    shutil.rmtree(child, ignore_errors=True)

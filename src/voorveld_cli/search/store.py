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
import errno
import functools
import json
import os
import pickle
import shutil
import struct
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from whoosh import index
from whoosh.filedb.filestore import RamStorage

from voorveld_cli import settings
from voorveld_cli.content import discover, kinds
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.files import atomic_write
from voorveld_cli.search import cache, facets, filedoc, freshness, holder, synonyms, workers
from voorveld_cli.search.analysis import ANALYZER
from voorveld_cli.search.buildlock import BuildLock, LockTimeout
from voorveld_cli.search.cache import CURRENT, MANIFEST
from voorveld_cli.search.documents import make_schema

SCHEMA_VERSION = 15  # bump when the analysis, the documents or the layout of the derived files change
FILE_TABLE = "files.json"  # every file's stat key and problem, read only when something changed
VOCAB_SNAPSHOT = "vocabulary.json"
SYNONYMS = "synonyms.json"
WRITE_TIMEOUT = 30.0  # seconds an explicit `voorveld index` waits for another writer
BUILD_LOCK = "build.lock"
PARALLEL_FROM = 500  # files; below this a full build uses one writer process
LIMIT_MB = 96  # postings a build worker keeps in memory before it spills a run (100k: under 1 GB summed)
STALE_AFTER = 60.0  # seconds a replaced index folder is kept for readers that may still open it
LOCK_WAIT = 120.0  # seconds a process waits for another's full build before giving up on it
BUILDING = "BUILDING"  # marker in a folder under construction: who builds it
# Segments as plain files, not one compound file: Whoosh copies every part of a
# compound file into memory when a reader opens it (50 ms per search at 10,000 entries).
WRITER = {"compound": False}
# What a damaged or tampered index can raise while it is opened or read. Anything
# else is a bug and must show as one, not vanish into a rebuild.
INDEX_FAULTS = (
    OSError,
    ValueError,  # includes JSON and UTF-8 errors
    KeyError,
    TypeError,
    IndexError,
    EOFError,
    struct.error,
    zlib.error,
    index.IndexError,
    pickle.UnpicklingError,
)
# What damaged segment files raise mid-search (the open-time check reads less).
READ_FAULTS = (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError, index.IndexError)
FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


class IndexBusy(Exception):
    """Another live process has been building this index for longer than LOCK_WAIT."""


Progress = Callable[[int, int], None]


def code_version() -> list:
    """The code an index was made by: package version, index schema, validation rules.
    Any change means a full rebuild, so an upgrade never serves old verdicts."""
    import voorveld_cli

    return [voorveld_cli.__version__, SCHEMA_VERSION, kinds.RULES_VERSION]


@dataclass
class Manifest:
    """What an index was made from: versions, stamps, every file's stat key and problems."""

    schema_version: int = SCHEMA_VERSION
    analyzer: str = ANALYZER
    stamp: list = field(default_factory=list)  # vocabulary.yml and sources.yml (mtime, size)
    files: dict[str, list] = field(default_factory=dict)  # rel path -> [stat key, problem|None]
    code: list = field(default_factory=code_version)
    shadowed: list = field(default_factory=list)  # rel paths whose id an earlier file has
    # Read from the header alone: the files with a problem, the scan key of `files`
    # (freshness.scan_key) and their number.
    broken: dict[str, str] = field(default_factory=dict)
    scan_key: str = ""
    count: int = 0

    @classmethod
    def read(cls, folder: Path, *, files: bool = True) -> Manifest:
        """The manifest, checked for shape: the cache is untrusted input (ValueError if off).
        files=False reads the header only (a search whose files are unchanged needs no more)."""
        data = json.loads((folder / MANIFEST).read_bytes().decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("manifest has the wrong structure")
        shadowed, broken, key = data.get("shadowed") or [], data.get("broken"), data.get("scan_key")
        count = data.get("count", 0)  # 0: an older header, which the format check turns away
        if not (
            isinstance(count, int)
            and isinstance(shadowed, list)
            and all(isinstance(rel, str) for rel in shadowed)
            and isinstance(broken, dict)
            and all(isinstance(v, str) for v in broken.values())
            and isinstance(key, str)
        ):
            raise ValueError("manifest has the wrong structure")
        table: dict[str, list] = {}
        if files:
            table = json.loads((folder / FILE_TABLE).read_bytes().decode("utf-8"))
            if not isinstance(table, dict) or not all(_file_row(row) for row in table.values()):
                raise ValueError("manifest has the wrong structure")
        return cls(
            data["schema_version"],
            data.get("analyzer", ""),
            data["stamp"],
            table,
            data.get("code") or [],
            shadowed,
            broken,
            key,
            count,
        )

    def write(self, folder: Path) -> None:
        """The file table first, the header last: a header names the table it goes with
        through its scan key, so a write cut short is a mismatch, not a wrong answer."""
        atomic_write(folder / FILE_TABLE, json.dumps(self.files))
        rels = sorted(self.files)
        data = {
            "schema_version": self.schema_version,
            "analyzer": self.analyzer,
            "stamp": self.stamp,
            "code": self.code,
            "shadowed": self.shadowed,
            "broken": {rel: row[-1] for rel, row in self.files.items() if row[-1]},
            "scan_key": freshness.scan_key(rels, (self.files[rel][:-1] for rel in rels)),
            "count": len(rels),
        }
        atomic_write(folder / MANIFEST, json.dumps(data))


def _file_row(row) -> bool:
    """[mtime_ns, size, ctime_ns, inode, problem or None]"""
    return (
        isinstance(row, list)
        and len(row) == 5
        and all(isinstance(n, int) for n in row[:4])
        and (row[4] is None or isinstance(row[4], str))
    )


@dataclass
class RefreshReport:
    """What opening an index did: rebuilt or refreshed, files added, changed or deleted, problems."""

    folder: Path | None
    rebuilt: bool = False
    added: int = 0
    changed: int = 0
    deleted: int = 0
    broken: dict[str, str] = field(default_factory=dict)  # rel path -> first problem
    total: int = 0
    notices: list[str] = field(default_factory=list)
    persisted: bool = True
    fault: str | None = None  # why the cache could not take this index (full, read-only, ...)
    unchecked: freshness.Check | None = None  # a freshness check still running (check="beside")

    @property
    def files_changed(self) -> bool:
        """Files added, changed or deleted since the index was made (applied by a refresh,
        or, where the cache could not take them, only found)."""
        return bool(self.added or self.changed or self.deleted)


@dataclass
class _Files:
    """A stat of every content file (reads nothing): what to index and what not."""

    found: dict[str, discover.Found]
    problems: list[str]  # folders and files that could not be read
    shadowed: dict[str, str]  # rel -> why it is left out (its id is taken)


def _scan(root: Path) -> _Files:
    scan = discover.scan(root)
    found = {item.rel: item for item in scan.files}
    shadows = discover.shadowed(scan.files)
    return _Files(
        found,
        [str(problem) for problem in scan.problems],
        {rel: str(discover.shadow_problem(found[rel], winner)) for rel, winner in shadows.items()},
    )


def _point_current(home: Path, folder: Path) -> None:
    if (home / CURRENT).is_dir() and not (home / CURRENT).is_symlink():
        shutil.rmtree(home / CURRENT)  # not a pointer of ours: replace it
    atomic_write(home / CURRENT, folder.name)


def _index_entries(
    writer,
    vocab: Vocabulary,
    rels: list[str],
    files: _Files,
    manifest: Manifest,
    report: RefreshReport,
    progress: Progress | None,
    update: bool,
) -> None:
    """Read each file in this process and add (or update) its document."""
    for done, rel in enumerate(rels, 1):
        item = files.found[rel]
        status, value = filedoc.read(item.kind, item.path, rel, files.shadowed.get(rel), vocab)
        if status == filedoc.INDEXED:
            if update:
                writer.update_document(**value)
            else:
                writer.add_document(**value)
        elif update:
            writer.delete_by_term("path", rel)
        _record(rel, status, value, item.stat, manifest, report)
        if progress:
            progress(done, len(rels))


def _record(rel: str, status: str, value, stat, manifest: Manifest, report: RefreshReport) -> None:
    """What a file's outcome (filedoc.read) means for the manifest and the report."""
    if status == filedoc.INDEXED:
        manifest.files[rel] = [*discover.stat_key(stat), None]
    elif status == filedoc.BROKEN:
        report.broken[rel] = value
        manifest.files[rel] = [*discover.stat_key(stat), value]
    else:  # gone, or unreadable now: not recorded, so it is tried again next time
        if status == filedoc.UNREADABLE:
            report.broken[rel] = value
        manifest.files.pop(rel, None)


def _build_procs(files: int, chosen: int | None) -> int:
    """Worker processes for a full build: reading, validation and analysis run on every
    core for a large corpus (parallel.py; at 10,000 files on 2 cores about 1.8x faster
    than one process, benchmarks/NOTES.md); a small one is not worth the start-up.
    `chosen` (VOORVELD_INDEX_PROCS) overrides."""
    if chosen is not None:
        return chosen
    return min(os.cpu_count() or 1, 4) if files >= PARALLEL_FROM else 1


def _build(
    root: Path,
    vocab: Vocabulary,
    storage_folder: Path | None,
    progress: Progress | None,
    procs: int | None = None,
) -> tuple[Any, Manifest, RefreshReport]:
    """A complete index in a new folder (or in memory when storage_folder is None).
    On any failure, or Ctrl-C or SIGTERM, the workers are stopped and the folder removed."""
    files = _scan(root)
    manifest = Manifest(SCHEMA_VERSION, ANALYZER, discover.stamp(root), shadowed=sorted(files.shadowed))
    total = len(files.found)
    report = RefreshReport(folder=storage_folder, rebuilt=True, added=total, total=total)
    report.notices += files.problems
    if storage_folder is None:
        ix = RamStorage().create_index(make_schema())
        _fill(ix, vocab, files, manifest, report, progress)
        return ix, manifest, report
    try:
        storage_folder.mkdir(parents=True)
        atomic_write(storage_folder / BUILDING, json.dumps(holder.me()))
        ix = index.create_in(str(storage_folder), make_schema())
        procs = _build_procs(total, procs)
        with workers.parallel_build():
            if procs > 1:
                _fill_parallel(ix, vocab, files, manifest, report, progress, procs)
            else:
                _fill(ix, vocab, files, manifest, report, progress)
        _write_derived(ix, storage_folder, manifest, vocab)
        (storage_folder / BUILDING).unlink()
    except BaseException:
        shutil.rmtree(storage_folder, ignore_errors=True)
        raise
    return ix, manifest, report


def _fill(ix, vocab: Vocabulary, files: _Files, manifest, report, progress) -> None:
    """A fresh index filled by this process alone."""
    from voorveld_cli.search.pool import FreshWriter  # the build's parts load only for a build

    writer = FreshWriter(ix, **WRITER)
    try:
        _index_entries(writer, vocab, sorted(files.found), files, manifest, report, progress, update=False)
        writer.commit()
    except BaseException:
        workers.stop(writer)
        raise


def _fill_parallel(ix, vocab: Vocabulary, files: _Files, manifest, report, progress, procs: int) -> None:
    """A fresh index filled by `procs` worker processes that read the files themselves."""
    from voorveld_cli.search import parallel  # multiprocessing and the writer: only for a build

    rels = sorted(files.found)
    jobs = [(rel, files.found[rel].kind, str(files.found[rel].path), files.shadowed.get(rel)) for rel in rels]
    runs = parallel.split(jobs, [files.found[rel].stat.st_size for rel in rels], procs)
    build = parallel.ParallelBuild(ix, vocab, runs, limitmb=LIMIT_MB, **WRITER)
    done = 0

    def tell(files_done: int) -> None:
        nonlocal done
        done += files_done
        if progress:
            progress(done, len(rels))

    try:
        left_out = build.commit(tell)
    except BaseException:
        workers.stop(build)
        raise
    for rel in rels:
        status, value = left_out.get(rel, (filedoc.INDEXED, None))
        _record(rel, status, value, files.found[rel].stat, manifest, report)


def _write_derived(ix, folder: Path, manifest: Manifest, vocab: Vocabulary) -> None:
    """The vocabulary snapshot, the synonym table and the manifest (last: it marks the folder complete)."""
    from voorveld_cli.views.records import plain

    words = plain(vocab.to_dict())
    snapshot = {"stamp": manifest.stamp, "check": _checksum(words), "vocabulary": words}
    atomic_write(folder / VOCAB_SNAPSHOT, json.dumps(snapshot))
    _write_synonyms(ix, folder, vocab)
    _write_facets(ix, folder)
    manifest.write(folder)


def _checksum(data) -> int:
    """Catches a hand-edited snapshot: it must be what this code wrote."""
    return zlib.crc32(json.dumps(data, sort_keys=True).encode("utf-8"))


def synonym_table(ix, vocab: Vocabulary) -> dict[str, list[str]]:
    """Names that mean the same: each law with its aliases, each term with its aliases."""
    groups = [[value.key, *value.aliases] for value in vocab.values("laws").values()]
    with ix.searcher() as searcher:
        groups += [doc["names"] for doc in searcher.documents(kind="term") if doc.get("names")]
    return synonyms.table(groups)


def _write_facets(ix, folder: Path) -> None:
    with ix.reader() as reader:
        facets.write(folder, reader)


def _write_synonyms(ix, folder: Path, vocab: Vocabulary) -> None:
    """The table as JSON after a line with its checksum: the reader knows what this
    code wrote without checking every entry's type (4,000 names at 10,000 entries)."""
    body = json.dumps(synonym_table(ix, vocab), ensure_ascii=False).encode("utf-8")
    atomic_write(folder / SYNONYMS, f"{zlib.crc32(body)}\n".encode("ascii") + body)


def read_synonyms(ix, vocab: Vocabulary) -> dict[str, list[str]]:
    folder = getattr(ix.storage, "folder", None)
    if folder:
        with contextlib.suppress(OSError, ValueError):
            check, _, body = (Path(folder) / SYNONYMS).read_bytes().partition(b"\n")
            if check.isdigit() and int(check) == zlib.crc32(body):
                table = json.loads(body.decode("utf-8"))
                if isinstance(table, dict):
                    return table
    return synonym_table(ix, vocab)  # an in-memory index, or a damaged table: compute it


def current_vocabulary(root: Path) -> tuple[Vocabulary, list]:
    """The vocabulary, from the index's snapshot when vocabulary.yml and sources.yml
    are unchanged (no YAML parsing on a plain search), else read from the files.
    Returns (vocabulary, problems). A snapshot that is not what this code wrote is ignored."""
    home = cache.index_home(root)
    folder = cache.live_folder(home) or _adopt_shipped(home, root)
    if folder is not None:
        with contextlib.suppress(*INDEX_FAULTS, AttributeError):
            snapshot = json.loads((folder / VOCAB_SNAPSHOT).read_bytes().decode("utf-8"))
            if snapshot["stamp"] == discover.stamp(root) and snapshot["check"] == _checksum(
                snapshot["vocabulary"]
            ):
                return Vocabulary.from_dict(snapshot["vocabulary"]), []
    from voorveld_cli.content.vocabulary import load

    return load(root)


CheckMode = Literal["here", "beside", "changed"]  # how open_index learns whether a file changed


def open_index(
    root: Path,
    vocab: Vocabulary,
    *,
    rebuild: bool = False,
    wait: bool = False,
    progress: Progress | None = None,
    config: settings.Settings | None = None,
    check: CheckMode = "here",
) -> tuple[Any, RefreshReport]:
    """The up-to-date index for a content root, refreshing or rebuilding as needed.
    `config` (the cache folder, the build's processes) defaults to the current settings.
    `check` says how to learn whether a file changed since the index was made: "here"
    (stat every file), "beside" (a large corpus's check may still be running, in
    report.unchecked: ask it before trusting the index; freshness.py) or "changed"
    (a check beside the search found a change: compare file by file at once).

    Never fails for a broken, stale, unwritable or full cache: it rebuilds, serves
    the old index, or builds in memory, and says so in the report's notices. Full
    builds are serialised by a lock file, so two processes never build the same
    index at once; a process that waited for another's build uses that build.
    Raises IndexBusy only for an explicit `index` (wait=True) that waited in vain.
    """
    config = config or settings.current()
    home = cache.index_home(root, config.cache_dir)
    refusal = _unusable(home, root)
    if refusal:
        return _in_memory(root, vocab, progress, refusal)
    _sweep(home)
    if not os.access(home, os.W_OK):
        return _read_only(home, root, vocab, progress)
    notices: list[str] = []
    if not rebuild:
        if cache.live_folder(home) is None:
            _adopt_shipped(home, root)
        opened = _open_current(home, root, vocab, wait, progress, notices, check)
        if opened is not None:
            return opened
    try:
        with BuildLock(home / BUILD_LOCK, LOCK_WAIT):
            ix, report = _build_locked(home, root, vocab, rebuild, wait, progress, config.index_procs)
    except LockTimeout as err:
        busy = f"een ander voorveld-proces (pid {err.owner.get('pid', '?')}) bouwt de index al"
        if wait:
            raise IndexBusy(f"{busy}; probeer het later opnieuw") from None
        return _in_memory(root, vocab, progress, busy)
    except OSError as err:
        if not _storage_fault(err, home):
            raise
        return _fall_back(home, root, vocab, progress, _storage_message(err, home), notices)
    except workers.WorkerDied as err:  # killed, out of memory: the old index, else one in memory
        return _fall_back(home, root, vocab, progress, f"een indexproces stopte onverwacht ({err})", notices)
    report.notices = notices + report.notices
    return ix, report


def _build_locked(home, root, vocab, rebuild, wait, progress, procs) -> tuple[Any, RefreshReport]:
    if not rebuild:  # another process may have built it while we waited
        opened = _open_current(home, root, vocab, wait, progress, [])
        if opened is not None:
            return opened
    new_folder = home / f"ix-{os.urandom(6).hex()}"
    ix, _, report = _build(root, vocab, new_folder, progress, procs)
    old = cache.live_folder(home)
    _point_current(home, new_folder)
    if old is not None:
        with contextlib.suppress(OSError):
            os.utime(old)  # replaced now: the clean-up grace period starts here
    _sweep(home)
    return ix, report


def _unusable(home: Path, root: Path) -> str | None:
    """Why the index cannot be stored under `home` at all, or None."""
    if home.resolve().is_relative_to(root.resolve()):
        return f"{cache.ENV_VAR} ligt in de content-map ({home.parent}); daar komt geen index"
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        blocker = next((p for p in (home, *home.parents) if p.exists() and not p.is_dir()), None)
        why = f"{blocker} is een bestand, geen map" if blocker else _reason(err)
        return f"kan de index niet opslaan in {home} ({why})"
    return None


def _reason(err: OSError) -> str:
    if err.errno in FULL:
        return "de schijf is vol"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "geen schrijfrechten"
    return err.strerror or type(err).__name__


def _storage_fault(err: OSError, home: Path) -> bool:
    """A failure to write the cache (not to read the content)."""
    return err.errno in FULL or err.filename is None or str(err.filename).startswith(str(home))


def _storage_message(err: OSError, home: Path) -> str:
    return f"kan de index niet opslaan in {home} ({_reason(err)})"


def _in_memory(root, vocab, progress, why: str) -> tuple[Any, RefreshReport]:
    ix, _, report = _build(root, vocab, None, progress)
    report.persisted = False
    report.fault = why
    report.notices.append(f"{why}; er wordt gezocht zonder opgeslagen index")
    return ix, report


def _fall_back(home, root, vocab, progress, why: str, notices: list[str]) -> tuple[Any, RefreshReport]:
    """The cache cannot take a new index: serve the old one as it is, else search in memory."""
    folder = cache.live_folder(home)
    with contextlib.suppress(*INDEX_FAULTS):
        if folder is not None:
            ix = index.open_dir(str(folder))
            manifest = Manifest.read(folder)
            if _same_format(manifest) and manifest.stamp == discover.stamp(root):
                report = _compare(manifest, _scan(root), folder)
                report.fault = why
                report.notices = [*notices, f"{why}; de bestaande index wordt gebruikt"]
                if report.files_changed:
                    report.notices[-1] += " (niet bijgewerkt)"
                return ix, report
    return _in_memory(root, vocab, progress, why)


def _read_only(home, root, vocab, progress) -> tuple[Any, RefreshReport]:
    """A cache without write access: use its index when it is current, else search in memory."""
    folder = cache.live_folder(home)
    with contextlib.suppress(*INDEX_FAULTS):
        if folder is not None:
            ix = index.open_dir(str(folder))
            manifest = Manifest.read(folder)
            report = _compare(manifest, _scan(root), folder)
            if _same_format(manifest) and manifest.stamp == discover.stamp(root) and not report.files_changed:
                return ix, report
    return _in_memory(root, vocab, progress, f"kan de index niet opslaan in {home} (geen schrijfrechten)")


def _adopt_shipped(home: Path, root: Path) -> Path | None:
    """First use of the bundled corpus: the index the wheel ships (shipped.py), if it fits."""
    from voorveld_cli.settings import is_packaged

    if not is_packaged(root):
        return None
    from voorveld_cli.search import shipped

    try:
        home.mkdir(parents=True, exist_ok=True)
        with BuildLock(home / BUILD_LOCK, LOCK_WAIT):
            return cache.live_folder(home) or shipped.adopt(home, root)
    except (OSError, ValueError, KeyError, LockTimeout):
        return None


def _open_current(
    home: Path,
    root: Path,
    vocab: Vocabulary,
    wait: bool,
    progress: Progress | None,
    notices: list[str],
    check: CheckMode = "here",
) -> tuple[Any, RefreshReport] | None:
    """The live index, refreshed (or with its check still running beside: see open_index);
    None when there is none or it must be rebuilt."""
    folder = cache.live_folder(home)
    if folder is None:
        return None
    try:
        header = Manifest.read(folder, files=False)
        if not _same_format(header):
            notices.append("index van een oudere versie; wordt opnieuw opgebouwd")
            return None
        # started first, so that it runs while this process opens the index, too
        pending = freshness.beside(root, header.scan_key, header.count) if check == "beside" else None
        ix = None
        try:
            ix = _open_recorded(folder, header, root, notices)
        finally:
            if pending is not None and ix is None:
                pending.cancel()
        if ix is None:
            return None
        as_recorded = RefreshReport(folder, total=header.count, broken=dict(header.broken), unchecked=pending)
        if pending is not None or (check != "changed" and freshness.current_key(root) == header.scan_key):
            return ix, as_recorded
        manifest = Manifest.read(folder)  # something changed: compare file by file
    except INDEX_FAULTS as err:  # damage means: rebuild
        notices.append(f"index beschadigd ({type(err).__name__}); wordt opnieuw opgebouwd")
        return None
    return ix, _refresh(ix, folder, manifest, root, vocab, wait, progress)


def _open_recorded(folder: Path, header: Manifest, root: Path, notices: list[str]):
    """The index as recorded, whole and made for these fields and this vocabulary; None
    when it must be rebuilt."""
    ix = index.open_dir(str(folder))
    if not _same_fields(ix):
        notices.append("index van een oudere versie; wordt opnieuw opgebouwd")
        return None
    if header.stamp != discover.stamp(root):
        return None  # vocabulary or sources changed: validity may change everywhere
    with ix.reader() as reader:  # touch the segment files: a half-deleted index fails here
        reader.doc_count()
        next(reader.all_stored_fields(), None)
    return ix


def _same_format(manifest: Manifest) -> bool:
    """Made by this code: index schema, analyzer, package version and validation rules."""
    same = (manifest.schema_version, manifest.analyzer) == (SCHEMA_VERSION, ANALYZER)
    return same and manifest.code == code_version()


def _same_fields(ix) -> bool:
    """The index has the fields this code writes. An index from other code under the
    same version numbers (a development build) would otherwise fail on its first refresh."""
    return set(ix.schema.names()) == _field_names()


@functools.cache
def _field_names() -> set[str]:
    from whoosh.analysis import IDTokenizer

    return set(make_schema(IDTokenizer()).names())  # names only: no Dutch analyzer to build


def _changes(manifest: Manifest, files: _Files) -> tuple[list[str], list[str], list[str]]:
    """Added, changed and deleted files since the manifest was written. A file whose id
    another file took (or gave back) counts as changed."""
    known, scan = manifest.files, files.found
    moved = set(files.shadowed).symmetric_difference(manifest.shadowed or ())
    added = [rel for rel in scan if rel not in known]
    changed = [
        rel
        for rel in scan
        if rel in known and (known[rel][:-1] != discover.stat_key(scan[rel].stat) or rel in moved)
    ]
    deleted = [rel for rel in known if rel not in scan]
    return added, changed, deleted


_Changes = tuple[list[str], list[str], list[str]]  # added, changed, deleted


def _compare(
    manifest: Manifest, files: _Files, folder: Path, changes: _Changes | None = None
) -> RefreshReport:
    added, changed, deleted = changes or _changes(manifest, files)
    report = RefreshReport(folder=folder, total=len(files.found), notices=list(files.problems))
    report.added, report.changed, report.deleted = len(added), len(changed), len(deleted)
    report.broken = {rel: info[-1] for rel, info in manifest.files.items() if rel in files.found and info[-1]}
    return report


def _refresh(
    ix, folder: Path, manifest: Manifest, root: Path, vocab: Vocabulary, wait: bool, progress: Progress | None
) -> RefreshReport:
    files = _scan(root)
    added, changed, deleted = _changes(manifest, files)
    report = _compare(manifest, files, folder, (added, changed, deleted))
    report.added = report.changed = report.deleted = 0
    known = manifest.files
    manifest.shadowed = sorted(files.shadowed)
    if not (added or changed or deleted):
        return report
    try:
        writer = ix.writer(timeout=WRITE_TIMEOUT if wait else 0.5, **WRITER)
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
        _index_entries(writer, vocab, sorted(added + changed), files, manifest, report, progress, update=True)
        writer.commit()
        if any(rel.startswith(kinds.FOLDERS["term"] + "/") for rel in added + changed + deleted):
            _write_synonyms(ix, folder, vocab)
        _write_facets(ix, folder)
        manifest.write(folder)
    except OSError as err:
        with contextlib.suppress(*INDEX_FAULTS):
            writer.cancel()
        if not _storage_fault(err, folder.parent):
            raise
        # The old index is still whole (a commit is atomic): serve it, not updated.
        report.fault = _storage_message(err, folder.parent)
        report.notices.append(f"{report.fault}; de index is niet bijgewerkt")
        return report
    except BaseException:
        writer.cancel()
        raise
    report.added, report.changed, report.deleted = len(added), len(changed), len(deleted)
    return report


def _sweep(home: Path) -> None:
    """Remove debris: folders of builds whose builder is gone (killed, crashed, disk
    full), and replaced folders once no reader can still be opening them."""
    cutoff = time.time() - STALE_AFTER
    live = cache.live_folder(home)
    with contextlib.suppress(OSError):
        for child in home.iterdir():
            if child == live or not child.name.startswith("ix-") or not child.is_dir():
                continue
            with contextlib.suppress(OSError):
                if (child / BUILDING).exists() or not (child / MANIFEST).exists():
                    owner = holder.read(child / BUILDING)
                    if owner is not None and holder.alive(owner):
                        continue  # a build in progress
                    if owner is None and child.stat().st_mtime > cutoff:
                        continue  # just created, marker not yet written
                elif child.stat().st_mtime > cutoff:
                    continue
                shutil.rmtree(child, ignore_errors=True)
        for tmp in home.glob(f"{CURRENT}.*.tmp"):
            if tmp.stat().st_mtime <= cutoff:
                tmp.unlink()

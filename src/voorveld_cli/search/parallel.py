"""A full build on every core: worker processes read, validate and index the files.

The files, in path order, are cut into one run of about equal bytes per worker.
Each worker parses and validates its own files (filedoc.py), makes the documents
and writes one segment with a FreshWriter (pool.py); the parent only scans, counts
progress and puts the segments in the table of contents in run order, so the
documents are numbered as a one-process build numbers them (ties rank the same).
Whoosh's MpWriter instead had the parent parse every file and pickle every
document to the workers: on two cores the parent's serial work held them up.

The process rules (die with the parent, ignore Ctrl-C, close the build lock) are
those of workers.py, which arms them around every fork of a build.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable
from pathlib import Path

from whoosh.index import TOC, clean_files

from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.search import filedoc, workers
from voorveld_cli.search.pool import FreshWriter

TELL_EVERY = 50  # files between a worker's progress messages
POLL = 0.5  # seconds between checks that the workers still live

Job = tuple[str, str, str, "str | None"]  # rel, kind, path, why it is left out (its id is taken)
LeftOut = dict[str, tuple[str, "str | None"]]  # rel -> (filedoc status, problem)
_FORK = multiprocessing.get_context("fork")  # workers.py's rules are armed around a fork


def split(jobs: list[Job], sizes: list[int], parts: int) -> list[list[Job]]:
    """`jobs` cut into `parts` runs, in order, of about equal total size."""
    total = sum(sizes) or 1
    runs: list[list[Job]] = [[] for _ in range(parts)]
    done = 0
    for job, size in zip(jobs, sizes, strict=True):
        middle = 2 * done + size  # twice the file's middle, in bytes from the start
        runs[min(parts - 1, middle * parts // (2 * total))].append(job)
        done += size
    return runs


class _Worker(_FORK.Process):  # type: ignore[name-defined]
    def __init__(self, number: int, ix, vocab: Vocabulary, jobs: list[Job], results, writer_args: dict):
        super().__init__(daemon=True)
        self.number, self.ix, self.vocab, self.jobs = number, ix, vocab, jobs
        self.results, self.writer_args = results, writer_args

    def run(self) -> None:
        writer = FreshWriter(self.ix, _lk=False, **self.writer_args)
        left_out: LeftOut = {}
        for done, (rel, kind, path, shadow) in enumerate(self.jobs, 1):
            status, value = filedoc.read(kind, Path(path), rel, shadow, self.vocab)
            if status == filedoc.INDEXED:
                writer.add_document(**value)
            else:
                left_out[rel] = (status, value)
            if done % TELL_EVERY == 0:
                self.results.put(("done", TELL_EVERY))
        self.results.put(("done", len(self.jobs) % TELL_EVERY))
        if writer.docnum:
            segment = writer._finalize_segment()
        else:
            writer._close_segment()
            segment = None
        self.results.put(("segment", self.number, left_out, segment))


class ParallelBuild:
    """Fills a fresh index with one worker process per run of jobs. `tasks` are the
    processes (workers.stop ends them)."""

    def __init__(self, ix, vocab: Vocabulary, runs: list[list[Job]], **writer_args):
        self.ix = ix
        self.lock = ix.lock("WRITELOCK")
        self.lock.acquire()
        self.results = _FORK.Queue()
        self.tasks = [
            _Worker(n, ix, vocab, jobs, self.results, writer_args) for n, jobs in enumerate(runs) if jobs
        ]
        try:
            with workers.forking():
                for task in self.tasks:
                    task.start()
        except BaseException:  # a stop while they started: none may outlive this
            self.cancel()
            raise

    def commit(self, progress: Callable[[int], None] | None = None) -> LeftOut:
        """Wait for every worker, then write the table of contents; the files left out."""
        left_out: LeftOut = {}
        segments: dict[int, object] = {}
        finished = 0
        while finished < len(self.tasks):  # results before join: a worker exits once they are sent
            message = self._next()
            if message[0] == "done":
                if progress:
                    progress(message[1])
                continue
            _, number, part, segment = message
            left_out.update(part)
            if segment is not None:
                segments[number] = segment
            finished += 1
        for task in self.tasks:
            task.join()
        ordered = [segments[n] for n in sorted(segments)]
        generation = self.ix._read_toc().generation + 1
        TOC(self.ix.schema, ordered, generation).write(self.ix.storage, self.ix.indexname)
        clean_files(self.ix.storage, self.ix.indexname, generation, ordered)
        self._finish()
        return left_out

    def cancel(self) -> None:
        for task in self.tasks:
            if task.is_alive():
                task.terminate()
        for task in self.tasks:
            if task.pid is not None:
                task.join(5)
        self._finish()

    def _finish(self) -> None:
        self.ix.storage.temp_storage(f"{self.ix.indexname}.tmp").destroy()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _next(self):
        while True:
            try:
                return self.results.get(timeout=POLL)
            except queue.Empty:
                for task in self.tasks:
                    if task.exitcode not in (None, 0):
                        raise workers.WorkerDied(f"exitcode {task.exitcode}") from None

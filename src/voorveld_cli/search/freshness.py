"""Is the index still the index of the files? One digest of every file's stat.

The manifest records a digest of every content file's path and stat key
(`scan_key`). Before a search answers, the same digest is made from a stat of
every file (discover.stat_rows): equal means no file was added, changed or
removed, and the index is used as it is.

At 10,000 files those stat calls take about 30 ms, most of it in the kernel: a
floor as long as every file is looked at. On a corpus that large the check runs
in a forked process beside the search (`beside`). The search uses the index as
recorded; when the check finds a change, the caller refreshes the index and, if
that updated it, throws the answer away and searches again. So the answer is that
of the files as they are, as when the check runs first (the exceptions are the old
ones: a busy writer or a full disk serve the old index, with a notice).
docs/decisions/0014-flat-search-cost.md has the measurements.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import signal
import sys
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

from voorveld_cli.content import discover
from voorveld_cli.search.workers import forking

# Below this many files the stat pass costs less than a fork, its pipe and its exit
# (about 2 ms of CPU here).
BESIDE_FROM = 1000
KEY_LENGTH = 32  # hex digits of scan_key


def scan_key(rels: list[str], keys: Iterable[Iterable[int]]) -> str:
    """Every recorded file's path and stat key, sorted by path, as one digest: the same
    digest from discover.stat_rows means no file was added, changed or removed (BLAKE2b,
    128 bits: exact but for a 2^-128 chance). A file left out of the table (unreadable,
    to be tried again) makes it differ. At 10,000 files it takes 2 ms; the text of the
    rows took 7, and made the manifest's header 0.9 MB of JSON to read."""
    digest = hashlib.blake2b("\0".join(rels).encode("utf-8", "surrogateescape"), digest_size=16)
    rows = [tuple(key) for key in keys]  # the manifest's are lists, the stat pass's tuples
    try:
        digest.update(array("q", itertools.chain.from_iterable(rows)))
    except OverflowError:  # a number past 63 bits (an inode on some network file systems)
        digest.update(repr(rows).encode())
    return digest.hexdigest()


def current_key(root: Path) -> str | None:
    """scan_key of the files as they are now; None when something is out of the
    ordinary (discover.scan then says what)."""
    rows = discover.stat_rows(root)
    return None if rows is None else scan_key(*rows)


class Check:
    """A freshness check running in another process. Ask it once: fresh() waits for
    its answer, cancel() stops it; either ends the process."""

    def __init__(self, pid: int, answer: int, recorded: str):
        self._pid, self._answer, self._recorded = pid, answer, recorded
        self._fresh: bool | None = None  # the answer, once known

    def fresh(self) -> bool:
        """Wait for the check: True when every file is as recorded."""
        if self._fresh is None:
            said = b""
            try:
                while chunk := os.read(self._answer, 64):
                    said += chunk
            finally:
                self._end()
            self._fresh = len(said) == KEY_LENGTH and said == self._recorded.encode()
        return self._fresh

    def cancel(self) -> None:
        """Stop the check: its answer is not needed."""
        if self._fresh is None:
            self._fresh = False
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)  # before the wait, so the pid is still ours
            self._end()

    def _end(self) -> None:
        os.close(self._answer)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._pid, 0)


def beside(root: Path, recorded: str, files: int) -> Check | None:
    """Start the check in a forked process, to run while this one searches; None where
    that does not pay or is not safe: a small corpus, no fork on this system, or other
    threads in this process (a fork copies only the calling thread). Ctrl-C and SIGTERM
    wait while it forks (workers.forking): the child keeps them blocked for its short
    life (SIGKILL still ends it), and this process gets them once the Check exists."""
    threading = sys.modules.get("threading")
    if files < BESIDE_FROM or not hasattr(os, "fork") or (threading and threading.active_count() > 1):
        return None
    check = None
    try:
        with forking():
            answer, tell = os.pipe()
            try:
                pid = os.fork()
            except OSError:
                os.close(answer)
                os.close(tell)
                return None
            if pid == 0:  # the checking process: say the key (or nothing), never return
                _check_and_exit(root, answer, tell)
            os.close(tell)
            check = Check(pid, answer, recorded)
    except BaseException:  # a Ctrl-C held during the fork arrives as the block ends
        if check is not None:
            check.cancel()
        raise
    return check


def _check_and_exit(root: Path, answer: int, tell: int) -> NoReturn:
    try:
        os.close(answer)
        key = current_key(root)
        if key:
            os.write(tell, key.encode())
    finally:
        os._exit(0)  # no atexit, no flushing of the parent's buffers

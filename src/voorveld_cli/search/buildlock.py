"""The build lock: one full build per index home at a time, with a timeout and a
stale-lock rule.

An OS file lock (flock) is released by the kernel when its holder dies, but a
forked worker that outlives its parent keeps it. So the lock file records the
holder (pid + start time): a waiter that finds the holder gone takes the lock
over by replacing the file. A waiter locks the file and then checks that the
path still names the file it locked, so two waiters never both win.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import time
from pathlib import Path

from voorveld_cli.search import holder

POLL = 0.05  # seconds between attempts


class LockTimeout(Exception):
    """The lock stayed held by a live process for the whole timeout."""

    def __init__(self, owner: dict | None):
        super().__init__(owner)
        self.owner = owner or {}


# Lock descriptors this process holds: a forked worker closes them (workers.py).
HELD: set[int] = set()


class BuildLock:
    def __init__(self, path: Path, timeout: float):
        self.path = path
        self.timeout = timeout
        self.fd: int | None = None

    def __enter__(self) -> BuildLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            fd = self._open()
            if self._lock(fd):
                holder.record(fd)
                self.fd = fd
                HELD.add(fd)
                return
            os.close(fd)
            owner = holder.read(self.path)
            if owner is not None and not holder.alive(owner):
                self._take_over(owner)
                continue
            if time.monotonic() >= deadline:
                raise LockTimeout(owner)
            time.sleep(POLL)

    def release(self) -> None:
        if self.fd is None:
            return
        import fcntl

        HELD.discard(self.fd)
        with contextlib.suppress(OSError):
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = None

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except IsADirectoryError:
            # Not ours to keep: something replaced the lock file by a folder.
            shutil.rmtree(self.path, ignore_errors=True)
            return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)

    def _lock(self, fd: int) -> bool:
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            if err.errno in (errno.EAGAIN, errno.EACCES):
                return False
            raise
        try:
            same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
        except FileNotFoundError:
            same = False
        if not same:  # taken over meanwhile: the lock is on a file nobody waits for
            fcntl.flock(fd, fcntl.LOCK_UN)
        return same

    def _take_over(self, owner: dict) -> None:
        """Replace the lock file of a dead holder (its orphans keep the old one)."""
        with contextlib.suppress(OSError):
            if holder.read(self.path) == owner:
                os.unlink(self.path)

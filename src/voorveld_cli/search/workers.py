"""A parallel build forks worker processes (parallel.py); these rules keep them in line.

- A worker dies with its parent: a parent-death signal on Linux (prctl), and a
  thread that watches the parent pid everywhere (the fallback, and the guard
  for a parent that died before the signal was armed).
- A worker ignores Ctrl-C: the parent stops the build and says so in one line.
- A worker closes the build lock it inherited, so it can never hold it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time


class WorkerDied(Exception):
    """A build's worker process ended without its segment (killed, out of memory, a bug).
    Here, not in parallel.py, so a search can name it without loading the build's parts."""


WATCH_EVERY = 0.5  # seconds between parent checks in a worker
_armed = False
_building = False
_forking_parent = 0  # pid of the process that forks, recorded before the fork
STOPS = {signal.SIGINT, signal.SIGTERM}  # blocked while a build forks its workers


@contextlib.contextmanager
def parallel_build():
    """While this runs, a fork is a build's worker; SIGTERM stops the build cleanly."""
    global _armed, _building
    if not _armed and hasattr(os, "register_at_fork"):
        os.register_at_fork(before=_before_fork, after_in_child=_in_child)
        _armed = True
    previous = _on_sigterm(_stop_on_sigterm)
    _building = True
    try:
        yield
    finally:
        _building = False
        _on_sigterm(previous)


def _on_sigterm(handler):
    if handler is None or threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, handler)


def _stop_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)  # unwinds through the clean-up of the build


@contextlib.contextmanager
def forking():
    """Ctrl-C and SIGTERM wait while a process forks (a build's workers, a search's
    freshness check): one between a fork and the child's own set-up would reach the
    child, and one handled inside a fork hook would raise where Python drops the
    exception. They are handled here, on the way out."""
    signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)


def _before_fork() -> None:
    global _forking_parent
    _forking_parent = os.getpid()


def _in_child() -> None:
    from voorveld_cli.search.buildlock import HELD

    if not _building:
        return
    parent = _forking_parent  # not getppid(): the parent may already be gone
    for fd in list(HELD):
        with contextlib.suppress(OSError):
            os.close(fd)
    HELD.clear()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        pr_set_pdeathsig = 1
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_EVERY)
    os._exit(1)


def stop(writer) -> None:
    """Cancel a writer or a parallel build and end its workers now, before the
    folder they write in is removed."""
    tasks = getattr(writer, "tasks", ())
    for task in tasks:  # first: a worker must not see its files vanish under it
        with contextlib.suppress(OSError, ValueError, AssertionError):
            task.terminate()
    for task in tasks:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            task.join(5)
    with contextlib.suppress(Exception):  # cleaning up after a failure: keep the first error
        writer.cancel()

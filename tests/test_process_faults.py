"""Killed, interrupted and stuck builds, with real processes and real signals.

Nothing here sleeps and then asserts: each test waits for an event it can observe
(the build's workers have started, a process has gone), polling with a deadline.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.synthetic import generate
from voorveld_cli.search import cache, store

pytestmark = pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="reads /proc")

DEADLINE = 120.0  # seconds; generous for 2 shared cores, and never simply waited out


def wait_for(condition, what: str, deadline: float = DEADLINE):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"gave up waiting for {what}")


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return False
    return stat[stat.rfind(b")") + 2 : stat.rfind(b")") + 3] != b"Z"


def voorveld(*args, env, timeout: float = 300):
    return subprocess.run(
        [sys.executable, "-m", "voorveld_cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def corpus_500(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("c500"), 600, seed=11)


@pytest.fixture
def env(tmp_path, monkeypatch):
    """Two workers whatever the machine, and one cache shared with this process."""
    monkeypatch.setenv("VOORVELD_CACHE", str(tmp_path / "cache"))
    environment = dict(os.environ, VOORVELD_INDEX_PROCS="2")
    environment.pop("VOORVELD_CONTENT", None)
    return environment


def start_rebuild(root: Path, env: dict) -> tuple[subprocess.Popen, list[int]]:
    """A parallel rebuild, returned once its workers run (the event a kill needs)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "voorveld_cli", "index", "--rebuild", "--content-dir", str(root)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, like a job in a shell
    )
    workers = wait_for(lambda: children(proc.pid) or proc.poll() is not None, "the build's workers")
    assert proc.poll() is None, "the build finished before its workers could be seen"
    return proc, workers


@pytest.fixture(scope="module")
def indexed_500(corpus_500, tmp_path_factory) -> Path:
    """A cache holding a complete index of corpus_500, built once by `voorveld index`."""
    folder = tmp_path_factory.mktemp("indexed-500")
    env = {k: v for k, v in os.environ.items() if k != "VOORVELD_CONTENT"}
    env.update(VOORVELD_CACHE=str(folder), VOORVELD_INDEX_PROCS="2")
    built = voorveld("index", "--content-dir", str(corpus_500), env=env)
    assert built.returncode == 0, built.stderr
    return folder


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_killed_parallel_build_leaves_no_workers_and_no_lock(corpus_500, indexed_500, env, signum):
    shutil.copytree(indexed_500, env["VOORVELD_CACHE"])  # a complete index to keep, as its own copy
    home = cache.index_home(corpus_500)
    assert (home / "CURRENT").is_file()
    previous = (home / "CURRENT").read_text()

    proc, workers = start_rebuild(corpus_500, env)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=DEADLINE)
    assert proc.returncode == (-signum if signum == signal.SIGKILL else 128 + signum)
    assert "Traceback" not in err
    wait_for(lambda: not any(running(pid) for pid in workers), "the workers to die with their parent")

    assert (home / "CURRENT").read_text() == previous  # the half build was never swapped in
    found = voorveld("search", "mantelzorg", "--format", "json", "--content-dir", str(corpus_500), env=env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["total"] > 0
    # The next run is not blocked by the lock and leaves no partial folder behind.
    after = voorveld("index", "--content-dir", str(corpus_500), env=env)
    assert after.returncode == 0, after.stderr
    assert "al actueel (600 bestanden)" in after.stdout
    assert [p.name for p in home.iterdir() if p.name.startswith("ix-")] == [previous]


def test_ctrl_c_during_a_parallel_build_prints_one_line(corpus_500, env):
    proc, workers = start_rebuild(corpus_500, env)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal does on Ctrl-C: the whole group
    _out, err = proc.communicate(timeout=DEADLINE)
    assert proc.returncode == 130
    assert [line for line in err.splitlines() if line.strip()] == [
        "voorveld: afgebroken; de index is niet gewijzigd"
    ]
    wait_for(lambda: not any(running(pid) for pid in workers), "the workers to stop")
    home = cache.index_home(corpus_500)
    assert not [p for p in home.iterdir() if p.name.startswith("ix-")]  # the partial folder is gone


def test_a_worker_that_dies_stops_the_build_with_one_message(corpus_500, indexed_500, env):
    shutil.copytree(indexed_500, env["VOORVELD_CACHE"])
    home = cache.index_home(corpus_500)
    previous = (home / "CURRENT").read_text()
    proc, workers = start_rebuild(corpus_500, env)
    os.kill(workers[0], signal.SIGKILL)  # as the kernel's out-of-memory killer would
    _out, err = proc.communicate(timeout=DEADLINE)
    assert proc.returncode == 1
    assert [line for line in err.splitlines() if line.strip()] == [
        "voorveld: een indexproces stopte onverwacht (exitcode -9); de index is niet opnieuw opgebouwd"
    ]
    wait_for(lambda: not any(running(pid) for pid in workers), "the other workers to stop")
    assert (home / "CURRENT").read_text() == previous  # the old index stays in use
    assert [p.name for p in home.iterdir() if p.name.startswith("ix-")] == [previous]


HOLD_LOCK = """
import fcntl, json, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
os.write(fd, json.dumps({"pid": int(sys.argv[2]), "start": None}).encode())
print("locked", flush=True)
sys.stdin.read()
"""


def hold_lock(home: Path, pid: int) -> subprocess.Popen:
    """A process that holds build.lock in the name of `pid` (like an orphaned worker)."""
    home.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(home / store.BUILD_LOCK), str(pid)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline() == "locked\n"
    return holder


def release(holder: subprocess.Popen) -> None:
    holder.stdin.close()
    holder.wait(timeout=DEADLINE)
    holder.stdout.close()


def test_lock_of_a_dead_process_is_taken_over(corpus_dir, env):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    holder = hold_lock(cache.index_home(corpus_dir), gone.pid)
    try:
        result = voorveld("index", "--rebuild", "--content-dir", str(corpus_dir), env=env, timeout=DEADLINE)
    finally:
        release(holder)
    assert result.returncode == 0, result.stderr
    assert "opnieuw opgebouwd" in result.stdout


def test_lock_of_a_live_process_times_out(cli, corpus_dir, monkeypatch):
    monkeypatch.setattr(store, "LOCK_WAIT", 0.3)
    holder = hold_lock(cache.index_home(corpus_dir), os.getpid())  # a live holder: this process
    try:
        searched = cli("search", "mantelzorg", "--format", "json", content=corpus_dir)
        indexed = cli("index", "--rebuild", content=corpus_dir)
    finally:
        release(holder)
    assert searched.exit_code == 0
    assert json.loads(searched.stdout)["total"] >= 1
    assert "bouwt de index al; er wordt gezocht zonder opgeslagen index" in searched.stderr
    assert indexed.exit_code == 1
    assert f"een ander voorveld-proces (pid {os.getpid()}) bouwt de index al" in indexed.stderr

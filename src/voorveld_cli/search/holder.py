"""Who holds something: a process id plus its start time, so a reused pid is not
mistaken for the process that wrote it. Used by the build lock and by the marker
in a folder that is being built (an unfinished folder whose builder is gone is
debris from a killed build)."""

from __future__ import annotations

import json
import os
from pathlib import Path


def start_time(pid: int) -> int | None:
    """Clock ticks since boot at which the process started (Linux /proc); None elsewhere."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: split after the last ')'.
    fields = stat[stat.rfind(b")") + 2 :].split()
    try:
        return int(fields[19])  # field 22 of the full line
    except (IndexError, ValueError):
        return None


def me() -> dict:
    pid = os.getpid()
    return {"pid": pid, "start": start_time(pid)}


def alive(holder: dict) -> bool:
    """True while the recorded process runs (and is the same process, not a reuse of its pid)."""
    pid = holder.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    recorded, now = holder.get("start"), start_time(pid)
    if isinstance(recorded, int) and now is not None and recorded != now:
        return False
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return False
    return stat[stat.rfind(b")") + 2 : stat.rfind(b")") + 3] == b"Z"


def read(path: Path) -> dict | None:
    """The holder recorded in a file; None when there is none or it is unreadable."""
    try:
        data = json.loads(path.read_bytes()[:4096].decode("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def record(fd: int) -> None:
    """Write this process into an open file (the lock file): pid and start time."""
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(me()).encode("utf-8"), 0)

"""Run the real CLI on a pseudo-terminal of a given size and return what a person sees."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def on_pty(
    args, columns: int, lines: int = 50, env: dict | None = None, cwd=None, raw: bool = False
) -> tuple[int, str]:
    """(exit code, text without colour codes) of `python -m voorveld_cli ARGS` on a pty;
    `raw`: the text exactly as the terminal got it."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    full_env = {**os.environ, **(env or {}), "COLUMNS": str(columns), "LINES": str(lines)}
    for name in ("NO_COLOR", "VOORVELD_PLAIN"):
        full_env.pop(name, None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "voorveld_cli", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=full_env,
        cwd=cwd,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the follower closed: the process is done
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(leader)
    text = b"".join(chunks).decode("utf-8", "replace")
    if raw:
        return proc.returncode, text
    return proc.returncode, ANSI.sub("", text).replace("\r\n", "\n")

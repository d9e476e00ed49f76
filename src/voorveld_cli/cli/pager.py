"""Page long terminal output the way git does: $VOORVELD_PAGER, else $PAGER, else less.

Output shorter than the terminal is printed as is; `--no-pager`, an empty pager
or `cat` turn paging off. less gets -FRX (quit if one screen, keep colours, do
not clear the screen) unless $LESS says otherwise.
"""

from __future__ import annotations

import io
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from typing import Literal

from voorveld_cli import settings


def pager_command() -> list[str] | None:
    for name in ("VOORVELD_PAGER", "PAGER"):
        if name in os.environ:
            value = os.environ[name].strip()
            return None if value in ("", "cat") else shlex.split(value)
    return ["less"] if shutil.which("less") else None


def page(draw: Callable, no_pager: bool = False) -> None:
    """Draw with rich into a buffer at the terminal's width, then print or page it."""
    from voorveld_cli.render.safe import safe_console
    from voorveld_cli.render.terminal import terminal_width

    width = terminal_width() or 80
    buffer = io.StringIO()
    color: Literal["standard"] | None = None if settings.current().no_color else "standard"
    console = safe_console(file=buffer, width=width, force_terminal=True, color_system=color, highlight=False)
    draw(console)
    text = buffer.getvalue()
    height = shutil.get_terminal_size().lines
    command = None if no_pager else pager_command()
    if command is None or text.count("\n") < height:
        sys.stdout.write(text)
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    sys.stdout.flush()
    try:
        subprocess.run(command, input=text.encode("utf-8"), env=env, check=False)
    except OSError:
        sys.stdout.write(text)  # the pager could not be started: print instead

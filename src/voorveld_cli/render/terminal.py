"""Print laid-out lines: with colour through rich on a terminal, as plain text elsewhere.

rich is imported only here and only for a terminal, so a pipe never pays for it.
Lines are never wrapped or cropped by rich: the layout already fits the width,
and the one thing allowed to overflow (an id longer than the terminal) must
reach the terminal whole.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from typing import TextIO

from voorveld_cli import settings
from voorveld_cli.render import on_terminal
from voorveld_cli.render.layout import Line
from voorveld_cli.render.plain import HIT_END, HIT_START, strip_marks
from voorveld_cli.render.safe import clean, safe_console
from voorveld_cli.settings import Settings

HIT_STYLE = "bold yellow"


def terminal_width(stream: TextIO | None = None, config: Settings | None = None) -> int | None:
    """The width to lay out for: the terminal's columns, or None for a pipe or file."""
    stream = stream or sys.stdout
    config = config or settings.current()
    if not on_terminal(stream, config.plain):
        return None
    columns = config.columns
    if columns is None:
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except OSError:
            columns = shutil.get_terminal_size().columns
    return max(20, columns)


def as_text(lines: Sequence[Line]) -> str:
    return "".join("".join(clean(strip_marks(text)) for text, _ in line).rstrip() + "\n" for line in lines)


def print_lines(lines: Sequence[Line], stream: TextIO | None = None, config: Settings | None = None) -> None:
    stream = stream or sys.stdout
    config = config or settings.current()
    if not on_terminal(stream, config.plain) or config.no_color:
        stream.write(as_text(lines))
        return
    from rich.text import Text

    console = safe_console(file=stream, soft_wrap=True)
    for line in lines:
        text = Text()
        for part, style in line:
            _append_marked(text, part, style)
        console.print(text, crop=False, no_wrap=True, overflow="ignore")


def _append_marked(text, part: str, style: str) -> None:
    """A segment whose search matches (between the hit marks) are highlighted."""
    highlighted = False
    for piece in part.replace(HIT_END, HIT_START).split(HIT_START):
        if piece:
            text.append(clean(piece), style=HIT_STYLE if highlighted else (style or None))
        highlighted = not highlighted

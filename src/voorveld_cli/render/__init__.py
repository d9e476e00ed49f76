"""Output: `plain` for JSON/CSV/Markdown (no rich), `console` for the terminal (rich)."""

from __future__ import annotations

import sys
from typing import TextIO

from voorveld_cli import settings


def on_terminal(stream: TextIO | None = None, plain: bool | None = None) -> bool:
    """Whether output goes to a person at a terminal (rich) rather than a pipe or file
    (plain). `plain` (default: the settings' VOORVELD_PLAIN) forces the plain form."""
    stream = stream or sys.stdout
    if plain is None:
        plain = settings.current().plain
    return stream.isatty() and not plain

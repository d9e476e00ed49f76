"""Output: `plain` for JSON/CSV/Markdown (no rich), `console` for the terminal (rich)."""

from __future__ import annotations

import os
import sys
from typing import TextIO


def on_terminal(stream: TextIO | None = None) -> bool:
    """Whether output goes to a person at a terminal (rich) rather than a pipe or file
    (plain). VOORVELD_PLAIN forces the plain form."""
    stream = stream or sys.stdout
    return stream.isatty() and not os.environ.get("VOORVELD_PLAIN")

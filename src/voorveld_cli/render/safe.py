"""Text from content and file names never drives the terminal.

A title with an escape sequence could clear the screen, set the window title,
hide a link (OSC 8) or print a fake "In orde". Every renderer passes text through
`clean` before layout, and every rich console is a `safe_console`, which cleans
whatever text reaches it once more (rich's own colours are added after that).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# Whole escape sequences go: CSI (ESC [ or the 8-bit CSI), OSC up to BEL or ST,
# DCS/SOS/PM/APC strings up to ST, and two-character escapes.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
# Any other control character (C0 but tab and newline, DEL, C1) shows as a marker.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SHOWN_FOR_CONTROL = "\ufffd"
# Search snippets mark their hits with STX/ETX (render/plain.py); those survive `clean`.
_CONTROL_BUT_MARKS = re.compile(r"[\x00\x01\x04-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str, keep_marks: bool = False) -> str:
    """The text without escape sequences and with other control characters made visible."""
    if text.isprintable() or not text:
        return text
    text = _SEQUENCE.sub("", text)
    return (_CONTROL_BUT_MARKS if keep_marks else _CONTROL).sub(SHOWN_FOR_CONTROL, text)


def has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


def safe_console(**options: Any):
    """A rich Console that cleans all text it is given and reads no markup in it."""
    options.setdefault("markup", False)
    options.setdefault("highlight", False)
    return _console_class()(**options)


@cache
def _console_class():
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        def _render_buffer(self, buffer):
            # The last gate: plain text segments are cleaned; rich's control segments
            # (cursor moves it makes itself) and the styles it adds stay.
            return super()._render_buffer(
                Segment(clean(text), style, control) if not control else Segment(text, style, control)
                for text, style, control in buffer
            )

    return SafeConsole

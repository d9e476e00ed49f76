"""Which characters the handout font can draw, and naming those it cannot.

The PDF embeds DejaVu Sans from fonts/ (shipped with the package, licence in
fonts/LICENSE). fonts/coverage.txt lists, as hexadecimal ranges, the code points
that all three faces (regular, bold, oblique) hold, so `check` can warn without
loading a font library; a test keeps the list equal to the fonts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

FONT_DIR = Path(__file__).with_name("fonts")
FONT_NAME = "DejaVu Sans"
FACES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
COVERAGE = FONT_DIR / "coverage.txt"

# Never drawn as a glyph: control and format characters (line breaks, a byte-order mark, soft
# hyphens, joiners) and variation selectors.
_INVISIBLE_CATEGORIES = {"Cc", "Cf"}
_VARIATION_SELECTORS = {"\ufe0e", "\ufe0f"}


def _visible(ch: str) -> bool:
    return ch not in _VARIATION_SELECTORS and unicodedata.category(ch) not in _INVISIBLE_CATEGORIES


@lru_cache(maxsize=1)
def covered() -> frozenset[int]:
    points: set[int] = set()
    for line in COVERAGE.read_text(encoding="ascii").split():
        start, _, end = line.partition("-")
        points.update(range(int(start, 16), int(end or start, 16) + 1))
    return frozenset(points)


@lru_cache(maxsize=1)
def _outside() -> re.Pattern[str]:
    """One character outside the coverage: a regular expression finds those in C, where a
    loop over a file's thousands of characters costs `check` about 35 ms on the corpus."""
    ranges = []
    for line in COVERAGE.read_text(encoding="ascii").split():
        start, _, end = line.partition("-")
        ranges.append(f"\\U{int(start, 16):08x}" + (f"-\\U{int(end, 16):08x}" if end else ""))
    return re.compile(f"[^{''.join(ranges)}]")


def missing(text: str) -> list[str]:
    """The characters of `text` the handout font lacks, each once, in order of appearance."""
    return list(dict.fromkeys(ch for ch in _outside().findall(text) if _visible(ch)))


def name(ch: str) -> str:
    """'🙂' (U+1F642 SLIGHTLY SMILING FACE): the character, its code point and Unicode name."""
    label = unicodedata.name(ch, "")
    return f"'{ch}' (U+{ord(ch):04X}{' ' + label if label else ''})"


def message(chars: Iterable[str]) -> str:
    """A Dutch sentence naming characters the PDF cannot draw."""
    chars = list(chars)
    what = "het teken" if len(chars) == 1 else "de tekens"
    names = ", ".join(name(ch) for ch in chars)
    return f"{what} {names} ontbreekt in het lettertype van de handout ({FONT_NAME})"


def ranges(points: Iterable[int]) -> list[str]:
    """Code points as sorted hexadecimal ranges ('41-5A'), the format of coverage.txt."""
    out: list[str] = []
    start = previous = None
    for point in sorted(points):
        if previous is not None and point == previous + 1:
            previous = point
            continue
        if start is not None:
            out.append(f"{start:X}" if start == previous else f"{start:X}-{previous:X}")
        start = previous = point
    if start is not None:
        out.append(f"{start:X}" if start == previous else f"{start:X}-{previous:X}")
    return out


def font_coverage() -> set[int]:
    """Code points in every face, read from the fonts themselves (needs fontTools, from fpdf2)."""
    from fontTools.ttLib import TTFont

    sets = [set(TTFont(str(FONT_DIR / file)).getBestCmap()) for file in FACES.values()]
    return set.intersection(*sets)


if __name__ == "__main__":  # regenerate coverage.txt after changing a font
    COVERAGE.write_text("\n".join(ranges(font_coverage())) + "\n", encoding="ascii")


def problems(entries) -> list:
    """`check`'s warnings: per file and line, the characters a PDF handout could not draw."""
    from voorveld_cli.content.model import WARNING, Problem

    found = []
    for entry in entries:
        try:
            text = entry.path.read_text(encoding="utf-8")
        except OSError:
            continue
        for ch in missing(text):
            line = text.count("\n", 0, text.index(ch)) + 1
            found.append(
                Problem(entry.display_path, line, _field_at(entry, text, line), message([ch]), WARNING)
            )
    return found


def _field_at(entry, text: str, line: int) -> str:
    """The front-matter field that holds `line` (the nearest one above it), or 'body'."""
    if entry.body.strip() and line > text.count("\n") - entry.body.strip().count("\n"):
        return "body"
    above = [name for name, at in entry.lines.items() if at <= line]
    return max(above, key=lambda name: entry.lines[name]) if above else "body"

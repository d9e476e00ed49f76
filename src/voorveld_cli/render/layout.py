"""Lay a view out for a given width: which columns, how wide, what wraps.

Pure text, no rich: the result is a list of lines, each a list of (text, style)
segments, which render/terminal.py prints with colour or without. The rules:

- nothing is ever cut with "…": text wraps at word boundaries;
- an id is never cut or wrapped; an id wider than its column gets a line of its
  own above the rest of its row (a terminal wraps it softly, a copy gets it whole);
- when the columns do not fit, low-priority columns go first; wide headers give way
  to their short form (the legend says what they mean);
- when even that does not fit, every row becomes a block: its id, then the rest.

`width=None` means a pipe or a file: every cell on one line, nothing wrapped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from voorveld_cli.render.plain import HIT_END, HIT_START, cell, strip_marks
from voorveld_cli.views.view import Col, View

GAP = 2
Segment = tuple[str, str]
Line = list[Segment]


def visible(text: str) -> int:
    return len(strip_marks(text))


def wrap(text: str, width: int) -> list[str]:
    """Word wrap that measures without hit marks; a word longer than the width is split."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while visible(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif visible(current) + 1 + visible(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines


@dataclass
class Plan:
    """The columns a table keeps at a width, how wide each is, and those it dropped."""

    columns: list[Col]
    widths: list[int]
    dropped: list[Col]
    short: bool  # short headers in use


def _natural(col: Col, texts: Sequence[str], short: bool) -> int:
    header = col.short if short and col.short else col.header
    return max([len(header), *(visible(t) for t in texts)])


def _least(col: Col, natural: int, width: int, longest: int = 0) -> int:
    """The narrowest this column may be drawn."""
    header = len(col.short if col.short else col.header)
    if col.kind == "id":
        return min(natural, max(col.min_width, header, width // 3))
    if col.kind == "text":
        return min(natural, max(col.min_width, header, min(longest, width // 2)))
    return natural


def plan(columns: Sequence[Col], cells: dict[str, list[str]], width: int) -> Plan | None:
    """Columns and widths that fit `width`, or None when only blocks will do.
    First the short headers, then the lowest priority columns give way."""
    shown = list(columns)
    dropped: list[Col] = []
    short = False
    while True:
        natural = [_natural(c, cells[c.key], short) for c in shown]
        least = [
            _least(c, n, width, _longest_word(cells[c.key])) for c, n in zip(shown, natural, strict=True)
        ]
        if sum(least) + GAP * (len(shown) - 1) <= width:
            drawn = [replace(c, header=c.short or c.header) if short else c for c in shown]
            return Plan(drawn, _spread(shown, least, natural, width), dropped, short)
        if not short and any(c.short for c in shown):
            short = True
            continue
        droppable = [c for c in shown if c.priority > 0]
        if not droppable:
            return None
        worst = max(droppable, key=lambda c: (c.priority, shown.index(c)))
        dropped.append(worst)
        shown.remove(worst)


def _longest_word(texts: Sequence[str]) -> int:
    """Wrapping never splits a word unless it is wider than half the terminal."""
    return max((visible(w) for t in texts for w in t.split()), default=0)


def _spread(columns: Sequence[Col], least: list[int], natural: list[int], width: int) -> list[int]:
    """Give the room left to the text columns, then the id, one character at a time, up to their natural
    width."""
    widths = list(least)
    room = width - sum(widths) - GAP * (len(widths) - 1)
    for kinds in (("text",), ("id",)):  # text first: a wider id column only saves a line now and then
        growable = [i for i, c in enumerate(columns) if c.kind in kinds]
        while room > 0:
            grew = False
            for i in growable:
                if room and widths[i] < natural[i]:
                    widths[i] += 1
                    room -= 1
                    grew = True
            if not grew:
                break
    return widths


def table(view: View, rows: Sequence[dict[str, Any]], width: int | None) -> tuple[list[Line], Plan | None]:
    """The rows as an aligned table, or as blocks when no table fits."""
    cells = {c.key: [cell(row.get(c.key)) for row in rows] for c in view.columns}
    if width is None:
        widths = [_natural(c, cells[c.key], False) for c in view.columns]
        chosen = Plan(list(view.columns), widths, [], False)
    else:
        planned = plan(view.columns, cells, width)
        if planned is None:
            return blocks(view, rows, width), None
        chosen = planned
    lines = [_header(chosen)]
    lines.append([("  ".join("─" * w for w in chosen.widths), "dim")])
    for index in range(len(rows)):
        lines.extend(_row(chosen, cells, index, wrapping=width is not None))
    return lines, chosen


def _header(chosen: Plan) -> Line:
    parts = [
        c.header.rjust(w) if c.kind == "num" else c.header.ljust(w)
        for c, w in zip(chosen.columns, chosen.widths, strict=True)
    ]
    return [("  ".join(parts).rstrip(), "bold")]


def _row(chosen: Plan, cells: dict[str, list[str]], index: int, wrapping: bool) -> list[Line]:
    out: list[Line] = []
    columns = list(zip(chosen.columns, chosen.widths, strict=True))
    per_column: list[list[str]] = []
    shown = {c.key for c in chosen.columns}
    for col, w in columns:
        text = cells[col.key][index]
        if not text and col.fallback and col.fallback not in shown:
            text = cells[col.fallback][index]
        if col.kind == "id" and visible(text) > w:
            out.append([(text, col.style or "cyan")])  # its own line, whole
            text = ""
        per_column.append(wrap(text, w) if wrapping and col.kind != "id" else [text])
    height = max(len(p) for p in per_column)
    for n in range(height):
        line: Line = []
        for i, ((col, w), parts) in enumerate(zip(columns, per_column, strict=True)):
            text = parts[n] if n < len(parts) else ""
            pad = " " * (w - visible(text))
            text = pad + text if col.kind == "num" else text + pad
            line.append((text, col.style))
            if i < len(columns) - 1:
                line.append((" " * GAP, ""))
        out.append(_rstrip(line))
    return out


def _rstrip(line: Line) -> Line:
    while line and not line[-1][0].strip():
        line.pop()
    if line:
        line[-1] = (line[-1][0].rstrip(), line[-1][1])
    return line


def blocks(view: View, rows: Sequence[dict[str, Any]], width: int) -> list[Line]:
    """Each row as a block: the id whole, then the essentials, indented."""
    primary = next((c for c in view.columns if c.kind == "id"), view.columns[0])
    lines: list[Line] = []
    for row in rows:
        key = (
            cell(row.get(primary.key))
            or cell(row.get(primary.fallback))
            or next((cell(row.get(c.key)) for c in view.columns if cell(row.get(c.key))), "")
        )
        lines.append([(key, primary.style or "cyan")])
        tokens = []
        for col in view.columns:
            if col is primary or col.priority > 2:
                continue
            text = cell(row.get(col.key))
            if not text or text == key:
                continue
            if col.kind == "text":
                lines.extend([[("  " + part, col.style)] for part in wrap(text, max(10, width - 2))])
            else:
                label = col.short or col.header
                tokens.append(f"{label} {text}" if view.stack_labels else text)
        if tokens:
            lines.extend([[("  " + part, "dim")] for part in _pack(tokens, max(10, width - 2))])
    return lines


def _pack(tokens: Sequence[str], width: int) -> list[str]:
    """Tokens joined by two spaces, broken between tokens (never inside one)."""
    lines: list[str] = []
    current = ""
    for token in tokens:
        if current and len(current) + 2 + len(token) > width:
            lines.append(current)
            current = token
        else:
            current = f"{current}  {token}" if current else token
    if current:
        lines.append(current)
    return lines


def text_lines(texts: Sequence[str], width: int | None, style: str = "") -> list[Line]:
    """Free text (captions, legends, notes) wrapped to the width."""
    out: list[Line] = []
    for text in texts:
        for part in text.split("\n"):
            parts = [part] if width is None or not part.strip() else wrap(part, width)
            out.extend([[(p, style)] for p in parts])
    return out


__all__ = ["HIT_END", "HIT_START", "Line", "Plan", "blocks", "table", "text_lines", "wrap"]

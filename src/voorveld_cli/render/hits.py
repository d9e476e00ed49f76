"""Search hits as compact blocks: title; kind, id and place; a two-line fragment.

Five hits fit in about 25 lines at 80 columns, where a table wrapped its
fragment column one word per line. On a pipe (width None) each fragment is
written whole on one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from voorveld_cli.render.layout import Line, wrap
from voorveld_cli.render.plain import HIT_START, cell

FRAGMENT_LINES = 2
INDENT = "    "


def fragment(snippet: str, width: int | None) -> list[str]:
    """The part of the snippet around its first match, in at most two wrapped lines.

    The engine joins several excerpts with "…"; one excerpt, cut between words,
    is what fits in two lines."""
    if width is None:
        return [snippet] if snippet else []
    parts = [p.strip() for p in snippet.split("…") if p.strip()]
    if not parts:
        return []
    chosen = next((p for p in parts if HIT_START in p), parts[0])
    words = chosen.split()
    first = next((i for i, w in enumerate(words) if HIT_START in w), 0)
    lines = wrap(" ".join(words), width)
    if first and not any(HIT_START in line for line in lines[:FRAGMENT_LINES]):
        lines = wrap(" ".join(words[max(0, first - 3) :]), width)  # start just before the match
    return lines[:FRAGMENT_LINES]


def hit_lines(rows: Sequence[dict[str, Any]], width: int | None) -> list[Line]:
    out: list[Line] = []
    inner = None if width is None else max(10, width - len(INDENT))
    for row in rows:
        rank = f"{row['rank']:>2}. "
        title = str(row["title"])
        title_parts = [title] if inner is None else wrap(title, inner)
        out.append([(rank, "dim"), (title_parts[0], "bold")])
        out.extend([[(INDENT, ""), (part, "bold")] for part in title_parts[1:]])
        out.extend(_meta(row, inner))
        out.extend([[(INDENT, ""), (part, "")] for part in fragment(str(row.get("snippet", "")), inner)])
        out.append([])
    return out[:-1] if out else out


def _meta(row: dict[str, Any], inner: int | None) -> list[Line]:
    """'initiatief  mantelzorgbeleid-stein  Stein': the id whole, the place if it fits.
    On a narrow terminal the id gets a line of its own rather than being cut."""
    kind, entry_id = str(row["kind_label"]), str(row["id"])
    if inner is not None and len(kind) + 2 + len(entry_id) > inner:
        return [[(INDENT, ""), (kind, "dim")], [(INDENT, ""), (entry_id, "cyan")]]
    line: Line = [(INDENT, ""), (kind, "dim"), ("  ", ""), (entry_id, "cyan")]
    place = cell(row.get("place"))
    if place and (inner is None or len(kind) + 2 + len(entry_id) + 2 + len(place) <= inner):
        line += [("  ", ""), (place, "green")]  # a narrow terminal leaves the place out
    return [line]

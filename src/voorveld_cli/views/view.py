"""What a command shows, before it is shown: a view.

A command builds one View (columns, rows, caption, JSON payload) and hands it to
the one renderer (render/emit.py), which writes it as a terminal table, JSON,
CSV, Markdown or ids. The renderer decides the layout; the command only says
what matters most (priority) and what may never be cut (ids).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Col:
    """A column of a view: its key, its Dutch header and how it gives way on a narrow terminal."""

    key: str
    header: str  # Dutch
    priority: int = 1  # 0: always shown; higher numbers are dropped first on a narrow terminal
    min_width: int = 8  # narrowest a wrapping column may get
    kind: str = "text"  # "text" wraps; "id" is never cut or wrapped; "num" and "mark" are short
    style: str = ""
    short: str = ""  # a shorter header for narrow terminals; the legend explains it
    fallback: str = ""  # key shown in an empty cell when that key's own column is left out


@dataclass
class Group:
    """A titled block of rows (stats shows one per facet)."""

    title: str
    rows: list[dict[str, Any]]


@dataclass
class View:
    """What a command shows, once, for every output format: rows and columns, caption, payload, ids."""

    columns: list[Col]
    rows: list[dict[str, Any]] = field(default_factory=list)
    caption: list[str] = field(default_factory=list)  # lines under the table, Dutch
    payload: Any = None  # what --format json writes
    ids: list[str] = field(default_factory=list)  # what --format ids writes, one per line
    # CSV and Markdown: (key, header) pairs; by default the table's columns.
    csv_columns: list[tuple[str, str]] | None = None
    md_columns: list[tuple[str, str]] | None = None
    csv_rows: list[dict[str, Any]] | None = None  # rows for CSV when they differ from `rows`
    groups: list[Group] = field(default_factory=list)  # instead of rows: one table per group
    layout: str = "table"  # "table", or "hits" for search results as blocks
    stack_labels: bool = False  # narrow terminal: show "header value" pairs under each row
    legend: list[str] = field(default_factory=list)  # lines that explain marks and short headers
    empty: str = ""  # what to say when there are no rows
    notes: list[str] = field(default_factory=list)  # lines above the table (stdout, table only)
    markdown: Callable[[], str] | None = None  # a document form instead of a Markdown table

    def all_rows(self) -> list[dict[str, Any]]:
        if self.groups:
            return [row for group in self.groups for row in group.rows]
        return self.rows

"""Terminal output with rich: tables, one entry, a glossary term.

Imported only by commands that print for people, so the machine formats and the
library never pay for rich. On a pipe the output is plain: no colour, no
truncation (the width is unbounded and cells wrap nowhere).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.markdown import Markdown
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from voorveld_cli.content.model import Entry
from voorveld_cli.render import on_terminal
from voorveld_cli.render.plain import HIT_END, HIT_START, cell
from voorveld_cli.render.safe import clean, safe_console

PIPE_WIDTH = 100_000


def make_console(stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    if on_terminal(stream):
        return safe_console(file=stream)
    # A pipe or file: no colour, no cropping, no wrapping.
    return safe_console(file=stream, no_color=True, width=PIPE_WIDTH, color_system=None, soft_wrap=True)


@dataclass(frozen=True)
class Column:
    """A column of a terminal table and how it may be shortened."""

    key: str
    header: str
    style: str = ""
    max_width: int | None = None  # terminal only; a pipe gets everything
    no_wrap: bool = False


def marked(text: str, style: str = "bold yellow") -> Text:
    """A snippet with its hit marks turned into a highlight."""
    out = Text()
    highlighted = False
    for part in text.replace(HIT_END, HIT_START).split(HIT_START):
        if part:
            out.append(clean(part), style=style if highlighted else "")
        highlighted = not highlighted
    return out


def print_table(
    console: Console,
    columns: Sequence[Column],
    rows: Sequence[dict[str, Any]],
    title: str | None = None,
    caption: str | None = None,
) -> None:
    on_terminal = console.width < PIPE_WIDTH
    table = Table(
        box=box.SIMPLE_HEAD if on_terminal else box.ASCII2,
        title=title,
        caption=caption,
        caption_justify="left",
        show_lines=False,
        header_style="bold",
    )
    for column in columns:
        table.add_column(
            column.header,
            style=column.style or None,
            max_width=column.max_width if on_terminal else None,
            no_wrap=column.no_wrap or not on_terminal,
            overflow="ellipsis" if on_terminal else "fold",
        )
    for row in rows:
        table.add_row(*(_cell(row.get(column.key)) for column in columns))
    console.print(table)


def _cell(value: Any) -> Text | str:
    if isinstance(value, Text):
        return value
    text = cell(value)
    return marked(text) if HIT_START in text else text


def facts_table(facts: Sequence[tuple[str, Any]]) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 1))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for label, value in facts:
        text = cell(value)
        if text:
            table.add_row(label, text)
    return table


def print_entry(
    console: Console, entry: Entry, facts: Sequence[tuple[str, Any]], sources: Sequence[str]
) -> None:
    """One entry: title, key facts, the body as Markdown, sources at the foot."""
    from voorveld_cli.views import labels

    # Kind and id above the box, on a line of their own: a box title would cut a long id.
    console.print(
        Text.assemble((labels.kind(entry.kind), "dim"), "  ", (clean(entry.id), "cyan")),
        crop=False,
        no_wrap=True,
        overflow="ignore",
    )
    header = Text(clean(str(entry.title)), style="bold")
    parts: list[Any] = [facts_table(facts)]
    summary = entry.get("summary")
    if summary:
        parts.append(Text(f"\n{clean(str(summary))}", style="italic"))
    console.print(Panel(Group(*parts), title=header, title_align="left", box=box.ROUNDED))
    if entry.body.strip():
        # A link shows its address: no hidden OSC 8 target.
        console.print(Markdown(clean(entry.body), hyperlinks=False))
    if sources:
        console.print(Text("\nBronnen", style="bold"))
        for line in sources:
            console.print(f"  • {clean(line)}", highlight=False)
    console.print(Text(clean(entry.display_path), style="dim"))

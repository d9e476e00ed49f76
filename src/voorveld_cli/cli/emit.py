"""The one renderer: a view out as table, JSON, CSV, Markdown or ids, to stdout or -o.

The format follows the extension of -o (athos.csv is CSV); a --format that says
otherwise is refused with exit code 2 rather than writing JSON into a .csv.
No Typer and no rich here (rich is loaded by render/terminal.py, on a terminal).
"""

from __future__ import annotations

import sys
from pathlib import Path

from voorveld_cli.cli.exitcodes import NOTHING_FOUND, USAGE
from voorveld_cli.cli.output import fail, output_path
from voorveld_cli.render.safe import clean
from voorveld_cli.views.view import View

FORMATS = ("table", "json", "csv", "md", "ids")
EXTENSIONS = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".md": "md",
    ".txt": "table",
    ".ids": "ids",
}


def resolve_format(fmt: str | None, output: Path | None, allowed=FORMATS, default: str = "table") -> str:
    """The format to write: --format, else the extension of -o, else the default."""
    if output is None:
        return fmt or default
    suffix = output.suffix.lower()
    by_extension = EXTENSIONS.get(suffix)
    if by_extension == "table" and "text" in allowed:
        by_extension = "text"  # show and define call their readable form 'text'
    by_extension = by_extension if by_extension in allowed else None
    if by_extension is None:
        if fmt:
            return fmt
        known = ", ".join(ext for ext, f in EXTENSIONS.items() if f in allowed)
        fail(f"Bij {output.name} weet voorveld de vorm niet: gebruik {known} of geef --format.", USAGE)
    if fmt and fmt != by_extension:
        fail(
            f"--format {fmt} past niet bij {output.name}: een {suffix}-bestand wordt {by_extension}. "
            f"Kies een andere bestandsnaam of laat --format weg.",
            USAGE,
        )
    return by_extension


def render(view: View, fmt: str, width: int | None, excel: bool = False) -> str:
    if fmt == "json":
        from voorveld_cli.render.plain import to_json

        return to_json(view.payload) + "\n"
    if fmt == "ids":
        return "".join(f"{i}\n" for i in view.ids)
    if fmt == "csv":
        from voorveld_cli.render.plain import to_csv

        columns = view.csv_columns or [(c.key, c.key) for c in view.columns]
        rows = view.csv_rows if view.csv_rows is not None else view.all_rows()
        return to_csv(_renamed(rows, columns), [h for _, h in columns], excel=excel)
    if fmt == "md":
        return _markdown(view)
    from voorveld_cli.render.terminal import as_text

    return as_text(table_lines(view, width))


def _renamed(rows, columns):
    return [{header: row.get(key) for key, header in columns} for row in rows]


def _markdown(view: View) -> str:
    from voorveld_cli.render.plain import to_markdown

    if view.markdown is not None:
        return view.markdown()
    columns = view.md_columns or [(c.key, c.header) for c in view.columns]
    keys, headers = [k for k, _ in columns], [h for _, h in columns]
    if view.groups:
        parts = [f"### {g.title}\n\n" + to_markdown(g.rows, keys, headers) for g in view.groups]
        text = "\n".join([*view.notes, *parts]) if view.notes else "\n".join(parts)
    else:
        text = to_markdown(view.rows, keys, headers)
    if view.legend:
        text += "\n" + "\n".join(view.legend) + "\n"
    return text


def table_lines(view: View, width: int | None):
    """The table format, laid out for `width` (None: a pipe or file)."""
    from voorveld_cli.render.layout import table, text_lines

    lines = text_lines(view.notes, width, "dim")
    if view.layout == "hits":
        from voorveld_cli.render.hits import hit_lines

        lines += hit_lines(view.rows, width)
        plan = None
    elif view.groups:
        plan = None
        for group in view.groups:
            lines += [[(group.title, "bold")]]
            drawn, _ = table(view, group.rows, width)
            lines += [*drawn, []]
    else:
        drawn, plan = table(view, view.rows, width)
        lines += drawn
    after = list(view.caption)
    if plan is not None and plan.dropped:
        names = ", ".join(c.header for c in plan.dropped)
        after.append(
            f"Niet getoond bij deze breedte: {names} (een breder venster of --format md toont alles)."
        )
    after += view.legend
    if view.layout == "table" and (plan is None or plan.short):
        shorts = [f"{c.short} = {c.header}" for c in view.columns if c.short and c.short != c.header]
        if shorts:
            after.append("Afkortingen: " + ", ".join(shorts) + ".")
    if after:
        lines += [[], *text_lines(after, width, "dim")]
    return lines


def emit(
    view: View,
    fmt: str | None,
    output: Path | None = None,
    force: bool = False,
    content_root: Path | None = None,
    allowed=FORMATS,
    excel: bool = False,
) -> None:
    """Write the view; exit 1 when it holds nothing (the message goes to stderr)."""
    chosen = resolve_format(fmt, output, allowed)
    rows = view.all_rows()
    if output is not None:
        target = output_path(output, content_root or Path("/nonexistent"), force)
        write_file(target, output, render(view, chosen, None, excel), len(rows))
    elif chosen == "table":
        _print_table(view)
    else:
        sys.stdout.write(render(view, chosen, None, excel))
    if not rows:
        if view.empty and (chosen != "table" or output is not None):
            sys.stderr.write(f"voorveld: {clean(view.empty)}\n")
        raise SystemExit(NOTHING_FOUND)


def _print_table(view: View) -> None:
    from voorveld_cli.render.terminal import print_lines, terminal_width

    if not view.all_rows() and view.layout != "groups":
        for note in view.notes:
            sys.stderr.write(f"{clean(note)}\n")
        if view.empty:
            sys.stderr.write(f"voorveld: {clean(view.empty)}\n")
        return
    print_lines(table_lines(view, terminal_width()))


def write_file(target: Path, shown: Path, text: str, count: int) -> None:
    from voorveld_cli.views.labels import plural

    try:
        target.write_text(text, encoding="utf-8", newline="")
    except OSError as err:
        fail(f"Kan {shown} niet schrijven: {err.strerror}")
    sys.stderr.write(f"{plural(count, 'item')} geschreven naar {shown}\n")

"""Machine formats: JSON, CSV and GitHub Markdown tables. No rich here.

Lists are joined with "; " in CSV and Markdown cells, so a spreadsheet gets one
value per cell and a researcher can split them again.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from voorveld_cli.render.safe import clean
from voorveld_cli.views.records import plain

LIST_SEPARATOR = "; "
# Search snippets mark each hit with these control characters; the terminal turns
# them into a highlight, every other format drops them.
HIT_START, HIT_END = "\x02", "\x03"


def strip_marks(text: str) -> str:
    return text.replace(HIT_START, "").replace(HIT_END, "")


def md_marks(text: str) -> str:
    return text.replace(HIT_START, "**").replace(HIT_END, "**")


def to_json(data: Any) -> str:
    # json escapes C0 controls itself; DEL and C1 (the 8-bit CSI among them) it leaves raw.
    text = json.dumps(plain(data), ensure_ascii=False, indent=2)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_C1 = re.compile(r"[\x7f-\x9f]")


def cell(value: Any) -> str:
    """One value as text for a flat cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(cell(item) for item in value)
    if isinstance(value, dict):
        return LIST_SEPARATOR.join(f"{k}: {cell(v)}" for k, v in value.items())
    if isinstance(value, float):
        return f"{value:.3f}"
    return clean(str(value), keep_marks=True)


EXCEL_BOM = "\ufeff"


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], excel: bool = False) -> str:
    """CSV with a header row, each value as `cell` writes it."""
    return csv_text(columns, ([cell(row.get(column)) for column in columns] for row in rows), excel)


def csv_text(header: Sequence[str], lines: Iterable[Sequence[str]], excel: bool = False) -> str:
    """The one CSV writer. `excel`: the form a Dutch-locale Excel opens by double-click
    (';' between cells, because ',' is its decimal mark; a BOM so it reads UTF-8; CRLF)."""
    import csv

    out = io.StringIO()
    if excel:
        out.write(EXCEL_BOM)
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n")
    writer.writerow(header)
    writer.writerows(lines)
    return out.getvalue()


def md_escape(text: str) -> str:
    """Keep a cell inside its column: escape pipes, fold newlines."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ").strip()


def to_markdown(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], headers: Sequence[str] | None = None
) -> str:
    """A GitHub-flavoured Markdown table (header, delimiter row, one row per item)."""
    headers = headers or columns
    lines = [
        "| " + " | ".join(md_escape(h) for h in headers) + " |",
        "| " + " | ".join("---" for _ in headers) + " |",
    ]
    for row in rows:
        lines.append("| " + " | ".join(md_escape(cell(row.get(c))) for c in columns) + " |")
    return "\n".join(lines) + "\n"

"""The whole corpus as JSON Lines or CSV, every field included.

JSON Lines keeps the structure (one `show --format json` record per line). CSV
flattens it for a spreadsheet: lists of text are joined with "; ", nested items
(sources, figures, questions, law_profile) are JSON in their cell, so nothing is
lost and a script can read them back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from voorveld_cli.content import schema
from voorveld_cli.content.model import Entry
from voorveld_cli.render.plain import LIST_SEPARATOR
from voorveld_cli.views.records import full_record


def to_jsonl(entries: Sequence[Entry]) -> str:
    return "".join(json.dumps(full_record(e), ensure_ascii=False) + "\n" for e in entries)


def csv_columns(entries: Sequence[Entry]) -> list[str]:
    """id, kind, path, the schema's fields in declared order, any unknown keys, body."""
    columns = ["id", "kind", "path", *(f.name for f in schema.FIELDS)]
    for entry in entries:
        for key in entry.data:
            if key not in columns:
                columns.append(str(key))
    return [*columns, "body"]


def _flat(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def to_csv(entries: Sequence[Entry], excel: bool = False) -> str:
    """One row per entry; `excel` as render.plain.csv_text: ';', a BOM and CRLF for a Dutch Excel."""
    from voorveld_cli.render.plain import csv_text

    columns = csv_columns(entries)
    records = (full_record(entry) for entry in entries)
    return csv_text(columns, ([_flat(record.get(column)) for column in columns] for record in records), excel)

"""Entries as plain records: the machine-readable output contract (tests/test_golden.py).

`list_record` is one element of `voorveld list --format json` (and the base of a
search hit); `full_record` is `voorveld show ID --format json`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from voorveld_cli.content.model import Entry

# Every list row has exactly these keys, in this order, for every kind.
LIST_FIELDS = (
    "id",
    "kind",
    "title",
    "summary",
    "themes",
    "laws",
    "laws_inferred",
    "place",
    "province",
    "path",
)


def list_record(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "kind": entry.kind,
        "title": entry.title,
        "summary": str(entry.get("summary", "")),
        "themes": entry.as_list("themes"),
        "laws": entry.as_list("laws"),
        "laws_inferred": entry.as_list("laws_inferred"),
        "place": plain(entry.as_list("place")),
        "province": plain(entry.as_list("province")),
        "path": entry.display_path,
    }


def full_record(entry: Entry) -> dict[str, Any]:
    """All front matter (unknown keys too: nothing is lost) plus id, kind, path, body."""
    record: dict[str, Any] = {"id": entry.id, "kind": entry.kind}
    record.update(plain(entry.data))
    for key in ("place", "province"):
        if key in record:
            record[key] = plain(entry.as_list(key))
    record["path"] = entry.display_path
    record["body"] = entry.body
    return record


def plain(value: Any) -> Any:
    """YAML values made JSON-safe (dates become ISO strings)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value

"""The researcher's tables as plain data: compare, matrix and stats.

Each builder returns rows of plain values; the commands render them as a
terminal table, JSON, CSV or Markdown. No rich, no Whoosh.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from voorveld_cli.content import schema
from voorveld_cli.content.model import Entry
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.views.present import field_label, value_text

# Default rows of `compare`, per kind.
COMPARE_FIELDS = {
    "initiative": (
        "as_of",
        "place",
        "province",
        "organisations",
        "target_groups",
        "themes",
        "laws",
        "laws_inferred",
        "funding",
        "started",
        "figures",
        "working_elements",
        "sources",
    ),
    "case": (
        "as_of",
        "number",
        "part",
        "keywords",
        "roles",
        "themes",
        "laws",
        "laws_inferred",
        "questions",
        "sources",
    ),
    "term": ("definition", "aliases", "law", "themes", "related", "sources"),
    "article": (
        "as_of",
        "genre",
        "people",
        "place",
        "organisations",
        "findings",
        "figures",
        "themes",
        "laws",
        "laws_inferred",
        "sources",
    ),
}
COMMON_FIELDS = ("summary", "as_of", "themes", "laws", "laws_inferred", "sources")

EXPLICIT_MARK, INFERRED_MARK = "●", "○"


def compare_value(entry: Entry, name: str, vocab: Vocabulary) -> Any:
    """A field of an entry as a compare cell: a string, a list of strings, or ''.
    Law profile points (in_force, goal, ...) are read from `law_profile`."""
    if name in schema.LAW_PROFILE_KEYS:
        profile = entry.get("law_profile") or {}
        return profile.get(name, "") if isinstance(profile, dict) else ""
    value = value_text(entry, name, vocab)
    return value if isinstance(value, (list, str, int, float)) else str(value)


def default_compare_fields(entries: Sequence[Entry]) -> tuple[str, ...]:
    kinds = {entry.kind for entry in entries}
    if kinds == {"term"} and all(isinstance(e.get("law_profile"), dict) for e in entries):
        return ("definition", *schema.LAW_PROFILE_KEYS)
    if len(kinds) == 1:
        return COMPARE_FIELDS[kinds.pop()]
    return COMMON_FIELDS


def known_compare_fields() -> list[str]:
    return [f.name for f in schema.FIELDS if f.name not in ("title", "law_profile")] + list(
        schema.LAW_PROFILE_KEYS
    )


@dataclass
class Comparison:
    """Entries side by side, one row a field."""

    entries: list[Entry]
    fields: list[str]
    rows: list[dict[str, Any]]  # {"field", "label", "values": [cell per entry]}

    def as_dict(self) -> dict[str, Any]:
        return {
            "ids": [e.id for e in self.entries],
            "titles": [e.title for e in self.entries],
            "rows": [
                {
                    "field": row["field"],
                    "label": row["label"],
                    "values": {e.id: value for e, value in zip(self.entries, row["values"], strict=True)},
                }
                for row in self.rows
            ],
        }


def compare(entries: Sequence[Entry], fields: Sequence[str], vocab: Vocabulary) -> Comparison:
    rows = []
    for name in fields:
        values = [compare_value(entry, name, vocab) for entry in entries]
        rows.append({"field": name, "label": field_label(name), "values": values})
    return Comparison(list(entries), list(fields), rows)


# -- matrix ----------------------------------------------------------------------


def _values(entry: Entry, axis: str) -> list[str]:
    if axis == "entry":
        return [entry.id]
    if axis == "theme":
        return entry.as_list("themes")
    if axis == "kind":
        return [entry.kind]
    if axis == "province":
        return entry.as_list("province")
    if axis == "place":
        return entry.as_list("place")
    if axis == "source":
        return entry.source_ids()
    raise ValueError(axis)


def _laws(entry: Entry, explicit_only: bool = False) -> dict[str, str]:
    """law -> 'explicit' or 'inferred' (explicit wins; a term's own `law` counts as explicit)."""
    out = {} if explicit_only else {law: "inferred" for law in entry.as_list("laws_inferred")}
    out.update({law: "explicit" for law in entry.as_list("laws")})
    if isinstance(entry.get("law"), str):
        out[entry.get("law")] = "explicit"
    return out


@dataclass
class Matrix:
    """Counts of entries for two facets crossed."""

    row_axis: str
    col_axis: str
    rows: list[str]
    row_labels: dict[str, str]
    columns: list[str]
    column_labels: dict[str, str]
    # cells[row][column] = {"explicit": n, "inferred": n} for laws, {"count": n} otherwise
    cells: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)

    def row_total(self, row: str) -> int:
        return sum(sum(cell.values()) for cell in self.cells.get(row, {}).values())

    def column_total(self, column: str) -> dict[str, int]:
        total: dict[str, int] = {}
        for row in self.rows:
            for key, n in self.cells.get(row, {}).get(column, {}).items():
                total[key] = total.get(key, 0) + n
        return total

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows_axis": self.row_axis,
            "columns_axis": self.col_axis,
            "columns": [
                {"key": c, "label": self.column_labels[c], "total": self.column_total(c)}
                for c in self.columns
            ],
            "rows": [
                {
                    "key": r,
                    "label": self.row_labels[r],
                    "cells": self.cells.get(r, {}),
                    "total": self.row_total(r),
                }
                for r in self.rows
            ],
        }


def matrix(
    entries: Sequence[Entry], row_axis: str, col_axis: str, vocab: Vocabulary, explicit_only: bool = False
) -> Matrix:
    rows: dict[str, str] = {}
    columns: dict[str, str] = {}
    cells: dict[str, dict[str, dict[str, int]]] = {}
    for entry in entries:
        row_keys = _values(entry, row_axis)
        if col_axis == "law":
            col_cells = {law: {how: 1} for law, how in _laws(entry, explicit_only).items()}
        else:
            col_cells = {value: {"count": 1} for value in _values(entry, col_axis)}
        for row in row_keys:
            rows.setdefault(row, entry.title if row_axis == "entry" else _label(vocab, row_axis, row))
            for column, counts in col_cells.items():
                columns.setdefault(column, _label(vocab, col_axis, column))
                cell = cells.setdefault(row, {}).setdefault(column, {})
                for key, n in counts.items():
                    cell[key] = cell.get(key, 0) + n
    order = _order(vocab, col_axis)
    column_keys = sorted(columns, key=lambda c: (order.get(c, len(order)), c))
    row_order = _order(vocab, row_axis)
    row_keys = (
        list(rows)
        if row_axis == "entry"
        else sorted(rows, key=lambda r: (row_order.get(r, len(row_order)), r))
    )
    for row in row_keys:  # law cells always carry both counts, for a regular JSON shape
        for column in cells.get(row, {}):
            if col_axis == "law":
                cells[row][column] = {
                    "explicit": cells[row][column].get("explicit", 0),
                    "inferred": cells[row][column].get("inferred", 0),
                }
    return Matrix(row_axis, col_axis, row_keys, rows, column_keys, columns, cells)


def _label(vocab: Vocabulary, axis: str, key: str) -> str:
    if axis == "theme":
        return vocab.label("themes", key)
    if axis == "source":
        return vocab.label("sources", key)
    if axis == "kind":
        return schema.KIND_LABELS.get(key, key)
    return key


def _order(vocab: Vocabulary, axis: str) -> dict[str, int]:
    names = {"law": "laws", "theme": "themes", "province": "provinces", "source": "sources"}
    if axis == "kind":
        return {kind: i for i, kind in enumerate(schema.KINDS)}
    if axis in names:
        return {key: i for i, key in enumerate(vocab.values(names[axis]))}
    return {}


def cell_text(matrix_: Matrix, row: str, column: str) -> str:
    cell = matrix_.cells.get(row, {}).get(column)
    if not cell:
        return ""
    if matrix_.col_axis == "law":
        if matrix_.row_axis == "entry":
            return EXPLICIT_MARK if cell.get("explicit") else INFERRED_MARK
        parts = []
        if cell.get("explicit"):
            parts.append(f"{cell['explicit']}{EXPLICIT_MARK}")
        if cell.get("inferred"):
            parts.append(f"{cell['inferred']}{INFERRED_MARK}")
        return " ".join(parts)
    return EXPLICIT_MARK if matrix_.row_axis == "entry" else str(cell.get("count", 0))


def total_text(counts: dict[str, int], col_axis: str) -> str:
    if col_axis != "law":
        return str(sum(counts.values()))
    explicit, inferred = counts.get("explicit", 0), counts.get("inferred", 0)
    return f"{explicit + inferred} ({explicit}{EXPLICIT_MARK} {inferred}{INFERRED_MARK})"


# -- stats -------------------------------------------------------------------------

STAT_FACETS = ("kind", "themes", "laws", "laws_inferred", "province", "sources")


def stats(entries: Sequence[Entry]) -> dict[str, Any]:
    """Counts per value of each facet over the given entries, largest first."""
    out: dict[str, Any] = {"total": len(entries)}
    for facet in STAT_FACETS:
        counts: dict[str, int] = {}
        for entry in entries:
            if facet == "kind":
                values = [entry.kind]
            elif facet == "sources":
                values = _values(entry, "source")
            else:
                values = entry.as_list(facet)
            for value in dict.fromkeys(values):
                counts[value] = counts.get(value, 0) + 1
        out[facet] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return out

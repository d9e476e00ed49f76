"""voorveld matrix: a cross-table, by default initiatives x laws."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from voorveld_cli.cli.emit import emit
from voorveld_cli.cli.options import TO_SCREEN, ContentDir, FilterValues, Output, listing_command
from voorveld_cli.cli.output import load_corpus, make_filters
from voorveld_cli.views.view import Col, View


class RowAxis(str, Enum):
    entry = "entry"
    theme = "theme"
    kind = "kind"
    province = "province"
    place = "place"
    source = "source"


class ColumnAxis(str, Enum):
    law = "law"
    theme = "theme"
    kind = "kind"
    province = "province"
    source = "source"


@listing_command
def run(
    rows: Annotated[
        RowAxis,
        typer.Option("--rows", help="Rijen: entry (elk item), theme, kind, province, place of source."),
    ] = RowAxis.entry,
    cols: Annotated[
        ColumnAxis, typer.Option("--cols", help="Kolommen: law (standaard), theme, kind, province of source.")
    ] = ColumnAxis.law,
    filter_values: FilterValues | None = None,
    out: Output = TO_SCREEN,
    content_dir: ContentDir = None,
) -> None:
    """Kruistabel met totalen: standaard initiatieven tegen wetten, ● genoemd door de bron, ○ afgeleid.

    Zonder --kind telt de tabel alleen initiatieven. Met --explicit tellen afgeleide wetten niet mee.

    Voorbeelden: voorveld matrix; voorveld matrix --rows theme (aantallen per thema en wet);
    voorveld matrix --kind case --format md; voorveld matrix --rows province --cols theme;
    voorveld matrix --rows theme -o thema-wet.csv
    """
    from voorveld_cli.content.filters import apply
    from voorveld_cli.views.tables import matrix

    corpus = load_corpus(content_dir)
    # Initiatives unless asked otherwise (or unless the rows are the kinds themselves).
    values = dict(filter_values or {})
    values["kinds"] = values.get("kinds") or ([] if rows is RowAxis.kind else ["initiative"])
    filters = make_filters(corpus.vocab, values)
    entries = apply(corpus.entries, filters)
    result = matrix(entries, rows.value, cols.value, corpus.vocab, explicit_only=filters.explicit_only)

    emit(
        matrix_view(result, rows, cols, len(entries), corpus.vocab),
        out.fmt,
        out.path,
        out.force,
        corpus.root,
    )


def matrix_view(result, rows: RowAxis, cols: ColumnAxis, count: int, vocab) -> View:
    """Rows with their label (and id), a column per value, totals; law headers shorten on a narrow
    terminal, and when even that does not fit every row becomes a block of 'wmo ●' pairs."""
    from voorveld_cli.views import labels
    from voorveld_cli.views.tables import cell_text

    first = labels.axis(rows.value)
    by_entry = rows is RowAxis.entry
    table = []
    for row in result.rows:
        line = {"label": result.row_labels[row], "id": row if by_entry else ""}
        line.update({f"c:{c}": cell_text(result, row, c) for c in result.columns})
        line["total"] = str(result.row_total(row))
        table.append(line)
    table += total_rows(result, cols) if result.rows else []  # no items: nothing to total
    columns = [Col("label", first, priority=2 if by_entry else 0, min_width=16, style="bold")]
    if by_entry:
        # A total row has no id: it shows its label there when the label column is left out.
        columns.append(Col("id", "id", priority=0, kind="id", style="cyan", fallback="label"))
    for c in result.columns:
        short = labels.law_short(vocab, c) if cols is ColumnAxis.law else ""
        columns.append(Col(f"c:{c}", result.column_labels[c], priority=0, kind="mark", short=short))
    columns.append(Col("total", labels.column("total"), priority=1, kind="num", style="bold"))
    legend = f"{labels.plural(count, 'item')}."
    if cols is ColumnAxis.law:
        legend = f"● genoemd door de bron, ○ door ons afgeleid. {legend}"
    keys = [(col.key, col.header) for col in columns]
    return View(
        columns,
        table,
        payload=result.as_dict(),
        ids=list(result.rows) if by_entry else [],
        csv_columns=keys,
        md_columns=keys,
        legend=[legend],
        stack_labels=True,
        empty="Geen items die aan de filters voldoen.",
    )


def total_rows(result, cols: ColumnAxis) -> list[dict[str, str]]:
    """Column totals; for laws one row for named (●), one for inferred (○) and their sum."""
    from voorveld_cli.views import labels
    from voorveld_cli.views.tables import EXPLICIT_MARK, INFERRED_MARK

    grand = str(sum(result.row_total(r) for r in result.rows))
    totals = {c: result.column_total(c) for c in result.columns}
    if cols is not ColumnAxis.law:
        row = {f"c:{c}": str(sum(t.values())) for c, t in totals.items()}
        return [{"label": labels.column("total"), "id": "", **row, "total": grand}]
    rows = []
    for how, label in (("explicit", f"genoemd {EXPLICIT_MARK}"), ("inferred", f"afgeleid {INFERRED_MARK}")):
        row = {f"c:{c}": str(t.get(how, 0)) for c, t in totals.items()}
        rows.append({"label": label, "id": "", **row, "total": str(sum(int(v) for v in row.values()))})
    row = {f"c:{c}": str(sum(t.values())) for c, t in totals.items()}
    rows.append({"label": labels.column("total"), "id": "", **row, "total": grand})
    return rows

"""voorveld matrix: a cross-table, by default initiatives x laws."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from ..options import (
    ContentDir,
    ExplicitOption,
    Format,
    FormatOption,
    KindOption,
    LawOption,
    PlaceOption,
    ProvinceOption,
    SourceOption,
    ThemeOption,
)
from ..output import load_corpus, make_filters, write


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


def run(
    rows: Annotated[
        RowAxis,
        typer.Option("--rows", help="Rijen: entry (elk item), theme, kind, province, place of source."),
    ] = RowAxis.entry,
    cols: Annotated[
        ColumnAxis, typer.Option("--cols", help="Kolommen: law (standaard), theme, kind, province of source.")
    ] = ColumnAxis.law,
    kind: KindOption = None,
    theme: ThemeOption = None,
    law: LawOption = None,
    place: PlaceOption = None,
    province: ProvinceOption = None,
    source: SourceOption = None,
    explicit: ExplicitOption = False,
    fmt: FormatOption = Format.table,
    content_dir: ContentDir = None,
) -> None:
    """Kruistabel met totalen: standaard initiatieven tegen wetten, ● genoemd door de bron, ○ afgeleid.

    Zonder --kind telt de tabel alleen initiatieven. Met --explicit tellen afgeleide wetten niet mee.

    Voorbeelden: voorveld matrix; voorveld matrix --rows theme (aantallen per thema en wet);
    voorveld matrix --kind case --format md; voorveld matrix --rows province --cols theme
    """
    from ...filters import apply
    from ...tables import cell_text, matrix, total_text

    corpus = load_corpus(content_dir)
    # Initiatives unless asked otherwise (or unless the rows are the kinds themselves).
    kinds = kind or ([] if rows is RowAxis.kind else ["initiative"])
    filters = make_filters(
        corpus.vocab,
        kind=kinds,
        theme=theme,
        law=law,
        place=place,
        province=province,
        source=source,
        explicit=explicit,
    )
    entries = apply(corpus.entries, filters)
    result = matrix(entries, rows.value, cols.value, corpus.vocab, explicit_only=explicit)

    if fmt is Format.json:
        from ...render.plain import to_json

        write(to_json(result.as_dict()))
        return
    first = "item" if rows is RowAxis.entry else rows.value
    table = []
    for row in result.rows:
        line = {first: result.row_labels[row]}
        if rows is RowAxis.entry:
            line["id"] = row
        for column in result.columns:
            line[column] = cell_text(result, row, column)
        line["totaal"] = str(result.row_total(row))
        table.append(line)
    totals = {first: "totaal", "id": ""}
    for column in result.columns:
        totals[column] = total_text(result.column_total(column), cols.value)
    totals["totaal"] = str(sum(result.row_total(r) for r in result.rows))
    table.append(totals)
    keys = [first, *(["id"] if rows is RowAxis.entry else []), *result.columns, "totaal"]
    headers = [
        first,
        *(["id"] if rows is RowAxis.entry else []),
        *(result.column_labels[c] for c in result.columns),
        "totaal",
    ]
    legend = (
        f"● genoemd door de bron, ○ door ons afgeleid. {len(entries)} items."
        if cols is ColumnAxis.law
        else f"{len(entries)} items."
    )

    if fmt is Format.csv:
        from ...render.plain import to_csv

        write(to_csv([dict(zip(headers, (r.get(k, "") for k in keys), strict=True)) for r in table], headers))
        return
    if fmt is Format.md:
        from ...render.plain import to_markdown

        write(to_markdown(table, keys, headers) + "\n" + legend + "\n")
        return

    from ...render.console import Column, make_console, print_table

    columns = [Column(first, first, "bold", max_width=34)]
    if rows is RowAxis.entry:
        columns.append(Column("id", "id", "cyan dim", max_width=24, no_wrap=True))
    columns += [Column(c, result.column_labels[c], max_width=14) for c in result.columns]
    columns.append(Column("totaal", "totaal", "bold"))
    print_table(make_console(), columns, table, caption=legend)

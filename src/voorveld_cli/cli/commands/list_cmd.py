"""voorveld list: every entry that passes the filters, no query."""

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
from ..output import load_corpus, make_filters, warn, write


class Sort(str, Enum):
    default = "default"
    id = "id"
    title = "title"
    place = "place"


def run(
    kind: KindOption = None,
    theme: ThemeOption = None,
    law: LawOption = None,
    place: PlaceOption = None,
    province: ProvinceOption = None,
    source: SourceOption = None,
    explicit: ExplicitOption = False,
    sort: Annotated[
        Sort, typer.Option("--sort", help="Volgorde: default (soort, nummer, titel), id, title of place.")
    ] = Sort.default,
    fmt: FormatOption = Format.table,
    content_dir: ContentDir = None,
) -> None:
    """Toon alle items die aan de filters voldoen.

    Voorbeelden: voorveld list --kind case; voorveld list --theme eenzaamheid --province Limburg;
    voorveld list --law pw --format csv > participatiewet.csv
    """
    from ...filters import apply
    from ...records import LIST_FIELDS, list_record
    from ...textnorm import fold
    from ..place_hint import place_hint

    corpus = load_corpus(content_dir)
    filters = make_filters(
        corpus.vocab,
        kind=kind,
        theme=theme,
        law=law,
        place=place,
        province=province,
        source=source,
        explicit=explicit,
    )
    entries = apply(corpus.entries, filters)
    if sort is Sort.id:
        entries.sort(key=lambda e: e.id)
    elif sort is Sort.title:
        entries.sort(key=lambda e: fold(e.title))
    elif sort is Sort.place:
        entries.sort(key=lambda e: (fold("; ".join(e.as_list("place"))) or "~", fold(e.title)))
    if not entries and filters.places:
        hint = place_hint(corpus, filters.places)
        if hint:
            warn(hint)

    rows = [list_record(e) for e in entries]
    if fmt is Format.json:
        from ...render.plain import to_json

        write(to_json(rows))
    elif fmt is Format.csv:
        from ...render.plain import to_csv

        write(to_csv(rows, LIST_FIELDS))
    elif fmt is Format.md:
        from ...render.plain import to_markdown

        write(to_markdown(rows, ("id", "kind", "title", "themes", "laws", "laws_inferred", "place")))
    else:
        from ...render.console import Column, law_labels, make_console, print_table, theme_labels

        table_rows = [
            {
                "id": e.id,
                "kind": e.kind,
                "title": e.title,
                "themes": theme_labels(e, corpus.vocab),
                "laws": law_labels(e),
                "place": e.as_list("place"),
            }
            for e in entries
        ]
        columns = [
            Column("id", "id", "cyan", max_width=28, no_wrap=True),
            Column("kind", "soort", "dim", no_wrap=True),
            Column("title", "titel", "bold", max_width=40),
            Column("themes", "thema's", max_width=30),
            Column("laws", "wetten", max_width=28),
            Column("place", "plaats", max_width=20),
        ]
        print_table(make_console(), columns, table_rows, caption=f"{len(entries)} items")

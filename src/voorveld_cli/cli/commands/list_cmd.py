"""voorveld list: every entry that passes the filters, no query."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from voorveld_cli.cli.emit import emit
from voorveld_cli.cli.options import TO_SCREEN, ContentDir, FilterValues, Output, listing_command
from voorveld_cli.cli.output import load_corpus, make_filters, warn
from voorveld_cli.views.view import Col, View


class Sort(Enum):
    default = "default"
    id = "id"
    title = "title"
    place = "place"


@listing_command
def run(
    filter_values: FilterValues | None = None,
    sort: Annotated[
        Sort, typer.Option("--sort", help="Volgorde: default (soort, nummer, titel), id, title of place.")
    ] = Sort.default,
    out: Output = TO_SCREEN,
    content_dir: ContentDir = None,
) -> None:
    """Toon alle items die aan de filters voldoen.

    Voorbeelden: voorveld list --kind case; voorveld list --theme eenzaamheid --province Zuid-Holland;
    voorveld list --law pw -o participatiewet.csv; voorveld list --kind case --format ids
    """
    from voorveld_cli.cli.place_hint import place_hint
    from voorveld_cli.content.filters import apply
    from voorveld_cli.textnorm import fold

    corpus = load_corpus(content_dir)
    filters = make_filters(corpus.vocab, filter_values)
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

    emit(list_view(entries, corpus.vocab), out.fmt, out.path, out.force, corpus.root)


def list_view(entries, vocab) -> View:
    """The list as a view: id and title first; place, laws and themes give way on a narrow terminal."""
    from voorveld_cli.views import labels
    from voorveld_cli.views.records import LIST_FIELDS, list_record

    records = [list_record(e) for e in entries]
    rows = [
        {
            **record,
            "kind_label": labels.kind(e.kind),
            "theme_labels": [vocab.label("themes", key) for key in e.as_list("themes")],
            "law_labels": labels.laws_text(e),
        }
        for e, record in zip(entries, records, strict=True)
    ]
    columns = [
        Col("id", labels.column("id"), priority=0, kind="id", style="cyan"),
        Col("title", labels.column("title"), priority=0, min_width=20, style="bold"),
        Col("kind_label", labels.column("kind"), priority=1, kind="tag", style="dim"),
        Col("place", labels.column("place"), priority=2, min_width=12),
        Col("law_labels", labels.column("laws"), priority=3, min_width=24),
        Col("theme_labels", labels.column("themes"), priority=4, min_width=30),
    ]
    return View(
        columns,
        rows,
        caption=[labels.plural(len(rows), "item")],
        payload=records,
        ids=[r["id"] for r in records],
        csv_columns=[(k, k) for k in LIST_FIELDS],
        md_columns=[(k, k) for k in ("id", "kind", "title", "themes", "laws", "laws_inferred", "place")],
        empty="Geen items die aan de filters voldoen.",
    )

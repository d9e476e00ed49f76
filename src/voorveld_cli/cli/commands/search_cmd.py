"""voorveld search QUERY: ranked Dutch full-text search with filters and facets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperCommand

from voorveld_cli.cli.options import ContentDir, FilterValues, ForceOption, FormatOption, filter_options


@filter_options
def run(
    query: Annotated[
        list[str],
        typer.Argument(
            metavar="QUERY",
            help='Zoekwoorden. "Aanhalingstekens" voor een zinsdeel, -woord om uit te sluiten.',
        ),
    ],
    filter_values: FilterValues | None = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="Maximaal aantal resultaten.")] = 10,
    fmt: FormatOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            help="Schrijf naar dit bestand (ook -o); de extensie kiest de vorm "
            "(.json, .csv, .md, .txt, .ids).",
            show_default=False,
        ),
    ] = None,
    force: ForceOption = False,
    content_dir: ContentDir = None,
) -> None:
    """Zoek in het Nederlands door alle items, gerangschikt, met filters en tellingen.

    Voorbeelden: voorveld search mantelzorg; voorveld search "sociaal makelaar" --format json;
    voorveld search eenzaamheid --province Limburg --kind initiative;
    voorveld search mantelzorg -o treffers.csv
    """
    from voorveld_cli.cli.search import execute

    execute(
        query,
        filter_values=filter_values,
        limit=limit,
        fmt=fmt,
        output=output,
        force=force,
        content_dir=content_dir,
    )


class SearchCommand(TyperCommand):
    """`-o FILE` as a word of its own means --output. Not a Click short option: Click would
    read the exclusion '-koffie' as '-k' plus '-o ffie'."""

    def parse_args(self, ctx, args):
        return super().parse_args(ctx, ["--output" if arg == "-o" else arg for arg in args])

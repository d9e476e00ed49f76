"""voorveld export: the whole corpus with every field, for analysis elsewhere."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..options import ContentDir
from ..output import fail, load_corpus


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


def run(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="jsonl (een item per regel) of csv.")
    ] = ExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Schrijf naar dit bestand.", show_default=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overschrijf een bestaand uitvoerbestand.")] = False,
    content_dir: ContentDir = None,
) -> None:
    """Exporteer het hele corpus met alle velden (en de tekst) naar JSON Lines of CSV.

    Voorbeelden: voorveld export > corpus.jsonl; voorveld export --format csv -o corpus.csv
    """
    from ...export import to_csv, to_jsonl
    from ..output import output_path

    corpus = load_corpus(content_dir)
    if output is not None:
        output = output_path(output, corpus.root, force)
    text = to_jsonl(corpus.entries) if fmt is ExportFormat.jsonl else to_csv(corpus.entries)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        fail(f"Kan {output} niet schrijven: {err.strerror}")
    typer.echo(f"{len(corpus.entries)} items geschreven naar {output}", err=True)

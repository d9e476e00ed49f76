"""voorveld export: the corpus (or what the filters keep) with every field, for analysis elsewhere."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from voorveld_cli.cli.options import (
    ContentDir,
    ExcelOption,
    FilterValues,
    ForceOption,
    OutputOption,
    filter_options,
)
from voorveld_cli.cli.output import fail, load_corpus, make_filters


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    ids = "ids"
    bulk = "bulk"


@filter_options
def run(
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            help="jsonl (een item per regel), csv, ids of bulk (OpenSearch/Elasticsearch: -o MAP krijgt "
            "bulk.ndjson en mapping.json). Standaard de extensie van -o, anders jsonl.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    excel: ExcelOption = False,
    filter_values: FilterValues | None = None,
    content_dir: ContentDir = None,
) -> None:
    """Exporteer alle items (of wat de filters overlaten) met alle velden en de tekst.

    Voorbeelden: voorveld export > corpus.jsonl; voorveld export -o corpus.csv;
    voorveld export --kind case --excel -o casussen.csv; voorveld export --format bulk -o cluster
    """
    from voorveld_cli.cli.emit import resolve_format
    from voorveld_cli.cli.output import output_path
    from voorveld_cli.content.filters import apply
    from voorveld_cli.views.export import to_csv, to_jsonl
    from voorveld_cli.views.labels import plural

    corpus = load_corpus(content_dir)
    filters = make_filters(corpus.vocab, filter_values)
    entries = apply(corpus.entries, filters)
    if fmt == ExportFormat.bulk:
        _bulk(entries, corpus, output, force)
        return
    target = output_path(output, corpus.root, force) if output is not None else None
    chosen = resolve_format(fmt and fmt.value, output, ("jsonl", "csv", "ids"), default="jsonl")
    if excel and chosen != "csv":
        fail("--excel geldt alleen voor CSV: geef --format csv of -o bestand.csv.", 2)
    if chosen == "csv":
        text = to_csv(entries, excel=excel)
    elif chosen == "ids":
        text = "".join(f"{e.id}\n" for e in entries)
    else:
        text = to_jsonl(entries)
    if target is None:
        sys.stdout.write(text)
    else:
        try:
            target.write_text(text, encoding="utf-8", newline="")
        except OSError as err:
            fail(f"Kan {output} niet schrijven: {err.strerror}")
        typer.echo(f"{plural(len(entries), 'item')} geschreven naar {output}", err=True)
    _stop_if_empty(entries)


def _bulk(entries, corpus, output, force: bool) -> None:
    """bulk.ndjson and mapping.json for a search cluster, in the folder -o names."""
    from voorveld_cli.search import bulk
    from voorveld_cli.views.labels import plural

    if output is None:
        fail("--format bulk schrijft twee bestanden: geef een map met -o, bijvoorbeeld -o cluster.", 2)
    folder = output.expanduser().resolve()
    if folder.is_relative_to(corpus.root.resolve()):
        fail(f"{output} ligt in de content-map; kies een map daarbuiten.", 2)
    if folder.exists() and not folder.is_dir():
        fail(f"{output} is een bestand; geef een map.", 2)
    existing = [name for name in ("bulk.ndjson", "mapping.json") if (folder / name).exists()]
    if existing and not force:
        fail(f"{output}/{existing[0]} bestaat al; gebruik --force om te overschrijven.")
    try:
        count = bulk.write(folder, entries, corpus.vocab, corpus.root)
    except OSError as err:
        fail(f"Kan niet schrijven in {output}: {err.strerror}")
    typer.echo(f"{plural(count, 'item')} geschreven naar {output}/bulk.ndjson (met mapping.json)", err=True)
    _stop_if_empty(entries)


def _stop_if_empty(entries) -> None:
    """What was written stays written (a header, empty files); the exit code says nothing matched."""
    if not entries:
        from voorveld_cli.cli.exitcodes import NOTHING_FOUND

        typer.echo("voorveld: Geen items die aan de filters voldoen.", err=True)
        raise typer.Exit(NOTHING_FOUND)

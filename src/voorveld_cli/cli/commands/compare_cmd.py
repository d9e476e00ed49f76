"""voorveld compare ID ID ...: fields as rows, entries as columns."""

from __future__ import annotations

from typing import Annotated

import typer

from voorveld_cli.cli.emit import emit
from voorveld_cli.cli.options import TO_SCREEN, ContentDir, Output, output_options
from voorveld_cli.cli.output import fail, find_or_fail, load_corpus, warn
from voorveld_cli.views.view import Col, View

SHORT_CELL = 180  # characters of one cell on a terminal; pipes and files get everything
MIN_COLUMN = 26


@output_options
def run(
    ids: Annotated[
        list[str], typer.Argument(metavar="ID...", help="Twee of meer ids (bijv. wmo-2015 participatiewet).")
    ],
    fields: Annotated[
        list[str] | None,
        typer.Option(
            "--fields",
            help="Welke rijen, in deze volgorde: komma-gescheiden of herhaald.",
            show_default=False,
        ),
    ] = None,
    out: Output = TO_SCREEN,
    content_dir: ContentDir = None,
) -> None:
    """Zet items naast elkaar: velden als rijen, items als kolommen. Op een terminal wordt lange
    tekst ingekort; JSON, CSV, Markdown en -o krijgen alles.

    Voorbeelden: voorveld compare athos kunst-op-recept; voorveld compare wmo-2015 participatiewet
    (de twee wetten naast elkaar); voorveld compare athos de-serre --fields place,funding,figures --format md;
    voorveld compare athos de-serre -o vergelijking.csv
    """
    from voorveld_cli.views.tables import compare, default_compare_fields

    if len(ids) < 2:
        fail("Geef minstens twee ids om te vergelijken.", 2)
    corpus = load_corpus(content_dir)
    entries = distinct_entries([find_or_fail(corpus, wanted) for wanted in ids])
    chosen = chosen_fields(fields or [])
    result = compare(entries, chosen or default_compare_fields(entries), corpus.vocab)
    if out.path is None and out.fmt in (None, "table"):
        print_terminal_table(result, entries)
    else:
        emit(compare_view(result, entries), out.fmt, out.path, out.force, corpus.root)


def distinct_entries(entries: list) -> list:
    """Each entry once (`compare athos athos`, or an id and its title); two at least."""
    unique = list({entry.id: entry for entry in entries}.values())
    if len(unique) < len(entries):
        doubles = sorted({e.id for e in entries if sum(o.id == e.id for o in entries) > 1})
        warn(f"{', '.join(doubles)} staat meer dan eens in de vergelijking; elk item krijgt één kolom.")
    if len(unique) < 2:
        fail("Geef minstens twee verschillende items om te vergelijken.", 2)
    return unique


def chosen_fields(options: list[str]) -> list[str]:
    """The fields of --fields, by name or Dutch label ('Plaats' and 'place' both work)."""
    from voorveld_cli.textnorm import fold
    from voorveld_cli.views.labels import did_you_mean
    from voorveld_cli.views.present import field_label
    from voorveld_cli.views.tables import known_compare_fields

    known = known_compare_fields()
    by_label: dict[str, str] = {fold(name): name for name in known}
    for name in known:  # the first field with a label wins ('Financiering' is funding, not financing)
        by_label.setdefault(fold(field_label(name)), name)
    chosen = [by_label.get(fold(n.strip()), n.strip()) for option in options for n in option.split(",")]
    for name in (n for n in chosen if n):
        if name not in known:
            hint = did_you_mean(name, known)
            fail(f"Onbekend veld '{name}' voor --fields.{hint} Velden: {', '.join(known)}.", 2)
    return [n for n in chosen if n]


def print_terminal_table(result, entries) -> None:
    """On a terminal: as many entries side by side as fit, long cells shortened."""
    from voorveld_cli.render.console import Column, make_console, print_table
    from voorveld_cli.render.plain import cell

    console = make_console()
    on_terminal = console.width < 10_000
    per_table = max(1, (console.width - 22) // MIN_COLUMN) if on_terminal else len(entries)
    for start in range(0, len(entries), per_table):
        chunk = range(start, min(start + per_table, len(entries)))
        table_columns = [Column("veld", "", "bold cyan", max_width=22)]
        table_columns += [Column(str(i), entries[i].title, max_width=None) for i in chunk]
        rows = []
        for row in result.rows:
            shown = {"veld": row["label"]}
            for i in chunk:
                text = cell(row["values"][i])
                cut = on_terminal and len(text) > SHORT_CELL
                shown[str(i)] = text[: SHORT_CELL - 1] + "…" if cut else text
            rows.append(shown)
        print_table(console, table_columns, rows)


def compare_view(result, entries) -> View:
    """For -o and --format ids: the same rows as the table, every cell whole."""
    flat = [
        {"veld": row["label"], **{e.id: v for e, v in zip(entries, row["values"], strict=True)}}
        for row in result.rows
    ]
    csv_rows = [{**r, "veld": row["field"]} for r, row in zip(flat, result.rows, strict=True)]
    columns = [Col("veld", "veld", priority=0), *(Col(e.id, e.title, priority=0) for e in entries)]
    return View(
        columns,
        flat,
        payload=result.as_dict(),
        ids=[e.id for e in entries],
        csv_columns=[("veld", "veld"), *((e.id, e.id) for e in entries)],
        csv_rows=csv_rows,
    )

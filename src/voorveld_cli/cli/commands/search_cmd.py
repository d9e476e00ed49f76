"""voorveld search QUERY: ranked Dutch full-text search with filters and facets."""

from __future__ import annotations

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
    ThemeOption,
    fail,
    warn,
    write,
)

MAX_QUERY = 1000  # characters; longer input is cut, with a notice


def run(
    query: Annotated[
        list[str],
        typer.Argument(
            metavar="QUERY",
            help='Zoekwoorden. "Aanhalingstekens" voor een zinsdeel, -woord om uit te sluiten.',
        ),
    ],
    kind: KindOption = None,
    theme: ThemeOption = None,
    law: LawOption = None,
    place: PlaceOption = None,
    province: ProvinceOption = None,
    explicit: ExplicitOption = False,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="Maximaal aantal resultaten.")] = 10,
    fmt: FormatOption = Format.table,
    content_dir: ContentDir = None,
) -> None:
    """Zoek in het Nederlands door alle items, gerangschikt, met filters en tellingen.

    Voorbeelden: voorveld search mantelzorg; voorveld search "sociaal makelaar" --format json;
    voorveld search eenzaamheid --province Limburg --kind initiative
    """
    from ...index import search_corpus
    from ...locate import ContentNotFound, find_content_root
    from ...vocabulary import load as load_vocabulary
    from ..options import make_filters, report_skipped

    unknown = [word for word in query if word.startswith("--")]
    if unknown:
        fail(f"Onbekende optie '{unknown[0]}'. Zie: voorveld search --help", 2)
    text = " ".join(query).strip()
    if not text:
        fail("Geef een zoekvraag, bijvoorbeeld: voorveld search mantelzorg", 2)
    if len(text) > MAX_QUERY:
        warn(f"zoekvraag ingekort tot {MAX_QUERY} tekens")
        text = text[:MAX_QUERY]
    try:
        root = find_content_root(content_dir)
    except ContentNotFound as err:
        fail(str(err), 2 if content_dir else 1)
    vocab, _ = load_vocabulary(root)
    filters = make_filters(
        vocab, kind=kind, theme=theme, law=law, place=place, province=province, explicit=explicit
    )

    result, report = search_corpus(root, vocab, text, filters, limit=limit)
    for notice in report.notices + result.notices:
        warn(notice)
    report_skipped({rel: [message] for rel, message in report.broken.items()})
    emit(result, fmt, vocab)


def emit(result, fmt: Format, vocab) -> None:
    if fmt is Format.json:
        from ...render.plain import to_json

        write(to_json(result.as_dict()))
        return
    rows = []
    for rank, hit in enumerate(result.hits, 1):
        rows.append({"rank": rank, "score": round(hit.score, 2), "snippet": hit.snippet, **hit.record})
    columns = (
        "rank",
        "id",
        "kind",
        "title",
        "score",
        "snippet",
        "themes",
        "laws",
        "laws_inferred",
        "place",
        "province",
        "path",
    )
    if fmt is Format.csv:
        from ...render.plain import strip_marks, to_csv

        for row in rows:
            row["snippet"] = strip_marks(row["snippet"])
        write(to_csv(rows, columns))
        return
    if fmt is Format.md:
        from ...render.plain import md_marks, to_markdown

        for row in rows:
            row["snippet"] = md_marks(row["snippet"])
        write(to_markdown(rows, ("rank", "id", "kind", "title", "score", "snippet")))
        return

    from ...render.console import Column, make_console, print_table

    console = make_console()
    if result.suggestion:
        console.print(f"Geen resultaten voor '{result.query}'. Bedoelde u: [bold]{result.suggestion}[/bold]?")
    elif result.mode == "or" and result.total:
        console.print("Geen item bevat alle woorden; dit zijn items met een of meer ervan.", style="dim")
    if not result.total:
        console.print(f"Niets gevonden voor '{result.query}'.")
        return
    columns = [
        Column("rank", "#", "dim", no_wrap=True),
        Column("id", "id", "cyan", max_width=26, no_wrap=True),
        Column("title", "titel", "bold", max_width=32),
        Column("snippet", "fragment", max_width=70),
    ]
    print_table(
        console,
        columns,
        rows,
        caption=f"{result.total} gevonden, {len(rows)} getoond\n{facet_footer(result, vocab)}",
    )


def facet_footer(result, vocab) -> str:
    """'soort: initiative 12, term 3 · thema: ...' for under the table."""
    labels = {
        "kind": "soort",
        "themes": "thema",
        "laws": "wet (genoemd)",
        "laws_inferred": "wet (afgeleid)",
        "province": "provincie",
    }
    lines = []
    for name, counts in result.facets.items():
        if not counts:
            continue
        shown = list(counts.items())[:6]
        values = ", ".join(f"{vocab.label('themes', k) if name == 'themes' else k} {n}" for k, n in shown)
        more = f", +{len(counts) - 6}" if len(counts) > 6 else ""
        lines.append(f"{labels[name]}: {values}{more}")
    return "\n".join(lines)

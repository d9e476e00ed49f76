"""The work of `voorveld search`, without Typer: shared by the Typer command and
by the start-up fast path (fastpath.py), so both behave the same by construction."""

from __future__ import annotations

from pathlib import Path

from .output import Format, fail, warn, write

MAX_QUERY = 1000  # characters; longer input is cut, with a notice


def execute(
    query: list[str],
    *,
    kind=None,
    theme=None,
    law=None,
    place=None,
    province=None,
    source=None,
    explicit: bool = False,
    limit: int = 10,
    fmt: Format = Format.table,
    content_dir: Path | None = None,
) -> None:
    from ..index import current_vocabulary, search_corpus
    from ..locate import ContentNotFound, find_content_root
    from .output import make_filters, report_skipped

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
    vocab, _ = current_vocabulary(root)
    filters = make_filters(
        vocab,
        kind=kind,
        theme=theme,
        law=law,
        place=place,
        province=province,
        source=source,
        explicit=explicit,
    )

    result, report = search_corpus(root, vocab, text, filters, limit=limit)
    for notice in report.notices + result.notices:
        warn(notice)
    report_skipped({rel: [message] for rel, message in report.broken.items()})
    emit(result, fmt, vocab)


def emit(result, fmt: Format, vocab) -> None:
    if fmt is Format.json:
        from ..render.plain import to_json

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
        from ..render.plain import strip_marks, to_csv

        for row in rows:
            row["snippet"] = strip_marks(row["snippet"])
        write(to_csv(rows, columns))
        return
    if fmt is Format.md:
        from ..render.plain import md_marks, to_markdown

        for row in rows:
            row["snippet"] = md_marks(row["snippet"])
        write(to_markdown(rows, ("rank", "id", "kind", "title", "score", "snippet")))
        return

    from ..render.console import Column, make_console, print_table

    console = make_console()
    if result.suggestion:
        console.print(f"Bedoelde u: [bold]{result.suggestion}[/bold]?")
    elif result.mode == "or" and result.total:
        console.print("Niet elk item bevat alle woorden; items met de meeste staan bovenaan.", style="dim")
    for card in result.cards:  # the terms the query names, defined before the practice that uses them
        console.print(f"[bold]{card['title']}[/bold] ({card['id']}): {card['definition']}", highlight=False)
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

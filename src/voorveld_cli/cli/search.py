"""The work of `voorveld search`, without Typer: shared by the Typer command and
by the start-up fast path (fastpath.py), so both behave the same by construction."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from voorveld_cli.cli import startup
from voorveld_cli.cli.output import Format, content_root, fail, warn

MAX_QUERY = 1000  # characters; longer input is cut, with a notice


def execute(
    query: list[str],
    *,
    filter_values: Mapping[str, Any] | None = None,
    limit: int = 10,
    fmt: Format | None = None,
    output: Path | None = None,
    force: bool = False,
    content_dir: Path | None = None,
) -> None:
    from voorveld_cli.search import freshness

    unknown = [word for word in query if word.startswith("--")]
    if unknown:
        fail(f"Onbekende optie '{unknown[0]}'. Zie: voorveld search --help", 2)
    text = " ".join(query).strip()
    if not text:
        fail("Geef een zoekvraag, bijvoorbeeld: voorveld search mantelzorg", 2)
    if len(text) > MAX_QUERY:
        warn(f"zoekvraag ingekort tot {MAX_QUERY} tekens")
        text = text[:MAX_QUERY]
    root = content_root(content_dir)
    freshness.start_early(root)  # a large corpus's check runs while the search code loads

    from voorveld_cli.cli.output import make_filters, report_skipped, stop_on_broken_configuration
    from voorveld_cli.search.query import search_corpus
    from voorveld_cli.search.store import current_vocabulary

    startup.ready()
    vocab, problems = current_vocabulary(root)
    stop_on_broken_configuration(problems)
    filters = make_filters(vocab, filter_values)

    try:
        result, report = search_corpus(root, vocab, text, filters, limit=limit)
    except KeyboardInterrupt:  # e.g. during the first build of a large corpus
        fail("afgebroken; de index is niet gewijzigd", 130)
    for notice in report.notices + result.notices:
        warn(notice)
    report_skipped({rel: [message] for rel, message in report.broken.items()})
    emit_result(result, fmt, vocab, output, force, root)


def emit_result(
    result, fmt: Format | None, vocab, output: Path | None = None, force: bool = False, root=None
):
    from voorveld_cli.cli.emit import emit

    emit(search_view(result, vocab), fmt and fmt.value, output, force, root)


def search_view(result, vocab):
    """Hits as compact blocks on a terminal; the same rows for CSV, Markdown and ids."""
    from voorveld_cli.render.plain import md_marks, strip_marks
    from voorveld_cli.views import labels
    from voorveld_cli.views.view import Col, View

    rows = []
    for rank, hit in enumerate(result.hits, 1):
        record = hit.record
        rows.append(
            {"rank": rank, "score": round(hit.score, 2), "snippet": hit.snippet, **record}
            | {"kind_label": labels.kind(record["kind"])}
        )
    csv_rows = [{**row, "snippet": strip_marks(row["snippet"])} for row in rows]
    md_rows = [{**row, "snippet": md_marks(row["snippet"])} for row in rows]
    notes = []
    if result.suggestion:
        notes.append(labels.bedoelde_u([result.suggestion]).strip())
    elif result.mode == "or" and result.total:
        notes.append("Niet elk item bevat alle woorden; items met de meeste staan bovenaan.")
    # The terms the query names, defined above the practice that uses them.
    notes += [f"{card['title']} ({card['id']}): {card['definition']}" for card in result.cards]
    caption = [f"{result.total} gevonden, {len(rows)} getoond"] if rows else []
    caption += facet_lines(result, vocab) if rows else []
    keys = ("rank", "id", "kind", "title", "score", "snippet", "themes", "laws", "laws_inferred", "place")
    view = View(
        [Col(k, k) for k in ("rank", "id", "kind", "title", "snippet")],
        rows,
        caption=caption,
        payload=result.as_dict(),
        ids=[row["id"] for row in rows],
        csv_columns=[(k, k) for k in (*keys, "province", "path")],
        csv_rows=csv_rows,
        md_columns=[(k, k) for k in ("rank", "id", "kind", "title", "score", "snippet")],
        layout="hits",
        empty=f"Niets gevonden voor '{result.query}'.",
        notes=notes,
    )
    view.markdown = lambda: _md(md_rows)
    return view


def _md(rows) -> str:
    from voorveld_cli.render.plain import to_markdown

    return to_markdown(rows, ("rank", "id", "kind", "title", "score", "snippet"))


def facet_lines(result, vocab) -> list[str]:
    """'soort: initiatief 12, begrip 3', 'thema: ...' for under the hits, every value in Dutch."""
    from voorveld_cli.views import labels

    lines = []
    for name, counts in result.facets.items():
        if not counts:
            continue
        shown = list(counts.items())[:6]
        values = ", ".join(f"{labels.value(vocab, name, k)} {n}" for k, n in shown)
        more = f", nog {len(counts) - 6}" if len(counts) > 6 else ""
        lines.append(f"{labels.facet(name)}: {values}{more}")
    return lines

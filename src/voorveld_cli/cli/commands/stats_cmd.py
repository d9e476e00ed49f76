"""voorveld stats: counts per kind, theme, law, province and source."""

from __future__ import annotations

from voorveld_cli.cli.emit import emit
from voorveld_cli.cli.options import TO_SCREEN, ContentDir, FilterValues, Output, listing_command
from voorveld_cli.cli.output import load_corpus, make_filters
from voorveld_cli.views.view import Col, Group, View


@listing_command
def run(
    filter_values: FilterValues | None = None,
    out: Output = TO_SCREEN,
    content_dir: ContentDir = None,
) -> None:
    """Tellingen per soort, thema, wet, provincie en bron (met dezelfde filters als list).

    Voorbeelden: voorveld stats; voorveld stats --kind initiative --format json;
    voorveld stats --province Limburg -o limburg.csv
    """
    from voorveld_cli.content.filters import apply
    from voorveld_cli.views.tables import stats

    corpus = load_corpus(content_dir)
    filters = make_filters(corpus.vocab, filter_values)
    counts = stats(apply(corpus.entries, filters))

    emit(stats_view(counts, corpus.vocab), out.fmt, out.path, out.force, corpus.root)


def stats_view(counts, vocab) -> View:
    """One small table per facet, every value in Dutch; CSV gets one long table."""
    from voorveld_cli.views import labels
    from voorveld_cli.views.tables import STAT_FACETS

    long_rows = [
        {"facet": facet, "value": value, "label": labels.value(vocab, facet, value), "count": n}
        for facet in STAT_FACETS
        for value, n in counts[facet].items()
    ]
    groups = [
        Group(labels.facet(facet), [r for r in long_rows if r["facet"] == facet])
        for facet in STAT_FACETS
        if counts[facet]
    ]
    return View(
        [
            Col("label", labels.column("value"), priority=0, min_width=20),
            Col("count", labels.column("count"), priority=0, kind="num"),
        ],
        groups=groups,
        notes=[labels.plural(counts["total"], "item")],
        payload=counts,
        csv_columns=[(k, k) for k in ("facet", "value", "label", "count")],
        csv_rows=long_rows,
        empty="Geen items die aan de filters voldoen.",
    )

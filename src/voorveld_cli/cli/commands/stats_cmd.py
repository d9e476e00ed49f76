"""voorveld stats: counts per kind, theme, law, province and source."""

from __future__ import annotations

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
from ..output import load_corpus, make_filters, write

FACET_LABELS = {
    "kind": "soort",
    "themes": "thema",
    "laws": "wet (genoemd)",
    "laws_inferred": "wet (afgeleid)",
    "province": "provincie",
    "sources": "bron",
}


def run(
    kind: KindOption = None,
    theme: ThemeOption = None,
    law: LawOption = None,
    place: PlaceOption = None,
    province: ProvinceOption = None,
    source: SourceOption = None,
    explicit: ExplicitOption = False,
    fmt: FormatOption = Format.table,
    content_dir: ContentDir = None,
) -> None:
    """Tellingen per soort, thema, wet, provincie en bron (met dezelfde filters als list).

    Voorbeelden: voorveld stats; voorveld stats --kind initiative --format json;
    voorveld stats --province Limburg --format csv
    """
    from ...filters import apply
    from ...tables import STAT_FACETS, stats

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
    counts = stats(apply(corpus.entries, filters))

    def label(facet: str, value: str) -> str:
        if facet == "themes":
            return corpus.vocab.label("themes", value)
        if facet == "sources":
            return str(corpus.vocab.sources.get(value, {}).get("title", value))
        return value

    if fmt is Format.json:
        from ...render.plain import to_json

        write(to_json(counts))
        return
    long_rows = [
        {"facet": facet, "value": value, "label": label(facet, value), "count": n}
        for facet in STAT_FACETS
        for value, n in counts[facet].items()
    ]
    if fmt is Format.csv:
        from ...render.plain import to_csv

        write(to_csv(long_rows, ("facet", "value", "label", "count")))
        return
    if fmt is Format.md:
        from ...render.plain import to_markdown

        parts = [f"{counts['total']} items\n"]
        for facet in STAT_FACETS:
            rows = [r for r in long_rows if r["facet"] == facet]
            if rows:
                parts.append(
                    f"### {FACET_LABELS[facet]}\n\n"
                    + to_markdown(rows, ("label", "count"), (FACET_LABELS[facet], "aantal"))
                )
        write("\n".join(parts))
        return

    from ...render.console import Column, make_console, print_table

    console = make_console()
    console.print(f"[bold]{counts['total']}[/bold] items")
    for facet in STAT_FACETS:
        rows = [r for r in long_rows if r["facet"] == facet]
        if rows:
            print_table(
                console, [Column("label", FACET_LABELS[facet], max_width=60), Column("count", "aantal")], rows
            )

"""voorveld handout: printable handouts of cases (or any entry), one or a bundle."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ...labels import plural
from ..options import (
    ContentDir,
    ExplicitOption,
    KindOption,
    LawOption,
    PlaceOption,
    ProvinceOption,
    SourceOption,
    ThemeOption,
)
from ..output import fail, find_or_fail, load_corpus, make_filters


class HandoutFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


def run(
    ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="[ID]...", help="Ids; of gebruik de filters.", show_default=False),
    ] = None,
    fmt: Annotated[HandoutFormat, typer.Option("--format", help="md, html of pdf.")] = HandoutFormat.md,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Schrijf naar dit bestand.", show_default=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overschrijf een bestaand uitvoerbestand.")] = False,
    title: Annotated[
        str | None, typer.Option("--title", help="Titel van de bundel (voorblad).", show_default=False)
    ] = None,
    lines: Annotated[int, typer.Option("--lines", min=0, max=20, help="Schrijflijnen onder elke vraag.")] = 4,
    kind: KindOption = None,
    theme: ThemeOption = None,
    law: LawOption = None,
    place: PlaceOption = None,
    province: ProvinceOption = None,
    source: SourceOption = None,
    explicit: ExplicitOption = False,
    content_dir: ContentDir = None,
) -> None:
    """Maak een printbare handout: per item een A4, of een bundel met voorblad en inhoud.

    Voorbeelden: voorveld handout casus-01-opgeruimd-staat-netjes --format pdf -o casus1.pdf;
    voorveld handout --kind case --theme eenzaamheid --format pdf -o eenzaamheid.pdf;
    voorveld handout athos --format html > athos.html
    """
    from ...filters import apply
    from ...handouts import html, markdown, model
    from ..output import output_path

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
    if ids:
        entries = [find_or_fail(corpus, wanted) for wanted in ids]
        entries = [e for e in entries if filters.is_empty() or e in apply(entries, filters)]
    elif filters.is_empty():
        fail("Geef een of meer ids, of filters zoals --kind case --theme eenzaamheid.", 2)
    else:
        entries = apply(corpus.entries, filters)
    if not entries:
        fail("Geen items voor deze handout: niets voldoet aan de filters.")

    target = output_path(output, corpus.root, force) if output is not None else None
    selection = "" if ids else describe(filters, corpus.vocab)
    doc = model.document(entries, corpus.vocab, title=title, lines_per_question=lines, selection=selection)
    if fmt is HandoutFormat.pdf:
        from ...handouts import pdf

        if target is None and sys.stdout.isatty():
            fail(
                "Een PDF is binair en hoort niet in de terminal: geef -o handout.pdf of stuur de uitvoer "
                "naar een bestand (> handout.pdf).",
                2,
            )
        try:
            data = pdf.render(doc)
        except pdf.MissingDependency as err:
            fail(str(err))
    else:
        renderer = markdown if fmt is HandoutFormat.md else html
        data = renderer.render(doc).encode("utf-8")

    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        target.write_bytes(data)
    except OSError as err:
        fail(f"Kan {output} niet schrijven: {err.strerror}")
    typer.echo(f"{plural(len(entries), 'item')} geschreven naar {output}", err=True)


def describe(filters, vocab) -> str:
    """The filters in words, for the cover: 'thema Eenzaamheid; provincie Limburg'."""
    parts = []
    for label, name, values in (
        ("thema", "themes", filters.themes),
        ("wet", "laws", filters.laws),
        ("provincie", "provinces", filters.provinces),
        ("bron", "sources", filters.sources),
    ):
        if values:
            parts.append(f"{label} " + " of ".join(vocab.label(name, v) for v in values))
    if filters.places:
        parts.append("plaats " + " of ".join(p.title() for p in filters.places))
    return "; ".join(parts)

"""voorveld handout: printable handouts of cases (or any entry), one or a bundle."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from voorveld_cli.cli.options import (
    ContentDir,
    FilterValues,
    filter_options,
)
from voorveld_cli.cli.output import fail, find_or_fail, load_corpus, make_filters, warn
from voorveld_cli.render import on_terminal


class HandoutFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"


class Edition(str, Enum):
    participant = "participant"
    trainer = "trainer"


# -o's extension decides the format; --format may only agree with it.
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}
BINARY = {"pdf": "Een PDF", "docx": "Een Word-bestand"}


IdsArgument = Annotated[
    list[str] | None,
    typer.Argument(metavar="[ID]...", help="Ids; of gebruik de filters.", show_default=False),
]
FormatOption = Annotated[
    HandoutFormat | None,
    typer.Option("--format", help="md, html, pdf of docx (standaard: volgt de extensie van -o, anders md)."),
]
OutputOption = Annotated[
    Path | None, typer.Option("-o", "--output", help="Schrijf naar dit bestand.", show_default=False)
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overschrijf een bestaand uitvoerbestand.")]
TitleOption = Annotated[
    str | None, typer.Option("--title", help="Titel van de handout of bundel.", show_default=False)
]
EditionOption = Annotated[
    Edition,
    typer.Option(
        "--edition",
        help="participant: verhaal, dilemma en vragen; trainer: plus leerstijlen, kerngegevens, "
        "begrippen, literatuur en ruimte voor aantekeningen.",
    ),
]
PartOption = Annotated[
    int | None,
    typer.Option("--part", min=1, max=4, help="Alleen de casussen van dit deel (1-4).", show_default=False),
]
DuplexOption = Annotated[
    bool, typer.Option("--duplex", help="Dubbelzijdig printen: elk item begint op een rechterpagina.")
]
LinesOption = Annotated[int, typer.Option("--lines", min=0, max=20, help="Schrijflijnen onder elke vraag.")]


@filter_options
def run(
    ids: IdsArgument = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    title: TitleOption = None,
    edition: EditionOption = Edition.participant,
    part: PartOption = None,
    duplex: DuplexOption = False,
    lines: LinesOption = 4,
    filter_values: FilterValues | None = None,
    content_dir: ContentDir = None,
) -> None:
    """Maak een printbare handout: per item een A4, of een bundel met voorblad en inhoud.

    Voorbeelden: voorveld handout casus-01-opgeruimd-staat-netjes -o casus1.pdf;
    voorveld handout --part 2 --duplex --edition trainer -o deel2-trainer.pdf;
    voorveld handout --kind case --theme eenzaamheid -o eenzaamheid.docx;
    voorveld handout athos --format html > athos.html
    """
    from voorveld_cli.handouts import model

    chosen = choose_format(fmt, output)
    corpus = load_corpus(content_dir)
    filters = make_filters(corpus.vocab, filter_values)
    entries = select(corpus, ids, filters, part)
    target = output_path_for(output, corpus.root, force)
    selection = describe(filters, corpus, part, (filter_values or {}).get("places") or [])
    terms = [entry for entry in corpus.entries if entry.kind == "term"]
    doc = model.document(
        entries, corpus.vocab, title=title, lines_per_question=lines, selection=selection,
        edition=edition.value, terms=terms, duplex=duplex,
    )  # fmt: skip
    if chosen in BINARY and target is None and on_terminal(sys.stdout):
        fail(
            f"{BINARY[chosen]} is binair en hoort niet in de terminal: geef -o handout.{chosen} of stuur "
            f"de uitvoer naar een bestand (> handout.{chosen}).",
            2,
        )
    data = render(doc, chosen)
    write(data, target, output, model.count_text(entries))


def choose_format(fmt: HandoutFormat | None, output: Path | None) -> str:
    """The format: --format, or -o's extension; the two must agree."""
    implied = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
    if fmt is not None and output is not None and implied is not None and fmt.value != implied:
        fail(
            f"--format {fmt.value} past niet bij {output.name}: die extensie betekent {implied}. "
            f"Laat --format weg of kies een bestandsnaam die bij het formaat past.",
            2,
        )
    return fmt.value if fmt is not None else implied or "md"


def select(corpus, ids, filters, part: int | None) -> list:
    """The entries: the ids given (kept when they pass the filters), or every entry that passes."""
    from voorveld_cli.content.filters import apply

    if ids:
        entries = [find_or_fail(corpus, wanted) for wanted in ids]
        entries = [e for e in entries if filters.is_empty() or e in apply(entries, filters)]
    elif filters.is_empty() and part is None:
        fail("Geef een of meer ids, of filters zoals --kind case --theme eenzaamheid of --part 2.", 2)
    else:
        entries = apply(corpus.entries, filters)
    if part is not None:
        keys = {key for key, value in corpus.vocab.values("case_parts").items() if value.number == part}
        entries = [e for e in entries if e.kind == "case" and str(e.get("part", "")) in keys]
        entries.sort(key=lambda e: (int(e.get("number") or 0), e.id))
    if not entries:
        fail("Geen items voor deze handout: niets voldoet aan de filters.")
    return entries


def output_path_for(output: Path | None, root: Path, force: bool) -> Path | None:
    from voorveld_cli.cli.output import output_path

    return output_path(output, root, force) if output is not None else None


def render(doc, fmt: str) -> bytes:
    from voorveld_cli.handouts import html, markdown, pdf, word

    if fmt == "md":
        return markdown.render(doc).encode("utf-8")
    if fmt == "html":
        return html.render(doc).encode("utf-8")
    module = pdf if fmt == "pdf" else word
    if fmt == "pdf":
        report_missing_glyphs(doc)
    try:
        return module.render(doc)
    except module.MissingDependency as err:
        fail(str(err))


def report_missing_glyphs(doc) -> None:
    """Name every character the PDF font cannot draw, per entry: nothing is lost in silence."""
    from voorveld_cli.handouts import glyphs, pdf

    for entry, chars in pdf.missing_glyphs(doc):
        warn(f"{entry.id} ({entry.source_path}): {glyphs.message(chars)}; de PDF toont er een vakje (□).")
    chars = glyphs.missing(f"{doc.title} {doc.selection}")
    if chars:
        warn(f"titel: {glyphs.message(chars)}; de PDF toont er een vakje (□).")


def write(data: bytes, target: Path | None, output: Path | None, count: str) -> None:
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        target.write_bytes(data)
    except OSError as err:
        fail(f"Kan {output} niet schrijven: {err.strerror}")
    typer.echo(f"{count} geschreven naar {output}", err=True)


def describe(filters, corpus, part: int | None, places: list[str]) -> str:
    """The selection in words, for the cover and contents: 'Deel 2: Sociaal ondernemers; thema …'.

    Places are shown as the corpus writes them ('Capelle aan den IJssel'), never re-capitalised.
    """
    vocab = corpus.vocab
    parts = []
    if part is not None:
        parts += [v.label for v in vocab.values("case_parts").values() if v.number == part]
    for label, name, values in (
        ("thema", "themes", filters.themes),
        ("wet", "laws", filters.laws),
        ("provincie", "provinces", filters.provinces),
        ("bron", "sources", filters.sources),
    ):
        if values:
            parts.append(f"{label} " + " of ".join(vocab.label(name, v) for v in values))
    if places:
        parts.append("plaats " + " of ".join(place_as_written(corpus, p) for p in places if p.strip()))
    return "; ".join(parts)


def place_as_written(corpus, typed: str) -> str:
    """The corpus's own spelling of a place or area the user typed, else the words as typed."""
    from voorveld_cli.textnorm import fold

    wanted = fold(typed)
    for entry in corpus.entries:
        for name in [*entry.as_list("place"), *entry.as_list("area")]:
            if fold(str(name)) == wanted:
                return str(name)
    return typed.strip()

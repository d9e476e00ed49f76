"""voorveld site: the corpus (or what the filters keep) as a static, searchable web site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from voorveld_cli.cli.options import ContentDir, FilterValues, filter_options
from voorveld_cli.cli.output import fail, load_corpus, make_filters, warn

SiteDir = Annotated[
    Path,
    typer.Option("-o", "--output", help="De map waarin de site komt (wordt gemaakt als hij niet bestaat)."),
]
ForceDir = Annotated[
    bool, typer.Option("--force", help="Schrijf ook in een map die niet leeg is en geen eerdere site bevat.")
]
NoHandouts = Annotated[
    bool, typer.Option("--no-handouts", help="Sla de PDF-handouts van de casussen over (sneller).")
]
Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        min=1,
        max=16,
        help="Processen voor de PDF's (standaard: aantal kernen, max. 4).",
        show_default=False,
    ),
]

MARKER = "zoeken.html"  # a folder holding this was written by `voorveld site` before


@filter_options
def run(
    output: SiteDir,
    force: ForceDir = False,
    no_handouts: NoHandouts = False,
    jobs: Jobs = None,
    filter_values: FilterValues | None = None,
    content_dir: ContentDir = None,
) -> None:
    """Maak een statische website van de kennisbank: een pagina per item, overzichten met
    tellingen, de wettenmatrix, zoeken in de browser en de handouts van de casussen.

    De map is de hele site: open index.html in de browser of zet de map op een webserver.
    Voorbeelden: voorveld site -o site/; voorveld site --theme mantelzorg --no-handouts -o mantelzorg-site/
    """
    import importlib.util

    from voorveld_cli.content.filters import apply
    from voorveld_cli.site.build import build
    from voorveld_cli.views.labels import plural

    corpus = load_corpus(content_dir)
    filters = make_filters(corpus.vocab, filter_values)
    entries = apply(corpus.entries, filters)
    if not entries:
        fail("Geen items die aan de filters voldoen; er is geen site gemaakt.")
    target = _target(output, corpus.root, force)
    handouts = not no_handouts
    if handouts and importlib.util.find_spec("fpdf") is None:
        warn("fpdf2 is niet geïnstalleerd, dus de site krijgt geen PDF-handouts "
             "(installeer met: pip install 'voorveld[pdf]').")  # fmt: skip
        handouts = False
    terms = [e for e in corpus.entries if e.kind == "term"]
    try:
        report = build(entries, corpus.vocab, target, terms=terms, handouts=handouts, jobs=jobs)
    except OSError as err:
        fail(f"Kan de site niet schrijven in {output}: {err.strerror or err}")
    typer.echo(
        f"Site geschreven naar {output}: {plural(report.entries, 'item')}, {report.pages} pagina's, "
        f"{report.handouts} handouts. Open {output / 'index.html'} in de browser.",
        err=True,
    )


def _target(output: Path, content_root: Path, force: bool) -> Path:
    """The folder: never inside the content tree; an existing non-empty folder only when it
    holds an earlier site, or with --force."""
    target = output.expanduser().resolve()
    if target.is_relative_to(content_root.resolve()) or content_root.resolve().is_relative_to(target):
        fail(f"{output} overlapt met de content-map; kies een andere map voor de site.", 2)
    if target.exists() and not target.is_dir():
        fail(f"{output} is een bestand; geef een map.", 2)
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists() and not force:
        fail(f"{output} is niet leeg en bevat geen eerdere site; gebruik --force om er toch in te schrijven.")
    return target

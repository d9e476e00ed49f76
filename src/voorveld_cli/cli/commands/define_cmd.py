"""voorveld define TERM: a glossary look-up by term or alias."""

from __future__ import annotations

from typing import Annotated

import typer

from voorveld_cli.cli.commands.show_cmd import emit_entry, entry_output_options, referrers
from voorveld_cli.cli.completion import complete_terms
from voorveld_cli.cli.options import TO_SCREEN, ContentDir, Output
from voorveld_cli.cli.output import fail, load_corpus


@entry_output_options
def run(
    term: Annotated[
        list[str],
        typer.Argument(
            metavar="TERM",
            help="Begrip, afkorting of andere schrijfwijze (bijv. wmo, pw, voorveld).",
            autocompletion=complete_terms,
        ),
    ],
    out: Output = TO_SCREEN,
    content_dir: ContentDir = None,
) -> None:
    """Zoek een begrip op in de woordenlijst, ook op afkorting of alias.

    Voorbeelden: voorveld define wmo; voorveld define "Wet maatschappelijke ondersteuning"
    """
    from voorveld_cli.views.lookup import NotFound, find_term

    wanted = " ".join(term)
    corpus = load_corpus(content_dir)
    try:
        entry = find_term(corpus, wanted)
    except NotFound as err:
        from voorveld_cli.views.labels import bedoelde_u

        fail(f'{err}{bedoelde_u(err.suggestions)} Zoek breder met: voorveld search "{wanted}"')
    emit_entry(entry, corpus.vocab, out, corpus.root, referrers(corpus, entry))

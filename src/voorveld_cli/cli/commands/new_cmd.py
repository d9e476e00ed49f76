"""voorveld new KIND TITLE: scaffold a valid content file from the schema."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from voorveld_cli.cli.completion import complete_ids
from voorveld_cli.cli.options import ContentDir
from voorveld_cli.cli.output import fail, load_corpus, warn, write

if TYPE_CHECKING:
    from voorveld_cli.content.corpus import Corpus


def run(
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            help="initiative, case, term of article (ook: initiatief, casus, begrip, artikel).",
        ),
    ],
    title: Annotated[
        str, typer.Argument(metavar="TITEL", help="Titel van het nieuwe item; daaruit komt het id.")
    ],
    entry_id: Annotated[
        str | None,
        typer.Option("--id", help="Zelf een id kiezen in plaats van het af te leiden uit de titel."),
    ] = None,
    base_id: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="ID",
            help="Begin bij een bestaand item: neem de gedeelde velden over (plaats, thema's, wetten, "
            "bronnen, ...); titel, samenvatting, as_of en de tekst vul je zelf in.",
            autocompletion=complete_ids,
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Toon het bestand, schrijf niets.")] = False,
    content_dir: ContentDir = None,
) -> None:
    """Maak een nieuw content-bestand met alle velden en een korte uitleg per veld.

    Een casus krijgt het volgende vrije nummer (casus-17-titel.md). Lijkt de titel sterk
    op die van een bestaand item, dan waarschuwt new met het id daarvan. Vul daarna de
    TODO's in en draai voorveld check (of gebruik voorveld edit ID).

    Voorbeelden: voorveld new case "Een nieuwe vrijwilliger voor het buurthuis" --dry-run;
    voorveld new initiative "Buurtmoestuin Arnhem" --from athos --dry-run
    """
    from voorveld_cli.authoring.scaffold import render
    from voorveld_cli.content.filters import FilterError, resolve_kind

    try:
        kind = resolve_kind(kind)
    except FilterError as err:
        fail(str(err), 2)
    corpus = load_corpus(content_dir)
    base = _base_entry(corpus, base_id) if base_id is not None else None
    path = new_path(corpus, kind, title, entry_id)
    _warn_if_known(title, kind, corpus)
    text = render(kind, title, corpus, base)
    if dry_run:
        write(text)
    else:
        write_new(path, text, corpus)


def write_new(path: Path, text: str, corpus: Corpus) -> None:
    """Create the file, never over an existing one, and say where it is."""
    import os

    from voorveld_cli.settings import display_path, is_packaged

    if is_packaged(corpus.root):
        fail("Het meegeleverde corpus is alleen-lezen. Werk in een checkout of geef --content-dir op.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL: never overwrite, even in a race; O_NOFOLLOW: never through a link.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(path, flags, 0o644), "w", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        fail(f"{display_path(path)} bestaat al; voorveld new overschrijft nooit.")
    except OSError as err:
        fail(f"Kan {display_path(path)} niet schrijven: {err.strerror}")
    typer.echo(display_path(path))
    typer.echo(f"Vul de TODO's in en controleer met: voorveld check {display_path(path)}", err=True)


def new_path(corpus: Corpus, kind: str, title: str, entry_id: str | None) -> Path:
    """Where the new file goes; a clear exit when its id is invalid or taken."""
    import re

    from voorveld_cli.authoring.scaffold import ScaffoldError, new_id, target_path
    from voorveld_cli.content import schema
    from voorveld_cli.settings import display_path

    try:
        chosen = entry_id if entry_id is not None else new_id(title, kind, corpus)
        if not re.match(schema.ID_PATTERN, chosen):
            raise ScaffoldError(f"'{chosen}' is geen geldig id: kleine letters a-z, cijfers en streepjes.")
        path = target_path(corpus.root, kind, chosen)
    except ScaffoldError as err:
        fail(str(err), 2)
    existing = corpus.by_id().get(chosen)
    if existing is not None:
        fail(
            f"Er bestaat al een item met id '{chosen}': {existing.display_path}. Kies een ander id met --id."
        )
    if path.exists():
        fail(f"{display_path(path)} bestaat al; voorveld new overschrijft nooit.")
    return path


def _base_entry(corpus, base_id: str):
    from voorveld_cli.views.labels import bedoelde_u
    from voorveld_cli.views.lookup import NotFound, find_entry

    try:
        return find_entry(corpus, base_id)
    except NotFound as err:
        fail(f"--from: {err}{bedoelde_u(err.suggestions)}", 2)


def _warn_if_known(title: str, kind: str, corpus) -> None:
    """The maintainer's safety net: a title like one we have is most often the same item."""
    from voorveld_cli.content.titles import similar
    from voorveld_cli.views.labels import kind as kind_label

    match = similar(title, kind, corpus.entries)
    if match is not None:
        warn(
            f"er is al een {kind_label(kind)} met een (bijna) gelijke titel: '{match.title}' "
            f"({match.id}, {match.display_path}). Bewerk dat met: voorveld edit {match.id}"
        )

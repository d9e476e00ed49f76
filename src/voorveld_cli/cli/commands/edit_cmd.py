"""voorveld edit ID: open an entry in $EDITOR, then check it, the way git commit runs hooks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from voorveld_cli.cli.completion import complete_ids
from voorveld_cli.cli.options import ContentDir
from voorveld_cli.cli.output import content_root, fail, write


def run(
    entry_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="Id van het item (bestandsnaam zonder .md); een casus ook als nummer. "
            "Ook een bestand met fouten gaat open.",
            autocompletion=complete_ids,
        ),
    ],
    content_dir: ContentDir = None,
) -> None:
    """Open een item in je editor ($VISUAL, $EDITOR, anders vi) en controleer het daarna.

    Na het sluiten draait voorveld check op het bestand en toont de problemen; op een
    terminal vraagt edit dan of het bestand opnieuw open moet. Eindigt met code 1 als er
    fouten overblijven.

    Voorbeelden: voorveld edit athos; voorveld edit 3 (casus 3)
    """
    from voorveld_cli.authoring.check import run_check
    from voorveld_cli.settings import display_path, is_packaged

    root = content_root(content_dir)
    if is_packaged(root):
        fail("Het meegeleverde corpus is alleen-lezen. Werk in een checkout of geef --content-dir op.")
    path = _path_of(root, entry_id)
    editor = _editor()
    while True:
        _open(editor, path)
        report = run_check(root, [path])
        for problem in report.problems:
            write(str(problem))
        write(report.summary() if report.problems else f"In orde: {display_path(path)}, geen problemen.")
        if not report.problems or not _ask_again():
            break
    raise typer.Exit(1 if report.errors else 0)


def _path_of(root: Path, wanted: str) -> Path:
    """The file by its name first, so a file that does not load can still be opened."""
    from voorveld_cli.content.discover import discover

    for _, path in discover(root):
        if path.stem == wanted:
            return path
    from voorveld_cli.cli.output import find_or_fail, load_corpus

    return find_or_fail(load_corpus(root), wanted).path


def _editor() -> list[str]:
    """$VISUAL, then $EDITOR, then vi, split like a shell would ('code --wait')."""
    import os
    import shlex
    import shutil

    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        command = shlex.split(chosen)
    except ValueError:
        command = []
    if not command or shutil.which(command[0]) is None:
        fail(
            f"Geen editor gevonden ('{chosen}'). Zet de omgevingsvariabele EDITOR, bijvoorbeeld: "
            "export EDITOR=nano",
            2,
        )
    return command


def _open(editor: list[str], path: Path) -> None:
    import subprocess

    try:
        code = subprocess.run([*editor, str(path)]).returncode
    except OSError as err:
        fail(f"De editor '{editor[0]}' start niet: {err.strerror or err}", 2)
    if code != 0:
        fail(f"De editor stopte met code {code}; het bestand is niet gecontroleerd.")


def _ask_again() -> bool:
    """Only a person at a terminal is asked; a script or a pipe never waits for an answer."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return False
    try:
        answer = input("Opnieuw openen? [j/n] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("j", "ja", "y", "yes")

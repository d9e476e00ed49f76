"""voorveld check: validate the content and report every problem at once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from voorveld_cli.cli.options import ContentDir
from voorveld_cli.cli.output import content_root, fail, write


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def run(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Alleen deze bestanden controleren (de regels over het hele corpus gelden ook).",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Ook waarschuwingen laten falen.")] = False,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            help="text (pad:regel: veld: melding), json, of github (annotaties op de PR).",
        ),
    ] = CheckFormat.text,
    orphans: Annotated[
        bool,
        typer.Option(
            "--orphans",
            help="Toon ook de initiatieven en artikelen waar geen item via related naar verwijst. "
            "Begrippen en casussen niet: die vindt men via define, search en het casusnummer.",
        ),
    ] = False,
    content_dir: ContentDir = None,
) -> None:
    """Controleer alle content: schema, vocabulaire, unieke ids, related en bronnen.

    Meldt elk probleem als pad:regel: veld: melding, in één keer en op volgorde van bestand
    en regel, ook de regels over het geheel (related, links [tekst](id) in de tekst, dubbele
    ids en titels, de ondergrenzen in corpus.yml). Eindigt met code 1 bij fouten (met
    --strict ook bij waarschuwingen); --orphans verandert de exitcode niet.
    """
    from voorveld_cli.authoring.check import run_check

    root = content_root(content_dir)
    for path in paths or ():
        if not path.is_file():
            fail(f"'{path}' bestaat niet of is geen bestand.", 2)

    report = run_check(root, paths or None, orphans=orphans)
    failed = bool(report.errors) or (strict and bool(report.warnings))
    print_report(report, fmt, failed)
    raise typer.Exit(1 if failed else 0)


def print_report(report, fmt: CheckFormat, failed: bool) -> None:
    """The problems in the asked form; the summary goes to stderr beside GitHub annotations."""
    if fmt is CheckFormat.json:
        from voorveld_cli.render.plain import to_json

        write(to_json(report.as_dict(ok=not failed)))
    elif fmt is CheckFormat.github:
        for problem in report.problems:
            write(github_annotation(problem))
        for line in report.orphan_lines():
            typer.echo(line, err=True)
        typer.echo(report.summary(), err=True)
    else:
        for problem in report.problems:
            write(str(problem))
        for line in report.orphan_lines():
            write(line)
        write(report.summary())


def github_annotation(problem) -> str:
    """A GitHub Actions workflow command, so the problem shows on the PR diff."""
    level = "error" if problem.severity == "error" else "warning"

    def escape(text: str, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    props = f"file={escape(problem.path, True)}"
    if problem.line:
        props += f",line={problem.line}"
    if problem.field:
        props += f",title={escape(problem.field, True)}"
    return f"::{level} {props}::{escape(problem.message)}"

"""Options shared by several commands, and the few helpers every command uses."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..filters import Filters
    from ..vocabulary import Vocabulary


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


ContentDir = Annotated[
    Path | None,
    typer.Option(
        "--content-dir",
        help="Map met de content (anders $VOORVELD_CONTENT, "
        "de dichtstbijzijnde content/-map of het meegeleverde corpus).",
        show_default=False,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", help="Uitvoervorm.")]
KindOption = Annotated[
    list[str] | None,
    typer.Option("--kind", help="Soort: initiative, case of term (herhaalbaar).", show_default=False),
]
ThemeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--theme",
        help="Thema uit vocabulary.yml, ook als label of alias (herhaalbaar).",
        show_default=False,
    ),
]
LawOption = Annotated[
    list[str] | None,
    typer.Option(
        "--law",
        help="Wet, ook als alias: wmo, pw, jeugdwet, ... (herhaalbaar). "
        "Telt genoemde én afgeleide wetten, tenzij --explicit.",
        show_default=False,
    ),
]
ExplicitOption = Annotated[
    bool, typer.Option("--explicit", help="Bij --law: alleen wetten die de bron zelf noemt.")
]
PlaceOption = Annotated[
    list[str] | None,
    typer.Option("--place", help="Gemeente of wijk (herhaalbaar).", show_default=False),
]
ProvinceOption = Annotated[
    list[str] | None, typer.Option("--province", help="Provincie (herhaalbaar).", show_default=False)
]


def fail(message: str, code: int = 1) -> NoReturn:
    """A clear message on stderr and an exit code; never a traceback."""
    typer.echo(f"voorveld: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    typer.echo(f"waarschuwing: {message}", err=True)


def load_corpus(content_dir: Path | None) -> Corpus:
    """The corpus for a read command: broken files are skipped with one warning each."""
    from ..corpus import load
    from ..locate import ContentNotFound, find_content_root

    try:
        root = find_content_root(content_dir)
    except ContentNotFound as err:
        fail(str(err), 2 if content_dir else 1)
    corpus = load(root)
    report_skipped(corpus.skipped)
    for problem in corpus.problems:
        if problem.path.endswith(("vocabulary.yml", "sources.yml")) and problem.severity == "error":
            warn(str(problem))
    return corpus


def report_skipped(skipped: dict[str, list]) -> None:
    for path, problems in skipped.items():
        first = str(problems[0]) if problems else path
        more = f"; nog {len(problems) - 1} probleem/problemen" if len(problems) > 1 else ""
        warn(f"{first} -- bestand overgeslagen{more}, zie 'voorveld check'")


def make_filters(
    vocab: Vocabulary, *, kind=None, theme=None, law=None, place=None, province=None, explicit: bool = False
) -> Filters:
    from ..filters import FilterError, build

    try:
        return build(
            vocab,
            kinds=kind or (),
            themes=theme or (),
            laws=law or (),
            places=place or (),
            provinces=province or (),
            explicit_only=explicit,
        )
    except FilterError as err:
        fail(str(err), 2)


def output_path(path: Path, content_root: Path, force: bool) -> Path:
    """Check an -o target: never inside the content tree, never over a file without --force."""
    target = path.expanduser().resolve()
    if target.is_relative_to(content_root.resolve()):
        fail(f"{path} ligt in de content-map; voorveld schrijft daar alleen met 'voorveld new'.", 2)
    if target.is_dir():
        fail(f"{path} is een map; geef een bestandsnaam.", 2)
    if target.exists() and not force:
        fail(f"{path} bestaat al; gebruik --force om te overschrijven.")
    if not target.parent.is_dir():
        fail(f"De map {target.parent} bestaat niet.", 2)
    return target


def write(text: str) -> None:
    """Machine output to stdout, ending in exactly one newline."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")

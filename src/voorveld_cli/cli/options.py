"""The Typer option declarations shared by several commands (help texts in Dutch).

Runtime helpers live in output.py, which does not import Typer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from voorveld_cli.cli.completion import (
    complete_kinds,
    complete_laws,
    complete_places,
    complete_provinces,
    complete_sources,
    complete_themes,
)
from voorveld_cli.cli.output import Format


def _content_dir(value: str) -> Path:
    # Path("") is the working directory; an empty value is a mistake, not a choice.
    if not value.strip():
        raise typer.BadParameter("geef een map, geen lege waarde")
    return Path(value)


ContentDir = Annotated[
    Path | None,
    typer.Option(
        "--content-dir",
        parser=_content_dir,
        help="Map met de content (anders $VOORVELD_CONTENT, "
        "de dichtstbijzijnde content/-map of het meegeleverde corpus).",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        help="Uitvoervorm: table, json, csv, md of ids (een id per regel, voor xargs). "
        "Standaard de extensie van -o, anders table.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "-o",
        "--output",
        help="Schrijf naar dit bestand; de extensie kiest de vorm (.json, .csv, .md, .txt, .ids).",
        show_default=False,
    ),
]
ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel",
        help="CSV voor een Nederlandse Excel: puntkomma's tussen de cellen, UTF-8 met BOM.",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overschrijf een bestaand uitvoerbestand.")]
KindOption = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        help="Soort: initiative, case, term of article; ook initiatief, casus, begrip, artikel "
        "(herhaalbaar).",
        show_default=False,
        autocompletion=complete_kinds,
    ),
]
ThemeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--theme",
        help="Thema uit vocabulary.yml, ook als label of alias (herhaalbaar).",
        show_default=False,
        autocompletion=complete_themes,
    ),
]
LawOption = Annotated[
    list[str] | None,
    typer.Option(
        "--law",
        help="Wet, ook als alias: wmo, pw, jeugdwet, ... (herhaalbaar). "
        "Telt genoemde én afgeleide wetten, tenzij --explicit.",
        show_default=False,
        autocompletion=complete_laws,
    ),
]
ExplicitOption = Annotated[
    bool, typer.Option("--explicit", help="Bij --law: alleen wetten die de bron zelf noemt.")
]
PlaceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--place", help="Gemeente of wijk (herhaalbaar).", show_default=False, autocompletion=complete_places
    ),
]
ProvinceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--province", help="Provincie (herhaalbaar).", show_default=False, autocompletion=complete_provinces
    ),
]
SourceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        help="Brondocument, id uit sources.yml, zoals movisies-2020-1 (herhaalbaar).",
        show_default=False,
        autocompletion=complete_sources,
    ),
]

__all__ = [
    "ContentDir",
    "ExcelOption",
    "ExplicitOption",
    "ForceOption",
    "Format",
    "FormatOption",
    "KindOption",
    "LawOption",
    "OutputOption",
    "PlaceOption",
    "ProvinceOption",
    "SourceOption",
    "ThemeOption",
]

"""The Typer option declarations shared by several commands (help texts in Dutch).

Runtime helpers live in output.py, which does not import Typer.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

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
from voorveld_cli.content.filters import FILTER_OPTIONS, FilterOption

# The filter values as typed, keyed by FILTER_OPTIONS field; see filter_options.
FilterValues = dict[str, Any]


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
COMPLETERS: dict[str, Callable[..., list[str]]] = {
    "kinds": complete_kinds,
    "themes": complete_themes,
    "laws": complete_laws,
    "places": complete_places,
    "provinces": complete_provinces,
    "sources": complete_sources,
}


def _typer_option(option: FilterOption) -> tuple[Any, Any]:
    """The annotation and default of one filter option, as a command parameter."""
    complete = COMPLETERS[option.complete] if option.complete else None
    if option.how == "flag":
        return Annotated[bool, typer.Option(option.flag, help=option.help)], False
    kind: Any = list[str] | None if option.how == "many" else str | None
    info = typer.Option(option.flag, help=option.help, show_default=False, autocompletion=complete)
    return Annotated[kind, info], None


def filter_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command every option of FILTER_OPTIONS, just before --content-dir (or at the end).

    The command declares `filter_values: FilterValues` and receives the values as typed, keyed by
    field, ready for `make_filters`; the filter parameters themselves appear only in the
    signature Typer reads, so a new filter reaches every command from the spec alone."""
    added = {option.field: _typer_option(option) for option in FILTER_OPTIONS}

    def collect(kwargs: dict[str, Any]) -> Any:
        return {field: kwargs.pop(field, None) for field in added}

    return _with_options(command, "filter_values", added, collect)


@dataclass(frozen=True)
class Output:
    """Where and how a command writes: --format (its value), -o/--output, --force, --no-pager."""

    fmt: str | None = None
    path: Path | None = None
    force: bool = False
    no_pager: bool = False


TO_SCREEN = Output()  # the default: standard output, in the format it suits


def output_options_with(
    format_option: Any, pager_option: Any = None
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A decorator giving a command this --format, -o/--output, --force (and --no-pager when
    given), just before --content-dir; the command declares `out: Output` and receives them in one."""
    added = {"fmt": (format_option, None), "output": (OutputOption, None), "force": (ForceOption, False)}
    if pager_option is not None:
        added["no_pager"] = (pager_option, False)

    def collect(kwargs: dict[str, Any]) -> Any:
        fmt = kwargs.pop("fmt", None)
        return Output(
            fmt and fmt.value,
            kwargs.pop("output", None),
            kwargs.pop("force", False),
            kwargs.pop("no_pager", False),
        )

    return lambda command: _with_options(command, "out", added, collect)


# The table commands (list, matrix, stats, compare): table, json, csv, md or ids.
output_options = output_options_with(FormatOption)


def listing_command(command: Callable[..., None]) -> Callable[..., None]:
    """list, matrix and stats: the shared filters and the table output options."""
    return filter_options(output_options(command))


def _with_options(
    command: Callable[..., None],
    receiver: str,
    added: dict[str, tuple[Any, Any]],
    collect: Callable[[dict[str, Any]], Any],
) -> Callable[..., None]:
    """The command with the `added` options (name: (annotation, default)) in the signature
    Typer reads, just before --content-dir; `collect` turns their values into the one
    argument `receiver` the command declares."""
    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != receiver]
    extra = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
        for name, (annotation, default) in added.items()
    ]
    at = next((i for i, p in enumerate(own) if p.name == "content_dir"), len(own))
    own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own]
    parameters = [*own[:at], *extra, *own[at:]]

    @functools.wraps(command)
    def run(**kwargs: Any) -> None:
        value = collect(kwargs)
        command(**kwargs, **{receiver: value})

    run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in parameters}
    del run.__wrapped__  # Typer must read the new signature, not the command's own
    return run


__all__ = [
    "TO_SCREEN",
    "ContentDir",
    "ExcelOption",
    "FilterValues",
    "ForceOption",
    "Format",
    "FormatOption",
    "Output",
    "OutputOption",
    "filter_options",
    "listing_command",
    "output_options",
    "output_options_with",
]

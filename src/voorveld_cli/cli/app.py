"""The Typer app: every command registered here, explicitly, in the order of --help.

Each command lives in its own module under cli/commands/ and imports what it
needs inside its function, so `voorveld --help` and `voorveld list` never load
Whoosh and the machine formats never load rich.
"""

from __future__ import annotations

import os

import typer

from voorveld_cli import __version__
from voorveld_cli.cli import translate
from voorveld_cli.cli.commands import (
    check_cmd,
    compare_cmd,
    completion_cmd,
    define_cmd,
    edit_cmd,
    export_cmd,
    handout_cmd,
    index_cmd,
    list_cmd,
    matrix_cmd,
    new_cmd,
    schema_cmd,
    search_cmd,
    show_cmd,
    site_cmd,
    stats_cmd,
)

translate.install()

app = typer.Typer(
    name="voorveld",
    help="Kennisbank van het sociaal domein: praktijkvoorbeelden uit het voorveld van de Wmo, "
    "de verbinding Wmo-Participatiewet, casuïstiek voor trainingen en een woordenlijst.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"voorveld {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Toon de versie en stop."
    ),
) -> None:
    """Kennisbank van het sociaal domein op de opdrachtregel."""


# Unknown short options are query words: `voorveld search mantelzorg -koffie` excludes 'koffie'.
app.command("search", cls=search_cmd.SearchCommand, context_settings={"ignore_unknown_options": True})(
    search_cmd.run
)
app.command("list")(list_cmd.run)
app.command("show")(show_cmd.run)
app.command("define")(define_cmd.run)
app.command("compare")(compare_cmd.run)
app.command("matrix")(matrix_cmd.run)
app.command("stats")(stats_cmd.run)
app.command("export")(export_cmd.run)
app.command("handout")(handout_cmd.run)
app.command("site")(site_cmd.run)
app.command("check")(check_cmd.run)
app.command("index")(index_cmd.run)
app.command("new")(new_cmd.run)
app.command("edit")(edit_cmd.run)
app.command("schema")(schema_cmd.run)
app.command("completion")(completion_cmd.run)


if os.environ.get("_VOORVELD_COMPLETE"):
    # The shell asks for completions (see `voorveld completion`): register Typer's shells.
    from typer.completion import completion_init

    completion_init()

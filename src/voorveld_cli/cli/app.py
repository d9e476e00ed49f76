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
COMMANDS = {
    "list": list_cmd,
    "show": show_cmd,
    "define": define_cmd,
    "compare": compare_cmd,
    "matrix": matrix_cmd,
    "stats": stats_cmd,
    "export": export_cmd,
    "handout": handout_cmd,
    "site": site_cmd,
    "check": check_cmd,
    "index": index_cmd,
    "new": new_cmd,
    "edit": edit_cmd,
    "schema": schema_cmd,
    "completion": completion_cmd,
}
for _name, _module in COMMANDS.items():
    app.command(_name)(_module.run)


if os.environ.get("_VOORVELD_COMPLETE"):
    # The shell asks for completions (see `voorveld completion`): register Typer's shells.
    from typer.completion import completion_init

    completion_init()

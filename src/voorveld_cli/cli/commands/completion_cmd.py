"""voorveld completion SHELL: the script that lets the shell complete commands, ids and values."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


def run(
    shell: Annotated[Shell, typer.Argument(metavar="SHELL", help="bash, zsh of fish.")] = Shell.bash,
) -> None:
    """Druk het aanvulscript voor de shell af: commando's, opties, ids, thema's, wetten,
    provincies, plaatsen en bronnen worden aangevuld met Tab.

    Zet in ~/.bashrc: eval "$(voorveld completion bash)"

    Voorbeeld: voorveld completion bash
    """
    from typer._completion_shared import get_completion_script

    typer.echo(
        get_completion_script(prog_name="voorveld", complete_var="_VOORVELD_COMPLETE", shell=shell.value)
    )

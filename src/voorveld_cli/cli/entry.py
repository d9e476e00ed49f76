"""The `voorveld` console script. Kept free of Typer so a plain search starts fast;
every other call goes to the Typer app (app.py)."""

from __future__ import annotations

import os
import sys


def main() -> None:
    from voorveld_cli.cli import startup

    startup.hold()
    try:
        argv = sys.argv[1:]
        if argv[:1] == ["search"] and not os.environ.get("VOORVELD_NO_FASTPATH"):
            from voorveld_cli.cli.fastpath import run_search

            if run_search(argv[1:]):
                return
        from voorveld_cli.cli.app import app

        startup.ready()
        app()
    except BrokenPipeError:
        # `voorveld list | head`: the reader left; that is not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        sys.stderr.write("\nafgebroken\n")
        sys.exit(130)

"""Start-up fast path for the most common call, `voorveld search WORDS [options]`.

Importing Typer costs about 60 ms, more than half of what a whole search costs
(docs/decisions/0002-search-fast-path.md). This module reads exactly the options
the Typer command declares, in their plain forms, and calls the same `execute`.
Anything else (help, a bad value, `--`, an option it does not know) returns None
and Typer takes over, with its own help and error messages. tests/test_fastpath.py
checks that both paths give the same output and that this table matches the
Typer command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from voorveld_cli.cli.output import Format

# option -> how its value is read; must equal the Typer declaration of `search`.
SEARCH_OPTIONS = {
    "--kind": "many",
    "--theme": "many",
    "--law": "many",
    "--place": "many",
    "--province": "many",
    "--source": "many",
    "--explicit": "flag",
    "--force": "flag",
    "--output": "path",
    "--limit": "int",
    "--format": "format",
    "--content-dir": "path",
}
LIMIT_RANGE = (1, 1000)


def parse_search(args: list[str]) -> dict[str, Any] | None:
    """Keyword arguments for `search.execute`, or None to let Typer handle the call."""
    kwargs: dict[str, Any] = {"kind": [], "theme": [], "law": [], "place": [], "province": [], "source": []}
    words: list[str] = []
    i = 0
    while i < len(args):
        arg = "--output" if args[i] == "-o" else args[i]
        if not arg.startswith("--"):
            if arg in ("-h",):
                return None
            words.append(arg)  # '-woord' is a query word (exclusion), as in the Typer command
            i += 1
            continue
        name, has_value, value = arg.partition("=")
        how = SEARCH_OPTIONS.get(name)
        if how is None:
            return None
        if how == "flag":
            if has_value:
                return None
            kwargs[name[2:]] = True
            i += 1
            continue
        if not has_value:
            if i + 1 >= len(args) or args[i + 1].startswith("-"):
                return None
            value = args[i + 1]
            i += 2
        else:
            i += 1
        if how == "many":
            kwargs[name[2:]].append(value)
        elif how == "int":
            if not value.isdigit() or not LIMIT_RANGE[0] <= int(value) <= LIMIT_RANGE[1]:
                return None
            kwargs["limit"] = int(value)
        elif how == "format":
            if value not in Format.__members__:
                return None
            kwargs["fmt"] = Format(value)
        else:
            if not value.strip():
                return None  # an empty path: Typer says why
            kwargs[name[2:].replace("-", "_")] = Path(value)
    if not words:
        return None
    return {"query": words, **{k: (v or None) if isinstance(v, list) else v for k, v in kwargs.items()}}


def run_search(args: list[str]) -> bool:
    """Run the search if the arguments are plain; False means: use Typer."""
    kwargs = parse_search(args)
    if kwargs is None:
        return False
    from voorveld_cli.cli.search import execute

    execute(kwargs.pop("query"), **kwargs)
    return True

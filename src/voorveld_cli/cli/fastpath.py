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
from voorveld_cli.content.filters import FILTER_OPTIONS

# option -> how its value is read; must equal the Typer declaration of `search`.
SEARCH_OPTIONS = {
    **{option.flag: option.how for option in FILTER_OPTIONS},
    "--force": "flag",
    "--output": "path",
    "--limit": "int",
    "--format": "format",
    "--content-dir": "path",
}
FILTER_FIELDS = {option.flag: option.field for option in FILTER_OPTIONS}
LIMIT_RANGE = (1, 1000)


def parse_search(args: list[str]) -> dict[str, Any] | None:
    """Keyword arguments for `search.execute`, or None to let Typer handle the call."""
    kwargs: dict[str, Any] = {}
    values: dict[str, Any] = {}
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
            (values if name in FILTER_FIELDS else kwargs)[FILTER_FIELDS.get(name, name[2:])] = True
            i += 1
            continue
        if not has_value:
            if i + 1 >= len(args) or args[i + 1].startswith("-"):
                return None
            value = args[i + 1]
            i += 2
        else:
            i += 1
        if not _read(name, how, value, kwargs, values):
            return None
    if not words:
        return None
    return {"query": words, "filter_values": values, **kwargs}


def _read(name: str, how: str, value: str, kwargs: dict[str, Any], values: dict[str, Any]) -> bool:
    """Store one option's value as Typer would; False when Typer should judge it."""
    if how == "many":
        values.setdefault(FILTER_FIELDS[name], []).append(value)
    elif how == "value" and name in FILTER_FIELDS:
        values[FILTER_FIELDS[name]] = value
    elif how == "int":
        if not value.isdigit() or not LIMIT_RANGE[0] <= int(value) <= LIMIT_RANGE[1]:
            return False
        kwargs["limit"] = int(value)
    elif how == "format":
        if value not in Format.__members__:
            return False
        kwargs["fmt"] = Format(value)
    else:
        if not value.strip():
            return False  # an empty path: Typer says why
        kwargs[name[2:].replace("-", "_")] = Path(value)
    return True


def run_search(args: list[str]) -> bool:
    """Run the search if the arguments are plain; False means: use Typer."""
    kwargs = parse_search(args)
    if kwargs is None:
        return False
    from voorveld_cli.cli.search import execute

    execute(kwargs.pop("query"), **kwargs)
    return True

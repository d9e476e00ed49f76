"""Typer's and Click's own words in Dutch: usage errors, the help frame, type names.

Typer 0.26-0.28 vendors Click with its messages written as f-strings, not
through gettext, so a Dutch gettext catalogue would reach only a handful of
them. Instead this module translates at the few places where those words reach
a person:

- every usage error is shown by our `show_error` (through `e.show()`: errors are
  routed past Typer's rich error panel), which writes the message in Dutch from
  the exception's own data (option name, parameter, possibilities) or, for the
  messages of parameter types, through the patterns in MESSAGES;
- the help frame: "Usage:", the panel titles, "[default: ...]", the help of
  -h/--help and the type names (TEXT, INTEGER, PATH) are replaced in place;
- Typer's gettext lookups (`typer.core._`) go through WORDS.

tests/test_dutch_frame.py provokes each kind of error and renders every help
page, and fails on any English word of Click's in them; it also checks that
each message Click's parameter types can raise has a pattern here.
"""

from __future__ import annotations

import re
import sys

import typer.core
from typer import _click
from typer._click import exceptions, formatting, types
from typer.models import TyperPath

from voorveld_cli.views.labels import bedoelde_u

# Typer's gettext msgids (typer/core.py, typer/rich_utils.py) -> Dutch.
WORDS = {
    "Arguments": "Argumenten",
    "Options": "Opties",
    "Commands": "Commando's",
    "Error": "Fout",
    "Aborted!": "Afgebroken.",
    "Aborted.": "Afgebroken.",
    "(dynamic)": "(dynamisch)",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "required": "verplicht",
    "Missing command.": "Geef een commando.",
    "No such command {name!r}.": "Onbekend commando {name!r}.",
    "(deprecated) ": "(verouderd) ",
    "[default: {}]": "[standaard: {}]",
    "[env var: {}]": "[omgevingsvariabele: {}]",
    "[required]": "[verplicht]",
    "Try [blue]'{command_path} {help_option}'[/] for help.": "Zie [blue]'{command_path} {help_option}'[/].",
}

# Messages of Click's parameter types and parser, as regular expressions -> Dutch.
MESSAGES = [
    (r"^(?P<v>.+) is not one of (?P<c>.+)\.$", "{v} is geen geldige keuze; kies uit {c}."),
    (r"^(?P<v>.+) is not in the range (?P<r>.+)\.$", "{v} ligt niet in het bereik {r}."),
    (r"^(?P<v>.+) is not a valid (?P<t>.+?)\.$", "{v} is geen geldige {t}."),
    (
        r"^(?P<v>.+) is not a valid boolean\. Recognized values: (?P<s>.+)$",
        "{v} is geen ja/nee; kies uit {s}.",
    ),
    (r"^(?P<v>.+) does not match the formats (?P<f>.+)\.$", "{v} past niet bij de vormen {f}."),
    (r"^Option (?P<o>'.+') requires an argument\.$", "De optie {o} vraagt een waarde."),
    (r"^Option (?P<o>'.+') requires (?P<n>\d+) arguments\.$", "De optie {o} vraagt {n} waarden."),
    (r"^Option (?P<o>'.+') does not take a value\.$", "De optie {o} neemt geen waarde."),
    (r"^Argument (?P<a>'.+') takes (?P<n>\d+) values\.$", "Het argument {a} neemt {n} waarden."),
    (r"^(?P<n>\d+) values are required, but (?P<m>\d+) given\.$", "{n} waarden nodig, {m} gegeven."),
    (r"^Takes (?P<n>\d+) values but (?P<m>\d+) given\.$", "Neemt {n} waarden, {m} gegeven."),
    (r"^Value must be an iterable\.$", "De waarde moet een reeks zijn."),
    (r"^No such command (?P<c>'.+?')\.(?: Did you mean (?P<s>.+)\?)?$", "Onbekend commando {c}.{s}"),
    (r"^Missing command\.$", "Geef een commando."),
    (r"^(?P<m>.+?)\.? Did you mean (?P<s>.+)\?$", "{m}.{s}"),
]
# Pieces of the usage line.
USAGE_PIECES = {"[OPTIONS]": "[OPTIES]", "COMMAND [ARGS]...": "COMMANDO [ARGUMENTEN]..."}
TYPE_NAMES = {
    types.StringParamType: "tekst",
    types.IntParamType: "getal",
    types.IntRange: "getal",
    types.FloatParamType: "getal",
    types.FloatRange: "getal",
    types.DateTime: "datum",
    types.UUIDParameterType: "uuid",
    types.File: "bestand",
}
HELP_TEXT = "Toon deze hulp en stop."
USAGE = "Gebruik: "


def word(msgid: str) -> str:
    return WORDS.get(msgid, msgid)


def message(text: str) -> str:
    """A Click message in Dutch; text without a pattern comes back unchanged."""
    for pattern, dutch in MESSAGES:
        match = re.match(pattern, text, re.S)
        if match:
            parts = {k: v or "" for k, v in match.groupdict().items()}
            if "s" in parts:
                parts["s"] = bedoelde_u(re.findall(r"'([^']+)'", parts["s"]))
            return message(dutch.format(**parts)) if "Did you mean" in pattern else dutch.format(**parts)
    return text


def error_text(error: exceptions.ClickException) -> str:
    """The Dutch sentence for one usage error, from the exception's own data."""
    if isinstance(error, exceptions.NoSuchOption):
        return f"Onbekende optie '{error.option_name}'.{bedoelde_u(error.possibilities or ())}"
    if isinstance(error, exceptions.MissingParameter):
        param = error.param
        name = error.param_hint or (param.get_error_hint(error.ctx) if param and error.ctx else "")
        if param is not None and param.param_type_name == "argument":
            return f"Het argument {name} ontbreekt."
        return f"De optie {name} ontbreekt."
    if isinstance(error, exceptions.BadParameter):
        hint = error.param_hint or (
            error.param.get_error_hint(error.ctx) if error.param is not None and error.ctx else ""
        )
        where = f" voor {hint}" if hint else ""
        return f"Ongeldige waarde{where}: {message(error.message)}"
    extra = re.match(r"^Got unexpected extra argument(?:\(s\)|s)? \((?P<a>.+)\)$", error.message)
    if extra:
        words = extra.group("a").split()
        what = "Onverwacht argument" if len(words) == 1 else f"{len(words)} onverwachte argumenten"
        return f"{what}: {' '.join(words)}."
    return message(error.message)


def show_error(self: exceptions.ClickException, file=None) -> None:
    """Replaces Click's `show`: 'voorveld: <zin>', then the usage and where help is."""
    out = file or sys.stderr
    out.write(f"voorveld: {error_text(self)}\n")
    ctx = getattr(self, "ctx", None)
    if ctx is not None:
        out.write(f"{ctx.get_usage()}\n")
        if ctx.command.get_help_option(ctx) is not None:
            out.write(f"Zie '{ctx.command_path} {ctx.help_option_names[0]}'.\n")


def _rich_frame() -> None:
    """The words of Typer's rich help, set when the help is drawn (rich loads only then)."""
    from typer import rich_utils

    rich_utils.DEPRECATED_STRING = word("(deprecated) ")
    rich_utils.DEFAULT_STRING = word("[default: {}]")
    rich_utils.ENVVAR_STRING = word("[env var: {}]")
    rich_utils.REQUIRED_LONG_STRING = word("[required]")
    rich_utils.ARGUMENTS_PANEL_TITLE = word("Arguments")
    rich_utils.OPTIONS_PANEL_TITLE = word("Options")
    rich_utils.COMMANDS_PANEL_TITLE = word("Commands")
    rich_utils.ERRORS_PANEL_TITLE = word("Error")
    rich_utils.ABORTED_TEXT = word("Aborted.")
    rich_utils.RICH_HELP = word("Try [blue]'{command_path} {help_option}'[/] for help.")
    rich_utils.highlighter.highlights = [
        h.replace("(?P<usage>Usage: )", f"(?P<usage>{USAGE})") for h in rich_utils.highlighter.highlights
    ]


def _dutch_pieces(collect):
    def pieces(self, ctx):
        return [USAGE_PIECES.get(piece, piece) for piece in collect(self, ctx)]

    return pieces


def _with_frame(format_help):
    def dutch_help(self, ctx, formatter):
        _rich_frame()
        return format_help(self, ctx, formatter)

    return dutch_help


def install() -> None:
    """Put the Dutch words in place; idempotent."""
    if getattr(typer.core, "_voorveld_dutch", False):
        return
    typer.core._voorveld_dutch = True
    typer.core._ = word
    exceptions.ClickException.show = show_error
    exceptions.UsageError.show = show_error
    for cls, name in TYPE_NAMES.items():
        cls.name = name
    original_path_init = TyperPath.__init__

    def path_init(self, *args, **kwargs):
        original_path_init(self, *args, **kwargs)
        self.name = {"file": "bestand", "directory": "map"}.get(self.name, "pad")

    TyperPath.__init__ = path_init
    original_main = typer.core._main

    def main(self, **kwargs):
        kwargs["rich_markup_mode"] = None  # errors through show_error, not the English panel
        return original_main(self, **kwargs)

    typer.core._main = main
    original_usage = formatting.HelpFormatter.write_usage

    def write_usage(self, prog, args="", prefix=None):
        return original_usage(self, prog, args, USAGE if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage
    original_help_option = _click.core.Command.get_help_option

    def get_help_option(self, ctx):
        option = original_help_option(self, ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    _click.core.Command.get_help_option = get_help_option
    for cls in (_click.core.Command, typer.core.TyperGroup):
        cls.collect_usage_pieces = _dutch_pieces(cls.collect_usage_pieces)
    typer.core.TyperCommand.format_help = _with_frame(typer.core.TyperCommand.format_help)
    typer.core.TyperGroup.format_help = _with_frame(typer.core.TyperGroup.format_help)

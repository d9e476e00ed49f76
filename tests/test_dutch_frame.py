"""No English from Typer or Click reaches a person: usage errors, help pages, type names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.main import get_command

from voorveld_cli.cli import translate
from voorveld_cli.cli.app import app

# Words of Click's and Typer's own frame that must never show.
ENGLISH = re.compile(
    r"Usage:|Error|No such|Missing|Invalid value|Try '|Did you mean|is not (?:one of|in the range|a valid)"
    r"|requires an argument|Got unexpected|\bOptions\b|\bArguments\b|\bCommands\b|Show this message"
    r"|default:|\brequired\b|\[OPTIONS\]|COMMAND \[ARGS\]|\bTEXT\b|\bINTEGER\b|\bPATH\b|Aborted"
)

ERRORS = [
    (["list", "--format", "xml"], "Ongeldige waarde voor '--format': 'xml' is geen geldige keuze"),
    (["list", "--formt", "md"], "Onbekende optie '--formt'. Bedoelde u '--format'"),
    (["show"], "Het argument 'ID' ontbreekt."),
    (["serch", "x"], "Onbekend commando 'serch'. Bedoelde u 'search'?"),
    (["search", "x", "--limit", "0"], "0 ligt niet in het bereik 1<=x<=1000"),
    (["search", "x", "--limit", "veel"], "'veel' is geen geldige getal"),
    (["list", "--theme"], "De optie '--theme' vraagt een waarde."),
    (["show", "athos", "extra"], "Onverwacht argument: extra."),
    (["compare", "a", "b", "c", "--fields"], "De optie '--fields' vraagt een waarde."),
]


@pytest.mark.parametrize(("args", "expected"), ERRORS)
def test_usage_errors_are_dutch(cli, args, expected):
    result = cli(*args)  # parse errors come before any content is read
    assert result.exit_code == 2
    assert expected in result.stderr
    if "vraagt een waarde" not in expected:  # Click raises that one without its context
        assert "Gebruik: voorveld" in result.stderr
    assert not ENGLISH.search(result.stderr + result.stdout), result.stderr


def command_names() -> list[str]:
    return list(get_command(app).commands)


@pytest.mark.parametrize("name", ["", *command_names()])
def test_help_pages_are_dutch(cli, name):
    result = cli(*([name] if name else []), "--help")
    assert result.exit_code == 0
    out = result.stdout
    assert "Gebruik: voorveld" in out
    assert "Toon deze hulp en stop." in out
    assert "Opties" in out
    assert not ENGLISH.search(out), ENGLISH.search(out).group(0)


def test_root_help_has_dutch_panel_titles(cli):
    out = cli("--help").stdout
    assert "Commando's" in out and "Opties" in out
    out = cli("show", "--help").stdout
    assert "Argumenten" in out and "[verplicht]" in out


def test_every_typer_gettext_string_has_a_translation():
    """Typer looks these up through gettext; a new one in an upgrade fails here."""
    root = Path(typer.__file__).parent
    msgids = set()
    for module in ("core.py", "rich_utils.py"):
        msgids |= set(re.findall(r'\b_\("((?:[^"\\]|\\.)*)"\)', (root / module).read_text(encoding="utf-8")))
    missing = sorted(m for m in msgids if m not in translate.WORDS)
    assert not missing, missing


def test_click_messages_of_parameter_types_have_patterns():
    """The f-string messages Click's vendored types raise, each turned Dutch."""
    samples = [
        "'x' is not one of 'a', 'b'.",
        "5 is not in the range 1<=x<=3.",
        "'x' is not a valid integer.",
        "'x' is not a valid boolean. Recognized values: 1, 0",
        "Option '--x' requires an argument.",
        "Option '--x' requires 2 arguments.",
        "Option '--x' does not take a value.",
        "2 values are required, but 1 given.",
        "No such command 'x'. Did you mean 'y'?",
    ]
    for text in samples:
        assert translate.message(text) != text, text
        assert not ENGLISH.search(translate.message(text)), translate.message(text)

"""Runtime helpers every command uses: messages, exit codes, loading, writing.

No Typer here, so the fast path of `voorveld search` (fastpath.py) can use them
without paying for Typer's start-up.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from voorveld_cli.content.corpus import Corpus
    from voorveld_cli.content.filters import Filters
    from voorveld_cli.content.vocabulary import Vocabulary


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    ids = "ids"


def fail(message: str, code: int = 1) -> NoReturn:
    """A clear message on stderr and an exit code; never a traceback."""
    from voorveld_cli.render.safe import clean

    sys.stderr.write(f"voorveld: {clean(message)}\n")
    raise SystemExit(code)


def warn(message: str) -> None:
    from voorveld_cli.render.safe import clean

    sys.stderr.write(f"waarschuwing: {clean(message)}\n")


def content_root(content_dir: Path | None) -> Path:
    """The content root, or a clear stop: exit 2 for a bad --content-dir, 1 otherwise."""
    from voorveld_cli.settings import ContentNotFound, find_content_root

    try:
        return find_content_root(content_dir)
    except ContentNotFound as err:
        fail(str(err), 2 if content_dir else 1)


def load_corpus(content_dir: Path | None) -> Corpus:
    """The corpus for a read command: broken files are skipped with one warning each.
    The rules over the whole corpus are check's: a reader shows none of their problems
    (only a broken configuration file stops it), so it does not pay for them."""
    from voorveld_cli.content.corpus import load

    corpus = load(content_root(content_dir), cached=True, cross_file=False)
    stop_on_broken_configuration(corpus.problems)
    for problem in corpus.unreadable:
        warn(str(problem))
    report_skipped(corpus.skipped)
    return corpus


CONFIGURATION = ("vocabulary.yml", "sources.yml", "places.yml")


def stop_on_broken_configuration(problems) -> None:
    """vocabulary.yml, sources.yml and places.yml decide what every file means: when one is
    broken, say that once and stop, instead of a warning per file that depends on it."""
    broken = [p for p in problems if p.severity == "error" and p.path.endswith(CONFIGURATION)]
    if broken:
        lines = "\n".join(f"  {problem}" for problem in broken)
        fail(f"de configuratie van de content-map is kapot; herstel dit eerst (voorveld check):\n{lines}")


def report_skipped(skipped: dict[str, list]) -> None:
    from voorveld_cli.views.labels import plural

    for path, problems in skipped.items():
        first = str(problems[0]) if problems else path
        more = f"; nog {plural(len(problems) - 1, 'probleem')}" if len(problems) > 1 else ""
        warn(f"{first} -- bestand overgeslagen{more}, zie 'voorveld check'")


def make_filters(vocab: Vocabulary, values: Mapping[str, Any] | None = None) -> Filters:
    """Filters from the values a command received (FILTER_OPTIONS fields), or a clear exit."""
    from voorveld_cli.content.filters import FilterError, build

    try:
        return build(vocab, **(values or {}))
    except FilterError as err:
        fail(str(err), 2)


def find_or_fail(corpus: Corpus, wanted: str):
    """The entry with this id (or unambiguous title/alias), or a clear exit with suggestions."""
    from voorveld_cli.views.lookup import NotFound, find_entry

    try:
        return find_entry(corpus, wanted)
    except NotFound as err:
        from voorveld_cli.views.labels import bedoelde_u

        fail(f"{err}{bedoelde_u(err.suggestions)}")


def output_path(path: Path, content_root: Path, force: bool) -> Path:
    """Check an -o target: never inside the content tree, never over a file without --force."""
    target = path.expanduser().resolve()
    if target.is_relative_to(content_root.resolve()):
        fail(f"{path} ligt in de content-map; voorveld schrijft daar alleen met 'voorveld new'.", 2)
    if target.is_dir():
        fail(f"{path} is een map; geef een bestandsnaam.", 2)
    if target.exists() and not force:
        fail(f"{path} bestaat al; gebruik --force om te overschrijven.")
    if not target.parent.is_dir():
        fail(f"De map {target.parent} bestaat niet.", 2)
    return target


def write(text: str) -> None:
    """Machine output to stdout, ending in exactly one newline."""
    from voorveld_cli.render.safe import clean

    text = clean(text)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")

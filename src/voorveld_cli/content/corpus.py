"""Load the whole corpus: discover files, parse, validate, apply cross-file rules.

No Typer, rich or Whoosh here: this is the library under the CLI.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from voorveld_cli.content import schema, vocabulary
from voorveld_cli.content.controls import control_problems
from voorveld_cli.content.discover import os_reason, scan, shadow_problem, shadowed, stamp
from voorveld_cli.content.entry_cache import EntryCache
from voorveld_cli.content.links import body_links
from voorveld_cli.content.model import ERROR, WARNING, Entry, HasProblems, Problem
from voorveld_cli.content.parse import MAX_BYTES, parse_bytes
from voorveld_cli.content.titles import duplicate_pairs
from voorveld_cli.content.validate import validate
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.settings import display_path
from voorveld_cli.textnorm import fold
from voorveld_cli.views.labels import did_you_mean

KIND_ORDER = {kind: index for index, kind in enumerate(schema.KINDS)}


@dataclass
class Corpus(HasProblems):
    """The entries of a content root that loaded, with every problem found and the files left out."""

    root: Path
    vocab: Vocabulary
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Files left out because they have errors, with the problems that sank them.
    skipped: dict[str, list[Problem]] = field(default_factory=dict)
    # Those files as far as they could be read (only when not served from the cache).
    drafts: list[Entry] = field(default_factory=list)
    # Folders and files that could not be read at all (`path: message`).
    unreadable: list[Problem] = field(default_factory=list)

    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}


class Unreadable(Exception):
    """A file that is there but could not be read now (permissions, I/O): reported,
    never cached, tried again next time."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def read_content(path: Path, shown: str) -> bytes | Problem:
    """The bytes of one file, or the problem that stops us reading it. The size is
    checked before reading (a 3 GB sparse file costs a stat, not 3 GB), and a FIFO
    swapped in after the scan is never waited on. FileNotFoundError: the file is gone."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as err:
        raise Unreadable(Problem(shown, 0, "bestand", f"niet te lezen: {os_reason(err)}")) from None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return Problem(shown, 0, "bestand", "geen gewoon bestand; wordt niet gelezen")
        if st.st_size > MAX_BYTES:
            return Problem(shown, 1, "bestand", f"te groot ({st.st_size // 2**20} MB); de grens is 10 MB")
        try:
            return handle.read(MAX_BYTES + 1)  # parse_bytes refuses a file that grew past the limit
        except OSError as err:
            raise Unreadable(Problem(shown, 0, "bestand", f"niet te lezen: {os_reason(err)}")) from None


def load_entry(kind: str, path: Path, vocab: Vocabulary) -> tuple[Entry | None, list[Problem]]:
    """Parse and validate one file. The entry is None when the file has errors.
    Raises FileNotFoundError when the file is gone, Unreadable when it cannot be read now."""
    shown = display_path(path)
    raw = read_content(path, shown)
    if isinstance(raw, Problem):
        return None, [raw]
    parsed = parse_bytes(raw, shown)
    problems = list(parsed.problems)
    if parsed.data is None:
        return None, problems
    refused = [p for p in problems if p.severity == ERROR]  # values parse.py set to None
    problems += control_problems(raw, parsed.data, shown, parsed.lines, parsed.body_line)
    found = validate(
        parsed.data, kind, path.stem, shown, parsed.lines, parsed.body, vocab, body_line=parsed.body_line
    )
    # Only a value parse.py refused silences the validator about that field; a warning
    # (a control character, say) must never hide an error such as a table where a list belongs.
    problems += [p for p in found if not _about_refused(p.field, refused)]
    if any(p.severity == ERROR for p in problems):
        return None, problems
    return _entry(kind, path, parsed, shown), problems


def _entry(kind: str, path: Path, parsed, shown: str) -> Entry:
    return Entry(
        id=path.stem,
        kind=kind,
        path=path,
        data=parsed.data,
        body=parsed.body,
        lines=parsed.lines,
        display_path=shown,
        body_line=parsed.body_line,
    )


def draft_entry(kind: str, path: Path) -> Entry | None:
    """A file with errors as far as it can be read, so that the rules over the whole
    corpus (ids, related, body links, titles) still see it: check names every problem
    of a file in one run instead of one layer at a time."""
    try:
        # Only a regular file of a readable size: never block on a FIFO or read 3 GB.
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return None
        parsed = parse_bytes(path.read_bytes(), display_path(path))
    except OSError:
        return None
    return None if parsed.data is None else _entry(kind, path, parsed, display_path(path))


def _about_refused(field: str, parse_problems: list[Problem]) -> bool:
    """A value parse.py refused is None now: the validator must not also call it (or
    the item holding it) missing."""
    return any(p.field == field or p.field.startswith((f"{field}.", f"{field}[")) for p in parse_problems)


def load(
    root: Path, only: Iterable[Path] | None = None, cached: bool = False, cross_file: bool = True
) -> Corpus:
    """Load every entry under root. With `only`, validate just those files but still
    read the rest, so cross-file rules (ids, related) have the whole picture.
    With `cached`, unchanged files come from the entry cache (entry_cache.py).
    `cross_file=False` leaves out the rules over the whole corpus (links, titles,
    aliases, glossary terms): a reader never shows their problems, `check` does."""
    vocab, problems = vocabulary.load(root, display_path(root))
    corpus = Corpus(root=root, vocab=vocab, problems=problems)
    wanted = {p.resolve() for p in only} if only is not None else None
    store = EntryCache(root, stamp(root)) if cached else None
    found = scan(root)
    corpus.unreadable = found.problems
    corpus.problems.extend(found.problems)
    shadows = shadowed(found.files)
    seen: set[str] = set()

    for item in found.files:
        shown = display_path(item.path)
        if item.rel in shadows:
            outcome: tuple[Entry | None, list[Problem]] | None = (
                None,
                [shadow_problem(item, shadows[item.rel])],
            )
        else:
            outcome = store.get(item.rel, item.kind, item.path, item.stat, shown) if store else None
        if outcome is None:
            try:
                outcome = load_entry(item.kind, item.path, vocab)
            except FileNotFoundError:
                continue  # removed since the scan: simply gone
            except Unreadable as err:
                outcome = (None, [err.problem])  # not cached: it may be readable next time
            else:
                if store is not None:
                    store.put(item.rel, item.stat, *outcome)
        seen.add(item.rel)
        entry, problems_of_file = outcome
        if wanted is None or item.path.resolve() in wanted:
            corpus.problems.extend(problems_of_file)
        if entry is None:
            corpus.skipped[shown] = [p for p in problems_of_file if p.severity == ERROR]
            # A file with errors still takes part in the cross-file rules (one pass);
            # a shadowed duplicate does not: its id belongs to the other file.
            draft = draft_entry(item.kind, item.path) if store is None and item.rel not in shadows else None
            if draft is not None:
                corpus.drafts.append(draft)
        else:
            corpus.entries.append(entry)

    if store is not None:
        store.forget_missing(seen)
        store.save()
    if cross_file:
        corpus.problems.extend(cross_file_problems(corpus, wanted))
    if cross_file and wanted is None:
        corpus.problems.extend(glossary_link_problems(corpus))
    corpus.entries.sort(key=sort_key)
    return corpus


def cross_file_problems(corpus: Corpus, wanted: set[Path] | None = None) -> list[Problem]:
    """The rules that need more than one file. Files with errors of their own take
    part as drafts, so every problem of a file shows in the same run. (A duplicate id
    is settled earlier, at discovery: see discover.shadowed.)"""
    everything = sorted(
        corpus.entries + corpus.drafts, key=lambda e: (KIND_ORDER.get(e.kind, 9), e.path.name)
    )

    def mine(entry: Entry) -> bool:
        return wanted is None or entry.path.resolve() in wanted

    problems: list[Problem] = []
    ids = {entry.id for entry in everything}
    for entry in filter(mine, everything):
        problems += _related_problems(entry, ids)
        problems += _body_link_problems(entry, ids)
    problems += _title_problems(everything, mine)
    problems.extend(alias_problems(corpus, wanted))
    return problems


def _related_problems(entry: Entry, ids: set[str]) -> list[Problem]:
    problems = []
    for index, target in enumerate(entry.as_list("related")):
        where = f"related[{index}]"
        line = entry.lines.get(where, entry.line_of("related"))
        if target == entry.id:
            problems.append(Problem(entry.display_path, line, where, "verwijst naar zichzelf", WARNING))
        elif str(target) not in ids:
            problems.append(
                Problem(
                    entry.display_path,
                    line,
                    where,
                    f"'{target}' bestaat niet in de kennisbank.{did_you_mean(str(target), ids - {entry.id})}",
                )
            )
    return problems


def _body_link_problems(entry: Entry, ids: set[str]) -> list[Problem]:
    """`[tekst](id)` in a body must name an entry; links to the web are left alone."""
    problems = []
    for line, target in body_links(entry.body, entry.body_line):
        if target in ids:
            continue
        stem = target.rsplit("/", 1)[-1].removesuffix(".md")
        if stem in ids:
            hint = f" Schrijf alleen het id: ({stem})."
        else:
            hint = did_you_mean(target, ids - {entry.id}) or " Een link naar het web begint met https://."
        message = f"link naar '{target}': dat id bestaat niet in de kennisbank.{hint}"
        problems.append(Problem(entry.display_path, line, "body", message))
    return problems


def _title_problems(everything: list[Entry], mine) -> list[Problem]:
    """Both files of a near-identical pair warn, each naming the other: which of the
    two is the newcomer is for the maintainer to say, not for file order."""
    problems = []
    for pair in duplicate_pairs(everything):
        for entry, other in (pair, pair[::-1]):
            if mine(entry):
                problems.append(
                    Problem(
                        entry.display_path,
                        entry.line_of("title"),
                        "title",
                        f"lijkt sterk op de titel van '{other.id}' ({other.title}); "
                        "is dit hetzelfde item? Kies anders een titel die het verschil zegt",
                        WARNING,
                    )
                )
    return problems


def alias_problems(corpus: Corpus, wanted: set[Path] | None = None) -> list[Problem]:
    """`define` answers a term's id, title and aliases; a name that points at two
    terms makes the answer depend on file order. An alias that is another term's id
    or title is flagged on the alias; an alias two terms share, on both."""
    terms = [entry for entry in corpus.entries if entry.kind == "term"]
    named: dict[str, str] = {}
    for entry in terms:
        for name in (entry.id, entry.title):
            named.setdefault(fold(name), entry.id)
    aliased: dict[str, set[str]] = {}
    for entry in terms:
        for alias in entry.as_list("aliases"):
            aliased.setdefault(fold(str(alias)), set()).add(entry.id)
    problems: list[Problem] = []
    for entry in terms:
        if wanted is not None and entry.path.resolve() not in wanted:
            continue
        for index, alias in enumerate(entry.as_list("aliases")):
            key = fold(str(alias))
            owner = named.get(key)
            if owner == entry.id:
                continue
            others = [owner] if owner else sorted(aliased[key] - {entry.id})
            if not others:
                continue
            where = f"aliases[{index}]"
            problems.append(
                Problem(
                    entry.display_path,
                    entry.lines.get(where, entry.line_of("aliases")),
                    where,
                    f"'{alias}' hoort ook bij begrip '{', '.join(others)}'; `voorveld define` kan maar "
                    "één begrip tonen, houd de naam bij één van beide",
                    WARNING,
                )
            )
    return problems


def glossary_link_problems(corpus: Corpus) -> list[Problem]:
    """Every theme and law in vocabulary.yml names the glossary term that explains it
    (`term:`); once a corpus has a glossary, each of those terms must exist.
    A corpus without any glossary entry (a fresh or test corpus) is left alone."""
    terms = {entry.id for entry in corpus.entries if entry.kind == "term"}
    if not terms:
        return []
    shown = display_path(corpus.root / vocabulary.VOCABULARY_FILE)
    problems: list[Problem] = []
    for name in ("themes", "laws"):
        for value in corpus.vocab.values(name).values():
            if not value.term or value.term in terms:
                continue
            problems.append(
                Problem(
                    shown,
                    value.term_line or 1,
                    f"{name}.{value.key}.term",
                    f"begrip '{value.term}' staat niet in content/glossary/; "
                    f"schrijf het of kies een bestaand begrip.{did_you_mean(value.term, terms)}",
                    WARNING,
                )
            )
    return problems


def sort_key(entry: Entry) -> tuple:
    number = entry.get("number") if entry.kind == "case" else None
    return (KIND_ORDER.get(entry.kind, 9), number if isinstance(number, int) else 0, fold(entry.title))

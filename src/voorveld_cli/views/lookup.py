"""Find one entry by id, or a glossary term by its title or any alias."""

from __future__ import annotations

import re

from voorveld_cli.content.corpus import Corpus
from voorveld_cli.content.model import Entry
from voorveld_cli.textnorm import fold, suggest


class NotFound(LookupError):
    def __init__(self, message: str, suggestions: list[str]):
        super().__init__(message)
        self.suggestions = suggestions


def find_entry(corpus: Corpus, wanted: str) -> Entry:
    """By id; failing that, by exact title or alias (folded), if that is unambiguous."""
    by_id = corpus.by_id()
    if wanted in by_id:
        return by_id[wanted]
    case = case_by_number(corpus, wanted)
    if case is not None:
        return case
    key = fold(wanted)
    named = [e for e in corpus.entries if key in _names(e)]
    if len(named) == 1:
        return named[0]
    candidates = list(by_id) + [e.title for e in corpus.entries]
    close = suggest(wanted, candidates, n=5, cutoff=0.5)
    ids = list(dict.fromkeys(_as_id(corpus, c) for c in close))
    raise NotFound(f"Geen item met id '{wanted}'.", ids)


CASE_NUMBER = re.compile(r"^(?:casus[- ]?)?0*(\d{1,3})$")


def case_by_number(corpus: Corpus, wanted: str) -> Entry | None:
    """'1', '01', 'casus-1' and 'casus 1' name case number 1 (as the bundle numbers them)."""
    match = CASE_NUMBER.match(fold(wanted).strip())
    if not match:
        return None
    number = int(match.group(1))
    cases = [e for e in corpus.entries if e.kind == "case" and e.get("number") == number]
    return cases[0] if len(cases) == 1 else None


def find_term(corpus: Corpus, wanted: str) -> Entry:
    """A glossary term by id, title or alias, in any case and with or without accents."""
    key = fold(wanted)
    terms = [e for e in corpus.entries if e.kind == "term"]
    for entry in terms:
        if entry.id == wanted or key in _names(entry):
            return entry
    spellings: dict[str, str] = {}
    for entry in terms:
        for name in (entry.title, *entry.as_list("aliases")):
            spellings.setdefault(str(name), entry.id)
    close = suggest(wanted, spellings, n=5, cutoff=0.6)
    ids = list(dict.fromkeys(spellings[c] for c in close))
    raise NotFound(f"Geen begrip '{wanted}' in de woordenlijst.", ids)


def _names(entry: Entry) -> set[str]:
    names = {fold(entry.id), fold(entry.title)}
    names.update(fold(str(a)) for a in entry.as_list("aliases"))
    return names


def _as_id(corpus: Corpus, text: str) -> str:
    for entry in corpus.entries:
        if text in (entry.id, entry.title):
            return entry.id
    return text

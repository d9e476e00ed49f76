"""Aliases as search synonyms: 'pw' finds the Participatiewet, 'lvb' a licht
verstandelijke beperking, 'Wet maatschappelijke ondersteuning' the Wmo 2015.

The groups come from the laws in vocabulary.yml and from every glossary term's
title and aliases. A query is rewritten before Whoosh parses it: each plain word
or run of words that names a group becomes (what was typed OR each other name).
Quoted phrases, -exclusions and operators are left as typed. No Whoosh here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from voorveld_cli.textnorm import fold

MAX_WORDS = 5  # the longest name looked up as one run of words
_PLAIN = re.compile(r"^\w[\w'’.-]*$")  # a word; '-woord' and '+woord' are syntax
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}


def table(groups: Iterable[Iterable[str]]) -> dict[str, list[str]]:
    """folded name -> every other name of the groups it belongs to (no chaining)."""
    out: dict[str, list[str]] = {}
    for group in groups:
        names = list(dict.fromkeys(str(n).strip() for n in group if str(n).strip()))
        for name in names:
            others = out.setdefault(fold(name), [])
            for other in names:
                if fold(other) != fold(name) and other not in others:
                    others.append(other)
    return {key: value for key, value in out.items() if value}


def quote(name: str) -> str:
    words = re.findall(r"[\w'’]+", name)
    if not words:
        return ""
    return words[0] if len(words) == 1 else '"' + " ".join(words) + '"'


def rewrite(text: str, synonyms: dict[str, list[str]]) -> str:
    """The query with each synonym run expanded into an OR group."""
    if not synonyms:
        return text
    units = re.findall(r'"[^"]*"?|\S+', text)
    out: list[str] = []
    i = 0
    while i < len(units):
        match = None
        for j in range(min(len(units), i + MAX_WORDS), i, -1):
            run = units[i:j]
            if all(_PLAIN.match(u) and u not in _OPERATORS for u in run):
                key = fold(" ".join(run))
                if key in synonyms:
                    match = (j, run, synonyms[key])
                    break
        if match is None:
            out.append(units[i])
            i += 1
            continue
        j, run, others = match
        typed = quote(" ".join(run))
        alternatives = [typed, *(q for q in map(quote, others) if q and q != typed)]
        out.append("(" + " OR ".join(dict.fromkeys(alternatives)) + ")")
        i = j
    return " ".join(out)

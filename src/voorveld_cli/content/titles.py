"""Near-identical titles: two entries of one kind that a reader cannot tell apart.

rapidfuzz's `fuzz.ratio` on folded titles (case, accents and punctuation ignored).
Measured on the shipped corpus (275 entries): the closest two titles of one kind
are 'Participatiewet' and 'Participatiewiel' at 90.3, so 92 flags no shipped pair
while 'Op zoek naar de nieuwe vrijwilliger' and '... vrijwilligers' (97) are caught.
Only one kind is compared: a term and a practice example may share a name
('Sociale coöperatie' the term, 'Sociale coöperaties' the initiatives).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from voorveld_cli.content.model import Entry
from voorveld_cli.textnorm import fold

THRESHOLD = 92.0
_PUNCTUATION = re.compile(r"[^\w]+")


def normalise(title: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", fold(title)).split())


def similar(title: str, kind: str, entries: Iterable[Entry], skip: str | None = None) -> Entry | None:
    """The entry of this kind whose title is closest to `title`, if at or above THRESHOLD."""
    key = normalise(title)
    scored = [
        (fuzz.ratio(key, normalise(entry.title)), entry)
        for entry in entries
        if entry.kind == kind and entry.id != skip
    ]
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best and best[0] >= THRESHOLD else None


def duplicate_pairs(entries: list[Entry]) -> list[tuple[Entry, Entry]]:
    """(later, earlier) for every entry whose title is near one of its kind before it."""
    keys = [normalise(entry.title) for entry in entries]
    pairs = []
    for index, entry in enumerate(entries):
        for other in range(index):
            if entries[other].kind == entry.kind and fuzz.ratio(keys[index], keys[other]) >= THRESHOLD:
                pairs.append((entry, entries[other]))
                break
    return pairs

"""A hint when --place matched nothing: the places the corpus does know that look alike."""

from __future__ import annotations

from voorveld_cli.content.corpus import Corpus
from voorveld_cli.textnorm import fold, suggest
from voorveld_cli.views.labels import bedoelde_u


def place_hint(corpus: Corpus, wanted: tuple[str, ...]) -> str:
    known: set[str] = set()
    for entry in corpus.entries:
        known.update(entry.as_list("place"))
        area = entry.get("area")
        if isinstance(area, str):
            known.add(area)
    folded = {fold(p) for p in known}
    missing = [w for w in wanted if w not in folded]
    hints = []
    for place in missing:
        close = suggest(place, known)
        hints.append(f"Geen plaats '{place}' in de kennisbank.{bedoelde_u(close)}")
    return " ".join(hints)

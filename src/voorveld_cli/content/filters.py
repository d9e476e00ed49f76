"""The filters shared by list, search, matrix, stats and handout: --kind --theme
--law --place --province --source. Values are resolved through the vocabulary (labels and
aliases, any case or accents); an unknown value is a clear error with the
nearest valid values.

Repeating an option widens it (OR): `--theme mantelzorg --theme eenzaamheid`.
Different options narrow (AND): `--theme eenzaamheid --province Limburg`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from voorveld_cli.content import schema
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.textnorm import fold
from voorveld_cli.views.labels import did_you_mean

if TYPE_CHECKING:
    from voorveld_cli.content.model import Entry


class FilterError(ValueError):
    """A filter value that matches nothing we know; the message says what would."""


@dataclass(frozen=True)
class Filters:
    kinds: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    laws: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # folded
    provinces: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # source ids from sources.yml
    explicit_only: bool = False  # --law matches only laws the source names

    def is_empty(self) -> bool:
        return not (self.kinds or self.themes or self.laws or self.places or self.provinces or self.sources)


def resolve_kind(text: str) -> str:
    key = fold(text)
    for kind in schema.KINDS:
        if key == kind or key in schema.KIND_ALIASES[kind]:
            return kind
    names = [*schema.KINDS, *(a for aliases in schema.KIND_ALIASES.values() for a in aliases)]
    raise FilterError(
        f"Onbekende soort '{text}'. Kies uit: {', '.join(schema.KINDS)}.{did_you_mean(text, names)}"
    )


def _resolve(vocab: Vocabulary, name: str, option: str, text: str) -> str:
    key = vocab.resolve(name, text)
    if key is not None:
        return key
    hint = did_you_mean(text, vocab.names(name))
    choices = ", ".join(vocab.values(name))
    raise FilterError(f"Onbekende waarde '{text}' voor {option}.{hint} Mogelijke waarden: {choices}.")


def build(
    vocab: Vocabulary,
    *,
    kinds: Sequence[str] = (),
    themes: Sequence[str] = (),
    laws: Sequence[str] = (),
    places: Sequence[str] = (),
    provinces: Sequence[str] = (),
    sources: Sequence[str] = (),
    explicit_only: bool = False,
) -> Filters:
    return Filters(
        kinds=tuple(dict.fromkeys(resolve_kind(k) for k in kinds)),
        themes=tuple(dict.fromkeys(_resolve(vocab, "themes", "--theme", t) for t in themes)),
        laws=tuple(dict.fromkeys(_resolve(vocab, "laws", "--law", law) for law in laws)),
        places=tuple(dict.fromkeys(fold(p) for p in places if p.strip())),
        provinces=tuple(dict.fromkeys(_resolve(vocab, "provinces", "--province", p) for p in provinces)),
        sources=tuple(dict.fromkeys(_resolve(vocab, "sources", "--source", s) for s in sources)),
        explicit_only=explicit_only,
    )


def matches(entry: Entry, filters: Filters) -> bool:
    if filters.kinds and entry.kind not in filters.kinds:
        return False
    if filters.themes and not set(filters.themes) & set(entry.as_list("themes")):
        return False
    if filters.laws:
        laws = set(entry.as_list("laws"))
        if not filters.explicit_only:
            laws |= set(entry.as_list("laws_inferred"))
            law = entry.get("law")
            if isinstance(law, str):
                laws.add(law)
        if not set(filters.laws) & laws:
            return False
    if filters.places:
        places = {fold(p) for p in entry.as_list("place")}
        area = entry.get("area")
        if isinstance(area, str):
            places.add(fold(area))
        if not set(filters.places) & places:
            return False
    if filters.provinces and not set(filters.provinces) & set(entry.as_list("province")):
        return False
    return not (filters.sources and not set(filters.sources) & set(entry.source_ids()))


def apply(entries: Sequence[Entry], filters: Filters) -> list[Entry]:
    return [entry for entry in entries if matches(entry, filters)]

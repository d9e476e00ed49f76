"""The filters shared by list, search, matrix, stats and handout: --kind --theme
--law --place --province --source --as-of. Values are resolved through the vocabulary (labels and
aliases, any case or accents); an unknown value is a clear error with the
nearest valid values.

Repeating an option widens it (OR): `--theme mantelzorg --theme eenzaamheid`.
Different options narrow (AND): `--theme eenzaamheid --province Limburg`.
`--place` on today's municipality also finds the former municipalities and villages
within it (places.yml): `--place Vijfheerenlanden` finds Vianen.
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
    places: tuple[str, ...] = ()  # folded, widened through places.yml
    provinces: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # source ids from sources.yml
    explicit_only: bool = False  # --law matches only laws the source names
    as_of: tuple[int, int] | None = None  # first and last year, inclusive

    def is_empty(self) -> bool:
        return not (
            self.kinds
            or self.themes
            or self.laws
            or self.places
            or self.provinces
            or self.sources
            or self.as_of
        )


def resolve_kind(text: str) -> str:
    key = fold(text)
    for kind in schema.KINDS:
        if key == kind or key in schema.KIND_ALIASES[kind]:
            return kind
    names = [*schema.KINDS, *(a for aliases in schema.KIND_ALIASES.values() for a in aliases)]
    raise FilterError(
        f"Onbekende soort '{text}'. Kies uit: {', '.join(schema.KINDS)}.{did_you_mean(text, names)}"
    )


def parse_years(text: str) -> tuple[int, int]:
    """'2016' -> (2016, 2016); '2015..2017' -> (2015, 2017); open ends: '..2016', '2018..'."""
    first, sep, last = text.strip().partition("..")
    try:
        low = int(first) if first.strip() else 0
        high = int(last) if last.strip() else 9999
        if not sep:
            high = low
    except ValueError:
        raise FilterError(
            f"Ongeldige waarde '{text}' voor --as-of: geef een jaar (2016) of een periode (2015..2017)."
        ) from None
    if low > high:
        raise FilterError(f"Ongeldige periode '{text}' voor --as-of: het eerste jaar ligt na het laatste.")
    return low, high


def entry_year(entry: Entry) -> int | None:
    """The year of `as_of` (2016, '2016-05', '2017-11-09'), else None."""
    value = entry.get("as_of")
    text = str(value) if isinstance(value, int | str) and not isinstance(value, bool) else ""
    return int(text[:4]) if text[:4].isdigit() else None


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
    as_of: str | None = None,
) -> Filters:
    return Filters(
        kinds=tuple(dict.fromkeys(resolve_kind(k) for k in kinds)),
        themes=tuple(dict.fromkeys(_resolve(vocab, "themes", "--theme", t) for t in themes)),
        laws=tuple(dict.fromkeys(_resolve(vocab, "laws", "--law", law) for law in laws)),
        places=tuple(
            dict.fromkeys(name for p in places if p.strip() for name in sorted(vocab.places.matching(p)))
        ),
        provinces=tuple(dict.fromkeys(_resolve(vocab, "provinces", "--province", p) for p in provinces)),
        sources=tuple(dict.fromkeys(_resolve(vocab, "sources", "--source", s) for s in sources)),
        explicit_only=explicit_only,
        as_of=parse_years(as_of) if as_of else None,
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
    if filters.as_of:
        year = entry_year(entry)
        if year is None or not filters.as_of[0] <= year <= filters.as_of[1]:
            return False
    return not (filters.sources and not set(filters.sources) & set(entry.source_ids()))


def apply(entries: Sequence[Entry], filters: Filters) -> list[Entry]:
    return [entry for entry in entries if matches(entry, filters)]

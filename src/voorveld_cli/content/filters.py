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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from voorveld_cli.content import kinds
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.textnorm import fold
from voorveld_cli.views.labels import did_you_mean

if TYPE_CHECKING:
    from voorveld_cli.content.model import Entry


class FilterError(ValueError):
    """A filter value that matches nothing we know; the message says what would."""


def resolve_kind(text: str) -> str:
    key = fold(text)
    for kind in kinds.KINDS:
        if key == kind or key in kinds.KIND_ALIASES[kind]:
            return kind
    names = [*kinds.KINDS, *(a for aliases in kinds.KIND_ALIASES.values() for a in aliases)]
    raise FilterError(
        f"Onbekende soort '{text}'. Kies uit: {', '.join(kinds.KINDS)}.{did_you_mean(text, names)}"
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
    known = f" Mogelijke waarden: {choices}." if choices else f" Er zijn geen waarden voor {option}."
    raise FilterError(f"Onbekende waarde '{text}' voor {option}.{hint}{known}")


# ---------------------------------------------------------------------------
# The spec. One entry per filter option; the Typer options of every filtering
# command (cli/options.py), the start-up fast path (cli/fastpath.py), `build`
# and `matches` are all made from it. Adding a filter: a field on `Filters`
# and an entry here (plus, for `search`, its index field in search/query.py).

How = Literal["many", "flag", "value"]
Resolver = Callable[[Vocabulary, str], Iterable[Any]]
Keep = Callable[["Entry", Any, "Filters"], bool]


@dataclass(frozen=True)
class FilterOption:
    """One filter option of the commands: its flag, its Filters field and how a value is read and kept."""

    flag: str  # the option as typed: "--theme"
    field: str  # the Filters attribute, also the keyword of `build` and the command parameter
    how: How  # many: repeatable value (OR); flag: on/off; value: one value
    help: str  # Dutch help text for --help
    resolve: Resolver | None = None  # typed text -> canonical values (may widen, e.g. places)
    keep: Keep | None = None  # does an entry pass, given the resolved value
    complete: str | None = None  # which shell completion (cli/completion.py COMPLETERS)


def _vocab_resolver(name: str, flag: str) -> Resolver:
    return lambda vocab, text: [_resolve(vocab, name, flag, text)]


def _any_of(values: Callable[[Entry], Iterable[str]]) -> Keep:
    return lambda entry, wanted, _filters: bool(set(wanted) & set(values(entry)))


def _entry_laws(entry: Entry, filters: Filters) -> set[str]:
    laws = set(entry.as_list("laws"))
    if not filters.explicit_only:
        laws |= set(entry.as_list("laws_inferred"))
        law = entry.get("law")
        if isinstance(law, str):
            laws.add(law)
    return laws


def entry_places(entry: Entry) -> list[str]:
    """The entry's places and area, folded: what --place compares with."""
    places = [fold(p) for p in entry.as_list("place")]
    area = entry.get("area")
    if isinstance(area, str):
        places.append(fold(area))
    return places


def _in_years(entry: Entry, years: tuple[int, int], _filters: Filters) -> bool:
    year = entry_year(entry)
    return year is not None and years[0] <= year <= years[1]


def _vocab_option(flag: str, name: str, help: str, values: Callable[[Entry], Iterable[str]]) -> FilterOption:
    """A repeatable option over one vocabulary list (same name as its field): any value may match."""
    return FilterOption(flag, name, "many", help, _vocab_resolver(name, flag), _any_of(values), name)


FILTER_OPTIONS: tuple[FilterOption, ...] = (
    FilterOption(
        "--kind",
        "kinds",
        "many",
        "Soort: initiative, case, term of article; ook initiatief, casus, begrip, artikel (herhaalbaar).",
        resolve=lambda _vocab, text: [resolve_kind(text)],
        keep=lambda entry, wanted, _filters: entry.kind in wanted,
        complete="kinds",
    ),
    _vocab_option(
        "--theme",
        "themes",
        "Thema uit vocabulary.yml, ook als label of alias (herhaalbaar).",
        lambda entry: entry.as_list("themes"),
    ),
    FilterOption(
        "--law",
        "laws",
        "many",
        "Wet, ook als alias: wmo, pw, jeugdwet, ... (herhaalbaar). "
        "Telt genoemde én afgeleide wetten, tenzij --explicit.",
        resolve=_vocab_resolver("laws", "--law"),
        keep=lambda entry, wanted, filters: bool(set(wanted) & _entry_laws(entry, filters)),
        complete="laws",
    ),
    FilterOption("--explicit", "explicit_only", "flag", "Bij --law: alleen wetten die de bron zelf noemt."),
    FilterOption(
        "--place",
        "places",
        "many",
        "Gemeente of wijk (herhaalbaar).",
        # folded; today's municipality widens to its former municipalities and villages (places.yml)
        resolve=lambda vocab, text: sorted(vocab.places.matching(text)) if text.strip() else [],
        keep=lambda entry, wanted, _filters: bool(set(wanted) & set(entry_places(entry))),
        complete="places",
    ),
    _vocab_option(
        "--province", "provinces", "Provincie (herhaalbaar).", lambda entry: entry.as_list("province")
    ),
    _vocab_option(
        "--source",
        "sources",
        "Brondocument: id uit sources.yml (zoals movisies-2020-1), titel of alias (herhaalbaar).",
        lambda entry: entry.source_ids(),
    ),
    FilterOption(
        "--as-of",
        "as_of",
        "value",
        "Jaar waarover de feiten gaan (as_of): 2016, of een periode 2015..2017, ..2016, 2018..",
        resolve=lambda _vocab, text: [parse_years(text)],
        keep=_in_years,
    ),
)
OPTION_BY_FIELD = {option.field: option for option in FILTER_OPTIONS}


@dataclass(frozen=True)
class Filters:
    """Resolved filter values; one field per FILTER_OPTIONS entry (a test holds them equal)."""

    kinds: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    laws: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # folded, widened through places.yml
    provinces: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # source ids from sources.yml
    explicit_only: bool = False  # --law matches only laws the source names
    as_of: tuple[int, int] | None = None  # first and last year, inclusive

    def is_empty(self) -> bool:
        return not any(getattr(self, o.field) for o in FILTER_OPTIONS if o.how != "flag")


def build(vocab: Vocabulary, **values: Any) -> Filters:
    """Filters from the values as typed, keyed by FILTER_OPTIONS field ('themes': ['mantelzorg']).

    Raises FilterError, in Dutch, for the first value that matches nothing."""
    unknown = set(values) - set(OPTION_BY_FIELD)
    if unknown:
        raise TypeError(f"unknown filter fields: {sorted(unknown)}")
    resolved: dict[str, Any] = {}
    for option in FILTER_OPTIONS:
        given = values.get(option.field)
        if option.how == "flag":
            resolved[option.field] = bool(given)
        elif option.how == "many":
            texts = given or ()
            found = (v for text in texts for v in (option.resolve(vocab, text) if option.resolve else [text]))
            resolved[option.field] = tuple(dict.fromkeys(found))
        elif given is not None and given != "":
            [resolved[option.field]] = option.resolve(vocab, given) if option.resolve else [given]
    return Filters(**resolved)


def matches(entry: Entry, filters: Filters) -> bool:
    for option in FILTER_OPTIONS:
        wanted = getattr(filters, option.field)
        if option.keep is not None and wanted and not option.keep(entry, wanted, filters):
            return False
    return True


def apply(entries: Sequence[Entry], filters: Filters) -> list[Entry]:
    return [entry for entry in entries if matches(entry, filters)]

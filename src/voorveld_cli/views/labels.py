"""The one registry of Dutch words a person reads: kinds, facets, fields, laws,
sources, plurals and "Bedoelde u ...?".

Every view, handout and message takes its labels from here, so a kind reads
"initiatief" in the list, the search footer, `stats` and the `show` header
alike. Keys in JSON and front matter stay English; only what people read is
Dutch. No rich, no Whoosh, no YAML.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from voorveld_cli.content import kinds

if TYPE_CHECKING:
    from voorveld_cli.content.vocabulary import Vocabulary

KINDS = kinds.KIND_LABELS  # initiative -> initiatief, ..., article -> artikel
# What a handout calls the items it holds (the casuïstiekbundel's own words): singular, plural.
HANDOUT_NOUNS = {
    "case": ("casus", "casussen"),
    "initiative": ("praktijkvoorbeeld", "praktijkvoorbeelden"),
    "term": ("begrip", "begrippen"),
    "article": ("artikel", "artikelen"),
}
KIND_PLURALS = {
    "initiative": "initiatieven",
    "case": "casussen",
    "term": "begrippen",
    "article": "artikelen",
}

# Facets as search and stats count them, and the axes of `matrix`.
FACETS = {
    "kind": "soort",
    "themes": "thema",
    "laws": "wet (genoemd)",
    "laws_inferred": "wet (afgeleid)",
    "province": "provincie",
    "sources": "bron",
    "place": "plaats",
}
AXES = {
    "entry": "item",
    "theme": "thema",
    "law": "wet",
    "kind": "soort",
    "province": "provincie",
    "place": "plaats",
    "source": "bron",
}
# Which vocabulary list holds the values of a facet or axis.
VOCAB_LISTS = {
    "themes": "themes",
    "theme": "themes",
    "laws": "laws",
    "laws_inferred": "laws",
    "law": "laws",
    "province": "provinces",
    "sources": "sources",
    "source": "sources",
}

# `show`: the entries whose `related` names this one (backlinks).
REFERENCED_BY = "Verwezen door"
# `check --orphans`: the heading over the entries nothing relates to.
ORPHANS = "Niet verwezen: geen item noemt ze onder related"

# Column headers of the list and search views.
COLUMNS = {
    "rank": "#",
    "id": "id",
    "kind": "soort",
    "title": "titel",
    "score": "score",
    "snippet": "fragment",
    "themes": "thema's",
    "laws": "wetten",
    "place": "plaats",
    "province": "provincie",
    "count": "aantal",
    "value": "waarde",
    "total": "totaal",
}

# Nouns with an irregular plural, for `plural`.
PLURALS = {
    "item": "items",
    "fout": "fouten",
    "waarschuwing": "waarschuwingen",
    "bestand": "bestanden",
    "probleem": "problemen",
    "treffer": "treffers",
    "rij": "rijen",
    "regel": "regels",
    "bron": "bronnen",
    "casus": "casussen",
    "initiatief": "initiatieven",
    "begrip": "begrippen",
    "artikel": "artikelen",
}


def plural(n: int, noun: str) -> str:
    """'1 item', '2 items', '0 fouten': the number and the noun, written out."""
    return f"{n} {noun if n == 1 else PLURALS.get(noun, noun + 's')}"


def kind(key: str) -> str:
    return KINDS.get(key, key)


def facet(key: str) -> str:
    return FACETS.get(key, key)


def axis(key: str) -> str:
    return AXES.get(key, key)


def column(key: str) -> str:
    return COLUMNS.get(key, key)


def field(name: str) -> str:
    """The Dutch label of a front matter field or law profile point."""
    from voorveld_cli.content import schema  # the field rules: not on a search's path

    found = schema.FIELD_BY_NAME.get(name)
    if found:
        return found.label
    return dict(schema.LAW_PROFILE).get(name, name)


def value(vocab: Vocabulary | None, facet_or_axis: str, key: str) -> str:
    """A facet value as people read it: a theme's label, a source's title, a Dutch kind."""
    if facet_or_axis in ("kind",):
        return kind(key)
    name = VOCAB_LISTS.get(facet_or_axis)
    if name is None or vocab is None:
        return key
    return vocab.label(name, key)


def law_short(vocab: Vocabulary, key: str) -> str:
    """A law's shortest spelling without spaces ('wmo', 'pw', 'Wlz'), for narrow columns."""
    found = vocab.values("laws").get(key)
    spellings = [key, *(found.aliases if found else ())]
    plain = [s for s in spellings if " " not in s and len(s) <= len(key)]
    return min(plain, key=len) if plain else key


def bedoelde_u(options: Iterable[str]) -> str:
    """' Bedoelde u 'a' of 'b'?' (with a leading space), or '' when there is nothing to offer.

    The one way every message suggests a correction."""
    close = list(dict.fromkeys(str(o) for o in options if o))
    if not close:
        return ""
    return " Bedoelde u " + " of ".join(f"'{c}'" for c in close) + "?"


def did_you_mean(word: str, candidates: Iterable[str], n: int = 3, cutoff: float = 0.6) -> str:
    """The close candidates for `word`, as a "Bedoelde u" sentence."""
    from voorveld_cli.textnorm import suggest

    return bedoelde_u(suggest(word, candidates, n=n, cutoff=cutoff))


def laws_text(entry) -> str:
    """An entry's laws for a cell: the ones the source names plain, ours marked '(afgeleid)'."""
    explicit = [str(law) for law in entry.as_list("laws")]
    inferred = [f"{law} (afgeleid)" for law in entry.as_list("laws_inferred")]
    return "; ".join(explicit + inferred)


# What the static site (`voorveld site`) shows: navigation, headings, the search page.
# The search page's script gets these too (in search-data.js), so no label lives in JS.
SITE = {
    "site_title": "Voorveld: kennisbank sociaal domein",
    "site_short": "Voorveld",
    "tagline": "Praktijkvoorbeelden, casuïstiek, begrippen en artikelen over het voorveld van de Wmo "
    "en de verbinding met de Participatiewet.",
    "skip": "Naar de inhoud",
    "nav": "Hoofdmenu",
    "home": "Start",
    "search": "Zoeken",
    "search_label": "Zoek in de kennisbank",
    "search_button": "Zoek",
    "search_hint": "Tip: zoek op een onderwerp, plaats of wet; filter daarna op soort, thema, wet of "
    "provincie.",
    "no_results": "Geen resultaten. Probeer een ander of korter woord, of zet filters uit.",
    "results": "resultaten",
    "result": "resultaat",
    "for_query": "voor",
    "filters": "Filters",
    "clear_filters": "Filters wissen",
    "search_loading": "De zoekindex wordt geladen…",
    "search_needs_js": "Zoeken werkt met JavaScript. Zonder JavaScript vindt u alles via de overzichten.",
    "overviews": "Overzichten",
    "by_kind": "Per soort",
    "by_theme": "Per thema",
    "by_law": "Per wet",
    "by_province": "Per provincie",
    "by_place": "Per plaats",
    "by_source": "Per bron",
    "matrix": "Wettenmatrix",
    "matrix_intro": "Initiatieven tegen wetten. ● de bron noemt de wet, ○ door ons afgeleid.",
    "matrix_themes": "Thema's tegen wetten",
    "compare": "Wmo 2015 en Participatiewet naast elkaar",
    "compare_short": "Wmo en Participatiewet",
    "compare_intro": "De twee wetten punt voor punt, uit de woordenlijst.",
    "compare_practice": "Praktijk per wet",
    "facts": "Kerngegevens",
    "body": "Beschrijving",
    "sources": "Bronnen",
    "as_of": "stand",
    "related": "Zie ook",
    "backlinks": "Verwezen door",
    "questions": "Verdiepingsvragen",
    "law_profile": "Wetsprofiel",
    "handouts": "Handouts",
    "handout_participant": "Handout voor deelnemers (PDF)",
    "handout_trainer": "Handout voor trainers (PDF)",
    "not_in_site": "niet in deze selectie",
    "all_entries": "Alle items",
    "count": "aantal",
    "footer": "Gemaakt met voorveld. Deze map is de hele site: geen server, geen trackers.",
    "seed": "bronbestand",
    "pages": "pagina's",
    "published": "uitgegeven door",
}


def site(key: str) -> str:
    return SITE[key]

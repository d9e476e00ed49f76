"""The index pages' groups: per kind, theme, law, province, place and source, the entries
`voorveld list` gives for that filter (the same Filters and apply, so the counts agree)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from voorveld_cli.content import schema
from voorveld_cli.content.filters import apply, build
from voorveld_cli.content.model import Entry
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.textnorm import fold, slugify
from voorveld_cli.views import labels

# facet -> (folder on the site, the `list` option, the vocabulary list or None)
FACETS = {
    "kind": ("soort", "--kind", None),
    "theme": ("thema", "--theme", "themes"),
    "law": ("wet", "--law", "laws"),
    "province": ("provincie", "--province", "provinces"),
    "place": ("plaats", "--place", None),
    "source": ("bron", "--source", "sources"),
}
HEADINGS = {
    "kind": "by_kind",
    "theme": "by_theme",
    "law": "by_law",
    "province": "by_province",
    "place": "by_place",
    "source": "by_source",
}


@dataclass
class Group:
    """The entries with one facet value, as a page of the site."""

    facet: str
    key: str  # the value as `list` takes it
    label: str
    slug: str
    entries: list[Entry]

    @property
    def href(self) -> str:
        """The page, relative to the site root."""
        return f"{FACETS[self.facet][0]}/{self.slug}.html"


def _keys(facet: str, entries: Sequence[Entry], vocab: Vocabulary) -> list[tuple[str, str]]:
    """(key, label) of every value of a facet, in vocabulary order."""
    if facet == "kind":
        return [(kind, labels.KIND_PLURALS[kind]) for kind in schema.KINDS]
    if facet == "place":
        seen: dict[str, str] = {}
        for entry in entries:
            for place in entry.as_list("place"):
                seen.setdefault(fold(str(place)), str(place))
        return sorted(((name, name) for name in seen.values()), key=lambda kv: fold(kv[0]))
    name = FACETS[facet][2]
    if name is None:  # kind and place are handled above
        return []
    return [(key, labels.value(vocab, name, key)) for key in vocab.values(name)]


def _filters(facet: str, key: str, vocab: Vocabulary):
    option = {"kind": "kinds", "theme": "themes", "law": "laws", "province": "provinces"}
    option |= {"place": "places", "source": "sources"}
    return build(vocab, **{option[facet]: [key]})


def groups(facet: str, entries: Sequence[Entry], vocab: Vocabulary) -> list[Group]:
    """The non-empty groups of one facet over the site's entries."""
    out: list[Group] = []
    slugs: set[str] = set()
    for key, label in _keys(facet, entries, vocab):
        chosen = apply(entries, _filters(facet, key, vocab))
        if not chosen:
            continue
        slug = slugify(label if facet == "kind" else key) or "x"
        while slug in slugs:  # two values that fold to one file name
            slug += "-2"
        slugs.add(slug)
        out.append(Group(facet, key, label, slug, chosen))
    return out


def all_groups(entries: Sequence[Entry], vocab: Vocabulary) -> dict[str, list[Group]]:
    return {facet: groups(facet, entries, vocab) for facet in FACETS}

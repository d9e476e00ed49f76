"""Entries as readable Dutch facts: labels from the schema, values made into text.

Shared by `show`, `compare` and the handouts, so a field reads the same
everywhere. No rich, no Whoosh.
"""

from __future__ import annotations

from typing import Any

from voorveld_cli.content import schema
from voorveld_cli.content.model import Entry
from voorveld_cli.content.vocabulary import Vocabulary

# Fields `show` lists as key facts, per kind, in this order. Long prose fields
# (summary, body, questions) are shown on their own.
FACT_FIELDS = {
    "initiative": (
        "as_of",
        "place",
        "area",
        "province",
        "organisations",
        "started",
        "target_groups",
        "funding",
        "figures",
        "novelty",
        "working_elements",
        "themes",
        "keywords",
        "laws",
        "laws_inferred",
        "related",
    ),
    "case": ("as_of", "number", "part", "keywords", "roles", "themes", "laws", "laws_inferred", "related"),
    "term": ("definition", "aliases", "law", "themes", "laws", "laws_inferred", "related"),
    "article": (
        "as_of",
        "genre",
        "people",
        "place",
        "province",
        "organisations",
        "researched_by",
        "figures",
        "themes",
        "laws",
        "laws_inferred",
        "related",
    ),
}


def field_label(name: str) -> str:
    from voorveld_cli.views.labels import field

    return field(name)


def figure_text(figure: dict[str, Any]) -> str:
    text = f"{figure.get('label', '')}: {figure.get('value', '')}"
    if figure.get("year"):
        text += f" ({figure['year']})"
    return text


def value_text(entry: Entry, name: str, vocab: Vocabulary) -> Any:
    """One field as display value: a string, or a list of strings."""
    value = entry.get(name)
    if value is None or value == [] or value == "":
        return ""
    if name == "themes":
        return [vocab.label("themes", key) for key in entry.as_list(name)]
    if name == "part":
        return vocab.label("case_parts", str(value))
    if name == "figures":
        return [figure_text(f) for f in value if isinstance(f, dict)]
    if name == "sources":
        return source_lines(entry, vocab)
    if name == "questions":
        return [q.get("text", "") for q in value if isinstance(q, dict)]
    if name == "genre":
        return vocab.label("genres", str(value))
    if name in ("place", "area"):
        return place_names(entry, name, vocab)
    if name == "province":
        return entry.as_list(name)
    return value


def as_of_text(entry: Entry) -> str:
    """'stand 2016': the year (or date) the entry's facts describe, for kickers and covers."""
    value = entry.get("as_of")
    return f"stand {value}" if value not in (None, "") else ""


def place_names(entry: Entry, name: str, vocab: Vocabulary) -> list[str]:
    """Places as the source names them, with today's municipality where it differs:
    'Vianen (nu Vijfheerenlanden)'."""
    places = [str(p) for p in entry.as_list("place")]
    # The area (a village) need not repeat what the place line already says.
    said = set(places) | {vocab.places.today(p) for p in places} if name == "area" else set(places)
    out = []
    for place in map(str, entry.as_list(name)):
        today = vocab.places.today(place)
        out.append(f"{place} (nu {today})" if today and today not in said else place)
    return out


def facts(entry: Entry, vocab: Vocabulary) -> list[tuple[str, Any]]:
    return [(field_label(name), value_text(entry, name, vocab)) for name in FACT_FIELDS.get(entry.kind, ())]


def source_line(ref: dict[str, Any], vocab: Vocabulary) -> str:
    """'De kracht van het gewone (Platform31 en LKCA, met Movisie, ca. 2020), sectie: Athos'."""
    source_id = str(ref.get("source", ""))
    source = vocab.sources.get(source_id, {})
    title = source.get("title", source_id)
    year = source.get("year")
    if year and source.get("year_inferred"):
        year = f"ca. {year}"  # the document prints no date; the year is our reading
    meta = ", ".join(str(x) for x in (source.get("publisher"), year) if x)
    text = f"{title} ({meta})" if meta else str(title)
    if ref.get("pages") not in (None, ""):
        pages = str(ref["pages"])
        text += f", p. {pages}" if "-" not in pages and "," not in pages else f", pp. {pages}"
    if ref.get("section"):
        text += f", {ref['section']}" if ref.get("pages") else f", sectie: {ref['section']}"
    return text


def source_lines(entry: Entry, vocab: Vocabulary) -> list[str]:
    return [source_line(ref, vocab) for ref in entry.as_list("sources") if isinstance(ref, dict)]


def law_profile_rows(entry: Entry) -> list[tuple[str, Any]]:
    profile = entry.get("law_profile") or {}
    if not isinstance(profile, dict):
        return []
    return [(label, profile.get(key, "")) for key, label in schema.LAW_PROFILE if profile.get(key)]

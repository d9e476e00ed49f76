"""The index schema and one entry as a Whoosh document."""

from __future__ import annotations

import re
from typing import Any

from whoosh import columns, fields

from voorveld_cli.content.filters import entry_places, entry_year
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.search import ranking
from voorveld_cli.search.analysis import TermCounts, TermPositions, dutch_analyzer, plain_analyzer, query_stem
from voorveld_cli.textnorm import markdown_text

# Field weights: title and aliases count most, then keywords and summary, then the rest.
BOOSTS = {
    "title": 5.0,
    "aliases": 4.0,
    "keywords": 2.5,
    "summary": 2.0,
    "body": 1.0,
    "details": 1.0,
    "extra": 1.0,
}
SEARCH_FIELDS = tuple(BOOSTS)
SNIPPET_FIELDS = ("summary", "body", "details")  # snippets.py tries them in this order


def make_schema(text=None) -> fields.Schema:
    """The schema; `text` replaces the Dutch analyzer (the naive benchmark passes the filter chain)."""
    text = text or dutch_analyzer()
    return fields.Schema(
        path=fields.ID(stored=True, unique=True),
        id=fields.ID(stored=True),
        kind=fields.ID(stored=True),
        title=_text(text, "title", stored=True),
        aliases=_text(text, "aliases"),
        keywords=_text(text, "keywords"),
        summary=_text(text, "summary", stored=True),
        body=_text(text, "body", stored=True),
        details=_text(text, "details", stored=True),
        # Elliptic compounds written out ('dak- en thuislozen' -> daklozen), not shown.
        extra=_text(text, "extra"),
        spell=_spelling(),
        # Exact values for filters and facet counts (keys as in vocabulary.yml);
        # places are folded ('den haag') because people type them freely.
        themes=fields.KEYWORD(commas=True),
        laws=fields.KEYWORD(commas=True),
        laws_inferred=fields.KEYWORD(commas=True),
        laws_all=fields.KEYWORD(commas=True),
        places=fields.KEYWORD(commas=True),
        province=fields.KEYWORD(commas=True),
        sources=fields.KEYWORD(commas=True),
        as_of=fields.NUMERIC(int),  # the year the facts describe, for --as-of
        record=fields.STORED(),
        names=fields.STORED(),  # a term's title and aliases, for search synonyms
        definition=fields.STORED(),  # a term's definition, for the card above the hits
        # Name keys and title stems as exact terms: ranking finds the entries the query
        # names, and those with every word in the title, from these small postings.
        title_key=fields.ID(),
        alias_keys=fields.KEYWORD(commas=True),
        title_stems=fields.KEYWORD(),
        # How many different words the title has ('Buurtkamer Het Hofje' before a longer
        # title), as a column: read for a few candidates without their stored text.
        title_words=fields.COLUMN(columns.NumericColumn("H", default=0)),
    )


def _text(analyzer, name: str, stored: bool = False) -> fields.TEXT:
    """A searched text field: positions for phrases and nearness, taken from the
    Dutch analyzer in one call per value (analysis.TermPositions)."""
    field = fields.TEXT(analyzer=analyzer, field_boost=BOOSTS[name], stored=stored)
    field.format = TermPositions(field_boost=BOOSTS[name])
    return field


def _spelling() -> fields.TEXT:
    """The corrector's words: it reads the word list and each word's frequency, never
    positions, so the field keeps frequencies only (analysis.TermCounts)."""
    field = fields.TEXT(analyzer=plain_analyzer(), spelling=True, phrase=False)
    field.format = TermCounts()
    return field


DETAIL_FIELDS = (
    "definition",
    "findings",
    "working_elements",
    "people",
    "organisations",
    "researched_by",
    "target_groups",
    "funding",
    "novelty",
    "roles",
    "literature",
    "place",
    "area",
    "province",
)


def detail_lines(entry) -> list[str]:
    """The facts an entry lists (people, funding, figures, questions ...), one line each."""
    details = [str(v) for name in DETAIL_FIELDS for v in entry.as_list(name)]
    for figure in entry.as_list("figures"):
        if isinstance(figure, dict):
            details.append(f"{figure.get('label', '')} {figure.get('value', '')}")
    for question in entry.as_list("questions"):
        if isinstance(question, dict):
            details.append(str(question.get("text", "")))
    return details


# An elliptic compound ('dak- en thuislozen') has a hyphen before a space or a comma;
# most texts have none, and this finds that faster than the full pattern.
_MAYBE_ELLIPTIC = re.compile(r"-,?\s")


def _elliptic_forms(text: str) -> list[str]:
    return ranking.elliptic_forms(text) if _MAYBE_ELLIPTIC.search(text) else []


def document(entry, vocab: Vocabulary, rel: str) -> dict[str, Any]:
    """One entry as a Whoosh document."""
    from voorveld_cli.views.records import list_record

    record = list_record(entry)
    record.pop("path")
    theme_labels = [vocab.label("themes", t) for t in entry.as_list("themes")]
    details = detail_lines(entry)
    law = entry.get("law")
    laws = entry.as_list("laws")
    laws_all = laws + entry.as_list("laws_inferred") + ([law] if isinstance(law, str) else [])
    places = entry_places(entry)
    # Today's municipality for a place named as it was (Vianen -> Vijfheerenlanden), so a
    # search on either name finds the entry; hidden like the elliptic forms.
    towns = sorted({town for p in places if (town := vocab.places.today(p))})
    aliases = " ; ".join(str(a) for a in entry.as_list("aliases"))
    keywords = " ; ".join([*map(str, entry.as_list("keywords")), *theme_labels])
    title = entry.title
    summary = str(entry.get("summary", ""))
    body = markdown_text(entry.body)
    doc = {
        "path": rel,
        "id": entry.id,
        "kind": entry.kind,
        "title": title,
        "aliases": aliases,
        "keywords": keywords,
        "summary": summary,
        "body": body,
        "details": "\n".join(details),
        # Suggestions come from the words that name things (titles, aliases, keywords,
        # summaries): a third cheaper to index than every body word, and the
        # "Bedoelde u" candidates are the corpus's own vocabulary.
        "spell": " ".join((title, aliases, keywords, summary)),
        "themes": ",".join(entry.as_list("themes")),
        "laws": ",".join(laws),
        "laws_inferred": ",".join(entry.as_list("laws_inferred")),
        "laws_all": ",".join(laws_all),
        "places": ",".join(places),
        "province": ",".join(entry.as_list("province")),
        "sources": ",".join(entry.source_ids()),
        "record": record,
        "extra": " ".join([*_elliptic_forms("\n".join((title, summary, body, keywords, *details))), *towns]),
        "names": [title, *map(str, entry.as_list("aliases"))] if entry.kind == "term" else [],
        "definition": str(entry.get("definition") or ""),
    }
    title_key = ranking.name_key(title)
    title_stems = sorted({query_stem(w) for w in title_key.split()})
    doc["title_key"] = title_key
    doc["alias_keys"] = ",".join(ranking.name_key(str(alias)) for alias in entry.as_list("aliases"))
    doc["title_stems"] = " ".join(title_stems)
    doc["title_words"] = min(len(title_stems), 65535)
    year = entry_year(entry)
    if year is not None:
        doc["as_of"] = year
    return doc

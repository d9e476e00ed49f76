"""A handout as plain data: what goes on the page, before any format.

The renderers (markdown.py, html.py, pdf.py, word.py) draw this same structure, so a
case reads the same on paper, in a browser, in Word and in a Markdown file. The
edition decides what is here: the participant edition holds the story, the dilemma and
the questions; the trainer edition adds the key facts, each question's Kolb style,
the related glossary terms, the literature and room for notes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from voorveld_cli.content.model import Entry
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.handouts.markup import Block, Inline, Section, Span, inline, sections
from voorveld_cli.render.plain import cell
from voorveld_cli.views import labels
from voorveld_cli.views.present import (
    FACT_FIELDS,
    as_of_text,
    field_label,
    figure_text,
    law_profile_rows,
    source_lines,
    value_text,
)

DEFAULT_LINES = 4  # ruled lines under each question to write on
NOTE_LINES = 8  # ruled lines for the trainer's notes
EDITIONS = {"participant": "Deelnemersversie", "trainer": "Trainersversie"}
MAX_TERMS = 12

# The bundle's own word for its keywords.
LABELS = {("case", "keywords"): "Sleutelwoorden"}

# Key facts per kind: the facts `show` lists (views.present.FACT_FIELDS, in its order;
# labels come from the schema), less what a handout leaves out. A case's number and
# part are in the kicker.
LEFT_OUT = {
    "initiative": {"as_of", "figures", "novelty", "working_elements", "keywords", "related"},
    "case": {"as_of", "number", "part", "related"},
    "term": {"laws", "laws_inferred", "related"},
    "article": {"as_of", "researched_by", "figures", "related"},
}
FACTS = {
    kind: tuple(name for name in fields if name not in LEFT_OUT[kind]) for kind, fields in FACT_FIELDS.items()
}

PLURALS = labels.HANDOUT_NOUNS  # a handout's own words for what it holds


@dataclass
class Question:
    """One discussion question of a case, with its learning style in the trainer edition."""

    spans: Inline
    style: str = ""  # "Leerstijl (Kolb): doener" in the trainer edition, else empty


@dataclass
class EntryHandout:
    """One entry as a handout shows it: titles, kicker and sections."""

    id: str
    kind: str
    title: str
    kicker: str  # "Casus 3 · Deel 1: Bewoners"
    toc_label: str  # contents and bookmarks: "Casus 3: Titel" for a case, else the title
    sections: list[Section]
    questions: list[Question]
    sources: list[str]
    summary: Inline = field(default_factory=list)  # trainer edition from here on
    facts: list[tuple[str, str]] = field(default_factory=list)
    terms: list[tuple[str, str]] = field(default_factory=list)  # (term, definition)
    literature: list[Inline] = field(default_factory=list)
    note_lines: int = 0
    source_path: str = ""  # where the entry lives, for warnings


@dataclass
class HandoutDocument:
    """A whole handout: its title page and the entries in it."""

    title: str
    subtitle: str
    date: str
    entries: list[EntryHandout]
    lines_per_question: int = DEFAULT_LINES
    edition: str = "participant"
    selection: str = ""  # "Deel 2: Sociaal ondernemers; thema Eenzaamheid"
    own_title: bool = False  # --title given: shown even on a single item
    duplex: bool = False

    @property
    def is_batch(self) -> bool:
        return len(self.entries) > 1

    @property
    def edition_label(self) -> str:
        return EDITIONS[self.edition]


def _kicker(entry: Entry, vocab: Vocabulary) -> str:
    """'Casus 5 · Deel 2 · stand 2016': what the page is, and the year its facts describe."""
    noun = PLURALS.get(entry.kind, (entry.kind, ""))[0].capitalize()
    if entry.kind == "case":
        parts = [f"{noun} {entry.get('number', '')}", vocab.label("case_parts", str(entry.get("part", "")))]
    else:
        parts = [noun, ", ".join(str(p) for p in entry.as_list("place"))]
    return " · ".join(p for p in (*parts, as_of_text(entry)) if p)


def _sections(entry: Entry) -> list[Section]:
    found = sections(entry.body)
    figures = [figure_text(f) for f in entry.as_list("figures") if isinstance(f, dict)]
    if figures:
        found.append(Section(field_label("figures"), [Block("ul", items=[[Span(f)] for f in figures])]))
    profile = law_profile_rows(entry)
    if profile:
        rows = [[Span(f"{label}:", bold=True), Span(f" {cell(value)}")] for label, value in profile]
        found.append(Section("De wet op een rij", [Block("ul", items=rows)]))
    return found


def _style(question: dict) -> str:
    styles = [str(s) for s in question.get("styles_inferred") or []]
    return "Leerstijl (Kolb): " + (", ".join(styles) if styles else "niet toegekend")


def term_matcher(terms: Sequence[Entry]) -> tuple[re.Pattern[str] | None, dict[str, Entry]]:
    """One pattern for every glossary title and alias (as whole words), built once per handout."""
    names: dict[str, Entry] = {}
    for term in terms:
        for name in [term.title, *map(str, term.as_list("aliases"))]:
            if len(name) > 2:
                names.setdefault(name.casefold(), term)
    if not names:
        return None, names
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), names


def linked_terms(entry: Entry, vocab: Vocabulary) -> set[str]:
    """Glossary ids that vocabulary.yml links to the entry's laws and themes."""
    found = set()
    for name, fields in (("laws", ("laws", "laws_inferred")), ("themes", ("themes",))):
        for value in (v for f in fields for v in entry.as_list(f)):
            key = vocab.resolve(name, str(value))
            term = vocab.values(name)[key].term if key else None
            if term:
                found.add(term)
    return found


def related_terms(
    entry: Entry, terms: Sequence[Entry], matcher=None, linked: AbstractSet[str] = frozenset()
) -> list[tuple[str, str]]:
    """Glossary terms the entry names (title or alias, as a whole word), lists in `related`,
    or that the vocabulary links to its laws and themes."""
    pattern, names = matcher or term_matcher(terms)
    text = " ".join(
        [entry.title, entry.body]
        + [str(q.get("text", "")) for q in entry.as_list("questions") if isinstance(q, dict)]
    ).casefold()
    wanted = set(map(str, entry.as_list("related"))) | set(linked)
    named = {names[m].id for m in pattern.findall(text)} if pattern else set()
    return [
        (term.title, cell(str(term.get("definition", ""))))
        for term in terms
        if term.id != entry.id and (term.id in wanted or term.id in named)
    ][:MAX_TERMS]


def entry_handout(
    entry: Entry, vocab: Vocabulary, edition: str = "participant", terms: Sequence[Entry] = (), matcher=None
) -> EntryHandout:
    trainer = edition == "trainer"
    raw = [q for q in entry.as_list("questions") if isinstance(q, dict)]
    handout = EntryHandout(
        id=entry.id,
        kind=entry.kind,
        title=entry.title,
        kicker=_kicker(entry, vocab),
        toc_label=f"Casus {entry.get('number', '')}: {entry.title}" if entry.kind == "case" else entry.title,
        sections=_sections(entry),
        questions=[Question(inline(q.get("text", "")), _style(q) if trainer else "") for q in raw],
        sources=source_lines(entry, vocab),
        source_path=entry.display_path or str(entry.path),
    )
    if trainer:
        handout.summary = inline(str(entry.get("summary", "")))
        for name in FACTS.get(entry.kind, ()):
            text = cell(value_text(entry, name, vocab))
            if text:
                handout.facts.append((LABELS.get((entry.kind, name), field_label(name)), text))
        handout.terms = related_terms(entry, terms, matcher, linked_terms(entry, vocab))
        handout.literature = [inline(str(x)) for x in entry.as_list("literature")]
        handout.note_lines = NOTE_LINES
    return handout


def default_title(entries: Sequence[Entry], selection: str) -> str:
    """'Casussen', 'Casussen en begrippen', or with the selection: 'Casussen · Deel 2: …'."""
    kinds = list(dict.fromkeys(entry.kind for entry in entries))
    names = [PLURALS.get(kind, (kind, kind))[1] for kind in kinds]
    words = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    words = words[0].upper() + words[1:]
    return f"{words} · {selection}" if selection else words


def count_text(entries: Sequence[Entry]) -> str:
    """'1 casus', '3 casussen', '4 items' (mixed kinds)."""
    kinds = {entry.kind for entry in entries}
    one, many = PLURALS[entries[0].kind] if len(kinds) == 1 else ("item", "items")
    return f"{len(entries)} {one if len(entries) == 1 else many}"


def document(
    entries: Sequence[Entry],
    vocab: Vocabulary,
    title: str | None = None,
    lines_per_question: int = DEFAULT_LINES,
    selection: str = "",
    edition: str = "participant",
    terms: Sequence[Entry] = (),
    duplex: bool = False,
) -> HandoutDocument:
    """`selection` names the filters that chose the entries ("Deel 2: …; thema Eenzaamheid")."""
    matcher = term_matcher(terms) if edition == "trainer" else None
    if title is None:
        shown = entries[0].title if len(entries) == 1 else default_title(entries, selection)
    else:
        shown = title
    return HandoutDocument(
        title=shown,
        subtitle=" · ".join(part for part in (count_text(entries), EDITIONS[edition]) if part),
        date=dt.date.today().strftime("%d-%m-%Y"),
        entries=[entry_handout(entry, vocab, edition, terms, matcher) for entry in entries],
        lines_per_question=lines_per_question,
        edition=edition,
        selection=selection,
        own_title=title is not None,
        duplex=duplex,
    )


def entry_text(entry: EntryHandout) -> str:
    """Every piece of text the page of this entry shows, for the font check."""
    parts = [entry.title, entry.kicker, entry.toc_label, *entry.sources]
    spans: list[Inline] = [entry.summary, *(q.spans for q in entry.questions), *entry.literature]
    parts += [q.style for q in entry.questions]
    parts += [f"{label} {value}" for label, value in entry.facts]
    parts += [f"{term} {definition}" for term, definition in entry.terms]
    for section in entry.sections:
        parts.append(section.heading)
        for block in section.blocks:
            spans += [block.spans, *block.items]
    parts += ["".join(span.text for span in group) for group in spans]
    return "\n".join(parts)

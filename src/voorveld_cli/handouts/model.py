"""A handout as plain data: what goes on the page, before any format.

The three renderers (markdown.py, html.py, pdf.py) draw this same structure, so a
case reads the same on paper, in a browser and in a Markdown file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Entry
from ..present import field_label, figure_text, law_profile_rows, source_lines
from ..render.plain import cell
from ..vocabulary import Vocabulary

DEFAULT_LINES = 4  # ruled lines under each question to write on

# The bundle's own word for its keywords.
LABELS = {("case", "keywords"): "Sleutelwoorden"}

# Key facts per kind, in this order (labels come from the schema).
FACTS = {
    "case": ("keywords", "roles", "themes", "laws", "laws_inferred"),  # the part is in the kicker
    "initiative": (
        "place",
        "area",
        "province",
        "organisations",
        "started",
        "target_groups",
        "funding",
        "themes",
        "laws",
        "laws_inferred",
    ),
    "term": ("definition", "aliases", "law", "themes"),
}


@dataclass
class Block:
    kind: str  # "p", "ul", "ol" or "h3"
    text: str = ""
    items: list[str] = field(default_factory=list)


@dataclass
class Section:
    heading: str
    blocks: list[Block]


@dataclass
class EntryHandout:
    id: str
    kind: str
    title: str
    kicker: str  # "Casus 3 · Deel 1: Bewoners"
    summary: str
    facts: list[tuple[str, str]]
    sections: list[Section]
    questions: list[str]
    literature: list[str]
    sources: list[str]
    toc_label: str  # contents and bookmarks: "Casus 3: Titel" for a case, else the title


@dataclass
class HandoutDocument:
    title: str
    subtitle: str
    date: str
    entries: list[EntryHandout]
    lines_per_question: int = DEFAULT_LINES

    @property
    def is_batch(self) -> bool:
        return len(self.entries) > 1


_LIST_ITEM = re.compile(r"^\s*[-*+]\s+(.*)")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)")


def body_sections(body: str) -> list[Section]:
    """Split a Markdown body into sections at '## ' headings, with paragraphs and lists."""
    sections: list[Section] = []
    current = Section("", [])
    for chunk in re.split(r"\n\s*\n", body.strip()):
        lines = [line.rstrip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("## ") or lines[0].startswith("# "):
            if current.heading or current.blocks:
                sections.append(current)
            current = Section(lines[0].lstrip("#").strip(), [])
            lines = lines[1:]
            if not lines:
                continue
        if lines[0].startswith("###"):
            current.blocks.append(Block("h3", lines[0].lstrip("#").strip()))
            lines = lines[1:]
            if not lines:
                continue
        if all(_LIST_ITEM.match(line) or line.startswith("  ") for line in lines):
            current.blocks.append(Block("ul", items=_items(lines, _LIST_ITEM)))
        elif all(_NUMBERED.match(line) or line.startswith("  ") for line in lines):
            current.blocks.append(Block("ol", items=_items(lines, _NUMBERED)))
        else:
            current.blocks.append(Block("p", " ".join(line.strip() for line in lines)))
    if current.heading or current.blocks:
        sections.append(current)
    return sections


def _items(lines: list[str], pattern: re.Pattern) -> list[str]:
    items: list[str] = []
    for line in lines:
        match = pattern.match(line)
        if match:
            items.append(match.group(1).strip())
        elif items:  # a continuation line
            items[-1] += " " + line.strip()
    return items


def _kicker(entry: Entry, vocab: Vocabulary) -> str:
    if entry.kind == "case":
        part = vocab.label("case_parts", str(entry.get("part", "")))
        return f"Casus {entry.get('number', '')} · {part}"
    if entry.kind == "initiative":
        where = ", ".join(entry.as_list("place"))
        return f"Praktijkvoorbeeld · {where}" if where else "Praktijkvoorbeeld"
    return "Begrip"


def entry_handout(entry: Entry, vocab: Vocabulary) -> EntryHandout:
    from ..present import value_text

    facts = []
    for name in FACTS[entry.kind]:
        text = cell(value_text(entry, name, vocab))
        if text:
            facts.append((LABELS.get((entry.kind, name), field_label(name)), text))
    sections = body_sections(entry.body)
    figures = [figure_text(f) for f in entry.as_list("figures") if isinstance(f, dict)]
    if figures:
        sections.append(Section(field_label("figures"), [Block("ul", items=figures)]))
    profile = law_profile_rows(entry)
    if profile:
        sections.append(
            Section(
                "De wet op een rij",
                [Block("ul", items=[f"**{label}:** {cell(value)}" for label, value in profile])],
            )
        )
    questions = [str(q.get("text", "")) for q in entry.as_list("questions") if isinstance(q, dict)]
    return EntryHandout(
        id=entry.id,
        kind=entry.kind,
        title=entry.title,
        kicker=_kicker(entry, vocab),
        toc_label=f"Casus {entry.get('number', '')}: {entry.title}" if entry.kind == "case" else entry.title,
        summary=str(entry.get("summary", "")),
        facts=facts,
        sections=sections,
        questions=questions,
        literature=[str(x) for x in entry.as_list("literature")],
        sources=source_lines(entry, vocab),
    )


PLURALS = {
    "case": ("casus", "casussen"),
    "initiative": ("praktijkvoorbeeld", "praktijkvoorbeelden"),
    "term": ("begrip", "begrippen"),
}


def document(
    entries: Sequence[Entry],
    vocab: Vocabulary,
    title: str | None = None,
    lines_per_question: int = DEFAULT_LINES,
    selection: str = "",
) -> HandoutDocument:
    """`selection` says on the cover which filters chose the entries ("thema Eenzaamheid")."""
    kinds = {entry.kind for entry in entries}
    one, many = PLURALS[entries[0].kind] if len(kinds) == 1 else ("item", "items")
    if title is None:
        title = entries[0].title if len(entries) == 1 else many.capitalize()
    return HandoutDocument(
        title=title,
        subtitle=" · ".join(
            part for part in (f"{len(entries)} {one if len(entries) == 1 else many}", selection) if part
        ),
        date=dt.date.today().strftime("%d-%m-%Y"),
        entries=[entry_handout(entry, vocab) for entry in entries],
        lines_per_question=lines_per_question,
    )

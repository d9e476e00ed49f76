"""A handout as Markdown: headings, facts as a list, questions numbered with room to write.

Each writing line is a paragraph of its own inside the list item, so every Markdown
renderer shows the lines one under the other instead of joining them.
"""

from __future__ import annotations

import re

from voorveld_cli.handouts.markup import Block, Inline, SpanMarks
from voorveld_cli.handouts.model import EntryHandout, HandoutDocument

WRITE_LINE = "\\_" * 60  # an escaped underscore rule, so Markdown shows it as a line
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


_MARKS = SpanMarks(
    text=lambda t: _SPECIAL.sub(r"\\\1", t),
    code=lambda t: f"`{t}`",
    italic=lambda t: f"*{t}*",
    bold=lambda t: f"**{t}**",
    link=lambda t, href: f"[{t}]({href})",
)


def text(spans: Inline) -> str:
    """Spans back to Markdown, with the text escaped so it reads as written."""
    return _MARKS.write(spans)


def render(doc: HandoutDocument) -> str:
    parts: list[str] = []
    if doc.is_batch:
        selection = f"\n\n{doc.selection}" if doc.selection else ""
        parts.append(f"# {doc.title}\n\n{doc.subtitle} · {doc.date}{selection}\n")
        parts.append(
            "## Inhoud\n\n"
            + "\n".join(f"{n}. {entry.toc_label} ({entry.kicker})" for n, entry in enumerate(doc.entries, 1))
            + "\n"
        )
    elif doc.own_title:
        parts.append(f"# {doc.title}\n\n{doc.edition_label} · {doc.date}\n")
    level = 2 if doc.is_batch or doc.own_title else 1
    for entry in doc.entries:
        parts.append(_entry(entry, doc, level))
    return "\n\n---\n\n".join(parts).rstrip() + "\n"


def _block(block: Block, h: str) -> list[str]:
    if block.kind == "p":
        return [text(block.spans)]
    if block.kind == "h3":
        return [f"{h}## {text(block.spans)}"]
    if block.kind == "quote":
        return [f"> {text(block.spans)}"]
    if block.kind == "code":
        return ["```", block.spans[0].text if block.spans else "", "```"]
    if block.kind == "ul":
        return [f"- {text(item)}" for item in block.items]
    return [f"{n}. {text(item)}" for n, item in enumerate(block.items, 1)]


def _lines(count: int, indent: str = "") -> list[str]:
    out: list[str] = []
    for _ in range(count):
        out += ["", f"{indent}{WRITE_LINE}"]
    return out


def _entry(entry: EntryHandout, doc: HandoutDocument, level: int) -> str:
    h = "#" * level
    out = [f"{h} {entry.title}", "", f"*{entry.kicker}*"]
    if entry.summary:
        out += ["", text(entry.summary)]
    if entry.facts:
        out += [""] + [f"- **{label}:** {value}" for label, value in entry.facts]
    for section in entry.sections:
        if section.heading:
            out += ["", f"{h}# {section.heading}"]
        for block in section.blocks:
            out += ["", *_block(block, h)]
    if entry.questions:
        out += ["", f"{h}# Verdiepingsvragen"]
        for number, question in enumerate(entry.questions, 1):
            out += ["", f"{number}. {text(question.spans)}"]
            if question.style:
                out += ["", f"   *{question.style}*"]
            out += _lines(doc.lines_per_question, "   ")
    if entry.terms:
        out += ["", f"{h}# Begrippen", ""] + [
            f"- **{t}:** {d}" if d else f"- **{t}**" for t, d in entry.terms
        ]
    if entry.literature:
        out += ["", f"{h}# Literatuur", ""] + [f"- {text(item)}" for item in entry.literature]
    if entry.note_lines:
        out += ["", f"{h}# Aantekeningen", *_lines(entry.note_lines)]
    if entry.sources:
        out += ["", "Bron: " + "; ".join(entry.sources)]
    return "\n".join(out).strip() + "\n"

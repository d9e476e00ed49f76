"""A handout as Markdown: headings, facts as a list, questions numbered with room to write."""

from __future__ import annotations

from .model import EntryHandout, HandoutDocument

WRITE_LINE = "\\_" * 60  # an escaped underscore rule, so Markdown shows it as a line


def render(doc: HandoutDocument) -> str:
    parts: list[str] = []
    if doc.is_batch:
        parts.append(f"# {doc.title}\n\n{doc.subtitle} · {doc.date}\n")
        parts.append(
            "## Inhoud\n\n"
            + "\n".join(f"{n}. {entry.title} ({entry.kicker})" for n, entry in enumerate(doc.entries, 1))
            + "\n"
        )
    for entry in doc.entries:
        parts.append(_entry(entry, doc, level=2 if doc.is_batch else 1))
    return "\n\n---\n\n".join(parts).rstrip() + "\n"


def _entry(entry: EntryHandout, doc: HandoutDocument, level: int) -> str:
    h = "#" * level
    out = [f"{h} {entry.title}", "", f"*{entry.kicker}*", ""]
    if entry.summary:
        out += [entry.summary, ""]
    out += [f"- **{label}:** {value}" for label, value in entry.facts]
    for section in entry.sections:
        out += ["", f"{h}# {section.heading}" if section.heading else ""]
        for block in section.blocks:
            out.append("")
            if block.kind == "p":
                out.append(block.text)
            elif block.kind == "h3":
                out.append(f"{h}## {block.text}")
            elif block.kind == "ul":
                out += [f"- {item}" for item in block.items]
            else:
                out += [f"{n}. {item}" for n, item in enumerate(block.items, 1)]
    if entry.questions:
        out += ["", f"{h}# Verdiepingsvragen"]
        for number, question in enumerate(entry.questions, 1):
            out += ["", f"{number}. {question}", ""]
            out += [f"   {WRITE_LINE}" for _ in range(doc.lines_per_question)]
    if entry.literature:
        out += ["", f"{h}# Literatuur", ""] + [f"- {item}" for item in entry.literature]
    if entry.sources:
        out += ["", "Bron: " + "; ".join(entry.sources)]
    return "\n".join(line for line in out).strip() + "\n"

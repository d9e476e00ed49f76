"""A handout as one self-contained HTML file with print CSS (A4, punch margin).

Every piece of content is HTML-escaped before the few inline marks we support
(**bold**, *italic*) are turned into tags, so a `<script>` in a content file
comes out as text.
"""

from __future__ import annotations

import html
import re

from .model import EntryHandout, HandoutDocument

CSS = """
@page { size: A4; margin: 20mm 18mm 20mm 25mm; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 10.5pt; line-height: 1.45;
       color: #1a1a1a; max-width: 167mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 19pt; margin: 0 0 1mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 0.4pt solid #bbb; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
.kicker { color: #555; font-size: 9.5pt; text-transform: uppercase; letter-spacing: 0.04em; margin: 0 0 1mm; }
.summary { font-style: italic; margin: 2mm 0 4mm; }
table.facts { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin-bottom: 3mm; }
table.facts th { text-align: left; vertical-align: top; width: 38mm; padding: 0.8mm 3mm 0.8mm 0;
                 color: #333; }
table.facts td { padding: 0.8mm 0; }
ol.questions { padding-left: 6mm; }
ol.questions li { break-inside: avoid; page-break-inside: avoid; margin-bottom: 4mm; }
.lines div { border-bottom: 0.5pt solid #999; height: 8mm; }
.source { font-size: 8.5pt; color: #555; border-top: 0.4pt solid #bbb; margin-top: 6mm; padding-top: 1.5mm; }
.entry + .entry, .cover + .contents, .contents + .entry { break-before: page; page-break-before: always; }
.cover { text-align: left; padding-top: 60mm; }
.cover h1 { font-size: 26pt; }
.contents ol { line-height: 1.8; }
@media screen { body { padding: 12mm; } .entry + .entry { border-top: 1px dashed #ccc; margin-top: 12mm; } }
"""

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")


def inline(text: str) -> str:
    """Escape, then turn **bold** and *italic* into tags."""
    escaped = html.escape(text, quote=True)
    return _ITALIC.sub(r"<em>\1</em>", _BOLD.sub(r"<strong>\1</strong>", escaped))


def render(doc: HandoutDocument) -> str:
    body: list[str] = []
    if doc.is_batch:
        body.append(
            f'<section class="cover"><p class="kicker">voorveld</p><h1>{inline(doc.title)}</h1>'
            f"<p>{inline(doc.subtitle)} · {inline(doc.date)}</p></section>"
        )
        items = "".join(
            f'<li><a href="#{html.escape(e.id)}">{inline(e.title)}</a> '
            f'<span class="kicker">{inline(e.kicker)}</span></li>'
            for e in doc.entries
        )
        body.append(f'<section class="contents"><h2>Inhoud</h2><ol>{items}</ol></section>')
    body += [_entry(entry, doc) for entry in doc.entries]
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{inline(doc.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _entry(entry: EntryHandout, doc: HandoutDocument) -> str:
    out = [
        f'<article class="entry" id="{html.escape(entry.id)}">',
        f'<p class="kicker">{inline(entry.kicker)}</p>',
        f"<h1>{inline(entry.title)}</h1>",
    ]
    if entry.summary:
        out.append(f'<p class="summary">{inline(entry.summary)}</p>')
    if entry.facts:
        rows = "".join(
            f"<tr><th>{inline(label)}</th><td>{inline(value)}</td></tr>" for label, value in entry.facts
        )
        out.append(f'<table class="facts">{rows}</table>')
    for section in entry.sections:
        if section.heading:
            out.append(f"<h2>{inline(section.heading)}</h2>")
        for block in section.blocks:
            if block.kind == "p":
                out.append(f"<p>{inline(block.text)}</p>")
            elif block.kind == "h3":
                out.append(f"<h3>{inline(block.text)}</h3>")
            else:
                tag = "ul" if block.kind == "ul" else "ol"
                out.append(f"<{tag}>" + "".join(f"<li>{inline(i)}</li>" for i in block.items) + f"</{tag}>")
    if entry.questions:
        lines = '<div class="lines">' + "<div></div>" * doc.lines_per_question + "</div>"
        items = "".join(f"<li><p>{inline(q)}</p>{lines}</li>" for q in entry.questions)
        out.append(f'<h2>Verdiepingsvragen</h2><ol class="questions">{items}</ol>')
    if entry.literature:
        out.append(
            "<h2>Literatuur</h2><ul>" + "".join(f"<li>{inline(x)}</li>" for x in entry.literature) + "</ul>"
        )
    if entry.sources:
        out.append(f'<p class="source">Bron: {inline("; ".join(entry.sources))}</p>')
    out.append("</article>")
    return "\n".join(out)

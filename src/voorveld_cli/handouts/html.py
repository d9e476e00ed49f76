"""A handout as one self-contained HTML file with print CSS (A4, punch margin).

The text arrives as parsed spans (markup.py); every span is HTML-escaped and wrapped
in its tags here, so a `<script>` in a content file comes out as text.
"""

from __future__ import annotations

import html

from voorveld_cli.handouts.markup import Block, Inline, SpanMarks
from voorveld_cli.handouts.model import EntryHandout, HandoutDocument

CSS = """
@page { size: A4; margin: 20mm 18mm 20mm 25mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 10.5pt;
       line-height: 1.45;
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
.style { color: #555; font-size: 9pt; margin: 0; }
blockquote { margin: 2mm 0 2mm 4mm; padding-left: 3mm; border-left: 1.5pt solid #bbb; font-style: italic; }
p { hyphens: auto; }
.source { font-size: 8.5pt; color: #555; border-top: 0.4pt solid #bbb; margin-top: 6mm; padding-top: 1.5mm; }
.entry + .entry, .cover + .contents, .contents + .entry { break-before: page; page-break-before: always; }
.duplex .entry + .entry, .duplex .contents + .entry { break-before: right; }
.cover { text-align: left; padding-top: 60mm; }
.cover h1 { font-size: 26pt; }
.contents ol { line-height: 1.8; }
@media screen { body { padding: 12mm; } .entry + .entry { border-top: 1px dashed #ccc; margin-top: 12mm; } }
"""


def esc(text: str) -> str:
    return html.escape(text, quote=True)


_MARKS = SpanMarks(
    text=esc,
    code=lambda t: f"<code>{esc(t)}</code>",
    italic=lambda t: f"<em>{t}</em>",
    bold=lambda t: f"<strong>{t}</strong>",
    link=lambda t, href: f'<a href="{esc(href)}">{t}</a>',
)


def inline(spans: Inline) -> str:
    """Spans as HTML: escaped text in <strong>, <em>, <code> and <a>."""
    return _MARKS.write(spans)


def render(doc: HandoutDocument) -> str:
    body: list[str] = []
    if doc.is_batch:
        selection = f"<p>{esc(doc.selection)}</p>" if doc.selection else ""
        body.append(
            f'<section class="cover"><p class="kicker">voorveld</p><h1>{esc(doc.title)}</h1>'
            f"<p>{esc(doc.subtitle)} · {esc(doc.date)}</p>{selection}</section>"
        )
        items = "".join(
            f'<li><a href="#{esc(e.id)}">{esc(e.toc_label)}</a> '
            f'<span class="kicker">{esc(e.kicker)}</span></li>'
            for e in doc.entries
        )
        heading = f"Inhoud · {esc(doc.selection)}" if doc.selection else "Inhoud"
        body.append(f'<section class="contents"><h2>{heading}</h2><ol>{items}</ol></section>')
    elif doc.own_title:
        body.append(f'<p class="kicker">{esc(doc.edition_label)}</p><h1>{esc(doc.title)}</h1>')
    body += [_entry(entry, doc) for entry in doc.entries]
    duplex = ' class="duplex"' if doc.duplex else ""
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(doc.title)}</title>\n<style>{CSS}</style>\n</head>\n<body{duplex}>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _block(block: Block) -> str:
    if block.kind == "p":
        return f"<p>{inline(block.spans)}</p>"
    if block.kind == "h3":
        return f"<h3>{inline(block.spans)}</h3>"
    if block.kind == "quote":
        return f"<blockquote><p>{inline(block.spans)}</p></blockquote>"
    if block.kind == "code":
        return f"<pre>{inline(block.spans)}</pre>"
    tag = "ul" if block.kind == "ul" else "ol"
    return f"<{tag}>" + "".join(f"<li>{inline(i)}</li>" for i in block.items) + f"</{tag}>"


def _lines(count: int) -> str:
    return '<div class="lines">' + "<div></div>" * count + "</div>"


def _entry(entry: EntryHandout, doc: HandoutDocument) -> str:
    out = [
        f'<article class="entry" id="{esc(entry.id)}">',
        f'<p class="kicker">{esc(entry.kicker)}</p>',
        f"<h1>{esc(entry.title)}</h1>",
    ]
    if entry.summary:
        out.append(f'<p class="summary">{inline(entry.summary)}</p>')
    if entry.facts:
        rows = "".join(f"<tr><th>{esc(label)}</th><td>{esc(value)}</td></tr>" for label, value in entry.facts)
        out.append(f'<table class="facts">{rows}</table>')
    for section in entry.sections:
        if section.heading:
            out.append(f"<h2>{esc(section.heading)}</h2>")
        out += [_block(block) for block in section.blocks]
    if entry.questions:
        lines = _lines(doc.lines_per_question)
        items = "".join(
            f"<li><p>{inline(q.spans)}</p>"
            + (f'<p class="style">{esc(q.style)}</p>' if q.style else "")
            + f"{lines}</li>"
            for q in entry.questions
        )
        out.append(f'<h2>Verdiepingsvragen</h2><ol class="questions">{items}</ol>')
    if entry.terms:
        terms = "".join(
            f"<li><strong>{esc(t)}</strong>{': ' + esc(d) if d else ''}</li>" for t, d in entry.terms
        )
        out.append(f"<h2>Begrippen</h2><ul>{terms}</ul>")
    if entry.literature:
        out.append(
            "<h2>Literatuur</h2><ul>" + "".join(f"<li>{inline(x)}</li>" for x in entry.literature) + "</ul>"
        )
    if entry.note_lines:
        out.append(f"<h2>Aantekeningen</h2>{_lines(entry.note_lines)}")
    if entry.sources:
        out.append(f'<p class="source">Bron: {esc("; ".join(entry.sources))}</p>')
    out.append("</article>")
    return "\n".join(out)

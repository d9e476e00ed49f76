"""A handout as PDF, typeset with fpdf2 (pure Python, installs with pip everywhere).

A4 with a wide left margin for punching, a running header naming the case, page
numbers, every entry on a new page, and every question kept on one page with its
ruled lines. The built-in Helvetica is used with the Windows-1252 encoding, which
covers Dutch (ë, ï, é, €, typographic quotes); the rare character outside it is
replaced by a near equivalent rather than failing the whole document.
"""

from __future__ import annotations

import re

from .model import EntryHandout, HandoutDocument

INSTALL_HINT = "pip install 'voorveld[pdf]'  (of: pip install fpdf2)"

LEFT, TOP, RIGHT, BOTTOM = 25.0, 20.0, 18.0, 18.0  # mm; the left margin leaves room to punch
BODY_SIZE, LINE = 10.5, 5.4
RULE_GAP = 8.0  # mm between the ruled writing lines
TOC_ENTRIES_PER_PAGE = 32

_REPLACEMENTS = {
    "●": "*",
    "○": "o",
    "→": "->",
    "←": "<-",
    "≥": ">=",
    "≤": "<=",
    "ĳ": "ij",
    "Ĳ": "IJ",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "−": "-",
    "✓": "v",
}
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")


class MissingDependency(RuntimeError):
    pass


def clean(text: str) -> str:
    """Text the core fonts can draw: Windows-1252, with near equivalents for the rest."""
    out = []
    for ch in str(text):
        ch = _REPLACEMENTS.get(ch, ch)
        try:
            ch.encode("cp1252")
        except UnicodeEncodeError:
            ch = "?"
        out.append(ch)
    return "".join(out)


def marked(text: str) -> str:
    """Our inline Markdown in fpdf2's dialect: **bold** stays, *italic* becomes __italic__;
    a literal '--' (fpdf2's underline mark) becomes an en dash."""
    return _ITALIC.sub(r"__\1__", clean(text).replace("--", "–"))


def render(doc: HandoutDocument) -> bytes:
    try:
        from fpdf import FPDF
        from fpdf.fonts import FontFace
    except ImportError as err:
        raise MissingDependency(
            f"PDF maken vraagt het pakket fpdf2, dat niet geïnstalleerd is. "
            f"Installeer het met: {INSTALL_HINT}"
        ) from err

    class HandoutPDF(FPDF):
        running = ""
        show_header = False

        def header(self) -> None:
            if not self.show_header:
                return
            self.set_y(9)
            self.set_font("Helvetica", "", 8)
            self.set_text_color(110)
            self.cell(0, 4, clean(self.running), align="R")
            self.set_text_color(0)
            self.set_y(TOP)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", "", 8)
            self.set_text_color(110)
            self.cell(0, 4, f"Pagina {self.page_no()} van {{nb}}", align="C")
            self.set_text_color(0)

    pdf = HandoutPDF(format="A4", unit="mm")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margins(LEFT, TOP, RIGHT)
    pdf.set_auto_page_break(True, margin=BOTTOM + 4)
    pdf.set_title(clean(doc.title))
    pdf.set_author("voorveld")
    pdf.set_creator("voorveld handout")

    fresh_page = False
    if doc.is_batch:
        _cover(pdf, doc)
        pages = max(1, -(-len(doc.entries) // TOC_ENTRIES_PER_PAGE))
        pdf.show_header = True
        pdf.running = f"{doc.title} · inhoud"
        pdf.add_page()
        # The placeholder breaks to a new page itself: that page belongs to the first entry.
        first = doc.entries[0]
        pdf.running = f"{first.kicker} · {first.title}"
        pdf.insert_toc_placeholder(_toc, pages=pages)
        fresh_page = True
    for entry in doc.entries:
        pdf.show_header = True
        pdf.running = f"{entry.kicker} · {entry.title}"
        if not fresh_page:
            pdf.add_page()
        fresh_page = False
        pdf.start_section(clean(entry.toc_label), level=0)
        _entry(pdf, entry, doc, FontFace)
    return bytes(pdf.output())


def _cover(pdf, doc: HandoutDocument) -> None:
    pdf.add_page()
    pdf.set_y(80)
    pdf.set_font("Helvetica", "", 11)
    pdf.set_text_color(110)
    pdf.cell(0, 6, "VOORVELD · HANDOUTS", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.set_font("Helvetica", "B", 26)
    pdf.multi_cell(0, 12, clean(doc.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(0, 7, clean(f"{doc.subtitle} · {doc.date}"), new_x="LMARGIN", new_y="NEXT")


def _toc(pdf, outline) -> None:
    pdf.set_xy(LEFT, TOP)  # fpdf2 calls this at the end, from wherever the cursor was
    pdf.set_font("Helvetica", "B", 15)
    pdf.cell(0, 10, "Inhoud", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 10.5)
    width = pdf.w - LEFT - RIGHT
    for section in outline:
        link = pdf.add_link(page=section.page_number)
        pdf.cell(width - 14, 7, section.name[:95], link=link)
        pdf.cell(14, 7, str(section.page_number), align="R", link=link, new_x="LMARGIN", new_y="NEXT")


def _heading(pdf, text: str, size: float = 12.5) -> None:
    pdf.ln(2.5)
    # Never a heading alone at the foot of a page: it needs room for a few lines after it.
    if pdf.will_page_break(6.5 + 4 * LINE):
        pdf.add_page()
    pdf.set_font("Helvetica", "B", size)
    pdf.set_draw_color(190)
    pdf.multi_cell(0, 6.5, clean(text), border="B", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(0)
    pdf.ln(2)


def _paragraph(pdf, text: str) -> None:
    pdf.set_font("Helvetica", "", BODY_SIZE)
    pdf.multi_cell(0, LINE, marked(text), markdown=True, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.6)


def _list(pdf, items: list[str], numbered: bool) -> None:
    pdf.set_font("Helvetica", "", BODY_SIZE)
    for number, item in enumerate(items, 1):
        pdf.cell(6, LINE, f"{number}." if numbered else "•")
        pdf.multi_cell(0, LINE, marked(item), markdown=True, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.6)


def _entry(pdf, entry: EntryHandout, doc: HandoutDocument, font_face) -> None:
    pdf.set_font("Helvetica", "", 9)
    pdf.set_text_color(110)
    pdf.cell(0, 5, clean(entry.kicker.upper()), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.set_font("Helvetica", "B", 19)
    pdf.multi_cell(0, 9, clean(entry.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    if entry.summary:
        pdf.set_font("Helvetica", "I", BODY_SIZE)
        pdf.multi_cell(0, LINE, clean(entry.summary), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if entry.facts:
        pdf.set_font("Helvetica", "", 9.5)
        with pdf.table(
            col_widths=(36, pdf.w - LEFT - RIGHT - 36),
            borders_layout="NONE",
            text_align="LEFT",
            first_row_as_headings=False,
            line_height=4.8,
            padding=(0.6, 2, 0.6, 0),
        ) as table:
            for label, value in entry.facts:
                row = table.row()
                row.cell(clean(label), style=font_face(emphasis="BOLD"))
                row.cell(clean(value))
        pdf.ln(1)
    for section in entry.sections:
        if section.heading:
            _heading(pdf, section.heading)
        for block in section.blocks:
            if block.kind == "p":
                _paragraph(pdf, block.text)
            elif block.kind == "h3":
                _heading(pdf, block.text, size=11)
            else:
                _list(pdf, block.items, numbered=block.kind == "ol")
    if entry.questions:
        _heading(pdf, "Verdiepingsvragen")
        for number, question in enumerate(entry.questions, 1):
            with pdf.unbreakable() as keep:  # a question never leaves its lines behind
                keep.set_font("Helvetica", "B", BODY_SIZE)
                keep.cell(7, LINE, f"{number}.")
                keep.set_font("Helvetica", "", BODY_SIZE)
                keep.multi_cell(0, LINE, marked(question), markdown=True, new_x="LMARGIN", new_y="NEXT")
                keep.set_draw_color(150)
                for _ in range(doc.lines_per_question):
                    keep.cell(7, RULE_GAP, "")
                    keep.cell(0, RULE_GAP, "", border="B", new_x="LMARGIN", new_y="NEXT")
                keep.set_draw_color(0)
                keep.ln(5)
    if entry.literature:
        _heading(pdf, "Literatuur", size=11)
        pdf.set_font("Helvetica", "", 9.5)
        for item in entry.literature:
            pdf.multi_cell(0, 4.8, clean(item), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.8)
    if entry.sources:
        pdf.ln(4)
        with pdf.unbreakable() as keep:
            keep.set_draw_color(190)
            keep.set_font("Helvetica", "", 8.5)
            keep.set_text_color(90)
            keep.multi_cell(
                0,
                4.2,
                clean("Bron: " + "; ".join(entry.sources)),
                border="T",
                padding=(1.5, 0, 0, 0),
                new_x="LMARGIN",
                new_y="NEXT",
            )
            keep.set_text_color(0)
            keep.set_draw_color(0)

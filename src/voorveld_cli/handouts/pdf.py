"""A handout as PDF, typeset with fpdf2 (pure Python, installs with pip everywhere).

A4 with a wide left margin for punching, a running header naming the case, page
numbers, every entry on a new page (a right-hand page with `duplex`), and every
question kept on one page with its ruled lines. The text is set in DejaVu Sans,
embedded from fonts/ (Latin Extended, Greek, Cyrillic, arrows, symbols), justified
with Dutch hyphenation from pyphen. A character the font lacks is named by
`missing_glyphs()` before rendering; see docs/decisions/0004-handout-pdf-engine.md.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from voorveld_cli.handouts import glyphs
from voorveld_cli.handouts.markup import Block, Inline
from voorveld_cli.handouts.model import EntryHandout, HandoutDocument, entry_text

INSTALL_HINT = "pip install 'voorveld[pdf]'  (of: pip install fpdf2 pyphen)"

FONT = "DejaVu"
LEFT, TOP, RIGHT, BOTTOM = 25.0, 20.0, 18.0, 18.0  # mm; the left margin leaves room to punch
BODY_SIZE, LINE = 10, 5.2
RULE_GAP = 8.0  # mm between the ruled writing lines
TOC_ROW, TOC_ROWS = 7.0, 30  # 30 rows of 7 mm plus the heading fit any A4 contents page
GREY = 110
PLACEHOLDER = "□"  # drawn for a character the font lacks

_MARKERS = ("**", "__", "~~", "--")
_LONG_WORD = re.compile(r"\w{8,}")


class MissingDependency(RuntimeError):
    pass


@lru_cache(maxsize=1)
def _hyphenator():
    try:
        import pyphen
    except ImportError:  # without pyphen the text is set ragged-right instead
        return None
    return pyphen.Pyphen(lang="nl_NL")


@lru_cache(maxsize=20000)
def _hyphenate_word(word: str) -> str:
    return _hyphenator().inserted(word, hyphen="\u00ad")


def hyphenate(text: str) -> str:
    """Soft hyphens in long words (Dutch patterns), where fpdf2 may break a line."""
    if _hyphenator() is None:
        return text
    return _LONG_WORD.sub(lambda m: _hyphenate_word(m.group(0)), text)


def _escape(text: str) -> str:
    """Literal text for fpdf2's markdown: a backslash before anything it would read as a mark."""
    text = text.replace("\\", "\\\\")
    for marker in _MARKERS:
        text = text.replace(marker, "\\" + marker)
    return text


def marked(spans: Inline) -> str:
    """Spans in fpdf2's markdown dialect: **bold**, __italic__, [link](url)."""
    out = []
    for span in spans:
        part = _escape(span.text if span.code else hyphenate(span.text))
        if span.italic:
            part = f"__{part}__"
        if span.bold:
            part = f"**{part}**"
        if span.href and not re.search(r"[][()]", span.text + span.href):
            part = f"[{part}]({span.href})"
        out.append(part)
    return "".join(out)


def missing_glyphs(doc: HandoutDocument) -> list[tuple[EntryHandout, list[str]]]:
    """Per entry, the characters the embedded font cannot draw (a warning names them)."""
    found = []
    for entry in doc.entries:
        chars = glyphs.missing(entry_text(entry))
        if chars:
            found.append((entry, chars))
    return found


def _new_pdf(doc: HandoutDocument):
    try:
        from fpdf import FPDF
    except ImportError as err:
        raise MissingDependency(
            "PDF maken vraagt het pakket fpdf2, dat niet geïnstalleerd is. "
            f"Installeer het met: {INSTALL_HINT}"
        ) from err

    class HandoutPDF(FPDF):
        running = ""  # the header of the page being filled
        blank = False  # an intentionally empty page (duplex): no header, no number

        def header(self) -> None:
            self.blank = False

        def normalize_text(self, text: str) -> str:
            # A character the font lacks becomes a visible box (the command has named it),
            # where fpdf2 would leave it out without a trace.
            if glyphs.missing(text):
                text = "".join(PLACEHOLDER if glyphs.missing(ch) else ch for ch in text)
            return super().normalize_text(text)

        def footer(self) -> None:
            # Drawn when the page is left, so the header names what the page turned out to hold.
            if self.blank:
                return
            self.set_font(FONT, "", 8)
            self.set_text_color(GREY)
            if self.running:
                self.set_xy(LEFT, 9)
                self.cell(0, 4, self.running, align="R")
            self.set_xy(LEFT, -12)
            self.cell(0, 4, f"Pagina {self.page_no()} van {{nb}}", align="C")
            self.set_text_color(0)

    pdf = HandoutPDF(format="A4", unit="mm")
    for style, file in (*glyphs.FACES.items(), ("BI", glyphs.FACES["B"])):
        pdf.add_font(FONT, style, str(glyphs.FONT_DIR / file))
    pdf.set_margins(LEFT, TOP, RIGHT)
    pdf.set_auto_page_break(True, margin=BOTTOM + 4)
    pdf.set_title(doc.title)
    pdf.set_lang("nl")
    pdf.set_author("voorveld")
    pdf.set_creator("voorveld handout")
    # fpdf2 logs missing glyphs in English; the command names them in Dutch instead.
    logging.getLogger("fpdf.output").setLevel(logging.ERROR)
    return pdf


def render(doc: HandoutDocument) -> bytes:
    pdf = _new_pdf(doc)
    fresh_page = False
    if doc.is_batch:
        _cover(pdf, doc)
        pdf.add_page()
        if doc.duplex:
            _skip_page(pdf)
        pdf.running = f"{doc.title} · inhoud"
        pdf.insert_toc_placeholder(_toc_for(doc), pages=-(-len(doc.entries) // TOC_ROWS))
        fresh_page = True  # the placeholder ends on a new page, which the first entry may use
    for entry in doc.entries:
        if not fresh_page:
            pdf.add_page()  # the previous entry's last page gets its header as it is left
        fresh_page = False
        if doc.duplex and pdf.page_no() % 2 == 0:
            _skip_page(pdf)
        pdf.running = f"{entry.kicker} · {entry.title}"
        pdf.start_section(entry.toc_label, level=0)
        _entry(pdf, entry, doc)
    return bytes(pdf.output())


def _skip_page(pdf) -> None:
    """Leave the current, still empty page blank (no header, no number) and start the next:
    with duplex, every entry then starts on a right-hand (odd) page."""
    pdf.running = ""
    pdf.blank = True
    pdf.add_page()


def _cover(pdf, doc: HandoutDocument) -> None:
    pdf.add_page()
    pdf.set_y(80)
    pdf.set_font(FONT, "", 11)
    pdf.set_text_color(GREY)
    pdf.cell(0, 6, f"VOORVELD · {doc.edition_label.upper()}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.set_font(FONT, "B", 24)
    pdf.multi_cell(0, 11, doc.title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(FONT, "", 12)
    pdf.multi_cell(0, 7, f"{doc.subtitle} · {doc.date}", align="L", new_x="LMARGIN", new_y="NEXT")
    if doc.selection:
        pdf.set_font(FONT, "", 11)
        pdf.multi_cell(0, 6, f"Selectie: {doc.selection}", align="L", new_x="LMARGIN", new_y="NEXT")


def _fit(pdf, text: str, width: float) -> str:
    """`text` cut with an ellipsis to fit `width` on one line (a binary search on the length)."""
    if pdf.get_string_width(text) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if pdf.get_string_width(text[:middle].rstrip() + "…") <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _toc_for(doc: HandoutDocument):
    heading = f"Inhoud · {doc.selection}" if doc.selection else "Inhoud"

    def toc(pdf, outline) -> None:
        """Exactly TOC_ROWS one-line rows a page, so the reserved page count always holds."""
        width = pdf.w - LEFT - RIGHT
        for row, section in enumerate(outline):
            if row % TOC_ROWS == 0:
                if row:
                    pdf.add_page()
                pdf.set_xy(LEFT, TOP)
                pdf.set_font(FONT, "B", 14)
                pdf.cell(0, 10, _fit(pdf, heading, width), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
                pdf.set_font(FONT, "", 10)
            link = pdf.add_link(page=section.page_number)
            pdf.cell(width - 14, TOC_ROW, _fit(pdf, section.name, width - 16), link=link)
            pdf.cell(
                14, TOC_ROW, str(section.page_number), align="R", link=link, new_x="LMARGIN", new_y="NEXT"
            )

    return toc


def _heading(pdf, text: str, size: float = 12.5) -> None:
    pdf.ln(2.5)
    # Never a heading alone at the foot of a page: it needs room for a few lines after it.
    if pdf.will_page_break(6.5 + 4 * LINE):
        pdf.add_page()
    pdf.set_font(FONT, "B", size)
    pdf.set_draw_color(190)
    pdf.multi_cell(0, 6.5, text, border="B", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(0)
    pdf.ln(2)


def _align() -> str:
    return "J" if _hyphenator() is not None else "L"


def _text(pdf, spans: Inline, size: float = BODY_SIZE, line: float = LINE, indent: float = 0) -> None:
    pdf.set_font(FONT, "", size)
    pdf.set_x(LEFT + indent)
    pdf.multi_cell(0, line, marked(spans), markdown=True, align=_align(), new_x="LMARGIN", new_y="NEXT")


def _block(pdf, block: Block) -> None:
    if block.kind == "h3":
        _heading(pdf, "".join(s.text for s in block.spans), size=11)
        return
    if block.kind in ("p", "code"):
        _text(pdf, block.spans)
    elif block.kind == "quote":
        pdf.set_draw_color(190)
        top = pdf.get_y()
        _text(pdf, [type(s)(s.text, s.bold, True, s.code, s.href) for s in block.spans], indent=5)
        if pdf.get_y() > top:  # a rule in the margin, on this page
            pdf.line(LEFT + 1.5, top, LEFT + 1.5, pdf.get_y())
        pdf.set_draw_color(0)
    else:
        pdf.set_font(FONT, "", BODY_SIZE)
        for number, item in enumerate(block.items, 1):
            pdf.cell(6, LINE, f"{number}." if block.kind == "ol" else "•")
            pdf.multi_cell(
                0, LINE, marked(item), markdown=True, align=_align(), new_x="LMARGIN", new_y="NEXT"
            )
    pdf.ln(1.6)


def _rules(pdf, count: int, indent: float = 7) -> None:
    pdf.set_draw_color(150)
    for _ in range(count):
        if indent:  # a cell of width 0 would reach the right margin
            pdf.cell(indent, RULE_GAP, "")
        pdf.cell(0, RULE_GAP, "", border="B", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(0)


def _question(pdf, number: int, question, lines: int) -> None:
    """A question, its style (trainer edition) and its writing lines, never split over pages.

    The block's height is measured with a dry run and a page started when it would not
    fit; that is linear, where fpdf2's unbreakable() copies the whole document each time.
    """
    text = marked(question.spans)
    width = pdf.w - LEFT - RIGHT - 7
    pdf.set_font(FONT, "", BODY_SIZE)
    rows = len(pdf.multi_cell(width, LINE, text, markdown=True, dry_run=True, output="LINES"))
    height = rows * LINE + (4.6 if question.style else 0) + lines * RULE_GAP + 5
    if pdf.will_page_break(height):
        pdf.add_page()
    pdf.set_font(FONT, "B", BODY_SIZE)
    pdf.cell(7, LINE, f"{number}.")
    pdf.set_font(FONT, "", BODY_SIZE)
    pdf.multi_cell(width, LINE, text, markdown=True, align=_align(), new_x="LMARGIN", new_y="NEXT")
    if question.style:
        pdf.set_x(LEFT + 7)
        pdf.set_font(FONT, "I", 8.5)
        pdf.set_text_color(GREY)
        pdf.cell(0, 4.6, question.style, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
    _rules(pdf, lines)
    pdf.ln(5)


def _entry(pdf, entry: EntryHandout, doc: HandoutDocument) -> None:
    if doc.own_title and not doc.is_batch:
        pdf.set_font(FONT, "B", 13)
        pdf.multi_cell(0, 7, doc.title, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(GREY)
    pdf.cell(0, 5, entry.kicker.upper(), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.set_font(FONT, "B", 18)
    pdf.multi_cell(0, 8.5, entry.title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    if entry.summary:
        _text(pdf, [type(s)(s.text, s.bold, True, s.code, s.href) for s in entry.summary])
        pdf.ln(2)
    if entry.facts:
        _facts(pdf, entry.facts)
    for section in entry.sections:
        if section.heading:
            _heading(pdf, section.heading)
        for block in section.blocks:
            _block(pdf, block)
    if entry.questions:
        _heading(pdf, "Verdiepingsvragen")
        for number, question in enumerate(entry.questions, 1):
            _question(pdf, number, question, doc.lines_per_question)
    _trainer_extras(pdf, entry)
    if entry.sources:
        _source(pdf, "Bron: " + "; ".join(entry.sources))


def _facts(pdf, facts: list[tuple[str, str]]) -> None:
    from fpdf.fonts import FontFace

    pdf.set_font(FONT, "", 9)
    with pdf.table(
        col_widths=(36, pdf.w - LEFT - RIGHT - 36),
        borders_layout="NONE",
        align="LEFT",
        v_align="TOP",
        text_align="LEFT",
        first_row_as_headings=False,
        line_height=4.6,
        padding=(0.6, 2, 0.6, 0),
    ) as table:
        for label, value in facts:
            row = table.row()
            row.cell(label, style=FontFace(emphasis="BOLD"))
            row.cell(value)
    pdf.ln(1)


def _trainer_extras(pdf, entry: EntryHandout) -> None:
    if entry.terms:
        _heading(pdf, "Begrippen", size=11)
        pdf.set_font(FONT, "", 9)
        for term, definition in entry.terms:
            text = f"**{_escape(term)}**" + (f": {_escape(hyphenate(definition))}" if definition else "")
            pdf.multi_cell(0, 4.6, text, markdown=True, align=_align(), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.8)
    if entry.literature:
        _heading(pdf, "Literatuur", size=11)
        for item in entry.literature:
            _text(pdf, item, size=9, line=4.6)
            pdf.ln(0.8)
    if entry.note_lines:
        _heading(pdf, "Aantekeningen", size=11)
        if pdf.will_page_break(entry.note_lines * RULE_GAP):
            pdf.add_page()
        _rules(pdf, entry.note_lines, indent=0)


def _source(pdf, text: str) -> None:
    pdf.ln(4)
    pdf.set_font(FONT, "", 8)
    width = pdf.w - LEFT - RIGHT
    rows = len(pdf.multi_cell(width, 4.2, text, dry_run=True, output="LINES"))
    if pdf.will_page_break(rows * 4.2 + 1.5):
        pdf.add_page()
    pdf.set_draw_color(190)
    pdf.set_text_color(90)
    pdf.multi_cell(0, 4.2, text, border="T", padding=(1.5, 0, 0, 0), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.set_draw_color(0)

"""A handout as an editable Word document (.docx), written with python-docx.

Trainers adapt material in Word or LibreOffice, so this format keeps real structure:
headings, the questions as a numbered list (restarting at 1 for each entry) with ruled
paragraphs to write on, and the source line.
"""

from __future__ import annotations

import io

from voorveld_cli.handouts.markup import Block, Inline
from voorveld_cli.handouts.model import EntryHandout, HandoutDocument

INSTALL_HINT = "pip install 'voorveld[docx]'  (of: pip install python-docx)"


class MissingDependency(RuntimeError):
    pass


def render(doc: HandoutDocument) -> bytes:
    try:
        import docx
        from docx.shared import Mm, Pt
    except ImportError as err:
        raise MissingDependency(
            f"Word-bestanden maken vraagt het pakket python-docx, dat niet geïnstalleerd is. "
            f"Installeer het met: {INSTALL_HINT}"
        ) from err
    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(25), Mm(18)
    word.styles["Normal"].font.size = Pt(10.5)
    word.core_properties.title = doc.title
    word.core_properties.author = "voorveld"
    word.core_properties.language = "nl-NL"
    if doc.is_batch or doc.own_title:
        word.add_heading(doc.title, level=0)
        word.add_paragraph(f"{doc.subtitle} · {doc.date}")
        if doc.selection:
            word.add_paragraph(f"Selectie: {doc.selection}")
    if doc.is_batch:
        word.add_heading("Inhoud", level=1)
        for entry in doc.entries:
            word.add_paragraph(entry.toc_label, style="List Number")
    for number, entry in enumerate(doc.entries):
        if number or doc.is_batch:
            word.add_page_break()
        _entry(word, entry, doc)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _runs(paragraph, spans: Inline, italic: bool = False):
    for span in spans:
        run = paragraph.add_run(span.text)
        run.bold = span.bold or None
        run.italic = (span.italic or italic) or None
        if span.code:
            run.font.name = "Courier New"
        if span.href:
            run.underline = True
            paragraph.add_run(f" ({span.href})")
    return paragraph


def _block(word, block: Block) -> None:
    if block.kind == "h3":
        word.add_heading("".join(s.text for s in block.spans), level=3)
    elif block.kind == "quote":
        _runs(word.add_paragraph(style="Quote"), block.spans)
    elif block.kind in ("ul", "ol"):
        style = "List Bullet" if block.kind == "ul" else "List Number"
        items = [_runs(word.add_paragraph(style=style), item) for item in block.items]
        if items and block.kind == "ol":
            _restart_numbering(word, items[0])
    else:
        _runs(word.add_paragraph(), block.spans)


def _restart_numbering(word, paragraph) -> None:
    """Make the numbered list that starts at `paragraph` count from 1 again.

    Word continues one 'List Number' sequence through the whole file; a new numbering
    instance with a start override restarts it (python-docx has no call for this).
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numbering = word.part.numbering_part.numbering_definitions._numbering
    style = word.styles["List Number"]
    abstract = numbering.num_having_numId(style.element.pPr.numPr.numId.val).abstractNumId.val
    num = numbering.add_num(abstract)
    override = num.add_lvlOverride(ilvl=0)
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num.numId
    paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_ilvl().val = 0


def _write_lines(word, count: int, indent: bool = True) -> None:
    """Empty paragraphs with a bottom rule: lines to write on, on paper and on screen."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    for _ in range(count):
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(12)
        if indent:
            paragraph.paragraph_format.left_indent = Mm(6.3)
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "999999")):
            bottom.set(qn(f"w:{key}"), value)
        borders.append(bottom)
        paragraph._p.get_or_add_pPr().append(borders)


def _entry(word, entry: EntryHandout, doc: HandoutDocument) -> None:
    word.add_paragraph(entry.kicker.upper())
    word.add_heading(entry.title, level=1)
    if entry.summary:
        _runs(word.add_paragraph(), entry.summary, italic=True)
    if entry.facts:
        table = word.add_table(rows=0, cols=2)
        for label, value in entry.facts:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(label).bold = True
            cells[1].text = value
    for section in entry.sections:
        if section.heading:
            word.add_heading(section.heading, level=2)
        for block in section.blocks:
            _block(word, block)
    if entry.questions:
        word.add_heading("Verdiepingsvragen", level=2)
        for number, question in enumerate(entry.questions):
            paragraph = _runs(word.add_paragraph(style="List Number"), question.spans)
            if number == 0:
                _restart_numbering(word, paragraph)
            if question.style:
                word.add_paragraph().add_run(question.style).italic = True
            _write_lines(word, doc.lines_per_question)
    _extras(word, entry)
    if entry.sources:
        run = word.add_paragraph().add_run("Bron: " + "; ".join(entry.sources))
        run.italic = True


def _extras(word, entry: EntryHandout) -> None:
    if entry.terms:
        word.add_heading("Begrippen", level=2)
        for term, definition in entry.terms:
            paragraph = word.add_paragraph(style="List Bullet")
            paragraph.add_run(term).bold = True
            if definition:
                paragraph.add_run(f": {definition}")
    if entry.literature:
        word.add_heading("Literatuur", level=2)
        for item in entry.literature:
            _runs(word.add_paragraph(style="List Bullet"), item)
    if entry.note_lines:
        word.add_heading("Aantekeningen", level=2)
        _write_lines(word, entry.note_lines, indent=False)

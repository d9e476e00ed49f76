"""Handouts a trainer can use as they are: names intact, two editions, parts, duplex, docx.

Real PDFs are read back with pdftotext and pypdf, real .docx files with python-docx.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import frontmatter
import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from voorveld_cli.handouts import glyphs, pdf
from voorveld_cli.handouts.model import EntryHandout, HandoutDocument

from .conftest import REAL_CONTENT, SAMPLE, write_entry

NAMES = ["Şükrü", "Ayşe", "€", "—", "ĳ"]
CASE = SAMPLE[("case", "keukentafel")][0]


def pdftotext(path) -> str:
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed: apt-get install poppler-utils"
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def names_case(corpus_dir, body_extra: str = "") -> None:
    write_entry(
        corpus_dir,
        "case",
        "namen",
        {
            **CASE,
            "title": "Şükrü en Ayşe bij de ĳsbaan",
            "number": 2,
            "summary": "Ayşe vraagt € 250 — Şükrü twijfelt.",
            "questions": [{"text": "Wat zeg jij tegen Şükrü en Ayşe over de ĳzeren regel — en de € 250?"}],
        },
        "## Het verhaal\n\nŞükrü en Ayşe betalen € 40 — voor de ĳsbaan.\n" + body_extra,
    )


def test_pdf_keeps_every_name(cli, corpus_dir, tmp_path):
    names_case(corpus_dir)
    target = tmp_path / "namen.pdf"
    result = cli("handout", "namen", "--edition", "trainer", "-o", str(target), content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    text = pdftotext(target)
    for name in NAMES:
        assert name in text, name
    assert "Şükrü en Ayşe bij de ĳsbaan" in text  # the title, whole
    assert "?ükrü" not in text and "Ay?e" not in text
    assert "ontbreekt" not in result.stderr  # everything was drawable: no warning
    fonts = PdfReader(str(target)).pages[0]["/Resources"]["/Font"]
    for font in fonts.values():  # embedded, not the reader's Helvetica
        descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object()


def test_undrawable_character_is_named_by_pdf_and_check(cli, corpus_dir, tmp_path):
    names_case(corpus_dir, "\nDe buurman stuurt een 🙂 en een ⛄.\n")
    target = tmp_path / "namen.pdf"
    result = cli("handout", "namen", "-o", str(target), content=corpus_dir)
    assert result.exit_code == 0
    assert "namen" in result.stderr and "U+1F642 SLIGHTLY SMILING FACE" in result.stderr
    assert "'⛄'" in result.stderr and "lettertype" in result.stderr
    assert "vakje (□)" in result.stderr
    drawn = pdftotext(target).split("stuurt een")[1].split("\n")[0]
    assert drawn.strip() == "□ en een □."  # a visible box where the font has no glyph, never '?'
    check = cli("check", content=corpus_dir)
    assert re.search(
        r"cases/namen\.md:\d+: body: .*U\+1F642 SLIGHTLY SMILING FACE", check.stdout + check.stderr
    )


def test_coverage_list_matches_the_fonts():
    assert glyphs.ranges(glyphs.font_coverage()) == glyphs.COVERAGE.read_text(encoding="ascii").split()
    for ch in "ŞşĳĲ€—→←↔≥≤✓●ΑΩαωЖжЯя":
        assert ord(ch) in glyphs.covered(), ch


def test_editions_differ(cli, corpus_dir, tmp_path):
    texts = {}
    for edition in ("participant", "trainer"):
        target = tmp_path / f"{edition}.pdf"
        result = cli("handout", "keukentafel", "--edition", edition, "-o", str(target), content=corpus_dir)
        assert result.exit_code == 0, result.stderr
        texts[edition] = pdftotext(target)
    participant, trainer = texts["participant"], texts["trainer"]
    for question in CASE["questions"]:
        assert question["text"] in participant and question["text"] in trainer
    assert "Leerstijl" not in participant and "doener" not in participant
    assert "Sleutelwoorden" not in participant and "Aantekeningen" not in participant
    # trainer: each question is followed by its style, before the next question
    styles = re.findall(r"Leerstijl \(Kolb\): (\S[^\n]*)", trainer)
    assert styles == ["doener", "niet toegekend", "niet toegekend"]
    positions = [trainer.index(q["text"]) for q in CASE["questions"]]
    style_positions = [m.start() for m in re.finditer("Leerstijl", trainer)]
    assert all(p < s for p, s in zip(positions, style_positions, strict=True))
    assert all(s < p for s, p in zip(style_positions, positions[1:], strict=False))
    for extra in ("Sleutelwoorden", "Wetten", "Begrippen", "Wmo 2015", "Aantekeningen"):
        assert extra in trainer, extra


def part_cases(number: int) -> list[str]:
    """Titles of the shipped cases in part `number`, read straight from the files."""
    key = {1: "bewoners", 2: "sociaal-ondernemers", 3: "uitvoeringspraktijk", 4: "bestuur-en-beleid"}[number]
    found = []
    for path in sorted((REAL_CONTENT / "cases").glob("*.md")):
        post = frontmatter.load(path)
        if post["part"] == key:
            found.append((post["number"], post["title"]))
    return [title for _, title in sorted(found)]


def test_part_two_duplex_starts_every_case_on_an_odd_page(cli, tmp_path):
    target = tmp_path / "deel2.pdf"
    result = cli("handout", "--part", "2", "--duplex", "-o", str(target), content=REAL_CONTENT)
    assert result.exit_code == 0, result.stderr
    text = pages(target)
    assert "Deel 2: Sociaal ondernemers" in text[0]  # the cover names the selection
    assert "Inhoud · Deel 2: Sociaal ondernemers" in text[2]  # page 2 is the back of the cover
    assert text[1].strip() == ""
    starts = [(index + 1, page) for index, page in enumerate(text) if re.search(r"^CASUS \d+ · ", page, re.M)]
    titles = part_cases(2)
    assert len(starts) == len(titles) >= 2
    for (number, page), title in zip(starts, titles, strict=True):
        assert number % 2 == 1, (number, title)
        assert title.split()[0] in page and "DEEL 2: SOCIAAL ONDERNEMERS" in page
    for number, _ in starts[1:]:  # the page before a case is its predecessor's, or blank
        assert number - 1 > 3


def test_docx_holds_every_question(cli, corpus_dir, tmp_path):
    import docx

    names_case(corpus_dir)
    target = tmp_path / "casussen.docx"
    result = cli("handout", "--kind", "case", "-o", str(target), content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(target))
    paragraphs = document.paragraphs
    questions = [p.text for p in paragraphs if p.style.name == "List Number" and p.text.endswith("?")]
    expected = [q["text"] for q in CASE["questions"]] + [
        "Wat zeg jij tegen Şükrü en Ayşe over de ĳzeren regel — en de € 250?"
    ]
    assert questions == expected
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    assert "Het keukentafelgesprek" in headings and "Verdiepingsvragen" in headings
    assert sum(p.text.startswith("Bron: ") for p in paragraphs) == 2
    # each case's questions count from 1 again: a numbering instance of their own
    num_ids = {
        p._p.pPr.numPr.numId.val
        for p in paragraphs
        if p.text in expected[:1] + expected[3:] and p._p.pPr.numPr is not None
    }
    assert len(num_ids) == 2
    ruled = [
        p for p in paragraphs if p._p.pPr is not None and p._p.pPr.find(docx.oxml.ns.qn("w:pBdr")) is not None
    ]
    assert len(ruled) == 4 * len(expected)  # four lines to write on under each question


def test_markdown_answer_lines_stay_separate_lines(cli, corpus_dir):
    out = cli("handout", "keukentafel", "--lines", "3", content=corpus_dir).stdout
    html = MarkdownIt("commonmark").render(out)
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    assert len(items) == len(CASE["questions"])
    for item in items:
        rules = re.findall(r"<p>_{60}</p>", item)
        assert len(rules) == 3, item


@pytest.mark.parametrize(
    ("name", "fmt", "magic"),
    [
        ("x.pdf", None, b"%PDF-"),
        ("x.docx", None, b"PK"),
        ("x.html", None, b"<!DOCTYPE"),
        ("x.md", "md", b"# "),
    ],
)
def test_output_extension_picks_the_format(cli, corpus_dir, tmp_path, name, fmt, magic):
    target = tmp_path / name
    args = ["handout", "keukentafel", "-o", str(target)] + (["--format", fmt] if fmt else [])
    result = cli(*args, content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(magic)
    assert "1 casus geschreven" in result.stderr


def test_contradicting_format_is_refused(cli, corpus_dir, tmp_path):
    target = tmp_path / "x.pdf"
    result = cli("handout", "keukentafel", "--format", "md", "-o", str(target), content=corpus_dir)
    assert result.exit_code == 2
    assert "--format md past niet bij x.pdf" in result.stderr
    assert not target.exists()


def test_titles_default_and_own(cli, corpus_dir, tmp_path):
    write_entry(corpus_dir, "case", "tweede", {**CASE, "title": "De tweede casus", "number": 2})
    bundle = cli("handout", "--kind", "case", content=corpus_dir).stdout
    assert bundle.startswith("# Casussen\n") and "Items" not in bundle
    part = cli("handout", "--part", "1", content=corpus_dir).stdout
    assert part.startswith("# Casussen · Deel 1: Bewoners\n")
    target = tmp_path / "eigen.pdf"
    cli("handout", "keukentafel", "--title", "Workshop keukentafel", "-o", str(target), content=corpus_dir)
    text = pdftotext(target)
    assert "Workshop keukentafel" in text and "Het keukentafelgesprek" in text
    assert PdfReader(str(target)).metadata.title == "Workshop keukentafel"
    single = cli("handout", "keukentafel", "--title", "Workshop keukentafel", content=corpus_dir).stdout
    assert single.startswith("# Workshop keukentafel\n")


# Regression tests for defects found in other issues.


def test_cover_keeps_place_names_as_written(cli, corpus_dir):
    for number, place in ((1, "Capelle aan den IJssel"), (2, "Wijk bij Duurstede")):
        front = {
            **SAMPLE[("initiative", "werkplaats-den-haag")][0],
            "title": f"Plek {number}",
            "place": place,
        }
        write_entry(corpus_dir, "initiative", f"plek-{number}", front)
    out = cli(
        "handout", "--place", "capelle aan den ijssel", "--place", "wijk bij duurstede", content=corpus_dir
    ).stdout
    assert "plaats Capelle aan den IJssel of Wijk bij Duurstede" in out
    assert "Capelle Aan De Ijssel" not in out and "Wijk Bij Duurstede" not in out


MARKDOWN_BODY = (
    "## Het verhaal\n\nZie [de website](https://example.org/buurt) en _de buurt_ met `code` erin.\n\n"
    "> Een citaat van **mevrouw**.\n\n- eerste punt met *nadruk*\n- tweede punt\n"
)


def test_handout_markdown_is_parsed_in_html_and_pdf(cli, corpus_dir, tmp_path):
    write_entry(corpus_dir, "case", "opmaak", {**CASE, "title": "Opmaak", "number": 3}, MARKDOWN_BODY)
    out = cli("handout", "opmaak", "--format", "html", content=corpus_dir).stdout
    assert '<a href="https://example.org/buurt">de website</a>' in out
    assert "<em>de buurt</em>" in out and "<code>code</code>" in out
    assert "<blockquote><p>Een citaat van <strong>mevrouw</strong>.</p></blockquote>" in out
    assert "<li>eerste punt met <em>nadruk</em></li>" in out
    for raw in ("[de website]", "_de buurt_", "`code`", "&gt; Een citaat", "- eerste"):
        assert raw not in out, raw
    target = tmp_path / "opmaak.pdf"
    cli("handout", "opmaak", "-o", str(target), content=corpus_dir)
    text = pdftotext(target)
    assert "Zie de website en de buurt met code erin." in text
    for raw in ("[de website]", "_de buurt_", "`code`", "> Een", "- eerste", "*nadruk*"):
        assert raw not in text, raw
    links = [a.get_object()["/A"]["/URI"] for a in PdfReader(str(target)).pages[0].get("/Annots", [])]
    assert "https://example.org/buurt" in links


def tiny_document(count: int) -> HandoutDocument:
    entries = [
        EntryHandout(
            id=f"begrip-{n}",
            kind="term",
            title=f"Begrip {n} met een titel die lang genoeg is om de regel van de inhoudsopgave te vullen"
            * 2,
            kicker="Begrip",
            toc_label=f"Begrip {n} met een titel die lang genoeg is om de regel te vullen" * 2,
            sections=[],
            questions=[],
            sources=[],
        )
        for n in range(1, count + 1)
    ]
    return HandoutDocument(title="Begrippen", subtitle="", date="", entries=entries)


def test_contents_fills_exactly_the_pages_it_reserves_for_every_bundle_size():
    """fpdf2 refuses a contents that ends on another page count than reserved (it crashed on
    65 and 104 items). The contents of every size from 1 to 120 is drawn on one document;
    the pages it adds must be the pages render() reserves."""
    from fpdf.outline import OutlineSection

    doc = tiny_document(120)
    writer = pdf._new_pdf(doc)
    for size in range(1, 121):
        outline = [OutlineSection(e.toc_label, 0, 3, None) for e in doc.entries[:size]]
        writer.add_page()
        before = writer.page
        pdf._toc_for(doc)(writer, outline)
        assert writer.page - before + 1 == -(-size // pdf.TOC_ROWS), size


@pytest.mark.parametrize("size", [1, 2, 31, 65])
def test_bundles_of_any_size_render(size):
    data = pdf.render(tiny_document(size))
    reader = PdfReader(io.BytesIO(data))
    front = 1 + -(-size // pdf.TOC_ROWS) if size > 1 else 0  # cover and contents
    assert len(reader.pages) == front + size
    assert "Begrip 1 met" in reader.pages[front].extract_text()


def test_pdf_never_copies_the_document(monkeypatch, corpus_dir):
    """fpdf2's unbreakable() records the block and deep-copies the whole document's state
    each time, which made a bundle's time quadratic; questions are measured instead."""
    import fpdf.recorder

    from voorveld_cli.content.corpus import load
    from voorveld_cli.handouts import model

    copies = []
    real = fpdf.recorder.deepcopy
    monkeypatch.setattr(fpdf.recorder, "deepcopy", lambda obj, *a: copies.append(1) or real(obj, *a))
    corpus = load(corpus_dir)
    case = next(e for e in corpus.entries if e.kind == "case")
    data = pdf.render(model.document([case] * 12, corpus.vocab))
    assert len(PdfReader(io.BytesIO(data)).pages) > 12
    assert copies == []

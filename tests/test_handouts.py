"""Handouts in md, html and pdf: every question present and in order, escaping, pages."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from .conftest import SAMPLE, write_entry

QUESTIONS = [q["text"] for q in SAMPLE[("case", "keukentafel")][0]["questions"]]


def add_cases(corpus_dir, count: int = 3) -> list[str]:
    """More cases, one with a long story, so a bundle spans several pages."""
    front = SAMPLE[("case", "keukentafel")][0]
    ids = ["keukentafel"]
    for number in range(2, count + 1):
        entry_id = f"casus-{number}"
        questions = [
            {"text": f"Vraag {k} van casus {number}: wat zou jij doen als bewoner of professional?"}
            for k in range(1, 9)
        ]
        story = "\n\n".join(
            f"Alinea {k}: de bewoner vertelt over de wijk, de buren en de hulp die er is. " * 6
            for k in range(1, 7)
        )
        write_entry(
            corpus_dir,
            "case",
            entry_id,
            {
                **front,
                "title": f"Casus nummer {number}",
                "number": number,
                "questions": questions,
                "themes": ["eenzaamheid"],
            },
            f"## Het verhaal\n\n{story}\n\n## Het dilemma\n\nKiezen is lastig.\n",
        )
        ids.append(entry_id)
    return ids


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_markdown_handout_holds_everything_in_order(cli, corpus_dir):
    result = cli("handout", "keukentafel", "--edition", "trainer", content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Het keukentafelgesprek\n")
    assert "*Casus 1 · Deel 1: Bewoners · stand 2020*" in text  # what, and the year of its facts
    assert "- **Sleutelwoorden:** keukentafelgesprek; Wmo-consulent" in text
    assert "## Het verhaal" in text and "## Het dilemma" in text
    positions = [text.index(f"{n}. {q}") for n, q in enumerate(QUESTIONS, 1)]
    assert positions == sorted(positions)
    assert text.rstrip().splitlines()[-1].startswith("Bron: Casuïstiekbundel informeel-formeel")


def test_html_is_self_contained_and_escaped(cli, corpus_dir):
    path = corpus_dir / "cases" / "keukentafel.md"
    text = path.read_text(encoding="utf-8").replace(
        "Mevrouw ruimt op.", "Mevrouw <script>alert(1)</script> ruimt op."
    )
    path.write_text(
        text.replace("title: Het keukentafelgesprek", "title: Het <b>keukentafel</b>gesprek"),
        encoding="utf-8",
    )
    out = cli("handout", "keukentafel", "--format", "html", content=corpus_dir).stdout
    assert out.startswith("<!DOCTYPE html>")
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<b>keukentafel</b>" not in out and "&lt;b&gt;keukentafel&lt;/b&gt;" in out
    assert "@page { size: A4;" in out
    assert "<link" not in out and "src=" not in out  # nothing to fetch: one file
    found = [html_text for html_text in re.findall(r'<li><p>(.*?)</p><div class="lines">', out)]
    assert found == QUESTIONS


def test_pdf_single_case(cli, corpus_dir, tmp_path):
    target = tmp_path / "casus.pdf"
    result = cli("handout", "keukentafel", "--format", "pdf", "-o", str(target), content=corpus_dir)
    assert result.exit_code == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = pdf_pages(data)
    assert len(pages) == 1
    text = pages[0]
    assert "Het keukentafelgesprek" in text
    assert "Pagina 1 van 1" in text
    positions = [text.index(q) for q in QUESTIONS]
    assert positions == sorted(positions)
    assert "Casuïstiekbundel" in text  # ï survives the encoding


def test_pdf_batch_has_cover_contents_and_a_page_per_case(cli, corpus_dir, tmp_path):
    ids = add_cases(corpus_dir, 3)
    target = tmp_path / "bundel.pdf"
    result = cli(
        "handout",
        "--kind",
        "case",
        "--format",
        "pdf",
        "-o",
        str(target),
        "--title",
        "Eenzaamheid",
        "--law",
        "wmo",
        content=corpus_dir,
    )
    assert result.exit_code == 0, result.stderr
    pages = pdf_pages(target.read_bytes())
    assert "Eenzaamheid" in pages[0] and "3 casussen" in pages[0]
    # The cover says which selection the bundle holds.
    assert "wet Wmo 2015" in pages[0]
    assert "Inhoud" in pages[1]
    titles = ["Het keukentafelgesprek", "Casus nummer 2", "Casus nummer 3"]
    first_pages = [next(i for i, page in enumerate(pages) if f"CASUS {n} ·" in page) for n in (1, 2, 3)]
    assert first_pages == sorted(first_pages) and first_pages[0] == 2
    for index, title in zip(first_pages, titles, strict=True):
        assert title in pages[index]
    assert len(pages) >= 2 + len(ids)
    assert f"van {len(pages)}" in pages[-1]
    # The contents page names every case, with its number, and the page it starts on.
    for n, (title, index) in enumerate(zip(titles, first_pages, strict=True), 1):
        assert re.search(rf"Casus {n}: {re.escape(title)}\s*{index + 1}", pages[1])


def test_pdf_never_splits_a_question_from_its_lines(cli, corpus_dir, tmp_path):
    add_cases(corpus_dir, 2)
    target = tmp_path / "lang.pdf"
    cli("handout", "casus-2", "--format", "pdf", "--lines", "6", "-o", str(target), content=corpus_dir)
    reader = PdfReader(str(target))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        text = page.extract_text()
        # a question that starts on a page ends on it: its text is complete there
        for match in re.finditer(r"Vraag (\d) van casus 2", text):
            start = match.start()
            assert "wat zou jij doen als bewoner of professional?" in text[start : start + 200]


def test_pdf_refuses_a_terminal_and_output_is_never_overwritten(cli, corpus_dir, tmp_path):
    target = tmp_path / "casus.pdf"
    target.write_bytes(b"oud")
    again = cli("handout", "keukentafel", "--format", "pdf", "-o", str(target), content=corpus_dir)
    assert again.exit_code == 1 and "--force" in again.stderr
    assert target.read_bytes() == b"oud"
    assert (
        cli(
            "handout", "keukentafel", "--format", "pdf", "-o", str(target), "--force", content=corpus_dir
        ).exit_code
        == 0
    )

    # stdout on a real pseudo-terminal: binary must not be dumped there
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "voorveld_cli",
            "handout",
            "keukentafel",
            "--format",
            "pdf",
            "--content-dir",
            str(corpus_dir),
        ],
        stdout=follower,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    os.close(follower)
    os.close(leader)
    assert proc.returncode == 2
    assert "binair" in proc.stderr


def test_missing_pdf_library_is_said_plainly(cli, corpus_dir, tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_fpdf(name, *args, **kwargs):
        if name == "fpdf" or name.startswith("fpdf."):
            raise ImportError("No module named 'fpdf'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_fpdf)
    result = cli(
        "handout", "keukentafel", "--format", "pdf", "-o", str(tmp_path / "x.pdf"), content=corpus_dir
    )
    assert result.exit_code == 1
    assert "pip install 'voorveld[pdf]'" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_initiative_and_term_handouts(cli, corpus_dir):
    out = cli("handout", "buurtkamer-maastricht", content=corpus_dir).stdout
    assert "*Praktijkvoorbeeld · Maastricht · stand 2020*" in out
    assert "## Cijfers" in out and "bezoekers per dag: 40 tot 50 (2019)" in out
    term = cli("handout", "wmo-2015", content=corpus_dir).stdout
    assert "## De wet op een rij" in term and "**Sinds / voorganger:** 1 januari 2015" in term


def test_handout_needs_ids_or_filters(cli, corpus_dir):
    result = cli("handout", content=corpus_dir)
    assert result.exit_code == 2
    assert "Geef een of meer ids" in result.stderr


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_batch_in_text_formats_has_contents(cli, corpus_dir, fmt):
    add_cases(corpus_dir, 3)
    out = cli("handout", "--kind", "case", "--format", fmt, content=corpus_dir).stdout
    assert "Inhoud" in out
    assert out.index("Het keukentafelgesprek") < out.index("Casus nummer 2") < out.index("Casus nummer 3")

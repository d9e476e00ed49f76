"""Render one case bundle with WeasyPrint, Typst and fpdf2 (the chosen engine); time and size.

Usage: python engines.py CONTENT_DIR OUT_DIR  (needs: pip install weasyprint typst; system Pango
for WeasyPrint). The measurements in ../0004-handout-pdf-engine.md come from this script run on
the 16 shipped cases plus one case full of names (Şükrü, Ayşe, Ζωή, Жанна, €, —, ĳ, →, ≥, ✓, ●, 🙂).
"""

import pathlib
import sys
import time

from voorveld_cli.content.corpus import load
from voorveld_cli.handouts import html, model
from voorveld_cli.handouts.markup import plain

OUT = pathlib.Path(sys.argv[2])
corpus = load(pathlib.Path(sys.argv[1]))
cases = sorted([e for e in corpus.entries if e.kind == "case"], key=lambda e: e.get("number"))
doc = model.document(cases, corpus.vocab)


def weasy():
    import weasyprint

    page = (
        html.render(doc)
        .replace('<html lang="nl">', '<html lang="nl">')
        .replace("body {", "p { hyphens: auto; text-align: justify; } body {")
    )
    return weasyprint.HTML(string=page).write_pdf()


def esc(t):
    for c in "\\#*_`$<>@[]=-+/~":
        t = t.replace(c, "\\" + c)
    return t


def typ():
    import typst

    out = [
        '#set page(paper: "a4", margin: (left: 25mm, right: 18mm, top: 20mm, bottom: 20mm), numbering: "1")',
        '#set text(lang: "nl", size: 10.5pt, hyphenate: true)',
        "#set par(justify: true)",
        f'#text(26pt, weight: "bold")[{esc(doc.title)}]',
        "#outline()",
    ]
    for e in doc.entries:
        out.append("#pagebreak()")
        out.append(f"= {esc(e.title)}")

        for s in e.sections:
            if s.heading:
                out.append(f"== {esc(s.heading)}")
            for b in s.blocks:
                out.append(
                    esc(plain(b.spans)) if b.items == [] else "\n".join("- " + esc(plain(i)) for i in b.items)
                )
                out.append("")
        out.append("== Verdiepingsvragen")
        for n, q in enumerate(e.questions, 1):
            out.append(
                f"#block(breakable: false)[{n}. {esc(plain(q.spans))} #v(4mm) "
                "#for i in range(4) [#line(length: 100%, stroke: 0.5pt + gray) #v(6mm)]]"
            )
    src = "\n\n".join(out)
    (OUT / "bundle.typ").write_text(src)
    return typst.compile(str(OUT / "bundle.typ"), ignore_system_fonts=True)


def fpdf2():
    from voorveld_cli.handouts import pdf

    return pdf.render(doc)


for name, fn in (("weasyprint", weasy), ("typst", typ), ("fpdf2", fpdf2)):
    t = time.perf_counter()
    data = fn()
    dt = time.perf_counter() - t
    (OUT / f"{name}.pdf").write_bytes(data)
    print(name, f"{dt:.2f}s", len(data), "bytes")

"""voorveld show ID: one entry in full."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from ..options import ContentDir
from ..output import find_or_fail, load_corpus, write


class ShowFormat(str, Enum):
    text = "text"
    json = "json"
    md = "md"


def run(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="Id van het item (bestandsnaam zonder .md).")],
    fmt: Annotated[ShowFormat, typer.Option("--format", help="text, json of md.")] = ShowFormat.text,
    content_dir: ContentDir = None,
) -> None:
    """Toon één item: kerngegevens, tekst en bronnen.

    Voorbeeld: voorveld show athos; voorveld show athos --format json
    """
    corpus = load_corpus(content_dir)
    emit_entry(find_or_fail(corpus, entry_id), corpus.vocab, fmt)


def emit_entry(entry, vocab, fmt: ShowFormat) -> None:
    """Shared with `define`."""
    from ...present import facts, law_profile_rows, source_lines

    if fmt is ShowFormat.json:
        from ...records import full_record
        from ...render.plain import to_json

        write(to_json(full_record(entry)))
        return
    from ...render import on_terminal

    if fmt is ShowFormat.md or not on_terminal():
        # To a pipe or file the text form is the Markdown: plain lines to grep or page
        # through, no box drawn to the width of an unbounded console.
        write(entry_markdown(entry, vocab))
        return

    from ...render.console import facts_table, make_console, print_entry

    console = make_console()
    print_entry(console, entry, facts(entry, vocab), source_lines(entry, vocab))
    profile = law_profile_rows(entry)
    if profile:
        console.print()
        console.print(facts_table(profile))
    questions = [q for q in entry.as_list("questions") if isinstance(q, dict)]
    if questions:
        console.print("\n[bold]Verdiepingsvragen[/bold]")
        for number, question in enumerate(questions, 1):
            console.print(f"  {number}. {question.get('text', '')}", highlight=False, markup=False)


def entry_markdown(entry, vocab) -> str:
    """The entry as a Markdown document (for notes, wikis, e-mail)."""
    from ...present import facts, law_profile_rows, source_lines
    from ...render.plain import cell

    lines = [f"# {entry.title}", ""]
    if entry.get("summary"):
        lines += [f"*{entry.get('summary')}*", ""]
    for label, value in facts(entry, vocab):
        if cell(value):
            lines.append(f"- **{label}:** {cell(value)}")
    for label, value in law_profile_rows(entry):
        lines.append(f"- **{label}:** {cell(value)}")
    lines += ["", entry.body.strip(), ""]
    questions = [q for q in entry.as_list("questions") if isinstance(q, dict)]
    if questions:
        lines += ["## Verdiepingsvragen", ""]
        lines += [f"{n}. {q.get('text', '')}" for n, q in enumerate(questions, 1)]
        lines.append("")
    sources = source_lines(entry, vocab)
    if sources:
        lines += ["## Bronnen", ""] + [f"- {s}" for s in sources]
    return "\n".join(lines).rstrip() + "\n"

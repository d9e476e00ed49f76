"""voorveld show ID: one entry in full."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from voorveld_cli.cli.completion import complete_ids
from voorveld_cli.cli.options import TO_SCREEN, ContentDir, Output, output_options_with
from voorveld_cli.cli.output import find_or_fail, load_corpus, write


class ShowFormat(str, Enum):
    text = "text"
    json = "json"
    md = "md"


FormatChoice = Annotated[
    ShowFormat | None,
    typer.Option(
        "--format", help="text, json of md. Standaard de extensie van -o, anders text.", show_default=False
    ),
]
NoPager = Annotated[
    bool, typer.Option("--no-pager", help="Niet bladeren: alles in één keer naar de terminal.")
]
# One entry in full (show, define): text, json or md, paged on a terminal.
entry_output_options = output_options_with(FormatChoice, NoPager)


@entry_output_options
def run(
    entry_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="Id van het item (bestandsnaam zonder .md); een casus ook als nummer: 1 of casus-1.",
            autocompletion=complete_ids,
        ),
    ],
    out: Output = TO_SCREEN,
    content_dir: ContentDir = None,
) -> None:
    """Toon één item: kerngegevens, tekst en bronnen. Lange tekst bladert in de terminal
    (met $PAGER, anders less), zoals git.

    Voorbeelden: voorveld show athos; voorveld show 1; voorveld show athos --format json;
    voorveld show casus-8 -o casus8.md
    """
    corpus = load_corpus(content_dir)
    entry = find_or_fail(corpus, entry_id)
    emit_entry(entry, corpus.vocab, out, corpus.root, referrers(corpus, entry))


def referrers(corpus, entry) -> list[str]:
    """The ids of the entries whose `related` names this one ("Verwezen door")."""
    from voorveld_cli.content.links import backlinks

    return [other.id for other in backlinks(corpus.entries).get(entry.id, [])]


def emit_entry(entry, vocab, out: Output, root=None, referenced_by=()) -> None:
    """Shared with `define`."""
    from voorveld_cli.cli.emit import resolve_format
    from voorveld_cli.render import on_terminal

    output = out.path
    chosen = resolve_format(out.fmt, output, ("text", "json", "md"), default="text")
    if chosen == "json":
        from voorveld_cli.render.plain import to_json
        from voorveld_cli.views.records import full_record

        text = to_json({**full_record(entry), "referenced_by": list(referenced_by)}) + "\n"
    elif chosen == "md" or output is not None or not on_terminal():
        # To a pipe or file the text form is the Markdown: plain lines to grep or page
        # through, no box drawn to the width of an unbounded console.
        text = entry_markdown(entry, vocab, referenced_by)
    else:
        from voorveld_cli.cli.pager import page

        page(lambda console: print_on_console(console, entry, vocab, referenced_by), out.no_pager)
        return
    if output is None:
        write(text)
        return
    from voorveld_cli.cli.emit import write_file
    from voorveld_cli.cli.output import output_path

    write_file(output_path(output, root, out.force), output, text, 1)


def _facts(entry, vocab, referenced_by) -> list:
    from voorveld_cli.views import labels
    from voorveld_cli.views.present import facts

    rows = facts(entry, vocab)
    if referenced_by:
        rows.append((labels.REFERENCED_BY, list(referenced_by)))
    return rows


def print_on_console(console, entry, vocab, referenced_by=()) -> None:
    from rich.text import Text

    from voorveld_cli.render.console import facts_table, print_entry
    from voorveld_cli.views.present import law_profile_rows, source_lines

    print_entry(console, entry, _facts(entry, vocab, referenced_by), source_lines(entry, vocab))
    profile = law_profile_rows(entry)
    if profile:
        console.print()
        console.print(facts_table(profile))
    questions = [q for q in entry.as_list("questions") if isinstance(q, dict)]
    if questions:
        console.print(Text("\nVerdiepingsvragen", style="bold"))
        for number, question in enumerate(questions, 1):
            console.print(f"  {number}. {question.get('text', '')}", highlight=False, markup=False)


def entry_markdown(entry, vocab, referenced_by=()) -> str:
    """The entry as a Markdown document (for notes, wikis, e-mail)."""
    from voorveld_cli.render.plain import cell
    from voorveld_cli.views.present import law_profile_rows, source_lines

    lines = [f"# {entry.title}", ""]
    if entry.get("summary"):
        lines += [f"*{entry.get('summary')}*", ""]
    for label, value in _facts(entry, vocab, referenced_by):
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

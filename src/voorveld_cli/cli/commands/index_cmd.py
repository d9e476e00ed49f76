"""voorveld index: build or refresh the search index."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from voorveld_cli.cli.options import ContentDir
from voorveld_cli.cli.output import content_root, fail, warn


def run(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Gooi de index weg en bouw hem helemaal opnieuw.")
    ] = False,
    content_dir: ContentDir = None,
) -> None:
    """Bouw de zoekindex of werk hem bij (alleen gewijzigde bestanden worden gelezen).

    Zoeken werkt de index zelf ook bij; dit commando is er om het vooraf te doen,
    of om met --rebuild opnieuw te beginnen.
    """
    from voorveld_cli.cli.output import report_skipped, stop_on_broken_configuration
    from voorveld_cli.content.vocabulary import load as load_vocabulary
    from voorveld_cli.search.store import IndexBusy
    from voorveld_cli.views.labels import plural

    root = content_root(content_dir)
    vocab, problems = load_vocabulary(root)
    stop_on_broken_configuration(problems)
    if rebuild:  # every derived cache goes, the entry cache of list/show/export too
        from voorveld_cli.content import entry_cache

        entry_cache.clear(root)

    try:
        ix, report = _open(root, vocab, rebuild)
    except IndexBusy as err:
        fail(str(err))
    except KeyboardInterrupt:
        fail("afgebroken; de index is niet gewijzigd", 130)
    ix.close()
    if report.fault:  # the index could not be stored: that is the one thing to say
        fail(f"{report.fault}; de index is niet {'opnieuw opgebouwd' if rebuild else 'bijgewerkt'}")

    for notice in report.notices:
        warn(notice)
    report_skipped({rel: [message] for rel, message in report.broken.items()})
    if report.rebuilt:
        what = f"opnieuw opgebouwd: {plural(report.total, 'bestand')} gelezen"
    elif report.files_changed:
        what = (
            f"bijgewerkt: {report.added} nieuw, {report.changed} gewijzigd, "
            f"{report.deleted} verwijderd (van {report.total})"
        )
    else:
        what = f"al actueel ({plural(report.total, 'bestand')})"
    skipped = f", {len(report.broken)} overgeslagen" if report.broken else ""
    where = report.folder if report.persisted else "alleen in het geheugen"
    typer.echo(f"Index {what}{skipped}. Map: {where}")


def _open(root, vocab, rebuild: bool):
    """Open, refresh or rebuild, with a progress bar on a terminal."""
    from voorveld_cli.render import on_terminal
    from voorveld_cli.search.store import open_index

    if not on_terminal(sys.stderr):
        return open_index(root, vocab, rebuild=rebuild, wait=True)
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("Indexeren", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return open_index(root, vocab, rebuild=rebuild, wait=True, progress=progress)

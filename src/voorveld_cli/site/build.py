"""Build the site into a folder: every page, the search data, the assets and the handouts."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from voorveld_cli.content.model import Entry
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.site import groups, pages, search_index, tables
from voorveld_cli.site.groups import FACETS


@dataclass
class BuildReport:
    """What a site build wrote."""

    pages: int
    entries: int
    handouts: int


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def copy_assets(out: Path) -> None:
    source = resources.files(__package__).joinpath("assets")
    with resources.as_file(source) as folder:
        shutil.copytree(folder, out / "assets", dirs_exist_ok=True)


def build(
    entries: Sequence[Entry],
    vocab: Vocabulary,
    out: Path,
    terms: Sequence[Entry] = (),
    handouts: bool = True,
    jobs: int | None = None,
) -> BuildReport:
    """Write the site for `entries` into `out`. `terms` is the whole glossary (the trainer
    handout explains the terms a case uses, also when the selection leaves them out)."""
    out.mkdir(parents=True, exist_ok=True)
    found = groups.all_groups(entries, vocab)
    ctx = pages.SiteContext(entries, vocab, found)
    cases = [e for e in entries if e.kind == "case"]
    if handouts and cases:
        ctx.handouts = _handouts(cases, vocab, terms, out, jobs)
    written = 0
    for entry in entries:
        _write(out / pages.entry_href(entry.id), pages.entry_page(entry, ctx))
        written += 1
    for facet, found_groups in found.items():
        folder = out / FACETS[facet][0]
        _write(folder / "index.html", pages.facet_overview(facet, found_groups))
        for group in found_groups:
            _write(out / group.href, pages.group_page(group))
        written += 1 + len(found_groups)
    for name, text in (
        ("index.html", pages.home_page(ctx)),
        ("zoeken.html", pages.search_page()),
        ("matrix.html", tables.matrix_page(ctx)),
        ("vergelijking.html", tables.compare_page(ctx)),
    ):
        _write(out / name, text)
        written += 1
    copy_assets(out)
    _write(out / "assets" / "search-data.js", search_index.search_script(entries, vocab))
    return BuildReport(written, len(entries), 2 * len(ctx.handouts))


def _handouts(cases, vocab, terms, out, jobs):
    from voorveld_cli.site.handouts import write_handouts

    return write_handouts(cases, vocab, terms, out, jobs)

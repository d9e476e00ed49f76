"""Every case's handout, participant and trainer edition, as PDF files on the site.

The PDFs are most of a site build's time; with more than one core they are made in a
process pool, one batch of cases per worker (each worker reads the fonts once)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from voorveld_cli.content.model import Entry
from voorveld_cli.content.vocabulary import Vocabulary

EDITIONS = {"participant": "deelnemer", "trainer": "trainer"}


def handout_href(entry_id: str, edition: str) -> str:
    return f"handouts/{entry_id}-{EDITIONS[edition]}.pdf"


def _render(batch: list[Entry], vocab: Vocabulary, terms: list[Entry], out: str) -> list[str]:
    from voorveld_cli.handouts import model, pdf

    written = []
    for entry in batch:
        for edition in EDITIONS:
            doc = model.document([entry], vocab, edition=edition, terms=terms)
            target = Path(out) / handout_href(entry.id, edition)
            target.write_bytes(pdf.render(doc))
            written.append(str(target))
    return written


def workers() -> int:
    return max(
        1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    )


def write_handouts(
    cases: Sequence[Entry], vocab: Vocabulary, terms: Sequence[Entry], out: Path, jobs: int | None = None
) -> dict[str, dict[str, str]]:
    """Write the PDFs; return id -> edition -> href for the case pages."""
    (out / "handouts").mkdir(parents=True, exist_ok=True)
    jobs = workers() if jobs is None else jobs
    batches = [list(cases[i::jobs]) for i in range(jobs)] if jobs > 1 else [list(cases)]
    batches = [b for b in batches if b]
    if len(batches) <= 1:
        for batch in batches:
            _render(batch, vocab, list(terms), str(out))
    else:
        with ProcessPoolExecutor(len(batches)) as pool:
            futures = [pool.submit(_render, b, vocab, list(terms), str(out)) for b in batches]
            for future in futures:
                future.result()
    return {e.id: {ed: handout_href(e.id, ed) for ed in EDITIONS} for e in cases}

"""One content file as a Whoosh document, or why it stays out of the index.

Shared by the one-process writer (store.py) and the build's worker processes
(parallel.py), so both read, validate and report a file the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from voorveld_cli.content.vocabulary import Vocabulary

INDEXED = "indexed"
GONE = "gone"  # removed since the scan: simply gone
UNREADABLE = "unreadable"  # reported, never recorded: tried again next time
BROKEN = "broken"  # errors: reported and recorded, so an unchanged file is not read again


def read(kind: str, path: Path, rel: str, shadow: str | None, vocab: Vocabulary) -> tuple[str, Any]:
    """(INDEXED, document), (GONE, None), or (UNREADABLE or BROKEN, the first problem)."""
    from voorveld_cli.content import corpus  # parsing (and YAML) only when files must be read
    from voorveld_cli.content.model import ERROR
    from voorveld_cli.search.documents import document

    if shadow is not None:
        return BROKEN, shadow
    try:
        entry, problems = corpus.load_entry(kind, path, vocab)
    except FileNotFoundError:
        return GONE, None
    except corpus.Unreadable as err:
        return UNREADABLE, str(err.problem)
    errors = [p for p in problems if p.severity == ERROR]
    if entry is None or errors:
        return BROKEN, str(errors[0]) if errors else f"{rel}: onleesbaar"
    return INDEXED, document(entry, vocab, rel)

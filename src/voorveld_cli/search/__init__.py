"""Search: the only package that imports Whoosh.

analysis (Dutch words, compounds, stems) -> documents (an entry as a Whoosh
document) -> store (the index on disk: build, refresh, rebuild) -> query (concepts,
matching, snippets, facets) with ranking (the order of hits, pure Python).

The public calls are re-exported lazily: importing `voorveld_cli.search.cache` or
`.results` (as `list` does) must not load Whoosh.
"""

from __future__ import annotations

import importlib
from typing import Any

from voorveld_cli.search import lean

_PUBLIC = {
    "search": "query",
    "search_corpus": "query",
    "open_index": "store",
    "current_vocabulary": "store",
    "synonym_table": "store",
    "RefreshReport": "store",
    "SCHEMA_VERSION": "store",
}

__all__ = sorted(_PUBLIC)

lean.install()  # before any Whoosh import: keep what a Dutch search never runs out of start-up


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(importlib.import_module(f"{__name__}.{_PUBLIC[name]}"), name)
    raise AttributeError(name)

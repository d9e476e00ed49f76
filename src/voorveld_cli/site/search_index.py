"""The data the search page loads: one script assigning a global, so the search works from
file:// (where a page may not fetch JSON) as well as over HTTP. The browser builds the lunr
index from it at load; 300 entries take well under a second."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from voorveld_cli.content.model import Entry
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.site.pages import entry_href
from voorveld_cli.textnorm import markdown_text
from voorveld_cli.views import labels

# The facets the search page filters on: key in the document -> label.
SEARCH_FACETS = ("kind", "theme", "law", "province")


def entry_laws(entry: Entry) -> list[str]:
    """Laws as `--law` matches them: named, inferred, and a term's own law."""
    laws = [*entry.as_list("laws"), *entry.as_list("laws_inferred")]
    if isinstance(entry.get("law"), str):
        laws.append(entry.get("law"))
    return [str(law) for law in dict.fromkeys(laws)]


def document(entry: Entry) -> dict[str, Any]:
    words = [*entry.as_list("aliases"), *entry.as_list("keywords"), *entry.as_list("place")]
    words += entry.as_list("organisations")
    return {
        "id": entry.id,
        "url": entry_href(entry.id),
        "title": entry.title,
        "summary": str(entry.get("summary", "")),
        "keywords": " ".join(str(w) for w in words),
        "body": " ".join(markdown_text(entry.body).split()),
        "kind": [entry.kind],
        "theme": [str(t) for t in entry.as_list("themes")],
        "law": entry_laws(entry),
        "province": [str(p) for p in entry.as_list("province")],
        # A term's names, so the browser knows when a query asks for the term itself.
        "names": [entry.title, *map(str, entry.as_list("aliases"))] if entry.kind == "term" else [],
    }


def facet_labels(vocab: Vocabulary) -> dict[str, dict[str, str]]:
    lists = {"theme": "themes", "law": "laws", "province": "provinces"}
    out = {"kind": dict(labels.KINDS)}
    out |= {facet: {key: v.label for key, v in vocab.values(name).items()} for facet, name in lists.items()}
    return out


def search_data(entries: Sequence[Entry], vocab: Vocabulary) -> dict[str, Any]:
    return {
        "docs": [document(e) for e in entries],
        "facets": {facet: labels.axis(facet) for facet in SEARCH_FACETS},
        "values": facet_labels(vocab),
        "labels": labels.SITE,
    }


def search_script(entries: Sequence[Entry], vocab: Vocabulary) -> str:
    data = json.dumps(search_data(entries, vocab), ensure_ascii=False, separators=(",", ":"))
    return f"window.VOORVELD_SEARCH = {data};\n"

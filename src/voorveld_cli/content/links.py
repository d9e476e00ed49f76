"""Links between entries: `[tekst](id)` in a body, and `related` read backwards."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from voorveld_cli.content.model import Entry

# A link with a scheme (https:, mailto:) leaves the knowledge base and is not ours to check.
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Terms explain words; nobody has to point at a term for it to be found (define, search).
ORPHAN_KINDS = ("initiative", "article")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def body_links(body: str, body_line: int = 1) -> Iterator[tuple[int, str]]:
    """(file line, target) of every internal link in a Markdown body, in order."""
    if "](" not in body and "]:" not in body:  # no link at all: skip the parse (~2 ms a body)
        return
    lines = body.splitlines()
    for token in _parser().parse(body):
        if token.type != "inline" or not token.children:
            continue
        start, end = token.map or (0, len(lines))
        for child in token.children:
            if child.type != "link_open":
                continue
            href = str(child.attrs.get("href", ""))
            target = href.split("#", 1)[0]
            if not target or _SCHEME.match(target):
                continue
            # Inline tokens carry no line of their own: find the line in their block.
            found = next((i for i in range(start, end) if f"]({href}" in lines[i]), start)
            yield body_line + found, target


def backlinks(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    """id -> the entries whose `related` names it, in corpus order."""
    pointing: dict[str, list[Entry]] = {}
    for entry in entries:
        for target in dict.fromkeys(str(t) for t in entry.as_list("related")):
            if target != entry.id:
                pointing.setdefault(target, []).append(entry)
    return pointing


def orphans(entries: list[Entry]) -> list[Entry]:
    """Initiatives and articles that no entry relates to."""
    pointed = backlinks(entries)
    return [e for e in entries if e.kind in ORPHAN_KINDS and e.id not in pointed]

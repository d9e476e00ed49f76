"""Snippets: the passage of a hit that shows the query's words, marked for the renderer.

Made from the hit's stored text, summary first, then the body and the details only
when the summary does not show a matched word. Each word is looked up in the
analyzer's per-word cache (what the index made of it: stem and compound parts), so a
snippet costs one regex pass and a dictionary lookup per word, over at most
MAX_ANALYSED characters per field; Whoosh's highlighter re-analysed every token of
the body (about 4,000 for ten hits). Pure Python, no Whoosh.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from voorveld_cli.render.plain import HIT_END, HIT_START

FRAGMENT = 220  # characters per fragment at most
SURROUND = 70  # context before the first marked word of a fragment
TOP = 2  # fragments per snippet
MAX_ANALYSED = 20_000  # characters of one field looked at
BETWEEN = " … "
_WORD = re.compile(r"\w+(?:['’]\w+)*")

Span = tuple[int, int, frozenset]  # start, end, the query terms the word carries


def snippet(texts: Iterable[str], wanted: set[str], terms_of: Callable[[str], tuple[str, ...]]) -> str:
    """Up to TOP fragments of the first text that shows a wanted term, '' if none does."""
    if not wanted:
        return ""
    for text in texts:
        if not text:
            continue
        spans = matches(text[:MAX_ANALYSED], wanted, terms_of)
        if spans:
            return " ".join(BETWEEN.join(_render(text, f) for f in best(spans, len(text))).split())
    return ""


def matches(text: str, wanted: set[str], terms_of) -> list[Span]:
    out = []
    for match in _WORD.finditer(text):
        found = wanted.intersection(terms_of(match.group(0)))
        if found:
            out.append((match.start(), match.end(), frozenset(found)))
    return out


def best(spans: list[Span], length: int) -> list[tuple[int, int, list[Span]]]:
    """Group the marked words into fragments of at most FRAGMENT characters; keep the
    TOP fragments with the most distinct terms (then the most marks), in text order."""
    groups: list[list[Span]] = []
    for span in spans:
        if groups and span[1] - max(0, groups[-1][0][0] - SURROUND) <= FRAGMENT:
            groups[-1].append(span)
        else:
            groups.append([span])
    ranked = sorted(
        range(len(groups)),
        key=lambda i: (-len(frozenset().union(*(s[2] for s in groups[i]))), -len(groups[i]), i),
    )
    chosen = sorted(ranked[:TOP])
    out: list[tuple[int, int, list[Span]]] = []
    for i in chosen:
        group = groups[i]
        # From the start of the text when the marks fit there (a summary reads whole).
        left = 0 if group[-1][1] <= FRAGMENT else max(0, group[0][0] - SURROUND)
        if out and left < out[-1][1]:  # never repeat the text of the fragment before
            left = out[-1][1]
        out.append((left, min(length, left + FRAGMENT), group))
    return out


def _render(text: str, fragment: tuple[int, int, list[Span]]) -> str:
    left, right, spans = fragment
    left = min(left, spans[0][0])  # a marked word stays whole
    if left > 0 and not text[left - 1].isspace():  # start at a word
        space = text.find(" ", left, spans[0][0])
        left = space + 1 if space >= 0 else spans[0][0]
    if right < len(text) and not text[right].isspace():  # end at a word
        space = text.rfind(" ", spans[-1][1], right)
        right = space if space >= 0 else spans[-1][1]
    pieces, at = [], left
    for start, end, _ in spans:
        pieces += [text[at:start], HIT_START, text[start:end], HIT_END]
        at = end
    pieces.append(text[at:right])
    return "".join(pieces).strip()

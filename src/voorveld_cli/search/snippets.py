"""Snippets: the passage of a hit that shows the query's words, marked for the renderer.

Made from the hit's stored text, summary first, then the body and the details only
when the summary does not show a matched word, over at most MAX_ANALYSED characters
per field. Whoosh's highlighter re-analysed every token of the body (about 4,000 for
ten hits, each stemmed and split in a fresh process). Here one regex pass over the
folded text finds the few words that can carry a wanted term (`_anchor`), and only
those are analysed. Pure Python, no Whoosh.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from voorveld_cli.render.plain import HIT_END, HIT_START
from voorveld_cli.search.dutch import EXCEPTIONS

FRAGMENT = 220  # characters per fragment at most
SURROUND = 70  # context before the first marked word of a fragment
TOP = 2  # fragments per snippet
MAX_ANALYSED = 20_000  # characters of one field looked at
BETWEEN = " … "
_WORD = re.compile(r"\w+(?:['’]\w+)*")

Span = tuple[int, int, frozenset]  # start, end, the query terms the word carries


def snippet(
    texts: Iterable[str],
    wanted: set[str],
    terms_of: Callable[[str], tuple[str, ...]],
    fold: Callable[[str], str] = str.lower,
) -> str:
    """Up to TOP fragments of the first text that shows a wanted term, '' if none does.
    `terms_of` gives a word's index terms, `fold` the analyzer's lowercasing and folding."""
    if not wanted:
        return ""
    for text in texts:
        if not text:
            continue
        spans = matches(text[:MAX_ANALYSED], wanted, terms_of, fold)
        if spans:
            return " ".join(BETWEEN.join(_render(text, f) for f in best(spans, len(text))).split())
    return ""


def _anchor(term: str) -> str:
    """What every written form of a word that yields `term` contains: the term's first
    three letters, each perhaps doubled, an s perhaps a z. Stemming only trims, undoubles
    and (z -> s) repairs the end of a word, and a compound part is a piece of it, so a form without this
    cannot yield the term (the irregular forms in dutch.EXCEPTIONS are added whole)."""
    letters = re.sub(r"(.)\1+", r"\1", term)[:3]
    return "".join(("[sz]" if c == "s" else re.escape(c)) + "+" for c in letters)  # huizen -> huis


@functools.lru_cache(maxsize=64)
def candidates_pattern(wanted: frozenset[str]) -> re.Pattern:
    irregular = [form for form, stem in EXCEPTIONS.items() if stem in wanted]
    return re.compile("|".join([*map(_anchor, sorted(wanted)), *map(re.escape, irregular)]))


def matches(text: str, wanted: set[str], terms_of, fold=str.lower) -> list[Span]:
    folded = fold(text)
    pattern = candidates_pattern(frozenset(wanted))
    hits = [m.start() for m in pattern.finditer(folded)] if len(folded) == len(text) else None
    if hits == []:
        return []
    out, h = [], 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        if hits is not None:
            while h < len(hits) and hits[h] < start:
                h += 1
            if h == len(hits):
                break
            if hits[h] >= end:
                continue
        found = wanted.intersection(terms_of(match.group(0)))
        if found:
            out.append((start, end, frozenset(found)))
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

"""Markdown parsed once, with markdown-it-py, into blocks of styled spans.

Every handout format draws these spans, so a link, *emphasis*, `code`, a block quote
or a list reads the same in HTML, PDF, Word and Markdown; none of them re-parses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal


@dataclass(frozen=True)
class Span:
    """A run of inline text with one style."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str = ""


Inline = list[Span]


BlockKind = Literal["p", "h3", "ul", "ol", "quote", "code"]


@dataclass
class Block:
    """A paragraph, list or quote of a handout, as styled spans."""

    kind: BlockKind
    spans: Inline = field(default_factory=list)
    items: list[Inline] = field(default_factory=list)


@dataclass
class Section:
    """A heading of an entry's body and the blocks under it."""

    heading: str
    blocks: list[Block]


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def plain(spans: Inline) -> str:
    return "".join(span.text for span in spans)


@dataclass(frozen=True)
class SpanMarks:
    """How one output form writes a span: its text (escaped or as code), then the
    emphasis and the link wrapped around it, in that order."""

    text: Callable[[str], str]
    code: Callable[[str], str]
    italic: Callable[[str], str]
    bold: Callable[[str], str]
    link: Callable[[str, str], str]

    def write(self, spans: Inline) -> str:
        out = []
        for span in spans:
            part = self.code(span.text) if span.code else self.text(span.text)
            part = self.italic(part) if span.italic else part
            part = self.bold(part) if span.bold else part
            out.append(self.link(part, span.href) if span.href else part)
        return "".join(out)


def inline(text: str) -> Inline:
    """One line of Markdown (a question, a summary, a list item) as spans."""
    tokens = _parser().parseInline(str(text))
    return _spans(tokens[0].children or []) if tokens else []


def _spans(tokens) -> Inline:
    out: Inline = []
    bold = italic = 0
    href = ""
    for token in tokens:
        kind = token.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href = str(token.attrGet("href") or "")
        elif kind == "link_close":
            href = ""
        elif kind in ("text", "html_inline"):
            out.append(Span(token.content, bool(bold), bool(italic), False, href))
        elif kind == "code_inline":
            out.append(Span(token.content, bool(bold), bool(italic), True, href))
        elif kind in ("softbreak", "hardbreak"):
            out.append(Span(" ", bool(bold), bool(italic), False, href))
        elif kind == "image":
            out.append(Span(token.content or "", bool(bold), bool(italic), False, href))
    return _merge(out)


def _merge(spans: Inline) -> Inline:
    """Neighbouring spans of one style become one, so renderers get fewer, longer runs."""
    merged: Inline = []
    for span in spans:
        last = merged[-1] if merged else None
        if last and (last.bold, last.italic, last.code, last.href) == (
            span.bold,
            span.italic,
            span.code,
            span.href,
        ):
            merged[-1] = Span(last.text + span.text, span.bold, span.italic, span.code, span.href)
        elif span.text:
            merged.append(span)
    return merged


def sections(body: str) -> list[Section]:
    """A Markdown body split into sections at '#'/'##' headings; '###' is a block heading."""
    tokens = _parser().parse(body)
    result: list[Section] = []
    current = Section("", [])
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            text = tokens[index + 1].children or []
            if token.tag in ("h1", "h2"):
                if current.heading or current.blocks:
                    result.append(current)
                current = Section(plain(_spans(text)), [])
            else:
                current.blocks.append(Block("h3", _spans(text)))
            index += 3
            continue
        index = _block(tokens, index, current.blocks)
    if current.heading or current.blocks:
        result.append(current)
    return result


def _block(tokens, index: int, blocks: list[Block]) -> int:
    """Read one block starting at tokens[index] into `blocks`; return the next index."""
    token = tokens[index]
    if token.type == "paragraph_open":
        blocks.append(Block("p", _spans(tokens[index + 1].children or [])))
        return index + 3
    if token.type in ("bullet_list_open", "ordered_list_open"):
        kind: BlockKind = "ul" if token.type == "bullet_list_open" else "ol"
        end = _closing(tokens, index)
        items = [
            _spans(t.children or [])
            for t in tokens[index:end]
            if t.type == "inline" and t.level > token.level
        ]
        blocks.append(Block(kind, items=items))
        return end + 1
    if token.type == "blockquote_open":
        end = _closing(tokens, index)
        for t in tokens[index:end]:
            if t.type == "inline":
                blocks.append(Block("quote", _spans(t.children or [])))
        return end + 1
    if token.type in ("fence", "code_block"):
        blocks.append(Block("code", [Span(token.content.rstrip("\n"), code=True)]))
    return index + 1


def _closing(tokens, index: int) -> int:
    """The index of the token that closes tokens[index] (same nesting level)."""
    opening = tokens[index]
    closing = opening.type.replace("_open", "_close")
    for position in range(index + 1, len(tokens)):
        if tokens[position].type == closing and tokens[position].level == opening.level:
            return position
    return len(tokens) - 1

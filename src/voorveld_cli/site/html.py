"""The shell every page shares, and small HTML helpers. All links are relative, so the
folder works from file:// and from any path on a web server."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from html import escape
from importlib import resources
from string import Template

from voorveld_cli.views import labels


def esc(text: object) -> str:
    return escape(str(text), quote=True)


@lru_cache(maxsize=1)
def _template() -> Template:
    return Template(resources.files(__package__).joinpath("templates/page.html").read_text("utf-8"))


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    # Raw HTML in content stays text: the corpus is Markdown, and the site carries no markup it did not make.
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def markdown(text: str) -> str:
    return _markdown().render(text)


def page(title: str, content: str, depth: int, scripts: Sequence[str] = ()) -> str:
    """A whole page. `depth` is how many folders below the site root the page lies."""
    root = "../" * depth
    tags = "\n".join(f'<script src="{root}{esc(src)}"></script>' for src in scripts)
    site = labels.SITE
    return _template().substitute(
        title=esc(title),
        root=root,
        content=content,
        scripts=tags,
        nav_label=esc(site["nav"]),
        **{key: esc(site[key]) for key in (
            "site_short", "skip", "home", "search", "by_kind", "by_theme", "by_law", "matrix",
            "compare_short", "search_label", "search_button", "footer",
        )},
    )  # fmt: skip


def link(href: str, text: str) -> str:
    return f'<a href="{esc(href)}">{esc(text)}</a>'


def value_html(value: object) -> str:
    """A fact's value: a list becomes a list, text stays text."""
    if isinstance(value, list):
        if len(value) == 1:
            return esc(value[0])
        return "<ul>" + "".join(f"<li>{esc(v)}</li>" for v in value) + "</ul>"
    return esc(value)


def facts_table(rows: Iterable[tuple[str, str]], caption: str) -> str:
    """Rows of (label, HTML value)."""
    body = "".join(f'<tr><th scope="row">{esc(label)}</th><td>{value}</td></tr>' for label, value in rows)
    return f'<table class="facts"><caption>{esc(caption)}</caption><tbody>{body}</tbody></table>'


def counted_list(items: Iterable[tuple[str, str, int]]) -> str:
    """(href, text, count) rows as a list of links with their counts."""
    rows = "".join(
        f'<li><a href="{esc(href)}">{esc(text)}</a> <span class="count">{count}</span></li>'
        for href, text, count in items
    )
    return f'<ul class="counted">{rows}</ul>'

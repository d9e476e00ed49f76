"""The pages of the site: one per entry, the index pages, the home and the search page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from voorveld_cli.content.model import Entry
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.site.groups import FACETS, HEADINGS, Group
from voorveld_cli.site.html import counted_list, esc, facts_table, link, markdown, page, value_html
from voorveld_cli.views import labels
from voorveld_cli.views.present import facts, law_profile_rows, source_lines

S = labels.SITE
# Fact fields whose values have an index page: field -> facet.
LINKED_FACTS = {"themes": "theme", "laws": "law", "laws_inferred": "law", "province": "province"}
LINKED_FACTS |= {"place": "place"}
SEARCH_SCRIPTS = (
    "assets/vendor/lunr.min.js",
    "assets/vendor/lunr.stemmer.support.min.js",
    "assets/vendor/lunr.nl.min.js",
    "assets/search-data.js",
    "assets/search.js",
)


def entry_href(entry_id: str) -> str:
    return f"items/{entry_id}.html"


@dataclass
class SiteContext:
    """What every page may link to: the entries on the site, the groups, the handouts."""

    entries: Sequence[Entry]
    vocab: Vocabulary
    groups: dict[str, list[Group]]
    handouts: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> edition -> href
    backlinks: dict[str, list[Entry]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ids = {entry.id: entry for entry in self.entries}
        self.group_href = {(g.facet, g.key): g.href for gs in self.groups.values() for g in gs}
        for entry in self.entries:
            for target in dict.fromkeys(entry.as_list("related")):
                self.backlinks.setdefault(str(target), []).append(entry)


def entry_link(ctx: SiteContext, entry_id: str, root: str) -> str:
    """A link to an entry on the site; an entry the selection left out is named, not linked."""
    found = ctx.ids.get(entry_id)
    if found is None:
        return f'{esc(entry_id)} <span class="muted">({esc(S["not_in_site"])})</span>'
    return (
        link(root + entry_href(found.id), found.title)
        + f' <span class="kind">{esc(labels.kind(found.kind))}</span>'
    )


def _fact_rows(entry: Entry, ctx: SiteContext, root: str) -> list[tuple[str, str]]:
    rows = []
    for label, value in facts(entry, ctx.vocab):
        if value in ("", [], None) or label == labels.field("related"):
            continue
        name = next((n for n in LINKED_FACTS if labels.field(n) == label), None)
        if name:
            keys = entry.as_list(name)
            shown = value if isinstance(value, list) else [value]
            parts = []
            for key, text in zip(keys, shown, strict=False):
                href = ctx.group_href.get((LINKED_FACTS[name], str(key)))
                parts.append(link(root + href, str(text)) if href else esc(text))
            rows.append((label, ", ".join(parts)))
        else:
            rows.append((label, value_html(value)))
    return rows


def entry_page(entry: Entry, ctx: SiteContext) -> str:
    root = "../"
    kind_group = ctx.group_href.get(("kind", entry.kind))
    kicker = link(root + kind_group, labels.kind(entry.kind)) if kind_group else esc(labels.kind(entry.kind))
    if entry.get("as_of"):
        kicker += f' · <span class="asof">{esc(S["as_of"])} {esc(entry.get("as_of"))}</span>'
    parts = [f'<p class="kicker">{kicker}</p>', f"<h1>{esc(entry.title)}</h1>"]
    if entry.get("summary"):
        parts.append(f'<p class="lead">{esc(entry.get("summary"))}</p>')
    rows = _fact_rows(entry, ctx, root)
    if rows:
        parts.append(facts_table(rows, S["facts"]))
    profile = [(label, value_html(value)) for label, value in law_profile_rows(entry)]
    if profile:
        parts.append(f"<h2>{esc(S['law_profile'])}</h2>" + facts_table(profile, S["law_profile"]))
    parts.append(f'<div class="body">{markdown(entry.body)}</div>')
    parts += _questions(entry) + _handouts(entry, ctx, root) + _sources(entry, ctx)
    parts += _links(S["related"], [str(t) for t in entry.as_list("related")], ctx, root)
    parts += _links(S["backlinks"], [e.id for e in ctx.backlinks.get(entry.id, [])], ctx, root)
    return page(entry.title, f'<article class="entry">{"".join(parts)}</article>', depth=1)


def _questions(entry: Entry) -> list[str]:
    questions = [q for q in entry.as_list("questions") if isinstance(q, dict)]
    if not questions:
        return []
    items = "".join(f"<li>{esc(q.get('text', ''))}</li>" for q in questions)
    return [f"<h2>{esc(S['questions'])}</h2><ol>{items}</ol>"]


def _handouts(entry: Entry, ctx: SiteContext, root: str) -> list[str]:
    found = ctx.handouts.get(entry.id)
    if not found:
        return []
    items = "".join(
        f'<li><a href="{esc(root + href)}">{esc(S["handout_" + ed])}</a></li>' for ed, href in found.items()
    )
    return [f'<h2>{esc(S["handouts"])}</h2><ul class="handouts">{items}</ul>']


def _sources(entry: Entry, ctx: SiteContext) -> list[str]:
    lines = source_lines(entry, ctx.vocab)
    if not lines:
        return []
    return [
        f"<h2>{esc(S['sources'])}</h2><ul class='sources'>"
        + "".join(f"<li>{esc(s)}</li>" for s in lines)
        + "</ul>"
    ]


def _links(heading: str, ids: list[str], ctx: SiteContext, root: str) -> list[str]:
    if not ids:
        return []
    items = "".join(f"<li>{entry_link(ctx, i, root)}</li>" for i in dict.fromkeys(ids))
    return [f"<h2>{esc(heading)}</h2><ul class='links'>{items}</ul>"]


def entry_list(entries: Sequence[Entry], root: str) -> str:
    rows = "".join(
        f'<li><a href="{esc(root + entry_href(e.id))}">{esc(e.title)}</a> '
        f'<span class="kind">{esc(labels.kind(e.kind))}</span>'
        + (f'<br><span class="summary">{esc(e.get("summary"))}</span>' if e.get("summary") else "")
        + "</li>"
        for e in entries
    )
    return f'<ul class="entries">{rows}</ul>'


def group_page(group: Group) -> str:
    facet_word = labels.axis(group.facet)
    title = f"{facet_word[0].upper()}{facet_word[1:]}: {group.label}"
    count = labels.plural(len(group.entries), "item")
    back = link("index.html", S[HEADINGS[group.facet]])
    content = (
        f'<p class="kicker">{back}</p><h1>{esc(title)}</h1>'
        f'<p class="count-line" data-count="{len(group.entries)}" data-key="{esc(group.key)}">'
        f"{esc(count)}</p>" + entry_list(group.entries, "../")
    )
    return page(title, content, depth=1)


def facet_overview(facet: str, groups: Sequence[Group]) -> str:
    title = S[HEADINGS[facet]]
    items = [(f"{g.slug}.html", g.label, len(g.entries)) for g in groups]
    return page(title, f"<h1>{esc(title)}</h1>" + counted_list(items), depth=1)


def home_page(ctx: SiteContext) -> str:
    kinds = [(g.href, g.label, len(g.entries)) for g in ctx.groups["kind"]]
    overviews = [(f"{FACETS[f][0]}/index.html", S[HEADINGS[f]], len(ctx.groups[f])) for f in FACETS]
    content = (
        f"<h1>{esc(S['site_title'])}</h1><p class='lead'>{esc(S['tagline'])}</p>"
        f"<p>{esc(labels.plural(len(ctx.entries), 'item'))}.</p>"
        f"<h2>{esc(S['all_entries'])}</h2>{counted_list(kinds)}"
        f"<h2>{esc(S['overviews'])}</h2>{counted_list(overviews)}"
        f"<ul class='links'><li>{link('matrix.html', S['matrix'])}</li>"
        f"<li>{link('vergelijking.html', S['compare'])}</li><li>{link('zoeken.html', S['search'])}</li></ul>"
    )
    return page(S["site_title"], content, depth=0)


def search_page() -> str:
    content = f"""<h1>{esc(S["search"])}</h1>
<form id="zoekform" role="search" action="zoeken.html" method="get">
<label for="q">{esc(S["search_label"])}</label>
<div class="searchbar"><input id="q" name="q" type="search" autocomplete="off">
<button type="submit">{esc(S["search_button"])}</button></div>
<p class="hint">{esc(S["search_hint"])}</p>
<noscript><p>{esc(S["search_needs_js"])}</p></noscript>
<div class="search-layout">
<div id="facetten" class="facets" aria-label="{esc(S["filters"])}"></div>
<div><p id="status" role="status" aria-live="polite"></p><ol id="resultaten" class="results"></ol></div>
</div>
</form>"""
    return page(S["search"], content, depth=0, scripts=SEARCH_SCRIPTS)

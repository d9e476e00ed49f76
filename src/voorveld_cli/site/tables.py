"""The law matrix and the Wmo 2015 x Participatiewet comparison, from views/tables.py."""

from __future__ import annotations

from voorveld_cli.site.html import esc, link, page, value_html
from voorveld_cli.site.pages import SiteContext, entry_href
from voorveld_cli.views import labels, tables

S = labels.SITE
COMPARED = ("wmo-2015", "participatiewet")  # glossary ids of the two laws


def _matrix_table(m: tables.Matrix, caption: str, row_href) -> str:
    head = "".join(f'<th scope="col">{esc(m.column_labels[c])}</th>' for c in m.columns)
    rows = []
    for row in m.rows:
        href = row_href(row)
        name = link(href, m.row_labels[row]) if href else esc(m.row_labels[row])
        cells = "".join(f"<td>{esc(tables.cell_text(m, row, c))}</td>" for c in m.columns)
        rows.append(f'<tr><th scope="row">{name}</th>{cells}<td>{m.row_total(row)}</td></tr>')
    totals = "".join(f"<td>{esc(tables.total_text(m.column_total(c), m.col_axis))}</td>" for c in m.columns)
    foot = f'<tr><th scope="row">{esc(labels.column("total"))}</th>{totals}<td></td></tr>'
    return (
        f'<div class="scroll" tabindex="0"><table class="matrix"><caption>{esc(caption)}</caption>'
        f'<thead><tr><th scope="col">{esc(labels.axis(m.row_axis))}</th>{head}'
        f'<th scope="col">{esc(labels.column("total"))}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody><tfoot>{foot}</tfoot></table></div>"
    )


def matrix_page(ctx: SiteContext) -> str:
    initiatives = [e for e in ctx.entries if e.kind == "initiative"]
    by_entry = tables.matrix(initiatives, "entry", "law", ctx.vocab)
    by_theme = tables.matrix(initiatives, "theme", "law", ctx.vocab)
    content = (
        f"<h1>{esc(S['matrix'])}</h1><p>{esc(S['matrix_intro'])}</p>"
        + _matrix_table(by_entry, S["matrix"], lambda r: entry_href(r) if r in ctx.ids else None)
        + f"<h2>{esc(S['matrix_themes'])}</h2>"
        + _matrix_table(by_theme, S["matrix_themes"], lambda r: ctx.group_href.get(("theme", r)))
    )
    return page(S["matrix"], content, depth=0)


def compare_page(ctx: SiteContext) -> str:
    laws = [ctx.ids[i] for i in COMPARED if i in ctx.ids]
    parts = [f"<h1>{esc(S['compare'])}</h1><p>{esc(S['compare_intro'])}</p>"]
    if len(laws) == 2:
        found = tables.compare(laws, tables.default_compare_fields(laws), ctx.vocab)
        head = "".join(f'<th scope="col">{link(entry_href(e.id), e.title)}</th>' for e in laws)
        rows = "".join(
            f'<tr><th scope="row">{esc(row["label"])}</th>'
            + "".join(f"<td>{value_html(v) if v else ''}</td>" for v in row["values"])
            + "</tr>"
            for row in found.rows
            if any(row["values"])
        )
        parts.append(
            f'<div class="scroll" tabindex="0"><table class="compare"><caption>{esc(S["compare"])}</caption>'
            f'<thead><tr><th scope="col">{esc(labels.column("value"))}</th>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>"
        )
    practice = []
    for law in ("Wmo 2015", "Participatiewet"):
        group = next((g for g in ctx.groups["law"] if g.key == law), None)
        if group:
            practice.append(
                f"<li>{link(group.href, group.label)} <span class='count'>{len(group.entries)}</span></li>"
            )
    if practice:
        parts.append(f"<h2>{esc(S['compare_practice'])}</h2><ul class='counted'>{''.join(practice)}</ul>")
    return page(S["compare"], "".join(parts), depth=0)

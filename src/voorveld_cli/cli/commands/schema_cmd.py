"""voorveld schema: the front matter schema as JSON Schema or as a Markdown reference."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from voorveld_cli.cli.options import ContentDir
from voorveld_cli.cli.output import fail, load_corpus, write


class SchemaFormat(str, Enum):
    json = "json"
    md = "md"


def run(
    kind: Annotated[
        str | None, typer.Option("--kind", help="Alleen het schema van deze soort.", show_default=False)
    ] = None,
    fmt: Annotated[
        SchemaFormat, typer.Option("--format", help="json (JSON Schema) of md (veldenoverzicht).")
    ] = SchemaFormat.json,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Schrijf <soort>.schema.json in deze map (voor editors).", show_default=False
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overschrijf bestaande schemabestanden.")] = False,
    content_dir: ContentDir = None,
) -> None:
    """Toon het schema van de front matter, gegenereerd uit de ene schemadefinitie.

    Met --format json een JSON Schema per soort (voor validatie in de editor), met
    --format md het veldenoverzicht dat ook in CONTRIBUTING.md staat.
    """
    from voorveld_cli.authoring.schema_export import field_reference, json_schema
    from voorveld_cli.content import schema
    from voorveld_cli.content.filters import FilterError, resolve_kind
    from voorveld_cli.render.plain import to_json

    corpus = load_corpus(content_dir)
    try:
        kinds = [resolve_kind(kind)] if kind else list(schema.KINDS)
    except FilterError as err:
        fail(str(err), 2)
    if fmt is SchemaFormat.md:
        write(field_reference(corpus.vocab))
        return
    schemas = {k: json_schema(k, corpus.vocab) for k in kinds}
    if out is None:
        write(to_json(schemas[kinds[0]] if kind else schemas))
        return
    targets = _targets(out, list(schemas), corpus.root, force)
    for name, target in targets.items():
        try:
            target.write_text(to_json(schemas[name]) + "\n", encoding="utf-8")
        except OSError as err:
            fail(f"Kan {target} niet schrijven: {err.strerror}")
        typer.echo(str(target))


def _targets(out: Path, kinds: list[str], content_root: Path, force: bool) -> dict[str, Path]:
    """The files --out will write, checked before any is written: outside the content
    tree, in a folder that exists or can be made, none overwritten without --force."""
    folder = out.expanduser()
    if folder.resolve().is_relative_to(content_root.resolve()):
        fail(f"{out} ligt in de content-map; voorveld schrijft daar alleen met 'voorveld new'.", 2)
    if folder.exists() and not folder.is_dir():
        fail(f"{out} is geen map; --out verwacht een map.", 2)
    targets = {kind: folder / f"{kind}.schema.json" for kind in kinds}
    existing = [str(t) for t in targets.values() if t.exists()]
    if existing and not force:
        fail(f"{', '.join(existing)} bestaat al; gebruik --force om te overschrijven.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        fail(f"Kan de map {out} niet maken: {err.strerror}", 2)
    return targets

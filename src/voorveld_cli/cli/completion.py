"""Shell completion: ids, themes, laws, provinces, places and sources from the corpus.

No `from __future__ import annotations` here: Typer recognises the Context
parameter of a completion function by its annotation object.
"""

import typer


def _corpus(ctx: typer.Context):
    from voorveld_cli.content.corpus import load
    from voorveld_cli.settings import ContentNotFound, find_content_root

    try:
        root = find_content_root(ctx.params.get("content_dir"))
    except ContentNotFound:
        return None
    return load(root, cached=True)


def _starting(values, incomplete: str) -> list[str]:
    from voorveld_cli.textnorm import fold

    wanted = fold(incomplete)
    return sorted({str(v) for v in values if fold(str(v)).startswith(wanted)})


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    corpus = _corpus(ctx)
    return _starting((e.id for e in corpus.entries), incomplete) if corpus else []


def complete_terms(ctx: typer.Context, incomplete: str) -> list[str]:
    corpus = _corpus(ctx)
    return _starting((e.id for e in corpus.entries if e.kind == "term"), incomplete) if corpus else []


def _vocab_completer(name: str):
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        corpus = _corpus(ctx)
        return _starting(corpus.vocab.values(name), incomplete) if corpus else []

    return complete


complete_themes = _vocab_completer("themes")
complete_laws = _vocab_completer("laws")
complete_provinces = _vocab_completer("provinces")
complete_sources = _vocab_completer("sources")


def complete_places(ctx: typer.Context, incomplete: str) -> list[str]:
    corpus = _corpus(ctx)
    if corpus is None:
        return []
    return _starting((p for e in corpus.entries for p in e.as_list("place")), incomplete)


def complete_kinds(incomplete: str) -> list[str]:
    from voorveld_cli.content import schema

    return _starting(schema.KINDS, incomplete)

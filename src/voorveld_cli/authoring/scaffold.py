"""New content files from the declared schema: every field, each with its hint.

A fresh file passes `voorveld check`; its TODO placeholders are warnings until
they are filled in (so `check --strict` keeps a half-written file out of main).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from voorveld_cli.content import schema
from voorveld_cli.content.corpus import Corpus
from voorveld_cli.content.validate import choose_from
from voorveld_cli.textnorm import slugify

BODIES = {
    "initiative": "## Wat het is\n\nTODO\n\n## Hoe het werkt\n\nTODO\n\n## Wat werkt\n\nTODO\n",
    "case": "## Het verhaal\n\nTODO: inleiding, middenstuk en slot in eigen woorden.\n\n"
    "## Het dilemma\n\nTODO\n",
    "term": "TODO: uitleg, hoe de bronnen het begrip gebruiken, waar ze verschillen.\n",
    "article": "## Wat het zegt\n\nTODO\n\n## Genoemde voorbeelden\n\nTODO\n",
}


class ScaffoldError(ValueError):
    pass


def _dump(key: str, value) -> str:
    """One key in the style people write by hand: scalars and short lists inline,
    lists of items as blocks."""
    if value is None:
        return f"{key}:"
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        block = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000)
        return f"{key}:\n" + "\n".join(f"  {line}" for line in block.rstrip("\n").splitlines())
    flow = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1000)
    return f"{key}: {flow.rstrip().removesuffix('...').rstrip()}"


def _initial(field: schema.Field, title: str, corpus: Corpus):
    """The value a new file starts with: the title, the next case number, else the type's own."""
    if field.name == "title":
        return title
    if field.name == "number":
        numbers = [e.get("number") for e in corpus.entries if e.kind == "case"]
        return max([n for n in numbers if isinstance(n, int)], default=0) + 1
    return field.type.initial(field.required, field.hint, field.vocab)


def render(kind: str, title: str, corpus: Corpus) -> str:
    """The text of a new file of this kind."""
    lines = ["---"]
    for field in schema.fields_for(kind):
        hint = field.hint
        if field.vocab:
            hint += choose_from(corpus.vocab, field.vocab)
        elif field.name == "sources":
            hint += f" Bron-ids: {', '.join(corpus.vocab.sources)}."
        lines.append(f"# {hint}")
        lines.append(_dump(field.name, _initial(field, title, corpus)))
    lines += ["---", "", BODIES[kind]]
    return "\n".join(lines)


def target_path(root: Path, kind: str, entry_id: str) -> Path:
    """Where a new entry goes; refuses ids that would land anywhere else."""
    folder = (root / schema.FOLDERS[kind]).resolve()
    path = (folder / f"{entry_id}.md").resolve()
    if path.parent != folder:
        raise ScaffoldError(f"'{entry_id}' zou buiten {folder} terechtkomen.")
    return path


def new_id(title: str) -> str:
    entry_id = slugify(title)
    if not entry_id:
        raise ScaffoldError(f"Van de titel '{title}' valt geen id te maken; geef --id op.")
    return entry_id

"""New content files from the declared schema: every field, each with its hint.

A fresh file passes `voorveld check`; its TODO placeholders are warnings until
they are filled in (so `check --strict` keeps a half-written file out of main).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from voorveld_cli.content import schema
from voorveld_cli.content.corpus import Corpus
from voorveld_cli.content.model import Entry
from voorveld_cli.content.validate import choose_from
from voorveld_cli.textnorm import slugify

BODIES = {
    "initiative": "## Wat het is\n\nTODO\n\n## Hoe het werkt\n\nTODO\n\n## Wat werkt\n\nTODO\n",
    "case": "## Het verhaal\n\nTODO: inleiding, middenstuk en slot in eigen woorden.\n\n"
    "## Het dilemma\n\nTODO\n",
    "term": "TODO: uitleg, hoe de bronnen het begrip gebruiken, waar ze verschillen.\n",
    "article": "## Wat het zegt\n\nTODO\n\n## Genoemde voorbeelden\n\nTODO\n",
}


# Fields `new --from` does not copy: they state facts about that one entry (its
# summary, figures, questions, definition), and a copied fact would pass check while
# being wrong for the new entry. What it shares (place, themes, laws, sources, ...) is copied.
NOT_COPIED = frozenset(
    "title summary as_of number questions literature figures novelty working_elements started "
    "findings people definition aliases law law_profile".split()
)
# A case file is named after its number in the bundle: casus-07-titel.md.
CASE_FILE = re.compile(r"^casus-(\d+)-")


class ScaffoldError(ValueError):
    pass


def _dump(key: str, value) -> str:
    """One key in the style people write by hand: scalars and short lists inline,
    lists of items as blocks."""
    if value is None:
        return f"{key}:"
    if isinstance(value, dict) and value:
        block = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100)
        return f"{key}:\n" + "\n".join(f"  {line}" for line in block.rstrip("\n").splitlines())
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        block = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000)
        return f"{key}:\n" + "\n".join(f"  {line}" for line in block.rstrip("\n").splitlines())
    flow = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1000)
    return f"{key}: {flow.rstrip().removesuffix('...').rstrip()}"


def next_case_number(corpus: Corpus) -> int:
    """One past the highest case number, in front matter or in a file name."""
    numbers = [e.get("number") for e in corpus.entries + corpus.drafts if e.kind == "case"]
    folder = corpus.root / schema.FOLDERS["case"]
    named = [CASE_FILE.match(path.name) for path in folder.glob("*.md")] if folder.is_dir() else []
    numbers += [int(match.group(1)) for match in named if match]
    return max([n for n in numbers if isinstance(n, int)], default=0) + 1


def _initial(field: schema.Field, title: str, corpus: Corpus, base: Entry | None = None):
    """The value a new file starts with: the title, the next case number, the base entry's
    value (`new --from`), else the type's own."""
    if field.name == "title":
        return title
    if field.name == "number":
        return next_case_number(corpus)
    if base is not None and field.name not in NOT_COPIED and base.get(field.name) not in (None, "", []):
        return base.get(field.name)
    return field.type.initial(field.required, field.hint, field.vocab)


def render(kind: str, title: str, corpus: Corpus, base: Entry | None = None) -> str:
    """The text of a new file of this kind; with `base`, its shared fields filled in
    from that entry (`new --from ID`), the rest and the body still to write."""
    lines = ["---"]
    for field in schema.fields_for(kind):
        hint = field.hint
        if field.vocab:
            hint += choose_from(corpus.vocab, field.vocab)
        elif field.name == "sources":
            hint += f" Bron-ids: {', '.join(corpus.vocab.sources)}."
        lines.append(f"# {hint}")
        lines.append(_dump(field.name, _initial(field, title, corpus, base)))
    lines += ["---", "", BODIES[kind]]
    return "\n".join(lines)


def target_path(root: Path, kind: str, entry_id: str) -> Path:
    """Where a new entry goes; refuses ids that would land anywhere else, and never
    writes through a symbolic link (the folder's or the file's)."""
    folder = root.resolve() / schema.FOLDERS[kind]
    path = folder / f"{entry_id}.md"
    for link in (folder, path):
        if link.is_symlink():
            raise ScaffoldError(f"{link} is een symbolische link; voorveld new schrijft daar niet doorheen.")
    if path.resolve().parent != folder.resolve() or len(path.name.encode()) > MAX_NAME:
        raise ScaffoldError(f"'{entry_id}' zou buiten {folder} terechtkomen.")
    return path


MAX_ID = 80  # characters of an id made from a title: a readable file name on every system
MAX_NAME = 255  # bytes of a file name (NAME_MAX)


def new_id(title: str, kind: str = "", corpus: Corpus | None = None) -> str:
    """The id from the title, a long title cut at a word boundary; a case also gets its
    number, as the bundle's cases have: 'casus-17-op-zoek-naar-...'."""
    entry_id = slugify(title)
    if len(entry_id) > MAX_ID:
        cut = entry_id[: MAX_ID + 1]
        entry_id = (cut.rsplit("-", 1)[0] if "-" in cut else cut[:MAX_ID]).strip("-")
    if not entry_id:
        raise ScaffoldError(f"Van de titel '{title}' valt geen id te maken; geef --id op.")
    if kind == "case" and corpus is not None:
        entry_id = f"casus-{next_case_number(corpus):02d}-{entry_id}"
    return entry_id

"""corpus.yml: the floors under the corpus, so that nothing disappears silently.

A floor is a minimum: entries per kind, per source, per kind and source, the
verdiepingsvragen of each case, and ids that must exist. Below a floor is an
error naming what is short; above is fine, so a contributor who adds a valid
entry edits nothing but the new file. The file is optional (a test corpus or
another repository's content may have none).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from voorveld_cli.content import schema
from voorveld_cli.content.model import ERROR, Entry, Problem, line_of_key
from voorveld_cli.content.parse import load_yaml
from voorveld_cli.settings import display_path
from voorveld_cli.views.labels import KIND_PLURALS, did_you_mean

FILE = "corpus.yml"
SECTIONS = ("kinds", "sources", "kind_sources", "questions", "required")


class _Floors:
    def __init__(self, shown: str, lines: dict[str, int], sources: list[str]):
        self.shown = shown
        self.lines = lines
        self.sources = sources
        self.problems: list[Problem] = []

    def add(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.shown, line_of_key(self.lines, key), key, message, ERROR))

    def minimum(self, key: str, value: Any) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        self.add(key, "verwacht een heel getal (0 of meer)")
        return None

    def table(self, key: str, value: Any) -> dict:
        if isinstance(value, dict):
            return value
        self.add(key, "verwacht een tabel (sleutel: getal)")
        return {}

    def known(self, key: str, name: Any, choices, what: str) -> bool:
        if name in choices:
            return True
        self.add(key, f"onbekende {what} '{name}'.{did_you_mean(str(name), choices)}")
        return False

    def short(self, key: str, found: int, floor: int, what: str) -> None:
        if found < floor:
            self.add(key, f"{what}: {found} gevonden, minimaal {floor} ({floor - found} te weinig)")


def problems(root: Path, entries: list[Entry], sources: list[str]) -> list[Problem]:
    """Every floor of corpus.yml the entries fall below, and every mistake in the file."""
    path = root / FILE
    if not path.is_file():
        return []
    shown = display_path(path)
    data, lines, found = load_yaml(path.read_text(encoding="utf-8"), shown, what=FILE)
    if data is None:
        return found
    floors = _Floors(shown, lines, sources)
    floors.problems.extend(found)
    if not isinstance(data, dict):
        floors.add("", f"verwacht de onderdelen {', '.join(SECTIONS)}")
        return floors.problems
    for key in data.keys() - set(SECTIONS):
        floors.add(str(key), f"onbekend onderdeel.{did_you_mean(str(key), SECTIONS)}")
    _counts(floors, data, entries)
    _questions(floors, data.get("questions"), entries)
    _required(floors, data.get("required"), entries)
    return floors.problems


def _counts(floors: _Floors, data: dict, entries: list[Entry]) -> None:
    kinds = Counter(entry.kind for entry in entries)
    cited = Counter(s for entry in entries for s in entry.source_ids())
    pairs = Counter((entry.kind, s) for entry in entries for s in entry.source_ids())
    for kind, value in floors.table("kinds", data.get("kinds", {})).items():
        key = f"kinds.{kind}"
        floor = floors.minimum(key, value)
        if floors.known(key, kind, schema.KINDS, "soort") and floor is not None:
            floors.short(key, kinds[kind], floor, KIND_PLURALS[kind])
    for source, value in floors.table("sources", data.get("sources", {})).items():
        key = f"sources.{source}"
        floor = floors.minimum(key, value)
        if floors.known(key, source, floors.sources, "bron") and floor is not None:
            floors.short(key, cited[source], floor, f"items die bron '{source}' noemen")
    for kind, table in floors.table("kind_sources", data.get("kind_sources", {})).items():
        if not floors.known(f"kind_sources.{kind}", kind, schema.KINDS, "soort"):
            continue
        for source, value in floors.table(f"kind_sources.{kind}", table).items():
            key = f"kind_sources.{kind}.{source}"
            floor = floors.minimum(key, value)
            if floors.known(key, source, floors.sources, "bron") and floor is not None:
                what = f"{KIND_PLURALS[kind]} uit bron '{source}'"
                floors.short(key, pairs[(kind, source)], floor, what)


def _questions(floors: _Floors, table: Any, entries: list[Entry]) -> None:
    if table is None:
        return
    cases = {entry.get("number"): entry for entry in entries if entry.kind == "case"}
    for number, value in floors.table("questions", table).items():
        key = f"questions.{number}"
        floor = floors.minimum(key, value)
        if floor is None:
            continue
        # YAML keys come back as text; the case numbers in front matter are integers.
        case = cases.get(int(number)) if str(number).isdigit() else None
        if case is None:
            floors.add(key, f"casus {number} ontbreekt (geen casus met number: {number})")
            continue
        asked = len([q for q in case.as_list("questions") if isinstance(q, dict)])
        floors.short(key, asked, floor, f"verdiepingsvragen in casus {number} ({case.id})")


def _required(floors: _Floors, names: Any, entries: list[Entry]) -> None:
    if names is None:
        return
    if not isinstance(names, list):
        floors.add("required", "verwacht een lijst van ids")
        return
    ids = {entry.id for entry in entries}
    for index, name in enumerate(names):
        if str(name) not in ids:
            hint = did_you_mean(str(name), ids)
            floors.add(f"required[{index}]", f"'{name}' ontbreekt in de kennisbank (verplicht).{hint}")

"""The controlled values (vocabulary.yml) and the source documents (sources.yml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from voorveld_cli.textnorm import fold, suggest

if TYPE_CHECKING:
    from voorveld_cli.content.model import Problem

VOCABULARY_FILE = "vocabulary.yml"
SOURCES_FILE = "sources.yml"
PLACES_FILE = "places.yml"  # optional: former municipalities and villages -> today's municipality
LISTS = ("themes", "laws", "provinces", "case_parts", "learning_styles", "genres")


@dataclass(frozen=True)
class Value:
    """One allowed value: its key as written in front matter, a label, aliases."""

    key: str
    label: str
    aliases: tuple[str, ...] = ()
    term: str | None = None
    number: int | None = None
    # Where `term:` stands in vocabulary.yml, for check's messages; not kept in snapshots.
    term_line: int = field(default=0, compare=False)


@dataclass
class Vocabulary:
    """The closed lists (themes, laws, ...) and the sources, with a lookup from name or alias to key."""

    lists: dict[str, dict[str, Value]] = field(default_factory=dict)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    # folded name or alias -> key, per list
    _lookup: dict[str, dict[str, str]] = field(default_factory=dict)
    places: Places = field(default_factory=lambda: Places())

    def values(self, name: str) -> dict[str, Value]:
        if name == "sources":
            return {
                key: Value(key, str(src.get("title", key)), tuple(str(a) for a in src.get("aliases") or ()))
                for key, src in self.sources.items()
            }
        return self.lists.get(name, {})

    def resolve(self, name: str, text: str) -> str | None:
        """The canonical key for a key, label or alias (any case or accents), else None.

        Sources too: an id, a title or an alias from sources.yml."""
        if not self._lookup:  # made on first use: a plain search resolves nothing
            self._index()
        return self._lookup.get(name, {}).get(fold(text))

    def names(self, name: str) -> list[str]:
        """Every spelling people may use: keys, labels and aliases (for suggestions)."""
        out: list[str] = []
        for value in self.values(name).values():
            out.extend([value.key, value.label, *value.aliases])
        return out

    def suggest_keys(self, name: str, text: str) -> list[str]:
        """Keys whose key, label or alias is close to `text` (for "bedoelde u")."""
        close = suggest(text, self.names(name), n=5, cutoff=0.75)
        keys = [self.resolve(name, c) for c in close]
        return list(dict.fromkeys(k for k in keys if k))[:3]

    def label(self, name: str, key: str) -> str:
        value = self.values(name).get(key)
        return value.label if value else key

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe snapshot, so a search can skip YAML when nothing changed."""
        lists = {
            name: [[v.key, v.label, list(v.aliases), v.term, v.number] for v in values.values()]
            for name, values in self.lists.items()
        }
        return {"lists": lists, "sources": self.sources, "places": self.places.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Vocabulary:
        vocab = cls(sources=data["sources"], places=Places.from_dict(data.get("places") or {}))
        for name, rows in data["lists"].items():
            vocab.lists[name] = {row[0]: Value(row[0], row[1], tuple(row[2]), row[3], row[4]) for row in rows}
        return vocab

    def _index(self) -> None:
        self._lookup = {}
        for name in [*self.lists, "sources"]:
            table: dict[str, str] = {}
            for value in self.values(name).values():
                for spelling in (value.key, value.label, *value.aliases):
                    table.setdefault(fold(spelling), value.key)
            self._lookup[name] = table


def load(root: Path, display: str = "") -> tuple[Vocabulary, list[Problem]]:
    """Read vocabulary.yml, sources.yml and places.yml from a content root.

    The same bytes give the same vocabulary, so a process that reads a content root
    again (the site build, a library caller, the tests) parses them once: about 4 ms
    of YAML a time. A file that cannot be read now is never remembered."""
    raws = tuple(_read_bytes(root / name) for name in (VOCABULARY_FILE, SOURCES_FILE, PLACES_FILE))
    if any(isinstance(raw, OSError) for raw in raws):
        vocab, problems = _parse(raws, display)
    else:
        vocab, problems = _remembered(raws, display)
    return vocab, list(problems)  # the caller's own list: corpus.load adds to it


def _read_bytes(path: Path) -> bytes | OSError | None:
    """The file's bytes; None when it is not there, the error when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        return err


def _parse(raws: tuple, display: str) -> tuple[Vocabulary, list[Problem]]:
    """The vocabulary from the three files' bytes (as _read_bytes gives them). Nobody
    changes a loaded Vocabulary, so one remembered copy can serve every caller."""
    from voorveld_cli.content.model import Problem

    vocab = Vocabulary()
    problems: list[Problem] = []
    prefix = f"{display}/" if display else ""
    vocabulary_raw, sources_raw, places_raw = raws

    data, lines, found = _read_yaml(vocabulary_raw, prefix + VOCABULARY_FILE)
    problems.extend(found)
    if isinstance(data, dict):
        for name in LISTS:
            raw = data.get(name)
            if raw is None:
                problems.append(Problem(prefix + VOCABULARY_FILE, 1, name, "lijst ontbreekt"))
                continue
            vocab.lists[name] = _values(raw, name, lines, prefix + VOCABULARY_FILE, problems)
    elif data is not None:
        problems.append(
            Problem(
                prefix + VOCABULARY_FILE, 1, "vocabulary", "verwacht lijsten per naam (themes:, laws:, ...)"
            )
        )

    data, lines, found = _read_yaml(sources_raw, prefix + SOURCES_FILE)
    problems.extend(found)
    if isinstance(data, list):
        for index, item in enumerate(data):
            line = lines.get(f"[{index}]", 1)
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                problems.append(Problem(prefix + SOURCES_FILE, line, "id", "elke bron heeft een id"))
                continue
            if not isinstance(item.get("title"), str):
                problems.append(Problem(prefix + SOURCES_FILE, line, "title", "elke bron heeft een titel"))
            if item["id"] in vocab.sources:
                problems.append(Problem(prefix + SOURCES_FILE, line, "id", f"dubbele bron-id '{item['id']}'"))
            vocab.sources[item["id"]] = item
    elif data is not None:
        problems.append(Problem(prefix + SOURCES_FILE, 1, "sources", "verwacht een lijst van bronnen"))

    if places_raw is not None:  # optional
        data, lines, found = _read_yaml(places_raw, prefix + PLACES_FILE)
        problems.extend(found)
        vocab.places = _places(data, lines, prefix + PLACES_FILE, problems)
    vocab._index()
    return vocab, problems


_remembered = lru_cache(maxsize=8)(_parse)


@dataclass
class Places:
    """Today's municipality for a former municipality or a village (places.yml).

    The sources name places as they were (Vianen, Giessenlanden); people also type today's
    name (Vijfheerenlanden). Names are kept folded, municipalities as written.
    """

    # folded former municipality or village -> today's municipality as written
    current: dict[str, str] = field(default_factory=dict)
    # folded municipality -> its former municipalities and villages (folded)
    members: dict[str, set[str]] = field(default_factory=dict)
    # folded former name -> the year it merged
    until: dict[str, int] = field(default_factory=dict)

    def add(self, municipality: str, name: str, until: int | None = None) -> None:
        key, folded = fold(municipality), fold(name)
        if folded != key:
            self.current.setdefault(folded, municipality)
            self.members.setdefault(key, set()).add(folded)
        if until:
            self.until[folded] = until

    def matching(self, text: str) -> set[str]:
        """Folded names that `--place text` finds: the name itself and, for today's
        municipality, every former municipality and village within it."""
        folded = fold(text)
        return {folded, *self.members.get(folded, ())}

    def today(self, name: str) -> str | None:
        """Today's municipality for a former name or a village, else None."""
        return self.current.get(fold(name))

    def to_dict(self) -> dict[str, Any]:
        rows = [[name, town, self.until.get(name)] for name, town in self.current.items()]
        return {"rows": rows}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Places:
        places = cls()
        for name, town, until in data.get("rows", []):
            places.add(town, name, until)
        return places


def _places(data: Any, lines: dict[str, int], shown: str, problems: list[Problem]) -> Places:
    from voorveld_cli.content.model import Problem

    places = Places()
    towns = data.get("municipalities") if isinstance(data, dict) else None
    if not isinstance(towns, dict):
        if data is not None:
            problems.append(Problem(shown, 1, "municipalities", "verwacht een tabel per gemeente"))
        return places
    for town, spec in towns.items():
        line = lines.get(f"municipalities.{town}", 1)
        if not isinstance(spec, dict):
            problems.append(Problem(shown, line, str(town), "verwacht former: en villages:"))
            continue
        for item in spec.get("former") or []:
            name = item.get("name") if isinstance(item, dict) else None
            until = item.get("until") if isinstance(item, dict) else None
            if not isinstance(name, str) or not isinstance(until, int):
                problems.append(
                    Problem(shown, line, f"{town}.former", "elk item heeft name: en until: (jaar)")
                )
                continue
            places.add(str(town), name, until)
        villages = spec.get("villages") or []
        if not isinstance(villages, list) or not all(isinstance(v, str) for v in villages):
            problems.append(Problem(shown, line, f"{town}.villages", "verwacht een lijst van namen"))
            continue
        for village in villages:
            places.add(str(town), village)
    return places


def _read_yaml(raw: bytes | OSError | None, shown: str) -> tuple[Any, dict[str, int], list[Problem]]:
    from voorveld_cli.content.model import Problem
    from voorveld_cli.content.parse import decode, load_yaml  # YAML only when the files are really read

    if raw is None:
        return None, {}, [Problem(shown, 0, "bestand", "ontbreekt in de content-map")]
    if isinstance(raw, OSError):
        return None, {}, [Problem(shown, 0, "bestand", f"niet te lezen: {raw.strerror}")]
    text, problem = decode(raw, shown)
    if problem or text is None:
        return None, {}, [problem] if problem else []
    return load_yaml(text, shown, what=shown.rsplit("/", 1)[-1])


def _values(
    raw: Any, name: str, lines: dict[str, int], shown: str, problems: list[Problem]
) -> dict[str, Value]:
    """Accepts a list of keys, a mapping key -> list of aliases, or key -> {label, aliases, ...}."""
    from voorveld_cli.content.model import Problem

    values: dict[str, Value] = {}
    if isinstance(raw, list):
        for item in raw:
            values[str(item)] = Value(str(item), str(item))
        return values
    if not isinstance(raw, dict):
        problems.append(Problem(shown, lines.get(name, 1), name, "verwacht een lijst of een tabel"))
        return values
    for key, spec in raw.items():
        line = lines.get(f"{name}.{key}", 1)
        if spec is None or isinstance(spec, list):
            aliases = tuple(str(a) for a in spec or ())
            values[str(key)] = Value(str(key), str(key), aliases)
        elif isinstance(spec, dict):
            listed = spec.get("aliases") or []
            if not isinstance(listed, list):
                problems.append(Problem(shown, line, f"{name}.{key}.aliases", "verwacht een lijst"))
                listed = []
            number = spec.get("number")
            values[str(key)] = Value(
                str(key),
                str(spec.get("label", key)),
                tuple(str(a) for a in listed),
                term=spec.get("term"),
                number=number if isinstance(number, int) else None,
                term_line=lines.get(f"{name}.{key}.term", line),
            )
        else:
            problems.append(
                Problem(shown, line, f"{name}.{key}", "verwacht een lijst van aliassen of een tabel")
            )
    return values

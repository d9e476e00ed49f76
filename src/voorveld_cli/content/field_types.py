"""The types of front matter fields. Each type owns all it means: its check (for
`voorveld check`), its JSON Schema fragment (`voorveld schema`), its Dutch name (the
field reference in CONTRIBUTING.md) and its initial value in a file `voorveld new` makes.

schema.py declares which field has which type; nothing else looks at a type's name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from voorveld_cli.content.model import ERROR, WARNING, Severity

TypeName = Literal[
    "text",
    "int",
    "year",
    "as_of",
    "text_list",
    "text_or_list",
    "text_or_int",
    "sources",
    "figures",
    "questions",
    "law_profile",
]
PLACEHOLDER = "TODO"
YEARS = (1800, 2100)
# as_of: a year, a month or a day (2016, 2016-05, 2017-11-09).
AS_OF_PATTERN = r"^(18|19|20)[0-9]{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
_AS_OF = re.compile(AS_OF_PATTERN)


class Report(Protocol):
    """Where a check puts what it finds (validate._Checker)."""

    def add(self, key: str, message: str, severity: Severity = ERROR) -> None: ...

    def in_vocab(self, key: str, name: str, value: str) -> None: ...


class Values(Protocol):
    """What a JSON Schema fragment needs of the vocabulary: the keys of a list."""

    def values(self, name: str) -> dict[str, Any]: ...


def did_you_mean(word: str, candidates: Any) -> str:
    from voorveld_cli.views.labels import did_you_mean  # labels reads schema, which reads this module

    return did_you_mean(word, candidates)


def kind_of(value: Any) -> str:
    """What a value is, in Dutch, for a message."""
    if isinstance(value, bool):
        return "ja/nee (true/false)"
    if isinstance(value, int | float):
        return f"een getal ({value})"
    if isinstance(value, dt.date | dt.datetime):
        return f"een datum ({value})"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een tabel (sleutel: waarde)"
    if value is None:
        return "niets"
    return "tekst"


def placeholder(out: Report, key: str, value: Any) -> bool:
    """A 'TODO' left by `voorveld new`: a warning, and no further checks on it."""
    if isinstance(value, str) and value.strip().upper().startswith(PLACEHOLDER):
        out.add(key, "nog in te vullen (TODO)", WARNING)
        return True
    return False


def check_text(out: Report, key: str, value: Any) -> bool:
    """True when the value is text worth checking further (not empty, not a TODO)."""
    if isinstance(value, str):
        if not value.strip():
            out.add(key, "is leeg")
            return False
        return not placeholder(out, key, value)
    quote = f'; zet de waarde tussen aanhalingstekens: "{value}"' if _scalar(value) else ""
    out.add(key, f"verwacht tekst, kreeg {kind_of(value)}{quote}")
    return False


def check_integer(out: Report, key: str, value: Any) -> bool:
    if isinstance(value, int) and not isinstance(value, bool):
        return True
    out.add(key, f"verwacht een heel getal, kreeg {kind_of(value)}")
    return False


def check_year(out: Report, key: str, value: Any) -> bool:
    if not check_integer(out, key, value):
        return False
    if not YEARS[0] <= value <= YEARS[1]:
        out.add(key, f"{value} is geen plausibel jaartal")
        return False
    return True


def check_text_list(out: Report, key: str, value: Any) -> list[tuple[int, str]]:
    """The good items with their index in the list."""
    if isinstance(value, str):
        out.add(key, f"verwacht een lijst; schrijf [{value}] of zet elke waarde op een eigen regel met '- '")
        return []
    if not isinstance(value, list):
        out.add(key, f"verwacht een lijst van teksten, kreeg {kind_of(value)}")
        return []
    good = [(index, item) for index, item in enumerate(value) if check_text(out, f"{key}[{index}]", item)]
    seen: set[str] = set()
    for index, item in good:
        if item in seen:
            out.add(f"{key}[{index}]", f"'{item}' staat twee keer in de lijst", WARNING)
        seen.add(item)
    return good


def _scalar(value: Any) -> bool:
    return isinstance(value, bool | int | float | dt.date)


def string_schema(vocab: Values, name: str | None) -> dict[str, Any]:
    if name:
        return {"type": "string", "enum": list(vocab.values(name))}
    return {"type": "string", "minLength": 1}


class FieldType:
    """One type; `vocab` (a list in vocabulary.yml) is the field's, passed in."""

    name: TypeName
    dutch: str  # for the field reference

    def check(self, out: Report, key: str, value: Any, vocab: str | None) -> None:
        raise NotImplementedError

    def json_schema(self, vocab: Values, name: str | None) -> dict[str, Any]:
        raise NotImplementedError

    def initial(self, required: bool, hint: str, vocab: str | None) -> Any:
        """The value in a new file (`voorveld new`); None leaves the key empty."""
        return None

    def allowed(self, vocab: str | None) -> str:
        """The allowed values, in words, for the field reference."""
        return f"uit `{vocab}` in vocabulary.yml" if vocab else ""


class Text(FieldType):
    name = "text"
    dutch = "tekst"

    def check(self, out: Report, key: str, value: Any, vocab: str | None) -> None:
        if check_text(out, key, value) and vocab:
            out.in_vocab(key, vocab, value)

    def json_schema(self, vocab: Values, name: str | None) -> dict[str, Any]:
        return string_schema(vocab, name)

    def initial(self, required: bool, hint: str, vocab: str | None) -> Any:
        if not required:
            return None
        return PLACEHOLDER if vocab else f"{PLACEHOLDER}: {hint}"


class Int(FieldType):
    """A whole number; `Year` is one within YEARS."""

    name: TypeName = "int"
    dutch = "geheel getal"
    bounds: tuple[int, int] | None = None

    def check(self, out: Report, key: str, value: Any, vocab: str | None) -> None:
        (check_year if self.bounds else check_integer)(out, key, value)

    def json_schema(self, vocab: Values, name: str | None) -> dict[str, Any]:
        low_high = {"minimum": self.bounds[0], "maximum": self.bounds[1]} if self.bounds else {}
        return {"type": "integer", **low_high}


class Year(Int):
    name = "year"
    dutch = "jaartal"
    bounds = YEARS


class AsOf(FieldType):
    name = "as_of"
    dutch = "jaartal of datum (JJJJ, JJJJ-MM, JJJJ-MM-DD)"

    def check(self, out: Report, key: str, value: Any, vocab: str | None) -> None:
        if placeholder(out, key, value):
            return
        if isinstance(value, dt.date):
            value = value.isoformat()  # YAML reads 2017-11-09 as a date
        if isinstance(value, str) and _AS_OF.match(value):
            return
        if isinstance(value, int) and not isinstance(value, bool):
            check_year(out, key, value)
            return
        out.add(key, f"verwacht een jaartal (2016) of een datum (2017-11-09), kreeg {kind_of(value)}")

    def json_schema(self, vocab: Values, name: str | None) -> dict[str, Any]:
        return {"anyOf": [Year().json_schema(vocab, None), {"type": "string", "pattern": AS_OF_PATTERN}]}

    def initial(self, required: bool, hint: str, vocab: str | None) -> Any:
        return PLACEHOLDER if required else None


class TextList(FieldType):
    name = "text_list"
    dutch = "lijst van teksten"

    def check(self, out: Report, key: str, value: Any, vocab: str | None) -> None:
        for index, item in check_text_list(out, key, value):
            if vocab:
                out.in_vocab(f"{key}[{index}]", vocab, item)

    def json_schema(self, vocab: Values, name: str | None) -> dict[str, Any]:
        return {"type": "array", "items": string_schema(vocab, name)}

    def initial(self, required: bool, hint: str, vocab: str | None) -> Any:
        return [PLACEHOLDER] if required else []


class TextOrList(FieldType):
    """A string or a list of strings, always read as a list."""

    name = "text_or_list"
    dutch = "tekst of lijst van teksten"

    def check(self, out: Report, key: str, value: Any, vocab: str | None) -> None:
        if isinstance(value, str):
            Text().check(out, key, value, vocab)
        else:
            TextList().check(out, key, value, vocab)

    def json_schema(self, vocab: Values, name: str | None) -> dict[str, Any]:
        item = string_schema(vocab, name)
        return {"anyOf": [item, {"type": "array", "items": item}]}

    def initial(self, required: bool, hint: str, vocab: str | None) -> Any:
        return []


class TextOrInt(FieldType):
    """Pages or a figure's value: '12', '33-35', 40."""

    name = "text_or_int"
    dutch = "tekst of getal"

    def check(self, out: Report, key: str, value: Any, vocab: str | None) -> None:
        if placeholder(out, key, value):
            return
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            out.add(key, f"verwacht tekst of een getal, kreeg {kind_of(value)}")

    def json_schema(self, vocab: Values, name: str | None) -> dict[str, Any]:
        return {"type": ["string", "integer", "number"]}


@dataclass(frozen=True)
class SubField:
    """A key inside one item of a nested list (sources, figures, questions)."""

    name: str
    type: FieldType
    required: bool = False
    vocab: str | None = None
    hint: str = ""


class Nested(FieldType):
    """A list of small tables with fixed keys (sources, figures, questions)."""

    def __init__(
        self,
        name: TypeName,
        dutch: str,
        subfields: tuple[SubField, ...],
        first: tuple[dict[str, str], ...] = (),  # the items in a new file
        as_text: str = "",  # when an item is plain text: how to write it instead
    ) -> None:
        self.name, self.dutch, self.subfields = name, dutch, subfields
        self.first, self.as_text = first, as_text

    def check(self, out: Report, key: str, value: Any, vocab: str | None) -> None:
        if not isinstance(value, list):
            out.add(key, f"verwacht een lijst van items, kreeg {kind_of(value)}")
            return
        known = {sub.name for sub in self.subfields}
        for index, item in enumerate(value):
            where = f"{key}[{index}]"
            if self.as_text and isinstance(item, str):
                out.add(where, self.as_text)
            elif not isinstance(item, dict):
                fields = ", ".join(sorted(known))
                out.add(where, f"verwacht een item met velden ({fields}), kreeg {kind_of(item)}")
            else:
                self._item(out, where, item, known)

    def _item(self, out: Report, where: str, item: dict, known: set[str]) -> None:
        for sub in self.subfields:
            if item.get(sub.name) is None:
                if sub.required:
                    out.add(where, f"veld '{sub.name}' ontbreekt ({sub.hint})")
                continue
            sub.type.check(out, f"{where}.{sub.name}", item[sub.name], sub.vocab)
        for extra in item.keys() - known:
            out.add(f"{where}.{extra}", f"onbekend veld.{did_you_mean(str(extra), known)}", WARNING)

    def json_schema(self, vocab: Values, name: str | None) -> dict[str, Any]:
        properties = {
            sub.name: {**sub.type.json_schema(vocab, sub.vocab), "description": sub.hint}
            for sub in self.subfields
        }
        item = {
            "type": "object",
            "properties": properties,
            "required": [sub.name for sub in self.subfields if sub.required],
            "additionalProperties": False,
        }
        return {"type": "array", "items": item}

    def initial(self, required: bool, hint: str, vocab: str | None) -> Any:
        return [dict(item) for item in self.first]

    def allowed(self, vocab: str | None) -> str:
        return "; ".join(f"`{sub.name}`" + (" (verplicht)" if sub.required else "") for sub in self.subfields)


class Table(FieldType):
    """Fixed keys, each a text or a list of texts (a law's profile)."""

    def __init__(self, name: TypeName, dutch: str, keys: tuple[tuple[str, str], ...]) -> None:
        self.name, self.dutch, self.keys = name, dutch, keys  # keys: (key, Dutch label)

    def check(self, out: Report, key: str, value: Any, vocab: str | None) -> None:
        names = [k for k, _ in self.keys]
        if not isinstance(value, dict):
            out.add(key, f"verwacht een tabel met {', '.join(names)}")
            return
        for sub_key, sub_value in value.items():
            where = f"{key}.{sub_key}"
            if sub_key not in names:
                out.add(where, f"onbekend vergelijkingspunt.{did_you_mean(str(sub_key), names)}")
            elif isinstance(sub_value, list):
                check_text_list(out, where, sub_value)
            else:
                check_text(out, where, sub_value)

    def json_schema(self, vocab: Values, name: str | None) -> dict[str, Any]:
        value = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
        return {
            "type": "object",
            "properties": {key: {**value, "title": label} for key, label in self.keys},
            "additionalProperties": False,
        }

    def allowed(self, vocab: str | None) -> str:
        return ", ".join(f"`{key}`" for key, _ in self.keys)


TEXT, INT, YEAR, AS_OF = Text(), Int(), Year(), AsOf()
TEXT_LIST, TEXT_OR_LIST, TEXT_OR_INT = TextList(), TextOrList(), TextOrInt()

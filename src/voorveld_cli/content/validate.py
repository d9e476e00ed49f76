"""Check one entry's front matter against the declared schema.

Rules that need the whole corpus (unique ids, `related` that exist) live in
corpus.py; everything that one file can get wrong on its own lives here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from voorveld_cli.content import schema
from voorveld_cli.content.model import ERROR, WARNING, Problem, line_of_key
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.views.labels import bedoelde_u, did_you_mean

_ID = re.compile(schema.ID_PATTERN)
_AS_OF = re.compile(schema.AS_OF_PATTERN)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
PLACEHOLDER = "TODO"
MAX_SUMMARY_SENTENCES = 3
MAX_SUMMARY_CHARS = 600


class _Checker:
    def __init__(self, path: str, lines: dict[str, int], vocab: Vocabulary):
        self.path = path
        self.lines = lines
        self.vocab = vocab
        self.problems: list[Problem] = []

    def line(self, key: str) -> int:
        return line_of_key(self.lines, key)

    def add(self, key: str, message: str, severity: str = ERROR) -> None:
        self.problems.append(Problem(self.path, self.line(key), key, message, severity))

    # -- types ---------------------------------------------------------------

    def placeholder(self, key: str, value: Any) -> bool:
        """A 'TODO' left by `voorveld new`: a warning, and no further checks on it."""
        if isinstance(value, str) and value.strip().upper().startswith(PLACEHOLDER):
            self.add(key, "nog in te vullen (TODO)", WARNING)
            return True
        return False

    def text(self, key: str, value: Any) -> bool:
        if isinstance(value, str):
            if not value.strip():
                self.add(key, "is leeg")
                return False
            return not self.placeholder(key, value)
        self.add(key, f"verwacht tekst, kreeg {_kind_of(value)}{_quote_hint(value)}")
        return False

    def integer(self, key: str, value: Any) -> bool:
        if isinstance(value, int) and not isinstance(value, bool):
            return True
        self.add(key, f"verwacht een heel getal, kreeg {_kind_of(value)}")
        return False

    def year(self, key: str, value: Any) -> bool:
        if not self.integer(key, value):
            return False
        if not 1800 <= value <= 2100:
            self.add(key, f"{value} is geen plausibel jaartal")
            return False
        return True

    def as_of(self, key: str, value: Any) -> bool:
        if self.placeholder(key, value):
            return False
        if isinstance(value, dt.date):
            value = value.isoformat()
        if isinstance(value, str) and _AS_OF.match(value.strip()):
            return True
        if isinstance(value, int) and not isinstance(value, bool):
            return self.year(key, value)
        self.add(key, f"verwacht een jaartal (2016) of een datum (2017-11-09), kreeg {_kind_of(value)}")
        return False

    def text_list(self, key: str, value: Any) -> list[str]:
        if isinstance(value, str):
            self.add(
                key, f"verwacht een lijst; schrijf [{value}] of zet elke waarde op een eigen regel met '- '"
            )
            return []
        if not isinstance(value, list):
            self.add(key, f"verwacht een lijst van teksten, kreeg {_kind_of(value)}")
            return []
        good = []
        for index, item in enumerate(value):
            if self.text(f"{key}[{index}]", item):
                good.append(item)
        seen: set[str] = set()
        for index, item in enumerate(good):
            if item in seen:
                self.add(f"{key}[{index}]", f"'{item}' staat twee keer in de lijst", WARNING)
            seen.add(item)
        return good

    def text_or_list(self, key: str, value: Any) -> list[str]:
        if isinstance(value, str):
            return [value] if self.text(key, value) else []
        return self.text_list(key, value)

    def in_vocab(self, key: str, name: str, value: str) -> None:
        if name == "sources":
            if value not in self.vocab.sources:
                self.add(
                    key, f"onbekende bron '{value}' (niet in sources.yml).{_hint(self.vocab, name, value)}"
                )
            return
        values = self.vocab.values(name)
        if value in values:
            return
        canonical = self.vocab.resolve(name, value)
        if canonical is not None:
            self.add(key, f"schrijf de vaste naam '{canonical}' in plaats van '{value}'")
            return
        hint = _hint(self.vocab, name, value)
        self.add(key, f"onbekende waarde '{value}' (niet in vocabulary.yml, lijst {name}).{hint}")

    def nested(self, key: str, value: Any, fields: tuple[schema.SubField, ...]) -> list[dict]:
        if not isinstance(value, list):
            self.add(key, f"verwacht een lijst van items, kreeg {_kind_of(value)}")
            return []
        known = {sub.name for sub in fields}
        items = []
        for index, item in enumerate(value):
            where = f"{key}[{index}]"
            if key == "questions" and isinstance(item, str):
                self.add(where, "schrijf een vraag als '- text: ...' (met eventueel styles_inferred)")
                continue
            if not isinstance(item, dict):
                self.add(
                    where,
                    f"verwacht een item met velden ({', '.join(sorted(known))}), kreeg {_kind_of(item)}",
                )
                continue
            for sub in fields:
                sub_key = f"{where}.{sub.name}"
                if sub.name not in item or item[sub.name] is None:
                    if sub.required:
                        self.add(where, f"veld '{sub.name}' ontbreekt ({sub.hint})")
                    continue
                self.sub_value(sub_key, sub, item[sub.name])
            for extra in item.keys() - known:
                self.add(f"{where}.{extra}", f"onbekend veld.{did_you_mean(extra, known)}", WARNING)
            items.append(item)
        return items

    def sub_value(self, key: str, sub: schema.SubField, value: Any) -> None:
        if sub.type == "text":
            if self.text(key, value) and sub.vocab:
                self.in_vocab(key, sub.vocab, value)
        elif sub.type == "year":
            self.year(key, value)
        elif sub.type == "text_or_int":
            if self.placeholder(key, value):
                return
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                self.add(key, f"verwacht tekst of een getal, kreeg {_kind_of(value)}")
        elif sub.type == "text_list":
            for index, item in enumerate(self.text_list(key, value)):
                if sub.vocab:
                    self.in_vocab(f"{key}[{index}]", sub.vocab, item)


def validate(
    data: dict[str, Any],
    kind: str,
    entry_id: str,
    path: str,
    lines: dict[str, int],
    body: str,
    vocab: Vocabulary,
    body_line: int = 1,
) -> list[Problem]:
    """Every problem of one entry's front matter; an empty list means it is valid."""
    check = _Checker(path, lines, vocab)

    if not _ID.match(entry_id):
        check.problems.append(
            Problem(
                path,
                1,
                "id",
                f"bestandsnaam '{entry_id}' is geen geldige id: alleen kleine letters a-z, cijfers en "
                "streepjes (bijvoorbeeld 'kunst-op-recept.md')",
            )
        )

    fields = schema.fields_for(kind)
    known = {field.name for field in fields}
    for field in fields:
        value = data.get(field.name)
        if value is None or value == [] or value == "":
            if field.required:
                check.add(field.name, f"verplicht veld ontbreekt ({field.hint})")
            continue
        _check_field(check, field, value)

    for key in data.keys() - known:
        elsewhere = [k for k in schema.KINDS if k != kind and key in schema.known_keys(k)]
        if elsewhere:
            message = (
                f"hoort niet bij een {schema.KIND_LABELS[kind]} (wel bij {schema.KIND_LABELS[elsewhere[0]]})"
            )
        else:
            message = f"onbekend veld.{did_you_mean(key, known)}"
        check.add(str(key), message, WARNING)

    _cross_field_rules(check, data, kind, body, body_line)
    return check.problems


def _check_field(check: _Checker, field: schema.Field, value: Any) -> None:
    key = field.name
    if field.type == "text":
        if check.text(key, value) and field.vocab:
            check.in_vocab(key, field.vocab, value)
    elif field.type == "int":
        check.integer(key, value)
    elif field.type == "year":
        check.year(key, value)
    elif field.type == "as_of":
        check.as_of(key, value)
    elif field.type in ("text_list", "text_or_list"):
        items = check.text_list(key, value) if field.type == "text_list" else check.text_or_list(key, value)
        if field.vocab:
            for index, item in enumerate(items):
                where = f"{key}[{index}]" if isinstance(value, list) else key
                check.in_vocab(where, field.vocab, item)
    elif field.type in schema.NESTED:
        check.nested(key, value, schema.NESTED[field.type])
    elif field.type == "law_profile":
        if not isinstance(value, dict):
            check.add(key, f"verwacht een tabel met {', '.join(schema.LAW_PROFILE_KEYS)}")
            return
        for sub_key, sub_value in value.items():
            where = f"{key}.{sub_key}"
            if sub_key not in schema.LAW_PROFILE_KEYS:
                check.add(
                    where, f"onbekend vergelijkingspunt.{did_you_mean(str(sub_key), schema.LAW_PROFILE_KEYS)}"
                )
            elif isinstance(sub_value, list):
                check.text_list(where, sub_value)
            else:
                check.text(where, sub_value)
    else:  # pragma: no cover - a schema typo, caught by the tests
        raise ValueError(f"unknown field type {field.type!r}")


def _cross_field_rules(check: _Checker, data: dict[str, Any], kind: str, body: str, body_line: int) -> None:
    summary = data.get("summary")
    if isinstance(summary, str):
        sentences = len(_SENTENCE_END.findall(summary.strip()))
        if sentences > MAX_SUMMARY_SENTENCES or len(summary) > MAX_SUMMARY_CHARS:
            check.add(
                "summary",
                f"te lang ({sentences} zinnen, {len(summary)} tekens); "
                f"houd het bij 1-{MAX_SUMMARY_SENTENCES} zinnen",
                WARNING,
            )

    laws, inferred = data.get("laws"), data.get("laws_inferred")
    if isinstance(laws, list) and isinstance(inferred, list):
        named = {law for law in laws if isinstance(law, str)}
        for law in sorted(named & {law for law in inferred if isinstance(law, str)}):
            check.add(
                "laws_inferred",
                f"'{law}' staat ook onder laws: een wet is genoemd door de bron "
                "óf door ons afgeleid, niet allebei",
            )

    sources = data.get("sources")
    if isinstance(sources, list):
        for index, ref in enumerate(sources):
            if isinstance(ref, dict) and not ref.get("pages") and not ref.get("section"):
                check.add(
                    f"sources[{index}]",
                    "noem de pagina('s) of, waar die niet bewaard zijn, de sectie",
                    WARNING,
                )

    if kind in ("initiative", "case") and not data.get("themes"):
        check.add("themes", "geen thema's; kies er een tot vier uit vocabulary.yml", WARNING)
    if kind == "initiative" and data.get("place") and not data.get("province"):
        check.add("place", "provincie ontbreekt bij deze plaats", WARNING)
    if PLACEHOLDER in body:
        offset = next((i for i, text in enumerate(body.splitlines()) if PLACEHOLDER in text), 0)
        check.problems.append(
            Problem(check.path, body_line + offset, "body", "de tekst bevat nog TODO", WARNING)
        )
    if not body.strip():
        check.problems.append(
            Problem(check.path, 1, "body", "de tekst onder de front matter ontbreekt", WARNING)
        )


def _hint(vocab: Vocabulary, name: str, value: str) -> str:
    close = vocab.suggest_keys(name, value)
    if close:
        return bedoelde_u(close)
    return f" Kies uit: {', '.join(vocab.values(name))}."


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "ja/nee (true/false)"
    if isinstance(value, (int, float)):
        return f"een getal ({value})"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"een datum ({value})"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een tabel (sleutel: waarde)"
    if value is None:
        return "niets"
    return "tekst"


def _quote_hint(value: Any) -> str:
    if isinstance(value, (bool, int, float, dt.date)):
        return f'; zet de waarde tussen aanhalingstekens: "{value}"'
    return ""

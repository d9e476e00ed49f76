"""Check one entry's front matter against the declared schema.

Rules that need the whole corpus (unique ids, `related` that exist) live in
corpus.py; everything that one file can get wrong on its own lives here.
"""

from __future__ import annotations

import re
from typing import Any

from voorveld_cli.content import schema
from voorveld_cli.content.field_types import PLACEHOLDER
from voorveld_cli.content.model import ERROR, WARNING, Problem, Severity, line_of_key
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.views.labels import bedoelde_u, did_you_mean

_ID = re.compile(schema.ID_PATTERN)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
MAX_SUMMARY_SENTENCES = 3
MAX_SUMMARY_CHARS = 600


class _Checker:
    """Collects one file's problems, each on the line of its key (field_types.Report)."""

    def __init__(self, path: str, lines: dict[str, int], vocab: Vocabulary):
        self.path = path
        self.lines = lines
        self.vocab = vocab
        self.problems: list[Problem] = []

    def line(self, key: str) -> int:
        return line_of_key(self.lines, key)

    def add(self, key: str, message: str, severity: Severity = ERROR) -> None:
        self.problems.append(Problem(self.path, self.line(key), key, message, severity))

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
        field.type.check(check, field.name, value, field.vocab)

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
    return choose_from(vocab, name)


def choose_from(vocab: Vocabulary, name: str) -> str:
    """' Kies uit: a, b.' -- or, for an empty list, where the values should come from."""
    values = list(vocab.values(name))
    if not values:
        where = "sources.yml" if name == "sources" else f"vocabulary.yml (lijst {name})"
        return f" Er zijn nog geen waarden: vul eerst {where}."
    return f" Kies uit: {', '.join(values)}."

"""The declared schema in other shapes: JSON Schema for editors, a Markdown field
reference for CONTRIBUTING.md. Both are generated, never written by hand."""

from __future__ import annotations

from typing import Any

from voorveld_cli.content import schema
from voorveld_cli.content.vocabulary import Vocabulary

AS_OF_PATTERN = schema.AS_OF_PATTERN
JSON_SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"

_TYPE_WORDS = {
    "text": "tekst",
    "int": "geheel getal",
    "year": "jaartal",
    "as_of": "jaartal of datum (JJJJ, JJJJ-MM, JJJJ-MM-DD)",
    "text_list": "lijst van teksten",
    "text_or_list": "tekst of lijst van teksten",
    "sources": "lijst van {source, pages of section}",
    "figures": "lijst van {label, value, year}",
    "questions": "lijst van {text, styles_inferred}",
    "law_profile": "tabel met vaste vergelijkingspunten",
}


def _string(vocab: Vocabulary, name: str | None) -> dict[str, Any]:
    if name:
        return {"type": "string", "enum": list(vocab.values(name))}
    return {"type": "string", "minLength": 1}


def _sub(vocab: Vocabulary, sub: schema.SubField) -> dict[str, Any]:
    if sub.type == "text":
        out = _string(vocab, sub.vocab)
    elif sub.type == "year":
        out = {"type": "integer", "minimum": 1800, "maximum": 2100}
    elif sub.type == "text_or_int":
        out = {"type": ["string", "integer", "number"]}
    else:  # text_list
        out = {"type": "array", "items": _string(vocab, sub.vocab)}
    out["description"] = sub.hint
    return out


def _property(vocab: Vocabulary, field: schema.Field) -> dict[str, Any]:
    kind = field.type
    if kind == "text":
        out = _string(vocab, field.vocab)
    elif kind == "int":
        out = {"type": "integer"}
    elif kind == "year":
        out = {"type": "integer", "minimum": 1800, "maximum": 2100}
    elif kind == "as_of":
        out = {
            "anyOf": [
                {"type": "integer", "minimum": 1800, "maximum": 2100},
                {"type": "string", "pattern": AS_OF_PATTERN},
            ]
        }
    elif kind == "text_list":
        out = {"type": "array", "items": _string(vocab, field.vocab)}
    elif kind == "text_or_list":
        item = _string(vocab, field.vocab)
        out = {"anyOf": [item, {"type": "array", "items": item}]}
    elif kind in schema.NESTED:
        subs = schema.NESTED[kind]
        out = {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {sub.name: _sub(vocab, sub) for sub in subs},
                "required": [sub.name for sub in subs if sub.required],
                "additionalProperties": False,
            },
        }
    elif kind == "law_profile":
        value = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
        out = {
            "type": "object",
            "properties": {key: {**value, "title": label} for key, label in schema.LAW_PROFILE},
            "additionalProperties": False,
        }
    else:  # pragma: no cover - a schema typo, caught by the tests
        raise ValueError(f"unknown field type {kind!r}")
    return {"title": field.label, "description": field.hint, **out}


def json_schema(kind: str, vocab: Vocabulary) -> dict[str, Any]:
    fields = schema.fields_for(kind)
    return {
        "$schema": JSON_SCHEMA_DRAFT,
        "$id": f"https://voorveld.invalid/schemas/{kind}.schema.json",
        "title": f"voorveld: front matter van een {schema.KIND_LABELS[kind]}",
        "description": f"Bestanden in content/{schema.FOLDERS[kind]}/; uit voorveld_cli/schema.py.",
        "type": "object",
        "properties": {field.name: _property(vocab, field) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,
    }


def field_reference(vocab: Vocabulary) -> str:
    """A Markdown table per kind: field, required, type, allowed values, hint."""
    out: list[str] = []
    for kind in schema.KINDS:
        out += [
            f"### {schema.KIND_LABELS[kind].capitalize()} (`content/{schema.FOLDERS[kind]}/`)",
            "",
            "| veld | verplicht | soort | toegestane waarden | toelichting |",
            "| --- | --- | --- | --- | --- |",
        ]
        for field in schema.fields_for(kind):
            allowed = f"uit `{field.vocab}` in vocabulary.yml" if field.vocab else ""
            if field.type in schema.NESTED:
                allowed = "; ".join(
                    f"`{sub.name}`" + (" (verplicht)" if sub.required else "")
                    for sub in schema.NESTED[field.type]
                )
            elif field.type == "law_profile":
                allowed = ", ".join(f"`{key}`" for key in schema.LAW_PROFILE_KEYS)
            out.append(
                f"| `{field.name}` | {'ja' if field.required else ''} | {_TYPE_WORDS[field.type]} "
                f"| {allowed} | {field.hint} |"
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"

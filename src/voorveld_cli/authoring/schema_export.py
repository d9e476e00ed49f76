"""The declared schema in other shapes: JSON Schema for editors, a Markdown field
reference for CONTRIBUTING.md. Both are generated, never written by hand."""

from __future__ import annotations

from typing import Any

from voorveld_cli.content import schema
from voorveld_cli.content.vocabulary import Vocabulary

JSON_SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _property(vocab: Vocabulary, field: schema.Field) -> dict[str, Any]:
    return {"title": field.label, "description": field.hint, **field.type.json_schema(vocab, field.vocab)}


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
            out.append(
                f"| `{field.name}` | {'ja' if field.required else ''} | {field.type.dutch} "
                f"| {field.type.allowed(field.vocab)} | {field.hint} |"
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"

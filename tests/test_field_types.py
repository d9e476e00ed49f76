"""Field types are objects: `check` and the exported JSON Schemas (schemas/) give the same
verdict on a single field, except where they differ on purpose, which is named here."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voorveld_cli.content import schema
from voorveld_cli.content.validate import validate
from voorveld_cli.content.vocabulary import load
from voorveld_cli.render.plain import to_json

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"
VOCAB, _ = load(CONTENT)
SCHEMAS = {kind: json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text()) for kind in schema.KINDS}
# One validator per schema (a validator holds no state between instances): thousands of examples.
VALIDATORS = {kind: jsonschema.Draft202012Validator(SCHEMAS[kind]) for kind in schema.KINDS}

# The smallest valid front matter of each kind; one field at a time is replaced.
SOURCE = {"source": "movisies-2020-1", "pages": "19"}
BASE = {
    "initiative": {"title": "T", "summary": "S.", "as_of": 2020, "sources": [SOURCE], "themes": ["werk"]},
    "article": {"title": "T", "summary": "S.", "as_of": 2020, "genre": "analyse", "sources": [SOURCE]},
    "case": {
        "title": "T",
        "summary": "S.",
        "as_of": 2020,
        "number": 1,
        "part": "bewoners",
        "roles": ["bewoner"],
        "questions": [{"text": "Wat doe jij?"}],
        "sources": [SOURCE],
        "themes": ["werk"],
    },
    "term": {"title": "T", "summary": "S.", "definition": "D.", "sources": [SOURCE]},
}
FIELDS = [(kind, field) for kind in schema.KINDS for field in schema.fields_for(kind)]

WORDS = st.sampled_from(
    [
        "werk",
        "Werk en inkomen",
        "Wmo 2015",
        "wmo",
        "analyse",
        "bewoners",
        "Utrecht",
        "movisies-2020-1",
        "doener",
        "TODO",
        "TODO: invullen",
        "2016",
        "2016-05",
        "2017-13-01",
        "in_force",
        "goal",
        "text",
        "source",
        "label",
        "value",
        "",
        " ",
    ]
)
SCALARS = st.none() | st.booleans() | st.integers(-5, 2200) | WORDS | st.text(max_size=8)
ITEMS = st.dictionaries(
    st.sampled_from(["source", "pages", "section", "label", "value", "year", "text", "in_force", "goal"]),
    SCALARS | st.lists(WORDS, max_size=2),
    max_size=3,
)
VALUES = SCALARS | st.lists(SCALARS | ITEMS, max_size=3) | ITEMS


def check_errors(kind: str, data: dict, name: str) -> list[str]:
    problems = validate(data, kind, "x", "x.md", {}, "Tekst.\n", VOCAB)
    mine = [p for p in problems if p.severity == "error" and p.field.split("[")[0].split(".")[0] == name]
    return [str(p) for p in mine]


def schema_errors(kind: str, data: dict) -> list[str]:
    return [e.message for e in VALIDATORS[kind].iter_errors(data)]


def _texts(value) -> list:
    """Every string inside a value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for item in value for t in _texts(item)]
    if isinstance(value, dict):
        return [t for item in value.values() for t in _texts(item)]
    return []


def difference_on_purpose(field: schema.Field, value) -> str | None:
    """Why check and the JSON Schema may judge this value differently, or None."""
    if value is None or value == [] or value == "":
        return "check reads an empty value as a missing key (an error only when required)"
    texts = _texts(value)
    if any(t.strip().upper().startswith("TODO") for t in texts):
        return "a TODO left by `voorveld new` is a warning in check, not a value of the schema"
    if any(t and not t.strip() for t in texts):
        return "check refuses blank text; JSON Schema's minLength counts spaces as text"
    if isinstance(value, list | dict) and (
        field.type.name in ("sources", "figures", "questions", "law_profile")
    ):
        items = value if isinstance(value, list) else [value]
        if any(isinstance(i, dict) and any(v is None or v == "" for v in i.values()) for i in items):
            return "check reads an empty key of a nested item as missing; the schema wants its type"
        if field.type.name != "law_profile" and any(
            isinstance(i, dict) and i.keys() - {s.name for s in field.type.subfields} for i in items
        ):
            return "an unknown key in a nested item is a warning in check; the schema refuses it"
    return None


@pytest.mark.parametrize(("kind", "field"), FIELDS, ids=[f"{k}.{f.name}" for k, f in FIELDS])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=VALUES)
def test_check_and_json_schema_agree_on_one_field(kind, field, value):
    data = {**BASE[kind], field.name: value}
    assert not schema_errors(kind, BASE[kind]) and not check_errors(kind, BASE[kind], field.name)
    by_check = bool(check_errors(kind, data, field.name))
    by_schema = bool(schema_errors(kind, data))
    if by_check != by_schema:
        assert difference_on_purpose(field, value), (value, check_errors(kind, data, field.name))


def test_the_named_differences_are_real():
    """Each named difference happens: check and schema really disagree on it."""
    title = schema.FIELD_BY_NAME["title"]
    sources = schema.FIELD_BY_NAME["sources"]
    cases = [
        ("article", schema.FIELD_BY_NAME["genre"], "TODO"),
        ("initiative", title, "   "),
        ("initiative", schema.FIELD_BY_NAME["area"], None),
        ("initiative", sources, [{**SOURCE, "remark": "x"}]),
        ("initiative", sources, [{**SOURCE, "section": None}]),
    ]
    for kind, field, value in cases:
        data = {**BASE[kind], field.name: value}
        assert bool(check_errors(kind, data, field.name)) != bool(schema_errors(kind, data)), value
        assert difference_on_purpose(field, value)


def test_dates_from_yaml_are_a_check_matter():
    """YAML reads 2017-11-09 as a date, which JSON does not have: check accepts it as as_of."""
    data = {**BASE["initiative"], "as_of": dt.date(2017, 11, 9)}
    assert not check_errors("initiative", data, "as_of")


def test_committed_schemas_are_byte_for_byte_what_the_code_writes():
    from voorveld_cli.authoring.schema_export import json_schema

    for kind in schema.KINDS:
        committed = (REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert committed == to_json(json_schema(kind, VOCAB)) + "\n", f"regenerate schemas/{kind}.schema.json"


def test_every_type_has_a_dutch_name_a_schema_and_a_check():
    for field in schema.FIELDS:
        assert field.type.dutch, field.name
        assert field.type.json_schema(VOCAB, field.vocab)

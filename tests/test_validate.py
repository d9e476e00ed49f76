"""Each validation rule of the declared schema, with its exact message and line."""

from __future__ import annotations

import copy

import pytest
import yaml

from voorveld_cli.content import schema
from voorveld_cli.content.parse import parse_text
from voorveld_cli.content.validate import validate
from voorveld_cli.content.vocabulary import load as load_vocabulary

from .conftest import REAL_CONTENT, SAMPLE


@pytest.fixture(scope="module")
def vocab():
    vocab, problems = load_vocabulary(REAL_CONTENT)
    assert problems == []
    return vocab


def problems_of(vocab, kind: str, front: dict, body: str = "Tekst.\n", entry_id: str = "x"):
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body
    parsed = parse_text(text, "x.md")
    assert parsed.data is not None, parsed.problems
    return validate(parsed.data, kind, entry_id, "x.md", parsed.lines, parsed.body, vocab)


def sample(kind: str, entry_id: str) -> dict:
    return copy.deepcopy(SAMPLE[(kind, entry_id)][0])


def messages(problems) -> list[str]:
    return [f"{p.field}: {p.message}" for p in problems]


def test_every_sample_is_valid(vocab):
    for (kind, entry_id), (front, body) in SAMPLE.items():
        assert problems_of(vocab, kind, front, body, entry_id) == [], entry_id


@pytest.mark.parametrize("kind", schema.KINDS)
def test_missing_required_fields(vocab, kind):
    found = problems_of(vocab, kind, {"title": "Alleen een titel"})
    missing = {p.field for p in found if "verplicht veld ontbreekt" in p.message}
    required = {f.name for f in schema.fields_for(kind) if f.required} - {"title"}
    assert missing == required


def test_wrong_types_are_named(vocab):
    front = sample("initiative", "buurtkamer-maastricht")
    front["title"] = 1984
    front["themes"] = "ontmoeting"
    front["organisations"] = {"naam": "x"}
    front["started"] = "vorig jaar"
    found = {p.field: p.message for p in problems_of(vocab, "initiative", front)}
    assert found["title"].startswith("verwacht tekst, kreeg een getal (1984)")
    assert 'zet de waarde tussen aanhalingstekens: "1984"' in found["title"]
    assert found["themes"].startswith("verwacht een lijst; schrijf [ontmoeting]")
    assert found["organisations"] == "verwacht een lijst van teksten, kreeg een tabel (sleutel: waarde)"
    assert found["started"] == "verwacht een heel getal, kreeg tekst"


def test_implausible_year(vocab):
    front = sample("initiative", "buurtkamer-maastricht")
    front["started"] = 214
    assert messages(problems_of(vocab, "initiative", front)) == ["started: 214 is geen plausibel jaartal"]


def test_unknown_vocabulary_value_suggests_the_nearest(vocab):
    front = sample("initiative", "buurtkamer-maastricht")
    front["themes"] = ["ontmoeting", "eenzaamhied"]
    [problem] = problems_of(vocab, "initiative", front)
    assert problem.field == "themes[1]"
    assert problem.message == (
        "onbekende waarde 'eenzaamhied' (niet in vocabulary.yml, lijst themes). Bedoelde u 'eenzaamheid'?"
    )


def test_alias_instead_of_canonical_law(vocab):
    front = sample("initiative", "werkplaats-den-haag")
    front["laws"] = ["pw"]
    [problem] = problems_of(vocab, "initiative", front)
    assert problem.message == "schrijf de vaste naam 'Participatiewet' in plaats van 'pw'"


def test_law_both_explicit_and_inferred(vocab):
    front = sample("initiative", "buurtkamer-maastricht")
    front["laws_inferred"] = ["Wmo 2015"]
    [problem] = problems_of(vocab, "initiative", front)
    assert problem.field == "laws_inferred"
    assert "staat ook onder laws" in problem.message


def test_unknown_key_warns_with_suggestion_and_keeps_the_value(vocab):
    front = sample("initiative", "werkplaats-den-haag")
    front["themse"] = ["werk"]
    [problem] = problems_of(vocab, "initiative", front)
    assert problem.severity == "warning"
    assert problem.message == "onbekend veld. Bedoelde u 'themes'?"


def test_key_of_another_kind(vocab):
    front = sample("initiative", "werkplaats-den-haag")
    front["questions"] = [{"text": "Waarom?"}]
    [problem] = problems_of(vocab, "initiative", front)
    assert problem.message == "hoort niet bij een initiatief (wel bij casus)"


def test_invalid_id(vocab):
    found = problems_of(vocab, "term", sample("term", "mantelzorg"), entry_id="Mantel Zorg")
    assert [p.field for p in found] == ["id"]
    assert "geen geldige id" in found[0].message


def test_unknown_source_and_missing_page(vocab):
    front = sample("initiative", "werkplaats-den-haag")
    front["sources"] = [{"source": "movisies-2020"}]
    found = {(p.field, p.severity): p.message for p in problems_of(vocab, "initiative", front)}
    assert "onbekende bron 'movisies-2020'" in found[("sources[0].source", "error")]
    assert "Bedoelde u 'movisies-2020-1'?" in found[("sources[0].source", "error")]
    assert "pagina" in found[("sources[0]", "warning")]


def test_nested_item_shapes(vocab):
    front = sample("initiative", "buurtkamer-maastricht")
    front["figures"] = [{"value": 3}, "los cijfer"]
    found = messages(problems_of(vocab, "initiative", front))
    assert "figures[0]: veld 'label' ontbreekt (Wat er geteld of gemeten is.)" in found
    assert any(m.startswith("figures[1]: verwacht een item met velden") for m in found)


def test_question_must_be_an_item_with_text(vocab):
    front = sample("case", "keukentafel")
    front["questions"] = ["Wat doe je?", {"text": "Wie?", "styles_inferred": ["dromer"]}]
    found = messages(problems_of(vocab, "case", front, SAMPLE[("case", "keukentafel")][1]))
    assert "questions[0]: schrijf een vraag als '- text: ...' (met eventueel styles_inferred)" in found
    assert any(m.startswith("questions[1].styles_inferred[0]: onbekende waarde 'dromer'") for m in found)


def test_unknown_law_profile_point(vocab):
    front = sample("term", "wmo-2015")
    front["law_profile"]["doelgroep"] = "ouderen"
    [problem] = problems_of(vocab, "term", front)
    assert problem.field == "law_profile.doelgroep"
    assert problem.message.startswith("onbekend vergelijkingspunt")


def test_soft_rules_are_warnings(vocab):
    front = sample("initiative", "werkplaats-den-haag")
    front["summary"] = "Een. Twee. Drie. Vier."
    del front["province"]
    front["themes"] = []
    found = problems_of(vocab, "initiative", front, body="")
    assert {p.field for p in found} == {"summary", "place", "themes", "body"}
    assert all(p.severity == "warning" for p in found)


def test_problem_line_points_at_the_item(vocab):
    front = sample("initiative", "buurtkamer-maastricht")
    front["themes"] = ["ontmoeting", "eenzaamheid", "onzin"]
    [problem] = problems_of(vocab, "initiative", front)
    text_lines = ["---", *yaml.safe_dump(front, allow_unicode=True, sort_keys=False).splitlines()]
    assert text_lines[problem.line - 1].strip() == "- onzin"

"""The shipped corpus itself: what the content issues promise about particular entries.

The counts that keep a later edit from silently losing an initiative, a case or a
verdiepingsvraag are floors in content/corpus.yml (checked by `voorveld check`), so
adding a valid entry needs no edit here. These tests also run against a copy of the
corpus (VOORVELD_TEST_CONTENT; see test_floors.py) and must stay true when content is added.
"""

from __future__ import annotations

import json
import re

import pytest

from voorveld_cli.content import corpus as corpus_module

from .conftest import REAL_CONTENT

pytestmark = pytest.mark.usefixtures("warm_shipped_cache")

# The counts (entries per kind and source, verdiepingsvragen per case, required
# terms) are floors in content/corpus.yml, which `voorveld check` verifies; see
# test_floors.py. What stays here are facts about particular entries.
PART_OF_CASE = {
    n: ("bewoners", "sociaal-ondernemers", "uitvoeringspraktijk", "bestuur-en-beleid")[(n - 1) // 4]
    for n in range(1, 17)
}


@pytest.fixture(scope="module")
def shipped():
    return corpus_module.load(REAL_CONTENT)


def of_kind(shipped, kind):
    return [entry for entry in shipped.entries if entry.kind == kind]


def test_shipped_corpus_passes_strict_check(cli):
    result = cli("check", "--strict", content=REAL_CONTENT)
    assert result.exit_code == 0, result.stdout


def test_cases_in_bundle_order(cli):
    rows = json.loads(cli("list", "--kind", "case", "--format", "json", content=REAL_CONTENT).stdout)
    assert [row["id"][:8] for row in rows[:16]] == [f"casus-{n:02d}" for n in range(1, 17)]


def test_every_bundle_case_in_its_part(shipped):
    cases = {entry.get("number"): entry for entry in of_kind(shipped, "case")}
    assert set(range(1, 17)) <= set(cases)
    for number in range(1, 17):
        entry = cases[number]
        assert entry.get("part") == PART_OF_CASE[number], entry.id
        assert all(len(q["text"]) > 20 for q in entry.get("questions")), entry.id


def test_case_literature_kept_except_where_the_bundle_lost_it(shipped):
    cases = {entry.get("number"): entry for entry in of_kind(shipped, "case")}
    assert cases[10].get("literature") in (None, [])
    assert "ontbreekt" in cases[10].body


def test_athos_is_one_entry_citing_three_sources(shipped):
    athos = [e for e in of_kind(shipped, "initiative") if "athos" in e.title.lower()]
    assert [e.id for e in athos] == ["athos"]
    assert {s["source"] for s in athos[0].get("sources")} == {
        "kracht-van-het-gewone",
        "movisies-2020-1",
        "latrelatie-of-huwelijk-2016",
    }


def test_two_local_projects_called_welzijn_op_recept(shipped):
    by_id = shipped.by_id()
    places = {
        by_id[i].get("place")[0]
        for i in ("welzijn-op-recept-wijk-bij-duurstede", "welzijn-op-recept-everdingen")
    }
    assert len(places) == 2


def test_latrelatie_examples_name_both_laws(shipped):
    examples = [
        entry
        for entry in of_kind(shipped, "initiative")
        if any(s["source"] == "latrelatie-of-huwelijk-2016" for s in entry.get("sources"))
    ]
    for entry in examples:
        assert {"Wmo 2015", "Participatiewet"} <= set(entry.get("laws")), entry.id


def test_glossary_is_broad(shipped):
    assert len(of_kind(shipped, "term")) >= 80


def test_every_theme_and_law_has_its_glossary_term(shipped):
    terms = {entry.id for entry in of_kind(shipped, "term")}
    for name in ("themes", "laws"):
        for value in shipped.vocab.values(name).values():
            assert value.term in terms, (name, value.key)


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("Wmo", "wmo-2015"),
        ("wet maatschappelijke ondersteuning", "wmo-2015"),
        ("PW", "participatiewet"),
        ("Wet langdurige zorg", "wlz"),
        ("wijkteams", "sociaal-wijkteam"),
        ("mantelzorgers", "mantelzorg"),
    ],
)
def test_define_answers_aliases(cli, typed, term):
    result = cli("define", typed, "--format", "json", content=REAL_CONTENT)
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["id"] == term


def test_law_profiles_compare_side_by_side(cli):
    result = cli("compare", "wmo-2015", "participatiewet", "--format", "json", content=REAL_CONTENT)
    assert result.exit_code == 0, result.stdout
    text = result.stdout
    for label in ("Doel", "Doelgroep", "Instrumenten", "Financiering", "Toegang en wie beslist"):
        assert label in text


CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\b0\d{1,3}[- ]?\d{6,8}\b|\b06[- ]?\d{8}\b")


def test_no_personal_contact_data():
    for path in sorted(REAL_CONTENT.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert not CONTACT.search(text), f"{path}: {CONTACT.search(text).group(0)}"


def test_the_hague_initiatives_of_the_magazine(cli):
    result = cli(
        "list",
        "--kind",
        "initiative",
        "--place",
        "Den Haag",
        "--source",
        "movisies-2020-1",
        "--format",
        "json",
        content=REAL_CONTENT,
    )
    assert {row["id"] for row in json.loads(result.stdout)} >= {
        "regio-deal-den-haag-zuidwest",
        "werkoffensief-500-den-haag",
        "wijkbedrijf-allekanten",
        "energieacademie-den-haag",
    }


def test_define_answers_every_alias_of_every_term(shipped):
    from voorveld_cli.views.lookup import find_term

    terms = of_kind(shipped, "term")
    asked = 0
    for term in terms:
        for name in (term.id, term.title, *term.as_list("aliases")):
            assert find_term(shipped, str(name)).id == term.id, (name, term.id)
            assert find_term(shipped, str(name).upper()).id == term.id, name
            asked += 1
    assert asked > 3 * len(terms)


def test_search_pw_reaches_the_participatiewet(cli):
    result = cli("search", "PW", "--format", "json", "--limit", "3", content=REAL_CONTENT)
    assert json.loads(result.stdout)["hits"][0]["id"] == "participatiewet"

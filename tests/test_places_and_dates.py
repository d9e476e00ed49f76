"""Places by today's name (places.yml) and the year an entry's facts describe (as_of)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import write_entry
from voorveld_cli.content.filters import FilterError, parse_years

PLACES = """\
municipalities:
  Vijfheerenlanden:
    province: Utrecht
    formed: 2019
    former: [{name: Vianen, until: 2019}, {name: Leerdam, until: 2019}]
    villages: [Vianen, Everdingen, Hagestein]
"""


@pytest.fixture
def merged(corpus_dir: Path) -> Path:
    """The sample corpus plus two entries named by places of their time."""
    (corpus_dir / "places.yml").write_text(PLACES, encoding="utf-8")
    base = {
        "summary": "Huisartsen verwijzen naar welzijn.",
        "themes": ["eenzaamheid"],
        "province": ["Utrecht"],
    }
    base["sources"] = [{"source": "latrelatie-of-huwelijk-2016", "pages": "20"}]
    write_entry(
        corpus_dir,
        "initiative",
        "recept-everdingen",
        {"title": "Recept", "place": ["Vianen"], "area": "Everdingen", "as_of": 2017, **base},
    )
    write_entry(
        corpus_dir,
        "initiative",
        "buurt-leerdam",
        {"title": "Buurt", "place": ["Leerdam"], "as_of": "2014-05", **base},
    )
    return corpus_dir


def ids(cli, root, *args) -> list[str]:
    result = cli(*args, "--format", "json", content=root)
    data = json.loads(result.stdout or "[]")
    rows = data["hits"] if isinstance(data, dict) else data
    return sorted(row["id"] for row in rows)


def test_todays_municipality_finds_the_former_ones_and_villages(cli, merged):
    assert ids(cli, merged, "list", "--place", "Vijfheerenlanden") == ["buurt-leerdam", "recept-everdingen"]
    # The old name still finds what the source called by it, and only that.
    assert ids(cli, merged, "list", "--place", "vianen") == ["recept-everdingen"]
    assert ids(cli, merged, "list", "--place", "Everdingen") == ["recept-everdingen"]
    assert ids(cli, merged, "search", "welzijn", "--place", "Vijfheerenlanden") == [
        "buurt-leerdam",
        "recept-everdingen",
    ]


def test_searching_todays_name_finds_the_entry(cli, merged):
    assert ids(cli, merged, "search", "Vijfheerenlanden") == ["buurt-leerdam", "recept-everdingen"]


def test_show_gives_the_place_as_written_and_as_it_is_now(cli, merged):
    out = cli("show", "recept-everdingen", content=merged).stdout
    assert "**Plaats:** Vianen (nu Vijfheerenlanden)" in out
    assert "**Wijk of kern:** Everdingen\n" in out  # the place line already says it
    assert "**Stand:** 2017" in out


def test_without_places_file_a_place_is_just_its_name(cli, merged):
    (merged / "places.yml").unlink()
    assert ids(cli, merged, "list", "--place", "Vijfheerenlanden") == []
    assert ids(cli, merged, "list", "--place", "Vianen") == ["recept-everdingen"]


def test_a_broken_places_file_is_named_with_its_line(cli, merged):
    (merged / "places.yml").write_text("municipalities:\n  Vijfheerenlanden:\n    former: [{name: Vianen}]\n")
    result = cli("check", content=merged)
    assert result.exit_code != 0
    assert "places.yml:2: Vijfheerenlanden.former:" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("text", "years"),
    [("2016", (2016, 2016)), ("2015..2017", (2015, 2017)), ("..2016", (0, 2016)), ("2018..", (2018, 9999))],
)
def test_year_ranges(text, years):
    assert parse_years(text) == years


@pytest.mark.parametrize("text", ["zestien", "2017..2015", "2016-05"])
def test_bad_year_ranges_say_what_is_expected(text):
    with pytest.raises(FilterError, match="--as-of"):
        parse_years(text)


def test_the_compare_and_handout_carry_the_year(cli, merged):
    data = json.loads(
        cli("compare", "recept-everdingen", "buurt-leerdam", "--format", "json", content=merged).stdout
    )
    rows = {row["field"]: row["values"] for row in data["rows"]}
    assert rows["as_of"] == {"recept-everdingen": 2017, "buurt-leerdam": "2014-05"}
    out = cli("handout", "recept-everdingen", content=merged).stdout
    assert "*Praktijkvoorbeeld · Vianen · stand 2017*" in out


def test_shipped_corpus_finds_entries_by_todays_municipality(cli):
    assert "welzijn-op-recept-everdingen" in ids(cli, None, "list", "--place", "Vijfheerenlanden")
    assert "statushouders-giessenlanden" in ids(cli, None, "list", "--place", "Molenlanden")
    assert "maatjesproject-voor-jongeren-in-driebergen" in ids(
        cli, None, "list", "--place", "Utrechtse Heuvelrug"
    )


def test_as_of_filters_list_and_search_alike(cli, merged):
    assert ids(cli, merged, "list", "--as-of", "2017") == ["recept-everdingen"]
    assert ids(cli, merged, "list", "--as-of", "2014") == ["buurt-leerdam"]  # '2014-05' is in 2014
    assert ids(cli, merged, "list", "--as-of", "2014..2017", "--kind", "initiative") == [
        "buurt-leerdam",
        "recept-everdingen",
    ]
    assert ids(cli, merged, "search", "welzijn", "--as-of", "..2016") == ["buurt-leerdam"]
    # Terms describe no year: a year filter leaves them out.
    assert "wmo-2015" not in ids(cli, merged, "list", "--as-of", "1900..2100")


def test_a_bad_year_is_a_plain_sentence(cli, merged):
    result = cli("list", "--as-of", "zestien", content=merged)
    assert result.exit_code == 2
    assert "--as-of" in result.stderr and "Traceback" not in result.stderr

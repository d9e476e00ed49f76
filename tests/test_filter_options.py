"""One FILTER_OPTIONS spec: every filtering command, the fast path and `build` follow it."""

from __future__ import annotations

import dataclasses
import json

import pytest
from typer.main import get_command

from voorveld_cli.cli.app import app
from voorveld_cli.cli.fastpath import SEARCH_OPTIONS, parse_search
from voorveld_cli.content.filters import FILTER_OPTIONS, FilterError, Filters, build

FILTERING = ("search", "list", "stats", "export", "matrix", "handout")


def declared_options(name: str) -> dict[str, str]:
    command = get_command(app).commands[name]
    out = {}
    for param in command.params:
        if param.param_type_name == "option":
            [flag] = [o for o in param.opts if o.startswith("--")]
            out[flag] = "flag" if param.is_flag else ("many" if param.multiple else "value")
    return out


def test_the_spec_and_the_filters_dataclass_name_the_same_fields():
    assert {o.field for o in FILTER_OPTIONS} == {f.name for f in dataclasses.fields(Filters)}


@pytest.mark.parametrize("name", FILTERING)
def test_every_filtering_command_offers_every_filter_option(name):
    declared = declared_options(name)
    for option in FILTER_OPTIONS:
        assert declared.get(option.flag) == option.how, (name, option.flag)


def test_the_fast_path_reads_every_filter_option():
    for option in FILTER_OPTIONS:
        assert SEARCH_OPTIONS[option.flag] == option.how
    args = ["zorg"]
    for option in FILTER_OPTIONS:
        args += [option.flag] if option.how == "flag" else [option.flag, "x"]
    values = parse_search(args)["filter_values"]
    assert set(values) == {o.field for o in FILTER_OPTIONS}


def test_build_refuses_a_field_the_spec_does_not_know(corpus_dir):
    from voorveld_cli.content.vocabulary import load

    vocab, _ = load(corpus_dir)
    with pytest.raises(TypeError):
        build(vocab, theme=["werk"])  # the field is 'themes'
    assert build(vocab, themes=["Werk en inkomen"]).themes == ("werk",)
    with pytest.raises(FilterError, match="--theme"):
        build(vocab, themes=["geen-thema"])


def ids(result) -> list[str]:
    data = json.loads(result.stdout or "[]")
    rows = data["hits"] if isinstance(data, dict) else data
    return sorted(row["id"] for row in rows)


FILTER_ARGS = [
    ["--kind", "casus"],
    ["--theme", "eenzaamheid"],
    ["--law", "pw"],
    ["--law", "wmo", "--explicit"],
    ["--place", "Zeist"],
    ["--province", "Zuid-Holland"],
    ["--source", "movisies-2020-1"],
    ["--source", "De kracht van het gewone"],
    ["--as-of", "2019..2021"],
]
BROAD = ["mantelzorg", "werk", "buurtkamer", "keukentafelgesprek", "wmo", "respijtzorg"]


def test_the_sample_arguments_cover_every_filter_option():
    assert {o.flag for o in FILTER_OPTIONS} <= {a for args in FILTER_ARGS for a in args}


@pytest.mark.parametrize("args", FILTER_ARGS)
def test_each_filter_keeps_the_same_entries_in_list_and_in_search(cli, corpus_dir, args):
    listed = set(ids(cli("list", *args, "--format", "json", content=corpus_dir)))
    everything = set(ids(cli("list", "--format", "json", content=corpus_dir)))
    assert listed and listed < everything, args  # the filter keeps something and drops something
    # The index filters (search/query.py) agree with the library filters (content/filters.py).
    found = set(ids(cli("search", *BROAD, "--limit", "100", "--format", "json", content=corpus_dir)))
    filtered = ids(cli("search", *BROAD, *args, "--limit", "100", "--format", "json", content=corpus_dir))
    assert set(filtered) == found & listed, args

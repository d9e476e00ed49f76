"""Bad input, faults and concurrency: nothing crashes, nothing is lost, nothing runs code.

Property-based tests (hypothesis) feed arbitrary text to the front matter parser,
the schema validator and the query parser. Fault tests really kill a process
mid-build, really corrupt and delete index files, and really run processes side by side.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.synthetic import generate
from voorveld_cli import search as index
from voorveld_cli.content.filters import FilterError, build
from voorveld_cli.content.model import Problem
from voorveld_cli.content.parse import parse_bytes, parse_text
from voorveld_cli.content.validate import validate
from voorveld_cli.content.vocabulary import load as load_vocabulary
from voorveld_cli.search import cache

from .conftest import REAL_CONTENT, SAMPLE, write_entry

VOCAB, _ = load_vocabulary(REAL_CONTENT)
PROPERTY = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# -- property-based: parser, validator, query ---------------------------------------

yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30)
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


@PROPERTY
@given(st.text(max_size=400))
def test_parser_never_raises_on_arbitrary_text(text):
    parsed = parse_text(text, "x.md")
    assert parsed.data is None or isinstance(parsed.data, dict)
    assert all(isinstance(p, Problem) and p.line >= 0 for p in parsed.problems)
    if parsed.data is None:
        assert parsed.problems


@PROPERTY
@given(st.binary(max_size=300))
def test_parser_never_raises_on_arbitrary_bytes(raw):
    parsed = parse_bytes(b"---\n" + raw + b"\n---\n", "x.md")
    assert parsed.data is None or isinstance(parsed.data, dict)


@PROPERTY
@given(
    st.lists(
        st.sampled_from([*"ab:-[]{}&*!|>'\"#\n %@`,?", "!!python/object", "<<", "  - ", "k: "]), max_size=60
    ).map("".join)
)
def test_parser_never_raises_on_yaml_syntax_soup(body):
    parsed = parse_text(f"---\n{body}\n---\ntekst\n", "x.md")
    assert parsed.data is None or isinstance(parsed.data, dict)


@PROPERTY
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "title",
                "summary",
                "themes",
                "laws",
                "laws_inferred",
                "sources",
                "place",
                "province",
                "figures",
                "questions",
                "number",
                "part",
                "law_profile",
                "related",
                "onbekend",
            ]
        ),
        yaml_values,
        max_size=10,
    ),
    st.sampled_from(["initiative", "case", "term"]),
)
def test_validator_never_raises_on_arbitrary_front_matter(front, kind):
    problems = validate(front, kind, "x", "x.md", {}, "tekst", VOCAB)
    assert all(isinstance(p, Problem) for p in problems)


@PROPERTY
@given(yaml_values)
def test_round_trip_through_yaml_and_validator(value):
    text = "---\n" + yaml.safe_dump({"title": value, "sources": value}, allow_unicode=True) + "---\n"
    parsed = parse_text(text, "x.md")
    if parsed.data is not None:
        validate(parsed.data, "initiative", "x", "x.md", parsed.lines, "", VOCAB)


@PROPERTY
@given(st.text(max_size=40))
def test_filter_values_resolve_or_say_why(value):
    try:
        build(VOCAB, themes=[value], laws=[value], provinces=[value])
    except FilterError as err:
        assert "Onbekende waarde" in str(err)


@pytest.fixture(scope="module")
def searchable(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VOORVELD_CACHE", str(tmp_path_factory.mktemp("cache")))
        root = generate(tmp_path_factory.mktemp("syn"), 60, seed=3)
        ix, _ = index.open_index(root, VOCAB)
    return ix, root


@PROPERTY
@given(st.text(max_size=80))
def test_query_parser_never_raises(searchable, text):
    from voorveld_cli.content.filters import Filters

    ix, root = searchable
    result = index.search(ix, root, text, Filters(), limit=3)
    assert result.total >= len(result.hits)


@PROPERTY
@given(
    st.lists(st.sampled_from([*'"()*?~^:+-', "AND", "OR", "NOT", "title:", " ", "zorg"]), max_size=20).map(
        "".join
    )
)
def test_query_syntax_soup_never_raises(searchable, text):
    from voorveld_cli.content.filters import Filters

    ix, root = searchable
    index.search(ix, root, text, Filters(), limit=3)


# -- bad content through the real CLI -------------------------------------------------

BAD_FILES = {
    "broken-yaml": ("---\ntitle: [\n---\n", "ongeldige YAML"),
    "no-front-matter": ("# Alleen een kop\n", "geen front matter"),
    "empty": ("", "leeg bestand"),
    "list-front-matter": ("---\n- a\n---\n", "niet uit een lijst"),
    "number-title": (
        "---\ntitle: 12\nsummary: x\nas_of: 2020\nthemes: [werk]\n"
        "sources: [{source: movisies-2020-1, pages: 1}]\n"
        "---\nx\n",
        "verwacht tekst, kreeg een getal",
    ),
    "string-for-list": (
        "---\ntitle: x\nsummary: x\nas_of: 2020\nthemes: werk\n"
        "sources: [{source: movisies-2020-1, pages: 1}]\n---\nx\n",
        "verwacht een lijst",
    ),
    "mapping-for-list": (
        "---\ntitle: x\nsummary: x\nas_of: 2020\nthemes: {a: 1}\n"
        "sources: [{source: movisies-2020-1, pages: 1}]\n---\nx\n",
        "verwacht een lijst van teksten",
    ),
    "python-tag": (
        "---\ntitle: !!python/object/apply:os.system ['touch /tmp/voorveld-pwned']\n---\n",
        "niet toegestaan",
    ),
    "yaml-bomb": (
        "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        "c: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n---\n",
        "ankers",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_named_by_check_and_skipped_by_readers(cli, corpus_dir, name):
    text, expected = BAD_FILES[name]
    (corpus_dir / "initiatives" / f"{name}.md").write_text(text, encoding="utf-8")
    check = cli("check", content=corpus_dir)
    assert check.exit_code == 1
    [line] = [ln for ln in check.stdout.splitlines() if f"{name}.md:" in ln]
    assert expected in line
    listed = cli("list", "--format", "json", content=corpus_dir)
    assert len(json.loads(listed.stdout)) == 6  # the rest is served
    found = cli("search", "mantelzorg", "--format", "json", content=corpus_dir)
    assert json.loads(found.stdout)["total"] >= 1
    assert f"{name}.md" in found.stderr
    assert not Path("/tmp/voorveld-pwned").exists()


def test_non_utf8_bom_crlf_unknown_keys_and_duplicates(cli, corpus_dir):
    folder = corpus_dir / "initiatives"
    (folder / "latin1.md").write_bytes("---\ntitle: Café\n---\n".encode("latin-1"))
    good = (folder / "werkplaats-den-haag.md").read_text(encoding="utf-8")
    (folder / "crlf-bom.md").write_bytes(("\ufeff" + good.replace("\n", "\r\n")).encode("utf-8"))
    (folder / "extra-key.md").write_text(good.replace("title:", "kleur: rood\ntitle:"), encoding="utf-8")
    case_front, case_body = SAMPLE[("case", "keukentafel")]
    write_entry(corpus_dir, "case", "werkplaats-den-haag", {**case_front, "number": 2}, case_body)
    out = cli("check", content=corpus_dir).stdout
    assert "latin1.md:2: bestand: geen geldige UTF-8" in out
    # The copies share a title (check warns about that); nothing else is wrong with the BOM/CRLF file.
    crlf = [ln for ln in out.splitlines() if "crlf-bom.md" in ln]
    assert crlf and all("title: lijkt sterk op de titel van" in ln for ln in crlf)
    assert "extra-key.md:2: kleur: onbekend veld" in out
    assert "id 'werkplaats-den-haag' bestaat al" in out


def test_five_megabyte_file(cli, corpus_dir):
    good = (corpus_dir / "initiatives" / "werkplaats-den-haag.md").read_text(encoding="utf-8")
    big = good + ("Een lange alinea over de wijk en de bewoners. " * 120_000)
    (corpus_dir / "initiatives" / "groot.md").write_text(big, encoding="utf-8")
    assert len(big.encode()) > 5 * 1024 * 1024
    assert cli("check", content=corpus_dir).exit_code == 0
    found = json.loads(cli("search", "alinea", "--format", "json", content=corpus_dir).stdout)
    assert [h["id"] for h in found["hits"]] == ["groot"]


def test_empty_content_dir(cli, tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    for name in ("vocabulary.yml", "sources.yml"):
        shutil.copy(REAL_CONTENT / name, root / name)
    assert json.loads(cli("list", "--format", "json", content=root).stdout) == []
    data = json.loads(cli("search", "zorg", "--format", "json", content=root).stdout)
    assert data["total"] == 0
    assert cli("check", "--strict", content=root).exit_code == 0


def test_content_dir_without_vocabulary(cli, tmp_path):
    (tmp_path / "initiatives").mkdir()  # a content folder, but no vocabulary.yml
    result = cli("check", content=tmp_path)
    assert result.exit_code == 1
    assert "vocabulary.yml: bestand: ontbreekt in de content-map" in result.stdout


def test_output_never_lands_in_the_content_tree(cli, corpus_dir):
    result = cli("export", "-o", str(corpus_dir / "initiatives" / "dump.md"), content=corpus_dir)
    assert result.exit_code == 2
    assert "ligt in de content-map" in result.stderr
    assert not (corpus_dir / "initiatives" / "dump.md").exists()


# -- index faults with real processes -------------------------------------------------


def voorveld(*args, env, cwd=None, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "voorveld_cli", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


@pytest.fixture
def process_env(tmp_path, monkeypatch):
    """The environment for child processes; this process uses the same cache."""
    monkeypatch.setenv("VOORVELD_CACHE", str(tmp_path / "cache"))
    env = dict(os.environ)
    env.pop("VOORVELD_CONTENT", None)
    return env


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("big"), 1500, seed=7)


def test_killed_build_leaves_a_complete_index(big_corpus, process_env):
    first = voorveld("index", "--content-dir", str(big_corpus), env=process_env)
    assert first.returncode == 0, first.stderr
    home = cache.index_home(big_corpus)
    previous = (home / "CURRENT").read_text()

    proc = subprocess.Popen(
        [sys.executable, "-m", "voorveld_cli", "index", "--rebuild", "--content-dir", str(big_corpus)],
        env=process_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(1.5)
    assert proc.poll() is None, "the build finished before it could be killed; use a bigger corpus"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (home / "CURRENT").read_text() == previous  # the half build was never swapped in
    assert len([p for p in home.iterdir() if p.name.startswith("ix-")]) == 2

    after = voorveld(
        "search", "mantelzorg", "--format", "json", "--content-dir", str(big_corpus), env=process_env
    )
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout)["total"] > 0
    listed = voorveld("index", "--content-dir", str(big_corpus), env=process_env)
    assert "al actueel (1500 bestanden)" in listed.stdout


def test_half_deleted_index_is_detected_and_rebuilt(big_corpus, process_env):
    voorveld("index", "--content-dir", str(big_corpus), env=process_env)
    home = cache.index_home(big_corpus)
    folder = home / (home / "CURRENT").read_text()
    segments = [p for p in folder.iterdir() if p.suffix in (".seg", ".pst", ".trm", ".vps", ".fdt", ".sto")]
    assert segments
    for path in segments[: max(1, len(segments) // 2)]:
        path.unlink()
    result = voorveld(
        "search", "mantelzorg", "--format", "json", "--content-dir", str(big_corpus), env=process_env
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] > 0
    assert result.stderr.count("beschadigd") == 1
    again = voorveld("search", "mantelzorg", "--content-dir", str(big_corpus), env=process_env)
    assert "beschadigd" not in again.stderr


def test_two_index_runs_and_searches_at_once(big_corpus, process_env):
    voorveld("index", "--content-dir", str(big_corpus), env=process_env)
    # Change files so that every process has a refresh to do, then run them side by side.
    for path in sorted((big_corpus / "initiatives").glob("*.md"))[:40]:
        path.write_text(path.read_text(encoding="utf-8") + "\nNieuwe zin over tuinieren.\n", encoding="utf-8")
    commands = [
        ["index"],
        ["index", "--rebuild"],
        ["search", "tuinieren", "--format", "json"],
        ["search", "mantelzorg", "--format", "json"],
        ["index"],
        ["search", "tuinieren", "--format", "json"],
    ]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "voorveld_cli", *c, "--content-dir", str(big_corpus)],
            env=process_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for c in commands
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for command, proc, (out, err) in zip(commands, procs, outputs, strict=True):
        assert "Traceback" not in err
        if command[0] == "search":
            # The exit code table: 1 for a search that found nothing (yet), 0 otherwise.
            assert proc.returncode == (0 if json.loads(out)["total"] else 1), (command, err)
        else:
            assert proc.returncode == 0, (command, err)
    final = voorveld(
        "search", "tuinieren", "--format", "json", "--content-dir", str(big_corpus), env=process_env
    )
    assert json.loads(final.stdout)["total"] == 40

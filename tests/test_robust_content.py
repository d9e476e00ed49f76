"""Issue 23 (content side) and issue 16 defects 1 and 3: no content file, file system
oddity or race takes a read command down, and no cache outlives the code or the file
it was made from. Real files, real processes, the real index."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

import voorveld_cli
from voorveld_cli.content import corpus, kinds
from voorveld_cli.search import dutch

from .conftest import REAL_CONTENT, SAMPLE, write_entry

HEX = "0x" + "f" * 4400  # more digits than Python turns into a string
INITIATIVE = "initiatives/werkplaats-den-haag.md"
READERS = [
    ("list",),
    ("show", "werkplaats-den-haag"),
    ("search", "werkplaats"),
    ("export", "--format", "jsonl"),
    ("stats",),
]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_field(path: Path, line: str) -> None:
    edit(path, "---\n", f"---\n{line}\n")


def voorveld(*args: str, env: dict | None = None, user: bool = False, limit_mb: int | None = None):
    """The installed CLI in its own process; as an unprivileged user when asked (root reads anything)."""
    prefix: list[str] = []
    if user and os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("needs setpriv to drop root's read-anything right")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]

    def limit():
        if limit_mb:
            resource.setrlimit(resource.RLIMIT_AS, (limit_mb * 2**20, limit_mb * 2**20))

    return subprocess.run(
        [*prefix, sys.executable, "-m", "voorveld_cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        preexec_fn=limit,
        cwd="/",
        timeout=300,
    )


# -- 23.1 bounded scalars ------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda p: add_field(p, f"extra: {HEX}"), "extra", "te groot"),
        (lambda p: edit(p, "title: Werkplaats Den Haag", f"title: {HEX}"), "title", "te groot"),
        (lambda p: edit(p, "title: Werkplaats Den Haag", "title: " + "9" * 5000), "title", "te groot"),
        (
            lambda p: (
                edit(p, "started: 2014", "started: 9007199254740993")
                if "started" in p.read_text()
                else add_field(p, "started: 9007199254740993")
            ),
            "started",
            "te groot",
        ),
        (lambda p: add_field(p, "figures: [{label: a, value: .nan, year: 2019}]"), "figures[0].value", "NaN"),
        (
            lambda p: add_field(p, "figures: [{label: a, value: -.inf, year: 2019}]"),
            "figures[0].value",
            "NaN",
        ),
        (lambda p: edit(p, "title: Werkplaats Den Haag", "title: " + "ab " * 5000), "title", "te lang"),
    ],
)
def test_check_refuses_what_readers_would_choke_on(cli, corpus_dir, change, field, message):
    change(corpus_dir / INITIATIVE)
    result = cli("check", "--strict", content=corpus_dir)
    assert result.exit_code == 1
    line = next(line for line in result.stdout.splitlines() if "werkplaats-den-haag.md:" in line)
    assert f": {field}: " in line and message in line, line
    assert line.split(":")[1].isdigit()  # file:line: field: message
    for args in READERS:
        out = cli(*args, content=corpus_dir)  # the fixture fails on any traceback
        assert "NaN" not in out.stdout and "Infinity" not in out.stdout


def test_case_number_too_big_for_a_string(cli, corpus_dir):
    edit(corpus_dir / "cases/keukentafel.md", "number: 1", f"number: {HEX}")
    assert "keukentafel.md:" in cli("check", content=corpus_dir).stdout
    for args in (("list",), ("show", "keukentafel"), ("stats",), ("search", "keukentafelgesprek")):
        cli(*args, content=corpus_dir)


# -- 16.3 duplicate keys, and the misleading messages of issue 23 (Low) --------------------


def test_duplicate_key_names_both_lines_and_the_file_is_skipped(cli, corpus_dir):
    path = corpus_dir / INITIATIVE
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines, 1) if line.startswith("place:"))
    lines.insert(len(lines) - lines[::-1].index("---") - 1, "place: 12")  # before the closing ---
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    second = lines.index("place: 12") + 1
    out = cli("check", content=corpus_dir).stdout
    assert f"werkplaats-den-haag.md:{second}: place: staat twee keer in de front matter " in out
    assert f"(regel {first} en {second})" in out
    assert "tweede waarde telt" not in out
    assert "bestand overgeslagen" in cli("list", content=corpus_dir).stderr


def test_merge_key_utf16_and_newline_in_a_name(cli, corpus_dir):
    add_field(corpus_dir / INITIATIVE, "<<: {a: 1}")
    utf16 = corpus_dir / "glossary/mantelzorg.md"
    utf16.write_bytes(utf16.read_text(encoding="utf-8").encode("utf-16-le"))  # no BOM
    named = corpus_dir / "initiatives" / "twee\nregels.md"
    shutil.copy(corpus_dir / "initiatives/respijt-utrecht.md", named)
    out = cli("check", content=corpus_dir).stdout
    assert "samenvoegsleutels (<<)" in out and "!!merge" not in out
    assert "mantelzorg.md:1: bestand: geen UTF-8: het bestand lijkt UTF-16" in out
    assert "twee\\nregels.md:1: id:" in out
    assert all(
        line.startswith(("content", str(corpus_dir), "twee", "/")) or "fout" in line
        for line in out.splitlines()
        if line
    ), out  # every problem on one line


def test_content_dir_that_holds_no_content(cli, tmp_path):
    etc = tmp_path / "etc"
    (etc / "ssh").mkdir(parents=True)
    result = cli("search", "zorg", content=etc)
    assert result.exit_code == 2 and "is geen content-map" in result.stderr
    result = cli("list", "--content-dir", "")
    assert result.exit_code == 2 and "lege waarde" in result.stderr
    assert "lege waarde" in voorveld("search", "zorg", "--content-dir=").stderr  # the fast path too


# -- 23.4 unreadable things in content/ ----------------------------------------------


def test_loop_dangling_link_fifo_and_a_file_for_a_folder(cli, corpus_dir):
    (corpus_dir / "initiatives/loop.md").symlink_to("loop.md")
    (corpus_dir / "initiatives/weg.md").symlink_to("nergens.md")
    os.mkfifo(corpus_dir / "initiatives/pijp.md")
    shutil.rmtree(corpus_dir / "cases")
    (corpus_dir / "cases").write_text("geen map\n", encoding="utf-8")
    out = cli("check", "--strict", content=corpus_dir).stdout
    assert "loop.md: niet te lezen: symbolische link in een kring" in out
    assert "weg.md: verwijst naar een bestand dat niet bestaat" in out
    assert "pijp.md: is geen gewoon bestand" in out
    assert "cases: is een bestand, geen map" in out
    assert "In orde" not in out
    for args in READERS:
        result = cli(*args, content=corpus_dir)
        assert "loop.md" in result.stderr or args[0] == "export", (args, result.stderr)
    ids = cli("list", "--format", "ids", content=corpus_dir).stdout.split()
    assert "werkplaats-den-haag" in ids and "mantelzorg" in ids


@pytest.fixture
def shared_corpus(corpus_dir):
    """The corpus and a cache in a folder any user can enter (pytest's is root-only)."""
    base = Path(tempfile.mkdtemp(prefix="voorveld-shared-"))
    shutil.copytree(corpus_dir, base / "content")
    (base / "cache").mkdir()
    for path in [base, *base.rglob("*")]:
        os.chmod(path, 0o777 if path.is_dir() else 0o666)
    yield base / "content", {"VOORVELD_CACHE": str(base / "cache")}
    shutil.rmtree(base, ignore_errors=True)


def test_unreadable_folder_is_a_problem_not_a_crash(shared_corpus):
    root, env = shared_corpus
    os.chmod(root / "cases", 0)
    check = voorveld("check", "--content-dir", str(root), env=env, user=True)
    assert "Traceback" not in check.stderr
    assert "cases: map niet te lezen: geen leesrechten" in check.stdout
    for args in (("list",), ("search", "werkplaats"), ("stats",), ("index",)):
        result = voorveld(*args, "--content-dir", str(root), env=env, user=True)
        assert "Traceback" not in result.stderr and "geen leesrechten" in result.stderr, args


# -- 23.7 stale results ----------------------------------------------------------------


def test_a_read_failure_is_never_cached(shared_corpus):
    root, env = shared_corpus
    path = root / INITIATIVE
    os.chmod(path, 0)
    for args in (("list", "--format", "ids"), ("search", "werkplaats", "--format", "ids")):
        result = voorveld(*args, "--content-dir", str(root), env=env, user=True)
        assert "werkplaats-den-haag" not in result.stdout and "geen leesrechten" in result.stderr
    os.chmod(path, 0o666)
    for args in (("list", "--format", "ids"), ("search", "werkplaats", "--format", "ids")):
        result = voorveld(*args, "--content-dir", str(root), env=env, user=True)
        assert "werkplaats-den-haag" in result.stdout.split(), (args, result.stderr)


def test_same_size_edit_with_the_mtime_put_back_is_seen(cli, corpus_dir):
    path = corpus_dir / INITIATIVE
    assert "Werkplaats Den Haag" in cli("show", "werkplaats-den-haag", content=corpus_dir).stdout
    cli("search", "werkplaats", content=corpus_dir)
    before = path.stat()
    edit(path, "Werkplaats Den Haag", "Werkplaats Den Helder"[:19])  # same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert "Werkplaats Den Held" in cli("show", "werkplaats-den-haag", content=corpus_dir).stdout
    hits = json.loads(cli("search", "werkplaats", "--format", "json", content=corpus_dir).stdout)["hits"]
    assert [h["title"] for h in hits if h["id"] == "werkplaats-den-haag"] == ["Werkplaats Den Held"]


def test_index_rebuild_clears_the_entry_cache(cli, corpus_dir, monkeypatch):
    cli("list", content=corpus_dir)
    reads: list[str] = []
    real = corpus.load_entry
    monkeypatch.setattr(corpus, "load_entry", lambda k, p, v: reads.append(p.name) or real(k, p, v))
    cli("list", content=corpus_dir)
    assert reads == []
    cli("index", "--rebuild", content=corpus_dir)
    reads.clear()
    cli("list", content=corpus_dir)
    assert len(reads) == 6


# -- 16.1 caches keyed on the code that made them --------------------------------------


@pytest.mark.parametrize("bump", ["rules", "package"])
def test_an_upgrade_revalidates_and_reindexes(cli, corpus_dir, monkeypatch, bump):
    cli("list", content=corpus_dir)
    cli("index", content=corpus_dir)
    reads: list[str] = []
    real = corpus.load_entry
    monkeypatch.setattr(corpus, "load_entry", lambda k, p, v: reads.append(p.name) or real(k, p, v))
    cli("list", content=corpus_dir)
    assert "al actueel" in cli("index", content=corpus_dir).stdout
    assert reads == []
    if bump == "rules":
        monkeypatch.setattr(kinds, "RULES_VERSION", kinds.RULES_VERSION + 1)
    else:
        monkeypatch.setattr(voorveld_cli, "__version__", voorveld_cli.__version__ + ".post1")
    cli("list", content=corpus_dir)
    assert len(reads) == 6  # list re-validated every file
    result = cli("search", "werkplaats", content=corpus_dir)
    assert "oudere versie" in result.stderr  # search re-indexed
    assert len(reads) == 12


# -- 23.5 races: files vanish and come back while list and search run --------------------


def test_files_vanishing_during_list_and_search(cli, corpus_dir):
    cli("index", content=corpus_dir)
    home = next(Path(os.environ["VOORVELD_CACHE"]).iterdir())
    current = (home / "CURRENT").read_text()
    victims = sorted((corpus_dir / "initiatives").glob("*.md"))
    texts = {path: path.read_bytes() for path in victims}
    stop = threading.Event()

    def churn():
        while not stop.is_set():
            for path, data in texts.items():
                path.unlink(missing_ok=True)
                path.write_bytes(data)

    thread = threading.Thread(target=churn)
    thread.start()
    try:
        for _ in range(40):
            for args in (("list", "--format", "ids"), ("search", "mantelzorg", "--format", "ids")):
                result = cli(*args, content=corpus_dir)  # the fixture fails on any traceback
                assert "beschadigd" not in result.stderr
                assert "niet te lezen" not in result.stderr
    finally:
        stop.set()
        thread.join()
    assert (home / "CURRENT").read_text() == current  # refreshed in place, never rebuilt


# -- 23.8 cost that one file can blow up --------------------------------------------------


def test_sparse_three_gigabyte_file_is_never_read(corpus_dir, tmp_path):
    with open(corpus_dir / "initiatives/groot.md", "wb") as handle:
        handle.truncate(3 * 2**30)
    env = {"VOORVELD_CACHE": str(tmp_path / "cache")}
    check = voorveld("check", "--content-dir", str(corpus_dir), env=env, limit_mb=1024)
    assert "groot.md:1: bestand: te groot (3072 MB); de grens is 10 MB" in check.stdout, check.stderr
    for args in (("list",), ("search", "werkplaats")):
        result = voorveld(*args, "--content-dir", str(corpus_dir), env=env, limit_mb=1024)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


def test_a_megabyte_word_is_not_split(cli, corpus_dir, monkeypatch):
    path = corpus_dir / INITIATIVE
    long_word = "zorg" * 250_000
    elliptic = " dak- en " + "thuis" * 1000 + "lozen"
    path.write_text(
        path.read_text(encoding="utf-8") + f"\nTuinieren. {long_word}{elliptic}\n", encoding="utf-8"
    )
    longest: list[int] = [0]
    from voorveld_cli.search import analysis

    analysis.forget_words()  # words analysed by earlier tests would not reach compound_parts
    real = dutch.compound_parts.__wrapped__
    monkeypatch.setattr(dutch, "compound_parts", lambda w: longest.append(len(w)) or tuple(real(w)))
    result = cli("search", "tuinieren", "--format", "ids", content=corpus_dir)
    assert result.stdout.split() == ["werkplaats-den-haag"]
    assert 0 < max(longest) <= dutch.MAX_WORD


# -- 23.11 a duplicate id across kinds: one rule everywhere --------------------------------


def test_duplicate_id_across_kinds_gives_one_entry_everywhere(cli, corpus_dir):
    twin = corpus_dir / "glossary/werkplaats-den-haag.md"
    shutil.copy(corpus_dir / "glossary/mantelzorg.md", twin)
    edit(twin, "title: Mantelzorg", "title: Werkplaats als begrip")
    out = cli("check", content=corpus_dir).stdout
    assert "glossary/werkplaats-den-haag.md:1: id: id 'werkplaats-den-haag' bestaat al" in out
    listed = json.loads(cli("list", "--format", "json", content=corpus_dir).stdout)
    shown = json.loads(cli("show", "werkplaats-den-haag", "--format", "json", content=corpus_dir).stdout)
    found = cli("search", "werkplaats", "--format", "json", content=corpus_dir)
    hits = [h for h in json.loads(found.stdout)["hits"] if h["id"] == "werkplaats-den-haag"]
    assert [r["kind"] for r in listed if r["id"] == "werkplaats-den-haag"] == ["initiative"]
    assert shown["kind"] == "initiative"
    assert [h["kind"] for h in hits] == ["initiative"]
    for args in (("list",), ("search", "werkplaats"), ("show", "werkplaats-den-haag")):
        assert "glossary/werkplaats-den-haag.md" in cli(*args, content=corpus_dir).stderr, args
    (corpus_dir / INITIATIVE).unlink()  # the id is free: the unchanged twin is indexed now
    found = json.loads(cli("search", "begrip", "--format", "json", content=corpus_dir).stdout)
    assert [h["kind"] for h in found["hits"] if h["id"] == "werkplaats-den-haag"] == ["term"]


def test_the_shipped_corpus_still_checks_clean(cli):
    assert cli("check", "--strict", content=REAL_CONTENT).exit_code == 0


def test_a_warning_never_hides_an_error_about_the_same_field(cli, corpus_dir):
    """Found by the 10,000-example property: a control character inside a table where a
    list of laws belongs gave a warning, which silenced the error, and every reader crashed."""
    front, body = SAMPLE[("case", "keukentafel")]
    laws = [{"label": "x", "value": "\x1f", "year": "\x1f"}]
    write_entry(corpus_dir, "case", "keukentafel", {**front, "laws": laws}, body)
    result = cli("check", content=corpus_dir)
    assert result.exit_code == 1
    assert "keukentafel.md" in result.stdout and "laws[0]" in result.stdout
    assert cli("list", "--format", "json", content=corpus_dir).exit_code == 0  # skipped, not crashed
    assert cli("search", "gesprek", "--format", "json", content=corpus_dir).exit_code in (0, 1)

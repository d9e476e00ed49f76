"""Shared fixtures: a small real corpus on disk, an isolated index cache, the real CLI."""

from __future__ import annotations

import compileall
import contextlib
import functools
import os
import shutil
import signal
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import typer.testing
import yaml
from typer.main import get_command
from typer.testing import CliRunner

from voorveld_cli.cli.app import app

REPO = Path(__file__).resolve().parents[1]
# The shipped corpus; VOORVELD_TEST_CONTENT points the content tests at a copy
# (test_floors.py runs them on a copy with one entry added).
REAL_CONTENT = Path(os.environ.get("VOORVELD_TEST_CONTENT") or REPO / "content")
# A small corpus made for the golden tables, so that new content never changes them.
TEST_CORPUS = REPO / "tests" / "corpus"
FOLDERS = {"initiative": "initiatives", "case": "cases", "term": "glossary", "article": "articles"}
DATED = {"initiative", "case", "article"}


# pytest keeps the test modules it has rewritten (for its assert messages) in __pycache__,
# but not with PYTHONDONTWRITEBYTECODE set (as on our CI machine): then every run, and every
# xdist worker, parses and rewrites all fifty test modules again, about 1.8 s of CPU each.
# Only this process writes; the processes the tests start keep the setting.
sys.dont_write_bytecode = False


def pytest_configure(config):
    """Byte-compile the package once, as pip does when it installs one: an editable install
    has no .pyc files, and with PYTHONDONTWRITEBYTECODE set (as on our CI machine) every
    `voorveld` a test starts would compile its modules again (about 0.1 s a process)."""
    compileall.compile_dir(REPO / "src", quiet=1)


# Typer turns the app into a Click command tree on every CliRunner.invoke: about 11 ms
# for sixteen commands, a thousand times a run. The tree holds no state between calls
# (Click makes a new context each time), so the tests build it once per app.
_COMMANDS: dict[int, object] = {}


def _command_once(typer_app):
    if id(typer_app) not in _COMMANDS:
        _COMMANDS[id(typer_app)] = get_command(typer_app)
    return _COMMANDS[id(typer_app)]


typer.testing._get_command = _command_once


SESSION_MARK = "VOORVELD_TEST_SESSION"


def marked_processes(mark: str) -> list[int]:
    """Live processes (not zombies) whose environment carries this session's mark."""
    needle = f"{SESSION_MARK}={mark}".encode()
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as f:
                if needle not in f.read().split(b"\0"):
                    continue
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        if stat[stat.rfind(b")") + 2 : stat.rfind(b")") + 3] != b"Z":
            found.append(int(name))
    return found


@pytest.fixture(autouse=True, scope="session")
def no_orphans():
    """Every process a test starts carries a mark in its environment; at the end of
    the run none may be left (a killed build's workers, a forgotten Popen)."""
    if not os.path.isdir("/proc/self"):
        yield
        return
    mark = uuid.uuid4().hex
    os.environ[SESSION_MARK] = mark
    yield
    deadline = time.monotonic() + 15
    while (left := marked_processes(mark)) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in left:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    assert not left, f"processes left behind by the tests: {left}"


# Tests that take long: fault tests on a big corpus, every name of the shipped corpus
# through the CLI, the README run as a script, the whole site with its PDFs as --help
# shows it, the wheel built and installed. Marked `slow` here, in one list, so a plain
# `pytest` leaves them out; .ci/run runs `-m slow`.
SLOW = {
    "test_every_title_and_alias_puts_its_entry_first",
    "test_two_index_runs_and_searches_at_once",
    "test_half_deleted_index_is_detected_and_rebuilt",
    "test_killed_build_leaves_a_complete_index",
    "test_query_syntax_soup_never_raises",
    "test_every_readme_example_runs",
    "test_long_help_examples_run",
    "test_define_answers_every_alias_of_every_term",
    # Flaky next to other work (about 1 in 15 under load: Ctrl-C can reach a just-forked
    # worker before it ignores SIGINT); the slow run keeps it in one process (-n 0).
    "test_ctrl_c_during_a_parallel_build_prints_one_line",
}
SLOW_MODULES = {"test_packaging"}


# The longest tests of the default run, started first: with `-n auto` (pyproject.toml) a
# long test that starts last keeps one worker busy while the other has nothing left.
FIRST = [
    "test_every_help_example_runs",
    "test_recall_at_5_holds_the_floor",
    "test_every_index_page_count_equals_voorveld_list",
    "test_one_new_valid_initiative_needs_no_edit_elsewhere",
    "test_check_and_readers_agree",
    "test_files_vanishing_during_list_and_search",
    "test_pre_commit_runs_from_a_fresh_clone_without_a_venv",
]


def xdist_group(item) -> str | None:
    """Tests that share an expensive fixture run on one xdist worker, so it is made once:
    the session-built site by one group, a module's own fixtures by module. A session
    fixture built on another one joins its group: shipped_index lives in shipped_cache,
    so every user of the shipped corpus's index is on the worker that built it."""
    ours = {
        name: defs[-1]
        for name, defs in item._fixtureinfo.name2fixturedefs.items()
        if defs and defs[-1].func.__module__.startswith("tests.") and name != "no_orphans"
    }
    session = {name for name, fixture in ours.items() if fixture.scope == "session"}
    if session:
        roots = {name for name in session if not session.intersection(ours[name].argnames)}
        return "session-" + "-".join(sorted(roots))
    scopes = {name: fixture.scope for name, fixture in ours.items()}
    if "module" in scopes.values():
        return item.module.__name__
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark the slow tests, then leave them out again when `-m 'not slow'` (the default) asks;
    put the longest tests first and keep the users of one expensive fixture together.
    First among the hooks: xdist reads the groups in its own hook of this name (it adds
    them to the test ids), and a group marked after that is no group at all."""
    items.sort(key=lambda item: FIRST.index(item.originalname) if item.originalname in FIRST else len(FIRST))
    for item in items:
        if group := xdist_group(item):
            item.add_marker(pytest.mark.xdist_group(group))
    slow = [
        item
        for item in items
        if item.originalname in SLOW or item.module.__name__.rpartition(".")[2] in SLOW_MODULES
    ]
    for item in slow:
        item.add_marker(pytest.mark.slow)
    if config.getoption("markexpr") == "not slow" and slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item not in slow]


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory, monkeypatch):
    """Every test gets its own index cache and no inherited content setting."""
    monkeypatch.setenv("VOORVELD_CACHE", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("VOORVELD_CONTENT", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session")
def shipped_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("shipped-cache")


@pytest.fixture
def warm_shipped_cache(shipped_cache, monkeypatch):
    """One index cache for the tests that only read the shipped corpus: its entries are
    parsed and indexed once a session, not once a test (they change nothing in it)."""
    monkeypatch.setenv("VOORVELD_CACHE", str(shipped_cache))


@pytest.fixture(scope="session")
def shipped_index(shipped_cache):
    """The shipped corpus's index in that same cache, opened once a session for the tests
    that search it through the library: a search function with the CLI's arguments.
    Its cards and hits are those of `voorveld search` (the same index.search)."""
    from voorveld_cli import search as index
    from voorveld_cli.content.filters import build
    from voorveld_cli.content.vocabulary import load as load_vocabulary

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VOORVELD_CACHE", str(shipped_cache))
        vocab, _ = load_vocabulary(REAL_CONTENT)
        ix, _ = index.open_index(REAL_CONTENT, vocab)
    names = index.synonym_table(ix, vocab)

    def run(text: str, limit: int = 10, **filters):
        return index.search(ix, REAL_CONTENT, text, build(vocab, **filters), limit=limit, synonym_names=names)

    yield run
    ix.close()


def write_entry(root: Path, kind: str, entry_id: str, front: dict, body: str = "Tekst.\n") -> Path:
    """One content file; dated kinds get `as_of: 2020` unless the test sets it (None leaves it out)."""
    if kind in DATED:
        front = {**front, "as_of": front.get("as_of", 2020)}  # last, so the other lines keep their numbers
        if front["as_of"] is None:
            del front["as_of"]
    path = root / FOLDERS[kind] / f"{entry_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body
    path.write_text(text, encoding="utf-8")
    return path


SAMPLE = {
    ("initiative", "buurtkamer-maastricht"): (
        {
            "title": "Buurtkamer Maastricht",
            "summary": "Een buurtkamer waar bewoners zonder indicatie binnenlopen en samen koken.",
            "place": "Maastricht",
            "area": "Wittevrouwenveld",
            "province": "Limburg",
            "organisations": ["Stichting Buurtkamer"],
            "started": 2014,
            "target_groups": ["buurtbewoners", "ouderen"],
            "funding": ["subsidie van de gemeente"],
            "figures": [{"label": "bezoekers per dag", "value": "40 tot 50", "year": 2019}],
            "themes": ["ontmoeting", "eenzaamheid"],
            "keywords": ["buurtkamer", "koken"],
            "laws": ["Wmo 2015"],
            "laws_inferred": ["Participatiewet"],
            "sources": [{"source": "kracht-van-het-gewone", "section": "Casus 1"}],
            "related": ["mantelzorg"],
        },
        "## Wat het is\n\nMantelzorgers en cliënten van de coöperatie ontmoeten elkaar bij de koffie. "
        "Huisartsen verwijzen eenzame ouderen door.\n",
    ),
    ("initiative", "werkplaats-den-haag"): (
        {
            "title": "Werkplaats Den Haag",
            "summary": "Bijstandsgerechtigden leren een vak in een werkplaats in de wijk.",
            "place": "Den Haag",
            "province": "Zuid-Holland",
            "themes": ["werk"],
            "laws": ["Participatiewet"],
            "sources": [{"source": "movisies-2020-1", "pages": "19"}],
        },
        "## Wat het is\n\nEen leerwerkplaats met begeleiding naar betaald werk.\n",
    ),
    ("initiative", "respijt-utrecht"): (
        {
            "title": "Respijtzorg door vrijwilligers",
            "summary": "Vrijwilligers nemen de zorg even over zodat mantelzorgers op adem komen.",
            "place": ["Utrecht", "Zeist"],
            "province": "Utrecht",
            "themes": ["mantelzorg", "vrijwillige-inzet"],
            "laws_inferred": ["Wmo 2015"],
            "sources": [{"source": "latrelatie-of-huwelijk-2016", "pages": "36-37"}],
        },
        "## Wat het is\n\nRespijtzorg voor overbelaste mantelzorgers.\n",
    ),
    ("case", "keukentafel"): (
        {
            "title": "Het keukentafelgesprek",
            "number": 1,
            "part": "bewoners",
            "summary": "Een bewoonster bereidt het keukentafelgesprek voor.",
            "keywords": ["keukentafelgesprek", "Wmo-consulent"],
            "roles": ["bewoner", "Wmo-consulent"],
            "themes": ["toegang"],
            "laws": ["Wmo 2015"],
            "questions": [
                {"text": "Wat doe jij als eerste?", "styles_inferred": ["doener"]},
                {"text": "Welke voorkennis is nodig?"},
                {"text": "Wie had er bij het gesprek moeten zijn?"},
            ],
            "sources": [{"source": "casuistiekbundel-zhz", "section": "Deel 1, casus 1"}],
        },
        "## Het verhaal\n\nMevrouw ruimt op.\n\n## Het dilemma\n\nEigen kracht of niet.\n",
    ),
    ("term", "wmo-2015"): (
        {
            "title": "Wmo 2015",
            "definition": "De wet waarmee gemeenten maatschappelijke ondersteuning regelen.",
            "aliases": ["Wmo", "Wet maatschappelijke ondersteuning"],
            "law": "Wmo 2015",
            "summary": "De wet voor zorg en ondersteuning door de gemeente.",
            "law_profile": {"in_force": "1 januari 2015", "goal": "Meedoen in de samenleving"},
            "sources": [{"source": "latrelatie-of-huwelijk-2016", "pages": "12-15"}],
        },
        "De Wmo 2015 volgde de Wmo van 2007 op.\n",
    ),
    ("term", "mantelzorg"): (
        {
            "title": "Mantelzorg",
            "definition": "Langdurige zorg voor een naaste, niet in het kader van een beroep.",
            "aliases": ["mantelzorgers"],
            "law": "Wmo 2015",
            "summary": "Zorg voor iemand uit het eigen netwerk.",
            "themes": ["mantelzorg"],
            "sources": [{"source": "movisies-2020-1", "pages": "14-15"}],
        },
        "Mantelzorg is onbetaald.\n",
    ),
}
for (_kind, _id), (_front, _body) in SAMPLE.items():
    if _kind in DATED:
        _front.setdefault("as_of", 2020)


@functools.cache
def _sample_files() -> dict[str, str]:
    """The small corpus as file texts (relative path -> text), made once a process:
    yaml.safe_dump of six entries is most of the cost of a corpus_dir, which hundreds of
    tests ask for. Every test still gets its own files."""
    made = Path(tempfile.mkdtemp(prefix="voorveld-sample-"))
    try:
        root = made / "content"
        root.mkdir()
        for name in ("vocabulary.yml", "sources.yml"):
            shutil.copy(REAL_CONTENT / name, root / name)
        # The real vocabulary links every theme and law to a glossary term; this small
        # corpus holds only two terms, so keep just the links that resolve here.
        terms = {entry_id for kind, entry_id in SAMPLE if kind == "term"}
        vocabulary = root / "vocabulary.yml"
        kept = [
            line
            for line in vocabulary.read_text(encoding="utf-8").splitlines(keepends=True)
            if not line.strip().startswith("term:") or line.split(":", 1)[1].strip() in terms
        ]
        vocabulary.write_text("".join(kept), encoding="utf-8")
        for (kind, entry_id), (front, body) in SAMPLE.items():
            write_entry(root, kind, entry_id, front, body)
        files = [path for path in root.rglob("*") if path.is_file()]
        return {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8") for path in files}
    finally:
        shutil.rmtree(made)


@pytest.fixture
def corpus_dir(tmp_path) -> Path:
    """A small valid corpus with the project's real vocabulary and sources."""
    root = tmp_path / "content"
    for rel, text in _sample_files().items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def cli():
    runner = CliRunner()

    def invoke(*args: str, content: Path | None = None):
        argv = list(args)
        if content is not None:
            argv += ["--content-dir", str(content)]
        result = runner.invoke(app, argv)
        # A user error must never surface as a traceback.
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        return result

    return invoke


def lengthen_summary(corpus_dir: Path) -> str:
    """Give werkplaats-den-haag a summary far longer than any terminal column; returns it."""
    path = corpus_dir / "initiatives" / "werkplaats-den-haag.md"
    long_summary = "Heel lang. " * 60
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "summary: Bijstandsgerechtigden leren een vak in een werkplaats in de wijk.",
            f"summary: {long_summary}",
        ),
        encoding="utf-8",
    )
    return long_summary.strip()


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The shipped corpus as a site, built once for the page and the browser tests
    (no handouts: test_site_handouts covers those). Tests read it; none writes to it."""
    out = tmp_path_factory.mktemp("site") / "site"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VOORVELD_CACHE", str(tmp_path_factory.mktemp("cache")))
        result = CliRunner().invoke(
            app, ["site", "--no-handouts", "-o", str(out), "--content-dir", str(REAL_CONTENT)]
        )
    assert result.exit_code == 0, result.output
    return out

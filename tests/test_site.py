"""voorveld site: the static site built from the shipped corpus, read back as files.

The browser drives it in test_site_browser.py; here the pages, links and counts."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from voorveld_cli.cli.app import app
from voorveld_cli.cli.output import load_corpus, make_filters
from voorveld_cli.content.corpus import load
from voorveld_cli.content.filters import FILTER_OPTIONS, apply
from voorveld_cli.site.groups import FACETS

from .conftest import REAL_CONTENT

OPTIONS = {facet: option for facet, (_, option, _) in FACETS.items()}
LIST_COMMAND = get_command(app).commands["list"]
FILTER_FIELDS = [option.field for option in FILTER_OPTIONS]


@pytest.fixture(scope="module")
def built(shipped_site):
    return shipped_site


@pytest.fixture(scope="module")
def shipped():
    return load(REAL_CONTENT)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text, of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data):
        self.text.append(data)


def parse(path: Path) -> Tags:
    tags = Tags()
    tags.feed(path.read_text(encoding="utf-8"))
    return tags


def test_a_page_for_every_entry(built, shipped):
    pages = {p.stem for p in (built / "items").glob("*.html")}
    assert pages == {e.id for e in shipped.entries}
    athos = (built / "items" / "athos.html").read_text(encoding="utf-8")
    assert "<h1>Athos</h1>" in athos and 'lang="nl"' in athos
    assert "stand 2020" in athos  # as_of
    assert "Kerngegevens" in athos and "Maastricht" in athos


def test_entry_page_has_sources_with_pages_related_and_backlinks(built, shipped):
    by_id = shipped.by_id()
    with_pages = next(
        e
        for e in shipped.entries
        if any(isinstance(r, dict) and r.get("pages") for r in e.as_list("sources"))
    )
    text = (built / "items" / f"{with_pages.id}.html").read_text(encoding="utf-8")
    assert "<h2>Bronnen</h2>" in text and re.search(r", pp?\. \d", text)
    source, target = next(
        (e, str(t)) for e in shipped.entries for t in e.as_list("related") if str(t) in by_id
    )
    assert f'href="../items/{target}.html"' in (built / "items" / f"{source.id}.html").read_text("utf-8")
    backlinked = (built / "items" / f"{target}.html").read_text(encoding="utf-8")
    assert "Verwezen door" in backlinked and f'href="../items/{source.id}.html"' in backlinked


def test_markdown_body_becomes_html(built):
    text = (built / "items" / "casus-01-opgeruimd-staat-netjes.html").read_text(encoding="utf-8")
    assert "<h2>Het dilemma</h2>" in text and "## Het dilemma" not in text
    assert "<h2>Verdiepingsvragen</h2>" in text


def _listed(page: Path) -> list[str]:
    return [
        Path(attrs["href"]).stem
        for tag, attrs in parse(page).tags
        if tag == "a" and attrs.get("href", "").startswith("../items/")
    ]


def _list_ids(corpus, option: str, key: str) -> list[str]:
    """The ids `voorveld list OPTION KEY` selects, with the corpus loaded once: the option
    read by the list command's own parser, then its make_filters and apply (list_cmd.run).
    Loading the corpus is about 95% of a `list` call, and the same for every value."""
    params = LIST_COMMAND.make_context("list", [option, key]).params
    values = {name: params[name] for name in FILTER_FIELDS}
    return [entry.id for entry in apply(corpus.entries, make_filters(corpus.vocab, values))]


def test_every_index_page_count_equals_voorveld_list(built, monkeypatch, tmp_path):
    """Each group page lists exactly the entries `voorveld list --<facet> VALUE` gives:
    for every value through the list command's parser and filters (_list_ids), and for
    the first value of each facet also through a whole `voorveld list` call, which must
    give the same ids (so _list_ids stays what the command does)."""
    monkeypatch.setenv("VOORVELD_CACHE", str(tmp_path))
    runner = CliRunner()
    corpus = load_corpus(REAL_CONTENT)
    checked = 0
    for facet, (folder, option, _) in FACETS.items():
        overview = parse(built / folder / "index.html")
        links = [a["href"] for tag, a in overview.tags if tag == "a" and a.get("href", "").endswith(".html")]
        group_pages = [built / folder / href for href in links if "/" not in href and href != "index.html"]
        assert group_pages, facet
        for n, page in enumerate(group_pages):
            tags = parse(page)
            count = next(int(a["data-count"]) for tag, a in tags.tags if "data-count" in a)
            key = next(a["data-key"] for tag, a in tags.tags if "data-key" in a)
            expected = _list_ids(corpus, option, key)
            if n == 0:
                result = runner.invoke(
                    app, ["list", option, key, "--format", "json", "--content-dir", str(REAL_CONTENT)]
                )
                assert [row["id"] for row in json.loads(result.stdout)] == expected, (option, key)
            assert count == len(expected), (page, key)
            assert sorted(_listed(page)) == sorted(expected), (page, key)
            checked += 1
    assert checked > 100  # kinds, themes, laws, provinces, places and sources


def test_overview_counts_match_group_pages(built):
    overview = (built / "thema" / "index.html").read_text(encoding="utf-8")
    for href, count in re.findall(r'<a href="([^"]+)">[^<]*</a> <span class="count">(\d+)</span>', overview):
        assert len(_listed(built / "thema" / href)) == int(count)


def test_nothing_from_outside(built):
    """No CDN, font service or tracker: no script, link, img or font points off the folder."""
    outside = []
    for page in built.rglob("*.html"):
        for tag, attrs in parse(page).tags:
            for name in ("src", "href"):
                if tag in ("script", "link", "img", "source", "iframe") and re.match(
                    r"(https?:)?//", attrs.get(name, "")
                ):
                    outside.append((page.name, tag, attrs[name]))
    for css in built.rglob("*.css"):
        outside += re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)]*\)|@import", css.read_text("utf-8"))
    assert outside == []


def test_every_local_link_resolves(built):
    missing = []
    for page in built.rglob("*.html"):
        for _tag, attrs in parse(page).tags:
            href = attrs.get("href") or attrs.get("src") or ""
            if not href or href.startswith(("#", "data:", "?")) or "://" in href:
                continue
            target = (page.parent / href.split("?")[0].split("#")[0]).resolve()
            if not target.exists():
                missing.append((str(page.relative_to(built)), href))
    assert missing == []


def test_accessibility_basics(built):
    for page in [
        built / "index.html",
        built / "zoeken.html",
        built / "matrix.html",
        built / "items" / "athos.html",
    ]:
        text = page.read_text(encoding="utf-8")
        assert '<html lang="nl">' in text
        assert 'class="skip" href="#inhoud"' in text and 'id="inhoud"' in text
        assert text.count("<h1>") == 1
    css = (built / "assets" / "style.css").read_text(encoding="utf-8")
    assert ":focus-visible" in css and "@media print" in css


def test_matrix_and_comparison_pages(built):
    matrix = (built / "matrix.html").read_text(encoding="utf-8")
    assert "Wmo 2015" in matrix and "●" in matrix and '<a href="items/athos.html">Athos</a>' in matrix
    compare = (built / "vergelijking.html").read_text(encoding="utf-8")
    assert 'href="items/wmo-2015.html"' in compare and 'href="items/participatiewet.html"' in compare
    assert "Doel" in compare  # a law profile row


def test_search_data_is_a_script_with_every_entry(built, shipped):
    text = (built / "assets" / "search-data.js").read_text(encoding="utf-8")
    assert text.startswith("window.VOORVELD_SEARCH = ")
    data = json.loads(text.removeprefix("window.VOORVELD_SEARCH = ").rstrip().rstrip(";"))
    assert {d["id"] for d in data["docs"]} == {e.id for e in shipped.entries}
    assert data["labels"]["no_results"].startswith("Geen resultaten")
    for vendored in ("lunr.min.js", "lunr.nl.min.js", "LICENSE-lunr.txt", "LICENSE-lunr-languages.txt"):
        assert (built / "assets" / "vendor" / vendored).is_file()


def test_filters_publish_a_selection(cli, tmp_path):
    out = tmp_path / "site"
    result = cli("site", "--no-handouts", "--kind", "case", "-o", str(out), content=REAL_CONTENT)
    assert result.exit_code == 0, result.output
    assert len(list((out / "items").glob("*.html"))) == 16
    assert "16 items" in result.output


def test_refuses_a_folder_that_is_not_a_site(cli, tmp_path):
    (tmp_path / "notes.txt").write_text("mijn notities", encoding="utf-8")
    result = cli("site", "--no-handouts", "-o", str(tmp_path), content=REAL_CONTENT)
    assert result.exit_code == 1
    assert "niet leeg" in result.output and "--force" in result.output
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mijn notities"


def test_rebuild_over_an_earlier_site(cli, tmp_path):
    out = tmp_path / "site"
    for _ in range(2):
        result = cli("site", "--no-handouts", "--kind", "term", "-o", str(out), content=REAL_CONTENT)
        assert result.exit_code == 0, result.output


def test_bad_filter_is_a_dutch_sentence(cli, tmp_path):
    result = cli("site", "--theme", "mantelzorgg", "-o", str(tmp_path / "s"), content=REAL_CONTENT)
    assert result.exit_code == 2
    assert "Onbekende waarde 'mantelzorgg' voor --theme" in result.output
    assert "Traceback" not in result.output


def test_never_inside_the_content_folder(cli, corpus_dir):
    result = cli("site", "-o", str(corpus_dir / "site"), content=corpus_dir)
    assert result.exit_code == 2 and "content-map" in result.output


def test_site_handouts(tmp_path, shipped):
    """Every case page links its two PDFs; each is a real PDF of that case (made in two processes)."""
    from pypdf import PdfReader

    from voorveld_cli.site.build import build

    cases = [e for e in shipped.entries if e.kind == "case"][:2]
    terms = [e for e in shipped.entries if e.kind == "term"]
    report = build(cases, shipped.vocab, tmp_path, terms=terms, jobs=2)
    assert report.handouts == 4
    for case in cases:
        page = (tmp_path / "items" / f"{case.id}.html").read_text(encoding="utf-8")
        texts = {}
        for edition in ("deelnemer", "trainer"):
            href = f"handouts/{case.id}-{edition}.pdf"
            assert f'href="../{href}"' in page
            reader = PdfReader(tmp_path / href)
            texts[edition] = " ".join(p.extract_text() for p in reader.pages)
            assert case.title.split()[0] in texts[edition]
        assert "Aantekeningen" in texts["trainer"] or len(texts["trainer"]) > len(texts["deelnemer"])

"""The site in a real browser: Debian's chromium, driven by playwright, against the site
served on 127.0.0.1 (and opened from file://)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():  # .ci/run installs it; a developer without it skips these
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site(shipped_site) -> Path:
    return shipped_site


@pytest.fixture(scope="module")
def base(site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM))
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every console error and uncaught exception."""
    context = browser.new_context()
    opened = context.new_page()
    opened.errors = []
    opened.on("console", lambda msg: msg.type == "error" and opened.errors.append(msg.text))
    opened.on("pageerror", lambda exc: opened.errors.append(str(exc)))
    opened.on("requestfailed", lambda req: opened.errors.append(f"failed: {req.url}"))
    yield opened
    context.close()


def results(page) -> list[dict]:
    page.wait_for_selector("#status:not(:empty)")
    return page.eval_on_selector_all(
        "#resultaten > li",
        "els => els.map(li => ({title: li.querySelector('h2').textContent,"
        " kind: li.querySelector('.kicker').textContent, href: li.querySelector('a').getAttribute('href'),"
        " marks: Array.from(li.querySelectorAll('mark')).map(m => m.textContent)}))",
    )


def test_search_mantelzorg_shows_practice_and_follows_a_result(page, base):
    page.goto(base + "zoeken.html")
    page.fill("#q", "mantelzorg")
    page.press("#q", "Enter")
    found = results(page)
    assert len(found) >= 5
    practice = [r for r in found[:10] if r["kind"].startswith("initiatief")]
    assert practice, found[:10]
    assert any("mantelzorg" in m.lower() for r in found[:5] for m in r["marks"])  # highlighted fragments
    assert "q=mantelzorg" in page.url  # the search is in the address, to share
    page.click(f'#resultaten a[href="{practice[0]["href"]}"]')
    page.wait_for_load_state()
    assert page.url.endswith(practice[0]["href"])
    assert page.inner_text("h1") == practice[0]["title"]
    assert page.errors == []


def test_facet_narrows_the_results(page, base):
    page.goto(base + "zoeken.html?q=mantelzorg")
    everything = results(page)
    kinds = {r["kind"].split(" ·")[0] for r in everything}
    assert len(kinds) > 1
    page.check('input[name="kind"][value="initiative"]')
    page.wait_for_function(f"document.querySelectorAll('#resultaten > li').length < {len(everything)}")
    narrowed = results(page)
    assert narrowed and all(r["kind"].startswith("initiatief") for r in narrowed)
    assert "kind=initiative" in page.url
    page.reload()  # the facet survives in the address
    assert page.is_checked('input[name="kind"][value="initiative"]')
    assert len(results(page)) == len(narrowed)
    assert page.errors == []


def test_q_in_the_address_opens_a_search(page, base):
    page.goto(base + "zoeken.html?q=dak-%20en%20thuislozen")
    assert page.input_value("#q") == "dak- en thuislozen"
    found = results(page)
    titles = " ".join(r["title"].lower() for r in found[:5])
    assert "thuislo" in titles or "dak" in titles, found[:5]
    assert page.errors == []


def test_accents_fold(page, base):
    page.goto(base + "zoeken.html?q=cooperatie")
    plain = [r["href"] for r in results(page)]
    page.goto(base + "zoeken.html?q=co%C3%B6peratie")
    assert [r["href"] for r in results(page)] == plain and plain


def test_pages_have_no_console_errors(page, base):
    for path in ("index.html", "items/athos.html", "matrix.html", "vergelijking.html", "thema/index.html"):
        page.goto(base + path)
        assert page.locator("h1").count() == 1
    assert page.errors == []


def test_keyboard_reaches_the_skip_link_first(page, base):
    page.goto(base + "items/athos.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"  # focus shows
    page.keyboard.press("Enter")
    page.wait_for_url("**#inhoud", timeout=5000)  # the jump lands a moment after the key
    assert page.url.endswith("#inhoud")


def test_works_from_file(page, site, tmp_path):
    copy = tmp_path / "kopie"
    shutil.copytree(site, copy)  # no server: the folder alone
    page.goto((copy / "zoeken.html").as_uri() + "?q=mantelzorg")
    found = results(page)
    assert found
    page.click("#resultaten a >> nth=0")
    page.wait_for_load_state()
    assert page.url.startswith("file://") and "/items/" in page.url
    assert page.errors == []

"""Browser search on the static site: lunr (+ lunr-languages nl, as shipped) against Pagefind,
recall@5 and MRR over tests/relevance.yml, both run in headless Chromium.

    .venv/bin/pip install 'pagefind[bin]'        # only for this comparison; not a dependency
    .venv/bin/python benchmarks/site_search.py   # prints a Markdown table

The site is built from the shipped corpus without handouts. Pagefind indexes the entry pages
(items/*.html, the <article>) with its Dutch stemmer (lang="nl"). Each engine returns its
ranking (lunr: all hits; Pagefind: the first 40); the query's filters (kinds, themes, ...)
are applied afterwards with the library's own Filters, for both engines alike.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from benchmarks.relevance import CONTENT, load_set, score
from voorveld_cli.content.corpus import load
from voorveld_cli.content.filters import build, matches

CHROMIUM = "/usr/bin/chromium"

LUNR = "(qs) => qs.map((q) => window.voorveldSearch(q).map((r) => r.ref))"
PAGEFIND = """async (qs) => {
  const pf = await import('./pagefind/pagefind.js');
  await pf.init();
  const out = [];
  for (const q of qs) {
    const found = await pf.search(q);
    const data = await Promise.all(found.results.slice(0, 40).map((r) => r.data()));
    out.push(data.map((d) => d.url.replace(/^.*\\/items\\//, '').replace(/\\.html$/, '')));
  }
  return out;
}"""


def build_site(out: Path) -> None:
    voorveld = Path(sys.executable).with_name("voorveld")
    subprocess.run([str(voorveld), "site", "--no-handouts", "-o", str(out)], check=True, capture_output=True)


def index_pagefind(site: Path) -> bool:
    args = [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", "items/*.html"]
    args += ["--root-selector", "article"]
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"pagefind failed or is not installed: {done.stderr.strip()[:300]}", file=sys.stderr)
    return done.returncode == 0


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def rankings(site: Path, with_pagefind: bool, queries: list[str]) -> dict[str, list[list[str]]]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/zoeken.html")
            out = {"lunr (nl)": page.evaluate(LUNR, queries)}
            if with_pagefind:
                out["Pagefind"] = page.evaluate(PAGEFIND, queries)
            browser.close()
            return out
    finally:
        server.shutdown()


def filtered(items: list[dict], ranked: list[list[str]]) -> list[list[str]]:
    corpus = load(CONTENT)
    by_id = corpus.by_id()
    out = []
    for item, ids in zip(items, ranked, strict=True):
        filters = build(corpus.vocab, **(item.get("filters") or {}))
        out.append([i for i in ids if i in by_id and matches(by_id[i], filters)])
    return out


def main() -> None:
    items = load_set()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(site)
        found = rankings(site, index_pagefind(site), [item["query"] for item in items])
    results = {name: score(items, filtered(items, ranked))["summary"] for name, ranked in found.items()}
    names = list(results)
    print("| category | queries | " + " | ".join(f"{n} recall@5 | {n} MRR" for n in names) + " |")
    print("|---|---:|" + "---:|---:|" * len(names))
    for cat in sorted(results[names[0]], key=lambda c: (c == "alles", c)):
        cells = " | ".join(f"{results[n][cat][0]:.3f} | {results[n][cat][1]:.3f}" for n in names)
        print(f"| {cat} | {results[names[0]][cat][2]} | {cells} |")


if __name__ == "__main__":
    main()

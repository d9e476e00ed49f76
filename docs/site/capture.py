"""Screenshots of the site for docs/site/: the search page with a query and one initiative page.

Run from the repository root:  .venv/bin/python docs/site/capture.py
Builds the shipped corpus into a temporary folder (without handouts), serves it on
127.0.0.1 and drives Debian's chromium (/usr/bin/chromium) through playwright.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
SHOTS = {
    "search.png": "zoeken.html?q=mantelzorg",
    "initiative.png": "items/athos.html",
}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        voorveld = Path(sys.executable).with_name("voorveld")
        subprocess.run([str(voorveld), "site", "--no-handouts", "-o", str(site)], check=True)
        handler = functools.partial(Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM)
                page = browser.new_page(viewport={"width": 1100, "height": 900})
                for name, path in SHOTS.items():
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=str(HERE / name), full_page=False)
                    print(f"docs/site/{name}")
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()

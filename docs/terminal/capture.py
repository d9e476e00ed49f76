"""Capture what an 80-column terminal shows for search, list and matrix, as text.

Runs the real CLI on a pseudo-terminal (the same helper as the tests) against the
repository's corpus and writes docs/terminal/<name>-80.txt. Run from the checkout:

    .venv/bin/python docs/terminal/capture.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.ptyrun import on_pty  # noqa: E402

SHOTS = {
    "search": ["search", "mantelzorg", "--limit", "5"],
    "list": ["list", "--kind", "initiative"],
    "matrix": ["matrix"],
}
WIDTH = 80


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        for name, args in SHOTS.items():
            command = ["--content-dir", str(REPO / "content")]
            code, text = on_pty([*args, *command], WIDTH, env={"VOORVELD_CACHE": cache})
            if code != 0:
                raise SystemExit(f"voorveld {' '.join(args)} ended with {code}:\n{text}")
            target = Path(__file__).parent / f"{name}-{WIDTH}.txt"
            header = f"$ voorveld {' '.join(args)}    # {WIDTH} kolommen\n"
            target.write_text(header + text, encoding="utf-8")
            print(f"{target.relative_to(REPO)}: {len(text.splitlines())} regels")


if __name__ == "__main__":
    main()

"""The exit codes of every command: one table, documented in README.md and held by
tests/test_exitcodes.py."""

from __future__ import annotations

OK = 0  # done; something was found, written or checked without errors
NOTHING_FOUND = 1  # a search without hits, a list of 0 items, an unknown id, check found errors
USAGE = 2  # wrong use: unknown option or value, a --format that contradicts -o's extension
INTERRUPTED = 130  # Ctrl-C

TABLE = {
    OK: "in orde",
    NOTHING_FOUND: "niets gevonden of inhoudelijke fout (zoekvraag zonder treffers, lijst zonder items, "
    "onbekend id, check vond fouten)",
    USAGE: "verkeerd gebruik (onbekende optie of waarde, --format die niet past bij de extensie van -o)",
    INTERRUPTED: "afgebroken met Ctrl-C",
}

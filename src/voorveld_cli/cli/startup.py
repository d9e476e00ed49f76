"""The garbage collector during start-up.

A command first imports a few hundred modules. Their objects live as long as the
process, yet Python's collector walks them again and again while they load: about
a tenth of a cold `voorveld search` (BENCHMARKS.md). The console script holds the
collector until the imports are done; then what is loaded is frozen (never scanned
again) and the collector runs as usual for the work itself.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """Called first thing by the console script."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def ready() -> None:
    """The imports are done: freeze them and collect as usual from here on."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()

"""Whoosh modules that every search imports and a Dutch search never runs, kept
out of start-up until something uses them.

- `whoosh.highlight`: `whoosh.searching` imports it and every Results makes a
  Highlighter; our snippets come from snippets.py.
- `whoosh.lang.morph_en`: `whoosh.query.terms` imports its `variations` for the
  English Variations query, which we never build.

Each is a stand-in in sys.modules that loads the real module on first use of
anything but the names listed here, so code that does use them (a test, a
library) still gets the real thing. tests/test_search_speed.py holds the import
budget of the search path (by module list) and checks the real module still works.
"""

from __future__ import annotations

import sys
import types

HIGHLIGHT = "whoosh.highlight"
MORPH_EN = "whoosh.lang.morph_en"


def _load(name: str) -> types.ModuleType:
    """The real module, put in sys.modules in place of the stand-in."""
    stand_in = sys.modules.get(name)
    if isinstance(stand_in, _Deferred) and stand_in.__dict__.get("_real") is not None:
        return stand_in.__dict__["_real"]
    import importlib.machinery
    import importlib.util

    parent, _, child = name.rpartition(".")
    spec = importlib.machinery.PathFinder.find_spec(name, importlib.import_module(parent).__path__)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules[name] = stand_in
        raise
    setattr(sys.modules[parent], child, module)
    if isinstance(stand_in, _Deferred):
        stand_in.__dict__["_real"] = module
    return module


class _Deferred(types.ModuleType):
    """A module whose other attributes come from the real module, loaded on first access."""

    def __getattr__(self, attr: str):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(_load(self.__name__), attr)


class _Highlighter:
    """Stands in for whoosh.highlight.Highlighter (every Results makes one); the real
    one is made, and its module loaded, when the Results highlights."""

    def __init__(self, *args, **kwargs):
        object.__setattr__(self, "_args", (args, kwargs))
        object.__setattr__(self, "_real", None)

    def _target(self):
        if self._real is None:
            args, kwargs = self._args
            object.__setattr__(self, "_real", _load(HIGHLIGHT).Highlighter(*args, **kwargs))
        return self._real

    def __getattr__(self, attr: str):
        return getattr(self._target(), attr)

    def __setattr__(self, attr: str, value) -> None:
        setattr(self._target(), attr, value)


def _variations(word: str):
    return _load(MORPH_EN).variations(word)


def install() -> None:
    """Put the stand-ins in place, unless the real modules are loaded already."""
    if HIGHLIGHT not in sys.modules:
        stand_in = _Deferred(HIGHLIGHT)
        stand_in.Highlighter = _Highlighter
        sys.modules[HIGHLIGHT] = stand_in
    if MORPH_EN not in sys.modules:
        stand_in = _Deferred(MORPH_EN)
        stand_in.variations = _variations
        sys.modules[MORPH_EN] = stand_in

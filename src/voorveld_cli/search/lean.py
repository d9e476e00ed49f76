"""Whoosh modules that every search imports and a Dutch search never runs, kept
out of start-up until something uses them.

- `whoosh.highlight`: `whoosh.searching` imports it and every Results makes a
  Highlighter; our snippets come from snippets.py.
- `whoosh.lang.morph_en`: `whoosh.query.terms` imports its `variations` for the
  English Variations query, which we never build.
- `whoosh.lang.porter` and `whoosh.lang.dmetaphone`: `whoosh.analysis` imports them
  for English stemming and sound-alike filters.
- the `whoosh.lang.snowball` package, whose __init__ imports fifteen languages'
  stemmers: the Dutch one is imported on its own.

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
# module -> functions other modules import from it by name
FUNCTIONS = {
    MORPH_EN: ("variations",),
    "whoosh.lang.porter": ("stem",),
    "whoosh.lang.dmetaphone": ("double_metaphone",),
}
SNOWBALL = "whoosh.lang.snowball"


def _load(name: str) -> types.ModuleType:
    """The real module, put in sys.modules in place of the stand-in."""
    stand_in = sys.modules.get(name)
    if isinstance(stand_in, _Deferred) and stand_in.__dict__.get("_real") is not None:
        return stand_in.__dict__["_real"]
    import importlib.machinery
    import importlib.util

    parent, _, child = name.rpartition(".")
    spec = importlib.machinery.PathFinder.find_spec(name, importlib.import_module(parent).__path__)
    if spec is None or spec.loader is None:
        raise ImportError(name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        if stand_in is not None:
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


def _deferred_function(module: str, name: str):
    def call(*args, **kwargs):
        return getattr(_load(module), name)(*args, **kwargs)

    call.__name__ = name
    return call


def install() -> None:
    """Put the stand-ins in place, unless the real modules are loaded already."""
    if HIGHLIGHT not in sys.modules:
        stand_in = _Deferred(HIGHLIGHT)
        stand_in.Highlighter = _Highlighter  # type: ignore[attr-defined]
        sys.modules[HIGHLIGHT] = stand_in
    for module, names in FUNCTIONS.items():
        if module not in sys.modules:
            stand_in = _Deferred(module)
            for name in names:
                setattr(stand_in, name, _deferred_function(module, name))
            sys.modules[module] = stand_in
    if SNOWBALL not in sys.modules:
        # A package stand-in: its submodules (dutch, bases) import from the real folder.
        from importlib.util import find_spec

        spec = find_spec("whoosh")
        if spec is not None and spec.submodule_search_locations:
            stand_in = _Deferred(SNOWBALL)
            stand_in.__path__ = [f"{spec.submodule_search_locations[0]}/lang/snowball"]
            stand_in.__package__ = SNOWBALL
            sys.modules[SNOWBALL] = stand_in

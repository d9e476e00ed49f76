"""Wheel build hook: ship a prebuilt index of the bundled corpus (voorveld_cli/_index).

The first search after `pip install` then copies it instead of building one
(src/voorveld_cli/search/shipped.py). An editable install skips this: a checkout
builds its index in the cache on first use, as any user's own content does.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ShippedIndex(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, str(Path(self.root) / "src"))
        from voorveld_cli.search.shipped import build

        self._tmp = tempfile.TemporaryDirectory(prefix="voorveld-index-")
        out = build(Path(self.root) / "content", Path(self._tmp.name) / "index")
        build_data["force_include"][str(out)] = "voorveld_cli/_index"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        if getattr(self, "_tmp", None) is not None:
            self._tmp.cleanup()

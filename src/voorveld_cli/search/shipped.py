"""The prebuilt index of the bundled corpus, shipped inside the wheel.

Building the index of the bundled corpus takes about a second, seven times a
search: too much for the first search after `pip install`. So the wheel build
(hatch_build.py) builds it once and ships it as `voorveld_cli/_index/`, with a
key: a digest of every content file and of the search code that built it. The
first search on the bundled corpus copies that index into the user cache when
the key matches, and from then on the cache index refreshes as any other. A
user's own content never matches and gets its own index, built on first use.
"""

from __future__ import annotations

import json
import os
import shutil
import zlib
from pathlib import Path

KEY = "shipped.json"
FOLDER = "_index"  # inside the package
CODE = ("analysis.py", "documents.py", "dutch.py", "ranking.py", "store.py", "synonyms.py")


def _crc(data: bytes, start: int = 0) -> int:
    return zlib.crc32(data, start)


def content_digest(root: Path) -> dict[str, list[int]]:
    """rel path -> [size, crc32] for every content file and configuration file."""
    from voorveld_cli.content import discover

    out = {}
    for path in sorted(root.glob("*.yml")):
        data = path.read_bytes()
        out[path.name] = [len(data), _crc(data)]
    for found in discover.scan(root).files:
        data = found.path.read_bytes()
        out[found.rel] = [len(data), _crc(data)]
    return out


def code_key() -> str:
    """The version, the schema version and a digest of the code that builds the index."""
    from voorveld_cli import __version__
    from voorveld_cli.search.store import SCHEMA_VERSION

    here = Path(__file__).parent
    crc = 0
    for name in CODE:
        crc = _crc((here / name).read_bytes(), crc)
    return f"{__version__}/{SCHEMA_VERSION}/{crc:08x}"


def build(root: Path, out: Path) -> Path:
    """Build the index of `root` into `out` (a new folder) and write its key."""
    from voorveld_cli.content.vocabulary import load
    from voorveld_cli.search.store import _build

    vocab, _ = load(root)
    ix, _, _ = _build(root, vocab, out, None)
    ix.close()
    key = {"code": code_key(), "files": content_digest(root)}
    (out / KEY).write_text(json.dumps(key), "utf-8")
    return out


def shipped_folder() -> Path | None:
    folder = Path(__file__).resolve().parents[1] / FOLDER
    return folder if (folder / KEY).is_file() else None


def matches(folder: Path, root: Path) -> bool:
    """Is the shipped index exactly the index of `root` with this code?"""
    try:
        key = json.loads((folder / KEY).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return key.get("code") == code_key() and key.get("files") == content_digest(root)


def adopt(home: Path, root: Path) -> Path | None:
    """Copy the shipped index into `home` as a live index for `root`, with a manifest
    of the installed files' own times; None when it does not fit `root`."""
    from voorveld_cli.content import discover
    from voorveld_cli.search import store
    from voorveld_cli.settings import is_packaged

    source = shipped_folder()
    if source is None or not is_packaged(root) or not matches(source, root):
        return None
    target = home / f"ix-{os.urandom(6).hex()}"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(KEY, "*.lock", "*WRITELOCK"))
    manifest = store.Manifest.read(target)
    found = store._scan(root).found
    manifest.stamp = discover.stamp(root)
    # the installed files' own stat, with the problems found at build time
    stat = discover.stat_key
    files = manifest.files.items()
    manifest.files = {rel: [*stat(found[rel].stat), info[-1]] for rel, info in files if rel in found}
    snapshot_path = target / store.VOCAB_SNAPSHOT
    snapshot = json.loads(snapshot_path.read_text("utf-8"))
    snapshot["stamp"] = manifest.stamp
    snapshot_path.write_text(json.dumps(snapshot), "utf-8")
    manifest.write(target)
    store._point_current(home, target)
    return target

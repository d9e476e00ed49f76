"""Where derived data lives: a user cache directory, one folder per content root.

The index is a cache: it can always be rebuilt from the Markdown, so it stays
out of the content tree (a read-only install works) and out of git.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from voorveld_cli import settings
from voorveld_cli.textnorm import slugify

ENV_VAR = "VOORVELD_CACHE"
CURRENT = "CURRENT"  # in a root's folder: the name of its live index folder
MANIFEST = "manifest.json"  # in an index folder: versions, stamps, problems and the scan key
FOLDER_NAME = re.compile(r"ix-[0-9a-f]{12}")


def cache_root(chosen: Path | None = None) -> Path:
    """`chosen` (the settings' cache_dir) when given, else the user cache directory."""
    chosen = chosen or settings.current().cache_dir
    if chosen is not None:
        return chosen
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("voorveld", appauthor=False))


def index_home(content_root: Path, cache_dir: Path | None = None) -> Path:
    """The folder for one content root: readable name plus a hash of the full path."""
    resolved = str(content_root.resolve())
    data = resolved.encode("utf-8")
    digest = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"  # zlib: no OpenSSL load at start-up
    name = slugify(content_root.parent.name + "-" + content_root.name) or "content"
    return cache_root(cache_dir) / f"{name}-{digest}"


def live_folder(home: Path) -> Path | None:
    """The live index folder named by CURRENT; None unless it names one of ours."""
    try:
        name = (home / CURRENT).read_bytes()[:64].decode("ascii").strip()
    except (OSError, ValueError):
        return None
    folder = home / name
    return folder if FOLDER_NAME.fullmatch(name) and folder.is_dir() else None

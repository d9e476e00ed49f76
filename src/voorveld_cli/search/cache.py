"""Where derived data lives: a user cache directory, one folder per content root.

The index is a cache: it can always be rebuilt from the Markdown, so it stays
out of the content tree (a read-only install works) and out of git.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from voorveld_cli.textnorm import slugify

ENV_VAR = "VOORVELD_CACHE"


def cache_root() -> Path:
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("voorveld", appauthor=False))


def index_home(content_root: Path) -> Path:
    """The folder for one content root: readable name plus a hash of the full path."""
    resolved = str(content_root.resolve())
    data = resolved.encode("utf-8")
    digest = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"  # zlib: no OpenSSL load at start-up
    return (
        cache_root() / f"{slugify(content_root.parent.name + '-' + content_root.name) or 'content'}-{digest}"
    )

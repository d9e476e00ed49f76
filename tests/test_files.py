"""One atomic write for every cache and index file: whole or not at all, no leftovers."""

from __future__ import annotations

import pytest

from voorveld_cli.files import atomic_write


def test_atomic_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "manifest.json"
    target.write_text("oud", encoding="utf-8")
    atomic_write(target, '{"nieuw": true}')
    assert target.read_text(encoding="utf-8") == '{"nieuw": true}'
    atomic_write(target, b"bytes")
    assert target.read_bytes() == b"bytes"
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]


def test_a_failed_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "CURRENT"
    target.mkdir()  # the rename onto a folder fails after the temporary file is written
    with pytest.raises(OSError):
        atomic_write(target, "index-1")
    assert [p.name for p in tmp_path.iterdir()] == ["CURRENT"]
    assert not any(target.iterdir())

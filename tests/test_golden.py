"""Golden files: one compare and two matrices, byte for byte, over tests/corpus/.

tests/corpus/ is a small fixed corpus made for these tables (twelve entries copied
from the shipped content, with the vocabulary and sources of the day), so adding
content to content/ never changes a golden file; only a change in the table code does.
When that happens on purpose, regenerate and review the diff:

    VOORVELD_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
    git diff tests/golden/
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import TEST_CORPUS

GOLDEN = Path(__file__).parent / "golden"

CASES = {
    # The two laws side by side: the comparison the glossary was written for.
    "compare-wmo-2015-participatiewet.md": ("compare", "wmo-2015", "participatiewet", "--format", "md"),
    # Every initiative of Latrelatie of huwelijk against the laws, with totals.
    "matrix-latrelatie-initiatives-laws.md": (
        "matrix",
        "--rows",
        "entry",
        "--source",
        "latrelatie-of-huwelijk-2016",
        "--format",
        "md",
    ),
    # Themes against laws for every initiative of the test corpus.
    "matrix-themes-laws.csv": ("matrix", "--rows", "theme", "--format", "csv"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(cli, name):
    result = cli(*CASES[name], content=TEST_CORPUS)
    assert result.exit_code == 0, result.stdout
    path = GOLDEN / name
    if os.environ.get("VOORVELD_UPDATE_GOLDEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert path.exists(), f"{path} ontbreekt: draai met VOORVELD_UPDATE_GOLDEN=1 en bekijk de diff"
    assert result.stdout == path.read_text(encoding="utf-8")


def test_the_test_corpus_is_valid(cli):
    result = cli("check", "--strict", content=TEST_CORPUS)
    assert result.exit_code == 0, result.stdout

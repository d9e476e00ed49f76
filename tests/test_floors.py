"""content/corpus.yml: floors that `check` verifies, so content can grow without a
Python edit and still cannot shrink without a loud failure."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from .conftest import REAL_CONTENT, REPO

NEW_INITIATIVE = """---
title: Buurtmoestuin De Groene Hoek
summary: Bewoners van de wijk beheren samen een moestuin en delen de oogst met de voedselbank.
as_of: 2021
place: [Arnhem]
province: Gelderland
organisations: [Stichting De Groene Hoek]
started: 2018
target_groups: [buurtbewoners]
themes: [ontmoeting, vrijwillige-inzet]
keywords: [moestuin, buurttuin, voedselbank]
laws_inferred: [Wmo 2015]
sources:
  - source: movisies-2020-1
    pages: "21"
related: [athos]
---

## Wat het is

Een moestuin op een braakliggend terrein, zie ook [Athos](athos).
"""


@pytest.fixture
def copy(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(REAL_CONTENT, root)
    return root


def test_shipped_corpus_meets_its_floors(cli):
    result = cli("check", content=REAL_CONTENT)
    assert "corpus.yml" not in result.stdout


def test_a_lost_question_fails_naming_the_case(cli, copy):
    path = next((copy / "cases").glob("casus-03-*.md"))
    text = path.read_text(encoding="utf-8")
    last = text.rindex("  - text: >-", 0, text.index("literature:"))
    path.write_text(text[:last] + text[text.index("literature:") :], encoding="utf-8")
    assert cli("check", str(path), content=copy).exit_code == 0  # the file alone is valid
    result = cli("check", content=copy)
    assert result.exit_code == 1
    assert re.search(
        r"corpus\.yml:\d+: questions\.3: verdiepingsvragen in casus 3 "
        r"\(casus-03-achter-de-voordeur-bij-de-buurvrouw\): 3 gevonden, minimaal 4 \(1 te weinig\)",
        result.stdout,
    ), result.stdout


def test_a_deleted_entry_fails_loudly(cli, copy):
    (copy / "initiatives" / "krachtbedrijf.md").unlink()
    (copy / "glossary" / "zvw.md").unlink()
    result = cli("check", content=copy)
    assert result.exit_code == 1
    out = result.stdout
    assert "kinds.initiative: initiatieven: 64 gevonden, minimaal 65 (1 te weinig)" in out
    assert "kind_sources.initiative.latrelatie-of-huwelijk-2016: initiatieven uit bron" in out
    assert "required[39]: 'zvw' ontbreekt in de kennisbank (verplicht)." in out


def test_a_mistake_in_corpus_yml_is_named_with_its_line(cli, copy):
    floors = copy / "corpus.yml"
    text = floors.read_text(encoding="utf-8")
    text = text.replace("  case: 16\n", "  casus: 16\n").replace("  15: 6\n", "  15: zes\n")
    floors.write_text(text + "extra: 1\n", encoding="utf-8")
    result = cli("check", content=copy)
    assert result.exit_code == 1
    assert "kinds.casus: onbekende soort 'casus'. Bedoelde u 'case'?" in result.stdout
    assert "questions.15: verwacht een heel getal (0 of meer)" in result.stdout
    assert "extra: onbekend onderdeel." in result.stdout


def test_a_corpus_without_floors_is_not_held_to_any(cli, corpus_dir):
    assert not (corpus_dir / "corpus.yml").exists()
    assert cli("check", "--strict", content=corpus_dir).exit_code == 0


def test_one_new_valid_initiative_needs_no_edit_elsewhere(cli, copy, tmp_path):
    """The proof: a copy of the content plus one new initiative passes check --strict
    and the content tests (run against the copy), with nothing else touched."""
    (copy / "initiatives" / "buurtmoestuin-de-groene-hoek.md").write_text(NEW_INITIATIVE, encoding="utf-8")
    result = cli("check", "--strict", content=copy)
    assert result.exit_code == 0, result.stdout
    files = sum(1 for _ in copy.glob("*/*.md"))
    assert f"In orde: {files} bestanden gecontroleerd" in result.stdout
    env = {**os.environ, "VOORVELD_TEST_CONTENT": str(copy), "VOORVELD_CACHE": str(tmp_path / "cache")}
    # The tests that read the content (test_golden reads its own fixed tests/corpus/).
    tests = ["tests/test_shipped_corpus.py"]
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", *tests],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "[100%]" in proc.stdout

"""A broken vocabulary.yml, sources.yml or places.yml is named once, on every read
command, instead of one warning per file that depends on it (issue 16, defect 2)."""

from __future__ import annotations

import pytest

BROKEN = {
    "vocabulary.yml": "themes: [niet gesloten\n",
    "sources.yml": "- id: bron\n  title: [kapot\n",
    "places.yml": "municipalities:\n  Vijfheerenlanden:\n    former: [{name: Vianen}]\n",
}
READERS = [
    ["list"],
    ["search", "mantelzorg"],
    ["show", "buurtkamer-maastricht"],
    ["stats"],
    ["export"],
    ["matrix"],
    ["index"],
]


@pytest.mark.parametrize("name", sorted(BROKEN))
@pytest.mark.parametrize("args", READERS, ids=" ".join)
def test_broken_configuration_is_one_fatal_message(cli, corpus_dir, name, args):
    (corpus_dir / name).write_text(BROKEN[name], encoding="utf-8")
    result = cli(*args, content=corpus_dir)
    assert result.exit_code == 1
    assert result.stderr.count("de configuratie van de content-map is kapot") == 1
    assert name in result.stderr
    # Nothing about the entries that depend on it: the cause is said once.
    assert "overgeslagen" not in result.stderr and "initiatives/" not in result.stderr


def test_check_still_lists_the_configuration_problem_with_its_line(cli, corpus_dir):
    (corpus_dir / "vocabulary.yml").write_text(BROKEN["vocabulary.yml"], encoding="utf-8")
    result = cli("check", content=corpus_dir)
    assert result.exit_code == 1
    assert "vocabulary.yml:" in result.stdout

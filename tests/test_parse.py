"""Front matter parsing: values, line numbers, and every way a file can be wrong."""

from __future__ import annotations

from voorveld_cli.content.parse import parse_bytes, parse_text


def test_values_and_line_numbers():
    text = (
        "---\n"
        "title: Athos\n"
        "themes: [dagbesteding, ontmoeting]\n"
        "sources:\n"
        "  - source: kracht-van-het-gewone\n"
        "    pages: 8\n"
        "---\n"
        "\n"
        "## Wat het is\n"
    )
    parsed = parse_text(text, "a.md")
    assert parsed.problems == []
    assert parsed.data == {
        "title": "Athos",
        "themes": ["dagbesteding", "ontmoeting"],
        "sources": [{"source": "kracht-van-het-gewone", "pages": 8}],
    }
    assert parsed.lines["title"] == 2
    assert parsed.lines["themes"] == 3
    assert parsed.lines["sources[0]"] == 5
    assert parsed.lines["sources[0].pages"] == 6
    assert parsed.body == "## Wat het is\n"
    assert parsed.body_line == 9


def test_bom_and_crlf_are_accepted():
    raw = "\ufeff---\r\ntitle: Titel\r\n---\r\nTekst\r\n".encode()
    parsed = parse_bytes(raw, "a.md")
    assert parsed.problems == []
    assert parsed.data == {"title": "Titel"}
    assert parsed.body == "Tekst\n"


def _only_problem(text: str):
    parsed = parse_text(text, "x.md")
    assert parsed.data is None
    assert len(parsed.problems) == 1
    return parsed.problems[0]


def test_broken_yaml_names_its_line():
    problem = _only_problem("---\ntitle: Athos\nthemes: [a, b\nplace: Maastricht\n---\n")
    assert problem.path == "x.md"
    assert problem.line in (3, 4)
    assert "ongeldige YAML" in problem.message
    assert str(problem).startswith(f"x.md:{problem.line}: front matter: ")


def test_no_front_matter():
    assert "geen front matter" in _only_problem("# Alleen tekst\n").message


def test_empty_file():
    assert _only_problem("").message == "leeg bestand"
    assert _only_problem("  \n\n").message == "leeg bestand"


def test_unclosed_front_matter():
    assert "niet afgesloten" in _only_problem("---\ntitle: x\n").message


def test_front_matter_that_is_a_list():
    assert "niet uit een lijst" in _only_problem("---\n- a\n- b\n---\n").message


def test_front_matter_that_is_empty():
    assert "leeg" in _only_problem("---\n---\nTekst\n").message


def test_python_tags_never_construct_objects():
    problem = _only_problem("---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n")
    assert "!!python/object/apply:os.system" in problem.message
    assert problem.line == 2


def test_aliases_are_refused_so_a_yaml_bomb_stays_small():
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    problem = _only_problem("\n".join(lines) + "\n---\n")
    assert "ankers" in problem.message
    assert problem.line == 3


def test_duplicate_key_is_reported_and_the_second_value_kept():
    parsed = parse_text("---\ntitle: Een\ntitle: Twee\n---\n", "x.md")
    assert parsed.data == {"title": "Twee"}
    [problem] = parsed.problems
    assert problem.line == 3
    assert problem.field == "title"
    assert "twee keer" in problem.message


def test_non_utf8_bytes_name_the_line():
    parsed = parse_bytes(b"---\ntitle: ok\nplace: caf\xe9\n---\n", "x.md")
    [problem] = parsed.problems
    assert problem.line == 3
    assert "UTF-8" in problem.message


def test_huge_file_is_refused_before_parsing():
    parsed = parse_bytes(b"---\ntitle: x\n---\n" + b"a" * (11 * 1024 * 1024), "x.md")
    assert "te groot" in parsed.problems[0].message

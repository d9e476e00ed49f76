"""The shape of the code itself: short functions, the environment read only at the edge."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "voorveld_cli"
MAX_LINES = 60


def functions():
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                yield f"{path.relative_to(SRC)}:{node.lineno} {node.name}", node


def test_no_function_is_longer_than_sixty_lines():
    long = {where: node.end_lineno - node.lineno + 1 for where, node in functions()}
    long = {where: n for where, n in long.items() if n > MAX_LINES}
    assert not long, long


def test_the_line_count_sees_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES))
    [node] = ast.parse(f"def f():\n{body}\n").body
    assert node.end_lineno - node.lineno + 1 > MAX_LINES


EDGE = {"settings.py", "cli"}  # the only places that may read the environment


READERS = ("environ", "getenv", "environb", "getenvb")


def environment_reads(tree: ast.AST):
    """Line numbers of os.environ / os.getenv / environ / getenv in a module."""
    for node in ast.walk(tree):
        attribute = isinstance(node, ast.Attribute) and node.attr in READERS
        name = isinstance(node, ast.Name) and node.id in READERS
        imported = isinstance(node, ast.ImportFrom) and any(alias.name in READERS for alias in node.names)
        if attribute or name or imported:
            yield node.lineno


def test_the_environment_is_read_only_at_the_edge():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC)
        if rel.parts[0] in EDGE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found += [f"{rel}:{line}" for line in environment_reads(tree)]
    assert not found, found


def test_the_environment_check_sees_every_form():
    code = "import os\nfrom os import getenv\na = os.environ.get('X')\nb = os.getenv('Y')\nc = getenv('Z')\n"
    assert sorted(set(environment_reads(ast.parse(code)))) == [2, 3, 4, 5]

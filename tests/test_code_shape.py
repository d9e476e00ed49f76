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

"""docs/reliability.md names the tests behind each promise: every one it names must exist,
so a renamed or deleted test cannot leave a promise pointing at nothing."""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).parent.parent
DOC = TESTS.parent / "docs" / "reliability.md"
_NAME = re.compile(r"`([\w/]*test_\w+\.py)?(?:::(\w+))?`")


def _named_tests() -> list[tuple[str, str | None]]:
    """(file, test or None) for every test the table names; "::test" means the file before it."""
    table = DOC.read_text().split("| promise | proved by |", 1)[1].split("\n\n", 1)[0]
    named = []
    for row in table.splitlines():
        current = None
        for file, test in _NAME.findall(row.split("|")[2] if row.count("|") >= 3 else ""):
            current = file or current
            assert current, f"'::{test}' with no file before it in: {row}"
            named.append((current, test or None))
    return named


def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}


def test_the_table_names_tests():
    assert len(_named_tests()) > 40


def test_every_test_the_table_names_exists():
    missing = []
    for file, test in _named_tests():
        path = TESTS / file
        if not path.exists() or (test and test not in _tests_in(path)):
            missing.append(f"{file}::{test}" if test else file)
    assert missing == []

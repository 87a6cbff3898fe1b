"""The README's fault table cannot drift from the tests: every row names tests that exist.

The table ("When something goes wrong") promises, per fault, what the user sees and what
is kept, and names the tests that try it. This reads the table, checks that it covers every
fault issue 7 lists, and that each named test is a test function pytest collects (found in
the file's syntax tree, so the Qt tests are checked without importing Qt).
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECTION = "## When something goes wrong"
COLUMNS = ["fault", "what you see", "what is kept", "test"]
TEST_REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")
REQUIRED_FAULTS = [
    "binary file",
    "empty",
    "invalid UTF-8",
    "over 50 MB",
    "deleted while open",
    "changed on disk while open",
    "read-only folder",
    "full disk",
    "corrupt sidecar",
    "sidecar from a newer version",
    "edited by another program while open",
    "SIGKILL",
    "scripts, iframes, remote images",
    "long lines",
    "deeply nested HTML",
]


def fault_table(readme: str) -> list[dict[str, str]]:
    """The rows of the first table in the section, as {column: cell}."""
    if SECTION not in readme:
        raise AssertionError(f"README has no '{SECTION}' section")
    section = readme.split(SECTION, 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    if header != COLUMNS:
        raise AssertionError(f"fault table columns are {header}, not {COLUMNS}")
    rows = []
    for line in lines[2:]:  # after the header and its --- line
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) != len(COLUMNS):
            raise AssertionError(f"row with {len(cells)} cells: {line[:80]}")
        rows.append(dict(zip(COLUMNS, cells)))
    return rows


@cache
def collected_test_names(path: Path) -> frozenset[str]:
    """Names of the module-level test functions pytest collects from ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return frozenset(
        node.name
        for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test")
    )


def missing_tests(rows: list[dict[str, str]], root: Path) -> list[str]:
    """Each reference in the test column whose file or function does not exist."""
    missing = []
    for row in rows:
        for file_name, function in TEST_REFERENCE.findall(row["test"]):
            path = root / file_name
            if not path.name.startswith("test_") or not path.is_file() or function not in collected_test_names(path):
                missing.append(f"{file_name}::{function}")
    return missing


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return fault_table((ROOT / "README.md").read_text(encoding="utf-8"))


def test_every_fault_of_the_issue_has_a_row(rows):
    faults = " ".join(row["fault"] for row in rows)
    assert [fault for fault in REQUIRED_FAULTS if fault not in faults] == []


def test_every_row_says_what_is_seen_and_kept_and_names_tests(rows):
    for row in rows:
        assert row["what you see"] and row["what is kept"], row["fault"]
        references = TEST_REFERENCE.findall(row["test"])
        assert references, f"no test named for {row['fault']!r}"
        assert len(references) == row["test"].count("::"), f"a malformed test name in {row['fault']!r}"


def test_every_named_test_exists(rows):
    assert missing_tests(rows, ROOT) == []


def test_the_check_notices_a_missing_test_and_a_missing_section(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_here.py").write_text("def test_present():\n    pass\n", encoding="utf-8")
    readme = (
        f"{SECTION}\n\n| fault | what you see | what is kept | test |\n| --- | --- | --- | --- |\n"
        "| full disk | a message | the file | `tests/test_here.py::test_present`, `tests/test_here.py::test_gone` |\n"
        "| empty file | a message | the file | `tests/test_nowhere.py::test_present` |\n"
    )
    rows = fault_table(readme)
    assert [row["fault"] for row in rows] == ["full disk", "empty file"]
    assert missing_tests(rows, tmp_path) == ["tests/test_here.py::test_gone", "tests/test_nowhere.py::test_present"]
    with pytest.raises(AssertionError, match="has no '## When something goes wrong' section"):
        fault_table("# Annotator\n")

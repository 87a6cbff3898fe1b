"""Imports in the core run one way: no module imports, even for typing, one that imports it back.

A cycle means that neither module owns the state the pair works on (the annotation set and
the operations on it were once such a pair), so the whole graph is checked, not one pair.
"""

from __future__ import annotations

import ast
from pathlib import Path

import annotator.core

CORE = Path(annotator.core.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(CORE.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found.update(name for name in names if name in modules)
    return found


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(path): path for path in CORE.rglob("*.py")}
    modules = set(paths)
    packages = {name for name, path in paths.items() if path.name == "__init__.py"}
    # A package's __init__ re-exports its modules; an edge into a package is not a cycle by itself.
    return {name: _imports(path, modules) - packages for name, path in paths.items() if name not in packages}


def _cycle_from(graph: dict[str, set[str]], start: str) -> list[str] | None:
    stack = [(start, [start])]
    seen = set()
    while stack:
        node, trail = stack.pop()
        for target in graph.get(node, ()):
            if target == start:
                return [*trail, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*trail, target]))
    return None


def test_core_modules_import_each_other_one_way_only():
    graph = _graph()
    cycles = [cycle for name in sorted(graph) if (cycle := _cycle_from(graph, name))]
    assert not cycles, "import cycles: " + "; ".join(" → ".join(cycle) for cycle in cycles[:5])


def test_the_annotation_set_does_not_import_its_operations():
    graph = _graph()
    assert "annotator.core.annotations.operations" not in graph["annotator.core.annotations.document"]
    assert "annotator.core.annotations.document" in graph["annotator.core.annotations.operations"]

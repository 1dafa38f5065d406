"""The packages' import graph: no circles, and dependencies point inward (bot -> retrieval, never back).

Read from the source with ``ast`` (every ``import``, at module level or inside a function), so an import
put off into a function to dodge a circle still counts. Imports under ``if TYPE_CHECKING:`` are left out:
they are never executed, and exist only so that annotations can name a class.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PACKAGES = ("retrieval", "bot")


def _is_type_checking(test: ast.expr) -> bool:
    return "TYPE_CHECKING" in ast.unparse(test)


def _imported(package: str, tree: ast.AST) -> set[str]:
    """The project modules a module imports (``package.module``), wherever in the file the import is."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.ImportFrom):
                if child.level == 0:
                    found.add(child.module or "")
                elif child.module:
                    found.add(f"{package}.{child.module}")
                else:  # ``from . import fuzzy``
                    found.update(f"{package}.{alias.name}" for alias in child.names)
            elif isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            visit(child)

    visit(tree)
    return {name for name in found if name.split(".")[0] in PACKAGES}


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    graph = {}
    for package in PACKAGES:
        for path in sorted((root / package).glob("*.py")):
            module = f"{package}.{path.stem}"
            graph[module] = {m for m in _imported(package, ast.parse(path.read_text(encoding="utf-8")))
                             if m != f"{package}.__init__"}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every module from which an import path leads back to itself, with that path (depth-first search)."""
    found = []
    for start in graph:
        stack, seen = [(start, [start])], set()
        while stack:
            module, path = stack.pop()
            for target in sorted(graph.get(module, ())):
                if target == start:
                    found.append(path + [start])
                    stack.clear()
                    break
                if target not in seen:
                    seen.add(target)
                    stack.append((target, path + [target]))
    return found


def test_the_graph_is_read_from_the_source():
    graph = import_graph()
    assert "bot.user_errors" in graph["bot.chat"]  # a module-level relative import
    assert "retrieval.answerer" in graph["bot.library"]  # an absolute one
    assert "bot.fuzzy" in graph["bot.commands"]  # ``from . import fuzzy``


def test_a_circle_through_an_import_inside_a_function_is_found(tmp_path):
    for package in PACKAGES:
        (tmp_path / package).mkdir()
    (tmp_path / "bot" / "app.py").write_text("def setup():\n    from .cog import Cog\n")
    (tmp_path / "bot" / "cog.py").write_text(
        "from typing import TYPE_CHECKING\nfrom .shared import X\nif TYPE_CHECKING:\n    from .app import App\n")
    (tmp_path / "bot" / "shared.py").write_text("from .app import setup\n")
    assert cycles(import_graph(tmp_path)) != []
    (tmp_path / "bot" / "shared.py").write_text("X = 1\n")  # the TYPE_CHECKING import alone is no circle
    assert cycles(import_graph(tmp_path)) == []


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_circle(package):
    graph = import_graph()
    assert [c for c in cycles(graph) if c[0].startswith(package + ".")] == []


def test_the_core_never_imports_the_adapters():
    graph = import_graph()
    assert {m: sorted(t for t in targets if t.startswith("bot.")) for m, targets in graph.items()
            if m.startswith("retrieval.") and any(t.startswith("bot.") for t in targets)} == {}

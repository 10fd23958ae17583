"""No import circle in hooks/guide/ or calculator/ (type-only imports count too), and page
rendering takes nothing from the checkers."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {"guide": ROOT / "hooks" / "guide", "calculator": ROOT / "calculator"}


def imports(package: Path) -> dict[str, set[str]]:
    """Module name → the modules of the same package it imports (relative imports, any place in the file)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(package.glob("*.py")):
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                found.update([node.module] if node.module else [alias.name for alias in node.names])
        graph[path.stem] = {name.split(".")[0] for name in found} - {path.stem}
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle, or [] (depth-first search)."""
    state: dict[str, str] = {}
    trail: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = "open"
        trail.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                return [*trail[trail.index(target):], target]
            if target not in state and (found := visit(target)):
                return found
        state[module] = "done"
        trail.pop()
        return []

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return []


@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_no_import_circle(name: str) -> None:
    graph = imports(PACKAGES[name])
    assert len(graph) > 5
    assert cycle(graph) == []


def test_the_cycle_finder_finds_one() -> None:
    assert cycle({"model": {"consistency"}, "consistency": {"tree_checks"}, "tree_checks": {"model"}}) == [
        "consistency", "tree_checks", "model", "consistency"]


def test_rendering_takes_nothing_from_the_checkers() -> None:
    graph = imports(PACKAGES["guide"])
    checkers = {module for module in graph if module.endswith(("_checks", "_check")) or module == "consistency"}
    assert checkers
    for module in ("render", "tree_render", "tree_diagram"):
        assert not graph[module] & checkers, module

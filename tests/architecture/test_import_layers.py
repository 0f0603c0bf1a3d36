"""Imports point down the pipeline only, and no module imports itself round a circle.

The stages, lowest first, are listed in :data:`LAYERS` (docs/architecture.md draws them). A
module may import its own stage or any stage below it; the test walks every ``import`` of every
module under ``src/caselint`` (typing-only and function-level imports included: a circle through
them is still a circle to a reader).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"

LAYERS = [
    "core",
    "rulepack",
    "text",
    "readers",
    "cases",
    "checks",
    "engine",
    "crosscase",
    "cache",
    "batch",
    "baseline",
    "reports",
    "annotate",
    "pack",
    "template",
    "cli",
]
RANK = {name: rank for rank, name in enumerate(LAYERS)}


def module_name(path: Path, src: Path = SRC) -> str:
    parts = path.relative_to(src).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The caselint modules ``path`` imports; ``from pkg import mod`` names the module."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if not node.module.startswith("caselint"):
                continue
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in known else node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("caselint"))
    return found


def import_graph(src: Path = SRC) -> dict[str, set[str]]:
    paths = {module_name(p, src): p for p in (src / "caselint").rglob("*.py")}
    known = set(paths)
    return {name: imports_of(path, known) - {name} for name, path in paths.items()}


def stage(module: str) -> str | None:
    """The stage a module belongs to; None for the package root (only ``__version__``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] != "__main__" else None


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    wrong = []
    for module, targets in sorted(graph.items()):
        here = stage(module)
        if here is None:
            continue
        for target in sorted(targets):
            there = stage(target)
            if there is not None and RANK[there] > RANK[here]:
                wrong.append(f"{module} ({here}) imports {target} ({there})")
    return wrong


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_every_stage_is_listed() -> None:
    stages = {stage(m) for m in import_graph()} - {None}
    assert stages <= set(LAYERS), f"unlisted stage(s): {sorted(stages - set(LAYERS))}"


def test_imports_point_down_the_pipeline() -> None:
    assert upward_imports(import_graph()) == []


def test_no_import_circle() -> None:
    assert circles(import_graph()) == []


def test_package_docstrings_say_what_each_stage_takes_and_gives() -> None:
    for name in LAYERS:
        init = SRC / "caselint" / name / "__init__.py"
        if not init.exists():
            assert (SRC / "caselint" / f"{name}.py").exists(), f"stage {name} has no code"
            continue  # a single-module stage (engine.py, cache.py, batch.py)
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc.splitlines()) >= 2, f"{name}/__init__.py needs a docstring"


@pytest.fixture
def fake_tree(tmp_path: Path) -> Path:
    pkg = tmp_path / "caselint"
    for sub in ("core", "text", "cli"):
        (pkg / sub).mkdir(parents=True)
        (pkg / sub / "__init__.py").write_text('"""x\ny"""\n', encoding="utf-8")
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    return tmp_path


def test_the_check_catches_an_upward_import(fake_tree: Path) -> None:
    """The guard itself: a lower stage importing a higher one is reported."""
    (fake_tree / "caselint" / "core" / "low.py").write_text(
        "from caselint.cli import app\n", encoding="utf-8"
    )
    (fake_tree / "caselint" / "cli" / "app.py").write_text(
        "from caselint.core import low\n", encoding="utf-8"
    )
    graph = import_graph(fake_tree)
    assert upward_imports(graph) == ["caselint.core.low (core) imports caselint.cli.app (cli)"]
    assert circles(graph) == [["caselint.cli.app", "caselint.core.low"]]


def test_the_check_catches_a_circle_inside_a_stage(fake_tree: Path) -> None:
    text = fake_tree / "caselint" / "text"
    (text / "a.py").write_text("def f():\n    from caselint.text import b\n", encoding="utf-8")
    (text / "b.py").write_text("from caselint.text.a import f\n", encoding="utf-8")
    graph = import_graph(fake_tree)
    assert upward_imports(graph) == []
    assert circles(graph) == [["caselint.text.a", "caselint.text.b"]]

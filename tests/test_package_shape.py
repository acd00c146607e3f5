"""The shape the design card promises: small files, no import cycles, MkDocs only in engine/."""

from __future__ import annotations

import ast
from pathlib import Path

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
PACKAGE = HOOKS / "termbase"


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(HOOKS).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path) -> set[str]:
    """Every module named by an import in the file, type-only imports included."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def test_no_file_of_the_hooks_the_bench_or_the_tests_is_over_300_lines():
    root = HOOKS.parent
    long = {
        str(path.relative_to(root)): n
        for folder in ("hooks", "bench", "tests")
        for path in (root / folder).rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 300
    }
    assert long == {}


def test_no_module_imports_itself_through_others():
    known = modules()
    graph = {
        name: {i for i in imports(path) if i in known and i != name} for name, path in known.items()
    }
    # a package's __init__ re-exporting its own modules is not a cycle of theirs
    graph = {n: {i for i in deps if not n.startswith(i + ".")} for n, deps in graph.items()}
    seen: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles = []

    def visit(name: str, path: list[str]) -> None:
        seen[name] = 1
        for other in sorted(graph[name]):
            if seen.get(other) == 1:
                cycles.append([*path[path.index(other) :], other])
            elif other not in seen:
                visit(other, [*path, other])
        seen[name] = 2

    for name in sorted(graph):
        if name not in seen:
            visit(name, [name])
    assert cycles == []


def test_only_the_engine_imports_mkdocs():
    outside = {
        name
        for name, path in modules().items()
        if not name.startswith("termbase.engine")
        and any(i == "mkdocs" or i.startswith("mkdocs.") for i in imports(path))
    }
    assert outside == set()

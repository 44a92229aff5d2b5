"""The architecture holds: apps import each other in one direction only, and modules stay small.

The layers, lowest first, are those of README's "Layout". Imports are read from the source with
`ast`: module-level and inside functions, and dotted names handed to `importlib`, `apps.get_model`,
`apps.is_installed` and `include`, which reach a package without an import statement.
"""

import ast
from collections import defaultdict
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Lowest first: a package may import only the packages before it.
LAYERS = ["names", *settings.PROJECT_APPS, "config"]
# Tools that drive the project from outside; nothing in LAYERS may import them.
OUTSIDE = {"bench", "deploy", "loadtest"}
SKIPPED_DIRS = {"migrations", "tests", ".venv", ".git", "node_modules", "staticfiles"}
STRING_IMPORTERS = {"import_module", "find_spec", "get_model", "is_installed", "include"}
MAX_MODULE_LINES = 400


def first_party() -> set[str]:
    return {
        p.name
        for p in ROOT.iterdir()
        if p.is_dir() and p.name not in SKIPPED_DIRS and any(p.glob("*.py"))
    }


def modules(package: str):
    for path in sorted((ROOT / package).rglob("*.py")):
        if not SKIPPED_DIRS & set(path.relative_to(ROOT).parts):
            yield path


def imported_names(tree: ast.AST):
    """Every dotted name the module imports or hands to an importer as a string."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in STRING_IMPORTERS:
                for arg in node.args[:1]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        yield arg.value


def import_graph() -> dict[str, dict[str, set[str]]]:
    """package -> imported package -> the modules of the package that import it."""
    packages = first_party()
    graph: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for package in sorted(packages):
        for path in modules(package):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for name in imported_names(tree):
                target = name.split(".")[0]
                if target in packages and target != package:
                    graph[package][target].add(str(path.relative_to(ROOT)))
    return graph


def cycle(graph) -> list[str] | None:
    """One cycle of the graph as a path of packages, or None."""
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]):
        state[node] = "open"
        for target in sorted(graph.get(node, {})):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target] if target in path else [node, target]
            if target not in state and (found := visit(target, [*path, target])):
                return found
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_every_package_has_a_place_in_the_layers():
    assert first_party() == set(LAYERS) | OUTSIDE


def test_the_package_imports_have_no_cycle():
    assert cycle(import_graph()) is None


def test_each_package_imports_only_the_layers_below_it():
    graph = import_graph()
    upward = [
        f"{package} imports {target} ({', '.join(sorted(where))})"
        for package, targets in graph.items()
        if package in LAYERS
        for target, where in targets.items()
        if target in OUTSIDE or LAYERS.index(target) > LAYERS.index(package)
    ]
    assert upward == []


def test_the_check_sees_imports_inside_functions_and_through_importlib():
    tree = ast.parse(
        "def f():\n    from search import documents\n"
        "importlib.import_module('curation.log')\napps.is_installed('web')\n"
    )
    assert set(imported_names(tree)) == {"search", "curation.log", "web"}
    assert cycle({"a": {"b": set()}, "b": {"a": set()}}) in (["a", "b", "a"], ["b", "a", "b"])


def test_no_module_is_longer_than_the_limit():
    long_modules = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for package in sorted(first_party() - OUTSIDE) + ["tests"]
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert long_modules == []

"""Every module of the package is reachable by static imports from the entry points.

PyInstaller bundles only what it finds by following import statements from its entry
script, so a module loaded by an importlib string (or not imported at all) would be
missing from the frozen build. This walks the import statements (anywhere in a module,
including inside functions, which PyInstaller follows too) from ``inventory_app/__main__.py``
and from ``packaging/launch.py``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "inventory_app"


def _all_modules() -> dict[str, Path]:
    """Dotted name -> file of every module under inventory_app/ (packages by __init__)."""
    modules = {}
    for path in (ROOT / PACKAGE).rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


MODULES = _all_modules()


def _with_parents(name: str) -> list[str]:
    """Importing a.b.c runs the __init__ of a and of a.b first."""
    parts = name.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def _imports(path: Path, module: str) -> set[str]:
    """Our modules that the import statements of ``path`` name."""
    is_package = path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            # `from package import module` imports the module too.
            found.update(f"{target}.{alias.name}" for alias in node.names)
    reached = set()
    for name in found:
        reached.update(n for n in _with_parents(name) if n in MODULES)
    return reached


def _reachable(entry: Path, entry_module: str) -> set[str]:
    seen: set[str] = set()
    todo = list(_imports(entry, entry_module))
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(_imports(MODULES[name], name) - seen)
    return seen


@pytest.mark.parametrize(
    ("entry", "module"),
    [
        (ROOT / PACKAGE / "__main__.py", f"{PACKAGE}.__main__"),
        (ROOT / "packaging" / "launch.py", "launch"),
    ],
    ids=["python-m", "pyinstaller"],
)
def test_every_module_is_statically_reachable(entry: Path, module: str) -> None:
    reached = _reachable(entry, module) | {f"{PACKAGE}.__main__"}
    assert sorted(set(MODULES) - reached) == []


def test_the_walk_sees_imports_inside_functions() -> None:
    # app.py imports ui only inside run_gui(), so that the CLI never loads Qt.
    assert f"{PACKAGE}.ui.main_window" in _imports(MODULES[f"{PACKAGE}.app"], f"{PACKAGE}.app")


def test_no_module_is_imported_by_a_string() -> None:
    """importlib / __import__ would hide a module from PyInstaller."""
    offenders = []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                called = getattr(func, "attr", None) or getattr(func, "id", None)
                if called in ("import_module", "__import__"):
                    offenders.append(f"{name}:{node.lineno}")
    assert offenders == []

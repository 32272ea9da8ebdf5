"""The frozen build must not exclude a Qt module the app imports (a page would fail to load
only in the installed program: the 储备计划 page's QtCharts once did)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _excluded() -> set[str]:
    text = (ROOT / "packaging" / "inventory_app.spec").read_text(encoding="utf-8")
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "EXCLUDES" for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            return {str(name) for name in value}
    raise AssertionError("EXCLUDES not found in the spec")


def _imported_qt_modules() -> set[str]:
    found: set[str] = set()
    pattern = re.compile(r"^\s*(?:from|import)\s+(PySide6\.Qt\w+)", re.MULTILINE)
    for path in (ROOT / "inventory_app").rglob("*.py"):
        found |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def test_no_imported_qt_module_is_excluded_from_the_bundle() -> None:
    imported = _imported_qt_modules()
    assert "PySide6.QtWidgets" in imported and "PySide6.QtCharts" in imported
    assert imported.isdisjoint(_excluded()), imported & _excluded()

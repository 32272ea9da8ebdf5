"""Every translated text under inventory_app/ui must be one pyside6-lupdate can extract.

lupdate only sees string literals in ``self.tr("…")``,
``QCoreApplication.translate("Context", "…")`` and ``QT_TRANSLATE_NOOP("Context", "…")``.
A text handed over in a variable, built with an f-string, or passed through a helper such
as ``_tr(text)`` never reaches the .ts file and would stay Chinese in English. This is a
static (AST) check, so it needs neither Qt's tools nor a display.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "inventory_app" / "ui"

TRANSLATE_OWNERS = {"QCoreApplication", "QApplication", "QGuiApplication"}
NOOPS = {"QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "QT_TRANSLATE_NOOP_UTF8"}


def _is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _call_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_qt_translate(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "translate"
        and isinstance(func.value, ast.Name)
        and func.value.id in TRANSLATE_OWNERS
    )


def _is_tr(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Attribute) and call.func.attr == "tr"


def _text_arg(call: ast.Call) -> ast.expr | None:
    """The argument holding the source text: tr(text, …) / translate(ctx, text, …)."""
    position = 0 if _is_tr(call) else 1
    if len(call.args) > position:
        return call.args[position]
    for keyword in call.keywords:
        if keyword.arg in ("sourceText", "key"):
            return keyword.value
    return None


def _unwrap_str(node: ast.expr) -> ast.expr:
    # str(text) is still just ``text``.
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "str"
        and len(node.args) == 1
    ):
        return node.args[0]
    return node


@dataclass
class _Module:
    path: Path
    tree: ast.Module
    constants: dict[str, str] = field(default_factory=dict)  # NAME = "literal"
    noop_contexts: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return str(self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path)

    def context_of(self, node: ast.expr) -> str | None:
        """A context given as a literal or as a module-level string constant."""
        if _is_literal(node):
            assert isinstance(node, ast.Constant)
            return str(node.value)
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        return None


def _load(path: Path) -> _Module:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module = _Module(path, tree)
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and _is_literal(statement.value):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    module.constants[target.id] = statement.value.value  # type: ignore[attr-defined]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in NOOPS and node.args:
            context = module.context_of(node.args[0])
            if context is not None:
                module.noop_contexts.add(context)
    return module


def _wrappers(module: _Module) -> set[str]:
    """Functions that hand one of their own parameters to tr()/translate() as the text."""
    found = set()
    for node in ast.walk(module.tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        params = {
            a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)
        } - {"self", "cls"}
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and (_is_tr(call) or _is_qt_translate(call)):
                text = _text_arg(call)
                if text is not None:
                    text = _unwrap_str(text)
                    if isinstance(text, ast.Name) and text.id in params:
                        found.add(node.name)
    return found


def problems_in(modules: list[_Module]) -> list[str]:
    """Every translation call lupdate cannot extract, as "file:line: why"."""
    problems: list[str] = []
    wrappers = set().union(*(_wrappers(m) for m in modules)) if modules else set()

    # Base classes: self.tr() in a base class is looked up under the subclass's name
    # at run time, but lupdate files the string under the base class.
    classes: dict[str, tuple[_Module, ast.ClassDef, bool]] = {}
    for module in modules:
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ClassDef):
                uses_tr = any(
                    isinstance(c, ast.Call)
                    and _is_tr(c)
                    and isinstance(c.func, ast.Attribute)
                    and isinstance(c.func.value, ast.Name)
                    and c.func.value.id == "self"
                    for c in ast.walk(node)
                )
                classes[node.name] = (module, node, uses_tr)
    for _module, node, _uses in classes.values():
        for base in node.bases:
            base_name = base.id if isinstance(base, ast.Name) else None
            if base_name in classes and classes[base_name][2]:
                base_module, base_node, _ = classes[base_name]
                problems.append(
                    f"{base_module.name}:{base_node.lineno}: {base_name} uses self.tr() but is "
                    f"subclassed by {node.name}; use QCoreApplication.translate with a fixed "
                    "context in the base class"
                )

    for module in modules:
        for node in ast.walk(module.tree):
            # lupdate does not look inside f-strings: f"{self.tr('台账')}.xlsx" is lost.
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and (
                        _is_tr(inner) or _is_qt_translate(inner) or _call_name(inner) in NOOPS
                    ):
                        problems.append(
                            f"{module.name}:{inner.lineno}: translation inside an "
                            "f-string; assign it to a variable first"
                        )
        for call in ast.walk(module.tree):
            if not isinstance(call, ast.Call):
                continue
            where = f"{module.name}:{call.lineno}"
            name = _call_name(call)
            if _is_tr(call):
                owner = call.func.value  # type: ignore[attr-defined]
                if not (isinstance(owner, ast.Name) and owner.id == "self"):
                    problems.append(
                        f"{where}: {ast.unparse(call.func)}() is filed under the "
                        'wrong context; use QCoreApplication.translate("Ctx", …)'
                    )
                text = _text_arg(call)
                if text is None or not _is_literal(text):
                    problems.append(
                        f"{where}: tr() needs a string literal, not "
                        f"{ast.unparse(text) if text is not None else 'nothing'}"
                    )
            elif _is_qt_translate(call):
                context = module.context_of(call.args[0]) if call.args else None
                if context is None:
                    problems.append(f"{where}: translate() needs a literal context")
                    continue
                text = _text_arg(call)
                if text is not None and _is_literal(text):
                    continue
                # A variable is fine only for texts marked where they are defined.
                if context not in module.noop_contexts:
                    problems.append(
                        f"{where}: translate({context!r}, "
                        f"{ast.unparse(text) if text is not None else '?'}) is not a literal "
                        f"and no QT_TRANSLATE_NOOP({context!r}, …) marks its texts"
                    )
            elif name in NOOPS:
                if not all(_is_literal(arg) for arg in call.args[:2]):
                    problems.append(f"{where}: {name}() needs literal arguments")
            elif name in wrappers and any(_is_literal(arg) for arg in call.args):
                problems.append(
                    f"{where}: {name}() passes a literal to translate(); lupdate "
                    "cannot see it - call tr()/translate() with the literal"
                )
    return problems


def _modules(directory: Path) -> list[_Module]:
    return [
        _load(path) for path in sorted(directory.rglob("*.py")) if "__pycache__" not in path.parts
    ]


def test_every_translated_text_is_a_literal_lupdate_can_extract() -> None:
    problems = problems_in(_modules(UI_DIR))
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    "source",
    [
        "class P:\n    def f(self, text):\n        return self.tr(text)\n",
        'class P:\n    def f(self, n):\n        return self.tr(f"共 {n} 行")\n',
        'class P:\n    def f(self, parent):\n        return parent.tr("关闭")\n',
        "from PySide6.QtCore import QCoreApplication\n"
        'def _tr(text):\n    return QCoreApplication.translate("StockPage", text)\n'
        'def names():\n    return [_tr("已过期")]\n',
        "from PySide6.QtCore import QCoreApplication\n"
        'def f(ctx):\n    return QCoreApplication.translate(ctx, "关闭")\n',
        'class Base:\n    def f(self):\n        return self.tr("关闭")\n'
        "class Child(Base):\n    pass\n",
        "class P:\n    def f(self):\n        return f\"{self.tr('台账')}.xlsx\"\n",
    ],
    ids=[
        "variable",
        "f-string",
        "other-object",
        "wrapper",
        "variable-context",
        "base-class",
        "inside-f-string",
    ],
)
def test_the_check_catches_unextractable_texts(tmp_path: Path, source: str) -> None:
    (tmp_path / "sample.py").write_text(source, encoding="utf-8")
    assert problems_in(_modules(tmp_path)) != []


def test_the_check_accepts_marked_texts(tmp_path: Path) -> None:
    (tmp_path / "sample.py").write_text(
        "from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication\n"
        '_CTX = "StockPage"\n'
        'NAMES = {"expired": QT_TRANSLATE_NOOP("StockPage", "已过期")}\n'
        "def name(key):\n    return QCoreApplication.translate(_CTX, str(NAMES[key]))\n"
        'def label():\n    return QCoreApplication.translate("StockPage", "全部")\n'
        "class StockPage:\n"
        '    def f(self, n):\n        return self.tr("共 {n} 行").format(n=n)\n'
        '    def g(self, n):\n        return self.tr("共 %n 行", "", n)\n',
        encoding="utf-8",
    )
    assert problems_in(_modules(tmp_path)) == []

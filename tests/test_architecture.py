"""Layer rules from ARCHITECTURE.md, checked on every run so they cannot quietly erode."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"
QT_ALLOWED = {PACKAGE / "app.py"}


def _imports(path: Path, package_root: Path = PACKAGE) -> set[str]:
    """Absolute names of every module a file imports: plain, relative (resolved against the
    file's package) and by name through importlib.import_module / __import__."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = [package_root.name, *path.relative_to(package_root).with_suffix("").parts]
    package = parts[:-1]  # a module's package; for __init__.py the package itself
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:
                anchor = package[: len(package) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                or (
                    isinstance(node.func, ast.Name)
                    and node.func.id in ("__import__", "import_module")
                )
            )
        ):
            names.add(node.args[0].value)
    return names


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py"))


def test_qt_stays_inside_ui() -> None:
    offenders = []
    for path in _modules(PACKAGE):
        if (PACKAGE / "ui") in path.parents or path in QT_ALLOWED:
            continue
        bad = {
            n for n in _imports(path) if n.split(".")[0] == "PySide6" or n.startswith("desktop.ui")
        }
        if bad:
            offenders.append(f"{path.relative_to(PACKAGE)}: {sorted(bad)}")
    assert not offenders, "Qt imported outside desktop/ui:\n" + "\n".join(offenders)


def test_parsing_depends_on_nothing_in_the_project() -> None:
    offenders = []
    for path in _modules(PACKAGE / "parsing"):
        bad = {
            n
            for n in _imports(path)
            if n.startswith("desktop") and not n.startswith("desktop.parsing")
        }
        if bad:
            offenders.append(f"{path.relative_to(PACKAGE)}: {sorted(bad)}")
    assert not offenders, "\n".join(offenders)


def test_lower_layers_do_not_import_services_or_cli() -> None:
    offenders = []
    for layer in ("parsing", "readers", "reports", "storage", "models"):
        for path in _modules(PACKAGE / layer):
            bad = {
                n
                for n in _imports(path)
                if n.startswith(("desktop.services", "desktop.cli", "desktop.ui", "desktop.app"))
            }
            if bad:
                offenders.append(f"{path.relative_to(PACKAGE)}: {sorted(bad)}")
    assert not offenders, "\n".join(offenders)


def test_every_module_has_a_docstring() -> None:
    missing = [
        str(p.relative_to(PACKAGE))
        for p in _modules(PACKAGE)
        if p.stat().st_size
        and ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None
        and "versions" not in p.parts
    ]
    assert not missing, f"modules without a one-line docstring: {missing}"


def test_the_import_check_sees_relative_and_dynamic_imports(tmp_path: Path) -> None:
    """The rules above are only as good as the import finder: it must see every form."""
    pkg = tmp_path / "desktop"
    (pkg / "services").mkdir(parents=True)
    module = pkg / "services" / "sneaky.py"
    module.write_text(
        "from ..ui import main_window\n"
        "from . import progress\n"
        "import importlib\n"
        "qt = importlib.import_module('PySide6.QtCore')\n"
        "gui = __import__('PySide6.QtGui')\n",
        encoding="utf-8",
    )
    found = _imports(module, pkg)
    assert "desktop.ui.main_window" in found
    assert "desktop.services.progress" in found
    assert {"PySide6.QtCore", "PySide6.QtGui"} <= found

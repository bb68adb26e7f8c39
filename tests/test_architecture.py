"""Layer rules from ARCHITECTURE.md, checked on every run so they cannot quietly erode."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"
QT_ALLOWED = {PACKAGE / "app.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
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

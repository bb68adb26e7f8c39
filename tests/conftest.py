"""Shared fixtures: Qt offscreen, a fresh data directory per test, sample files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("LUOSHI_DATA_DIR", None)

DATA = Path(__file__).resolve().parent / "data"
SAMPLE_137 = DATA / "000_dc0896af9e17fb39.txt"
SAMPLE_43 = DATA / "002_d33fa898f2219e78.txt"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def ws(data_dir: Path) -> Iterator[object]:
    from desktop.services.workspace import Workspace

    workspace = Workspace.open(data_dir)
    workspace.author = "测试员"
    yield workspace
    workspace.close()


@pytest.fixture(scope="session")
def qapp() -> object:
    """One QApplication for the session, set up like the real one (bundled font, Chinese)."""
    from desktop.app import create_app

    return create_app(["luoshi-tests"])


@pytest.fixture(autouse=True)
def _no_leftover_background_work(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that leaves background work running fails (napari's leaked-thread check)."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from desktop.ui.tasks import pool

    active = pool().activeThreadCount()
    pool().waitForDone(10000)
    assert active == 0, "background work was still running when the test ended"

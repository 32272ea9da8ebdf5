"""Shared set-up for GUI tests: headless Qt and the bundled CJK font."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Before any QApplication exists, so tests never need a display (CI, SSH).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inventory_app.ui.context import AppContext
from inventory_app.ui.fonts import register_bundled_fonts
from inventory_app.ui.pages.users_page import UsersPage
from tests.factories import World
from tests.gui.dialog_support import MakeCtx, contexts, quiet_popups, settle


@pytest.fixture(scope="session")
def bundled_font(qapp: QApplication) -> str:
    """Register WenQuanYi Micro Hei once per session; returns its family name."""
    return register_bundled_fonts(qapp)


@pytest.fixture
def make_ctx(qapp: QApplication, world: World) -> Iterator[MakeCtx]:
    """Contexts for any actor on the `world` database; their tasks finish before teardown."""
    with contexts(world) as make:
        yield make


@pytest.fixture
def admin_ctx(world: World, make_ctx: MakeCtx) -> AppContext:
    return make_ctx(world.admin)


@pytest.fixture
def users_page(qtbot: QtBot, admin_ctx: AppContext) -> UsersPage:
    """The 用户管理 page of the admin, shown and loaded."""
    page = UsersPage(admin_ctx)
    qtbot.addWidget(page)
    page.show()
    settle(admin_ctx)
    return page


@pytest.fixture
def popups_quiet(qapp: QApplication) -> Iterator[None]:
    """For modules that open completers and combo boxes:
    ``pytestmark = pytest.mark.usefixtures("popups_quiet")``."""
    with quiet_popups():
        yield


# The offscreen platform plugin (not our code) warns on every top-level window
# with a layout; with qt_log_level_fail=WARNING that would fail any dialog test.
# Pop-up lists (completers, combo boxes) add "raise()" and "grabbing the keyboard".
_OFFSCREEN_NOISE = (
    r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|"
    r"grabbing the keyboard)"
)
_GUI_DIR = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _GUI_DIR in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_NOISE))


@pytest.fixture
def qsettings_isolated(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """QSettings() in the code under test reads and writes a temporary INI file."""
    from inventory_app.ui import startup

    names = (qapp.organizationName(), qapp.applicationName())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    qapp.setOrganizationName(startup.ORGANISATION)
    qapp.setApplicationName(f"{startup.APPLICATION}-test")
    QSettings().clear()
    yield
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])

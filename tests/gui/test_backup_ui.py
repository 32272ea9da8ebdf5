"""Backups in the window: automatic ones and their status on the dashboard, the restore
dialog, the About dialog, the log folder from the Help menu and from the crash dialog."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from inventory_app import __version__, paths
from inventory_app.domain.model import ReceiptLine
from inventory_app.services import auto_backup, backup_files, receipts
from inventory_app.services.backup import backup
from inventory_app.services.verify import verify
from inventory_app.ui import backup_schedule, crash, maintenance, open_path
from inventory_app.ui.backup_schedule import BackupSchedule
from inventory_app.ui.dialogs import about_dialog
from inventory_app.ui.dialogs.about_dialog import AboutDialog
from inventory_app.ui.dialogs.restore_dialog import RestoreDialog
from inventory_app.ui.main_window import MainWindow
from inventory_app.ui.pages.dashboard_page import DashboardPage
from tests.factories import PASSWORD, World
from tests.gui.dialog_support import MakeCtx, close_message_boxes, message_boxes, settle

pytestmark = pytest.mark.usefixtures("qsettings_isolated")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """What the desktop was asked to open (nothing is really opened in tests)."""
    calls: list[Path] = []

    def fake(path: Path) -> bool:
        calls.append(path)
        return True

    for module in (open_path, crash, maintenance, about_dialog):
        monkeypatch.setattr(module, "open_path", fake, raising=False)
    return calls


def _receive(world: World, qty: str) -> None:
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=str(uuid.uuid4()),
        lines=[ReceiptLine("050101", Decimal(qty), batch_no=f"B{qty}")],
    )


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "usb" / "备份"
    backup_schedule.save_policy(auto_backup.Policy(folder, 3, 2))
    return folder


def test_the_exit_backup_is_written_checked_and_rotated(
    world: World, make_ctx: MakeCtx, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    for days in range(1, 8):  # older automatic backups, one a day
        stamp = datetime.now() - timedelta(days=days)
        (folder).mkdir(parents=True, exist_ok=True)
        (folder / f"{backup_files.AUTO_PREFIX}{stamp:%Y%m%d-%H%M%S}.sqlite3").write_bytes(b"x")
    _receive(world, "5")
    schedule = BackupSchedule(make_ctx(world.admin))
    assert schedule.run_now()
    found = backup_files.auto_backups(folder)
    assert len(found) <= 3 + 2 and found[0][0] > datetime.now() - timedelta(minutes=1)
    newest = backup_files.list_backups(folder)[0]
    assert newest.movements == verify(world.uow).movements == 1
    assert QSettings().value(backup_schedule.LAST_ERROR_KEY) is None


def test_a_failed_or_stale_backup_shows_on_the_dashboard(
    qtbot: QtBot, world: World, make_ctx: MakeCtx, tmp_path: Path
) -> None:
    ctx = make_ctx(world.admin)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    backup_schedule.save_policy(auto_backup.Policy(blocked, 7, 12))
    schedule = BackupSchedule(ctx)
    assert not schedule.run_now()
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    settle(ctx)
    assert page.backup_banner.isVisible()
    assert page.backup_banner.text().startswith("自动备份失败")
    assert "_" not in page.backup_banner.text()  # a sentence, not an internal code

    folder = _folder(tmp_path)  # a good folder; the last good backup is three days old
    old = backup(world.uow, None, folder, auto=True)
    stamp = datetime.now() - timedelta(days=3)
    old.rename(folder / f"{backup_files.AUTO_PREFIX}{stamp:%Y%m%d-%H%M%S}.sqlite3")
    QSettings().remove(backup_schedule.LAST_ERROR_KEY)
    page.refresh()
    settle(ctx)
    assert page.backup_banner.isVisible() and "已超过两天" in page.backup_banner.text()

    assert schedule.run_now()  # a fresh backup: the warning goes
    page.refresh()
    settle(ctx)
    assert not page.backup_banner.isVisible()


def test_the_restore_dialog_lists_refuses_broken_and_restores(
    qtbot: QtBot, world: World, make_ctx: MakeCtx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    _receive(world, "5")
    good = backup(world.uow, world.admin, folder / "inventory-good.sqlite3")
    broken = folder / "inventory-broken.sqlite3"
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x10
    broken.write_bytes(bytes(data))
    backup_files.manifest_path(broken).write_bytes(backup_files.manifest_path(good).read_bytes())
    _receive(world, "7")
    ctx = make_ctx(world.admin)
    dialog = RestoreDialog(ctx)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "confirm", lambda _entry: True)
    rows = dialog.model.rows()
    assert {r.path.name for r in rows} == {good.name, broken.name}
    assert all(r.movements == 1 and r.size == good.stat().st_size for r in rows)
    headers = [
        dialog.model.headerData(i, Qt.Orientation.Horizontal)
        for i in range(dialog.model.columnCount())
    ]
    assert headers[:3] == ["备份时间", "大小", "流水条数"]

    restored: list[Path] = []
    dialog.restored.connect(restored.append)
    dialog.view.selectRow(next(i for i, r in enumerate(rows) if r.path == broken))
    dialog.restore_selected()
    settle(ctx)
    (box,) = message_boxes()
    assert "校验和" in box.text() and "未做任何更改" in box.text()
    close_message_boxes()
    assert restored == [] and verify(world.uow).movements == 2

    dialog.view.selectRow(next(i for i, r in enumerate(rows) if r.path == good))
    dialog.restore_selected()
    settle(ctx)
    assert len(restored) == 1 and restored[0].exists()
    assert verify(world.uow).movements == 1


def test_about_shows_version_database_folders_and_licences(
    qtbot: QtBot, world: World, make_ctx: MakeCtx, opened: list[Path]
) -> None:
    ctx = make_ctx(world.admin)
    dialog = AboutDialog(ctx)
    qtbot.addWidget(dialog)
    text = dialog.plain_text()
    for expected in (__version__, "SQLite", str(paths.data_dir()), "LGPLv3", "文泉驿微米黑"):
        assert expected in text, expected
    dialog.logs_button.click()
    dialog.licences_button.click()
    assert opened == [paths.log_dir(), paths.licenses_dir()]
    assert (paths.licenses_dir() / "LGPL-3.0.txt").is_file()


def test_help_menu_and_crash_dialog_open_the_log_folder(
    qtbot: QtBot, world: World, make_ctx: MakeCtx, opened: list[Path]
) -> None:
    window = MainWindow(make_ctx(world.keeper_a))
    qtbot.addWidget(window)
    assert window.action_map["open_logs"].isVisible()
    assert not window.action_map["restore"].isVisible()  # keepers do not restore
    window.action_map["open_logs"].trigger()
    dialog = crash.CrashDialog("Traceback …", crash.log_file_path())
    qtbot.addWidget(dialog)
    dialog.logs_button.click()
    assert opened == [paths.log_dir(), crash.log_file_path().parent]
    window.ctx.tasks.wait_all(10000)


def test_admin_sees_restore_and_backup_settings(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    window = MainWindow(make_ctx(world.admin))
    qtbot.addWidget(window)
    texts = [a.text() for a in window.file_menu.actions() if a.isVisible()]
    assert "从备份恢复…" in texts and "自动备份设置…" in texts
    window.ctx.tasks.wait_all(10000)


@pytest.mark.slow
def test_smoke_option_paints_the_window_and_exits_zero(world: World, tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    db = str(world.uow.engine.url.database)
    env = {
        **os.environ,
        "PYTHONPATH": str(root),
        "QT_QPA_PLATFORM": "offscreen",
        "INVENTORY_USER": "ka",
        "INVENTORY_PASSWORD": PASSWORD,
    }

    def smoke() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "inventory_app", "--db", db, "--smoke"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )

    done = smoke()
    assert done.returncode == 0, done.stderr
    env["INVENTORY_PASSWORD"] = "wrong"
    refused = smoke()
    assert refused.returncode == 1
    assert refused.stderr.startswith("smoke: ") and "Traceback" not in refused.stderr

"""Screenshots of the real application on a fresh demo database, saved into docs/screenshots/.

Run on a virtual display so real windows are drawn (fonts, styles) without a screen::

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots.py

Without a display it falls back to Qt's offscreen platform. Everything happens in a
temporary folder (database, settings, logs); nothing of the user's is touched. A page or
dialog that is not installed yet is logged and skipped. The steps, window sizes and
language are fixed; only the dates follow the calendar (the demo's history ends today).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WINDOW_SIZE = (1366, 768)
USER, PASSWORD = "keeper_city", "demo1234"
TIMEOUT_S = 300

log = logging.getLogger("screenshots")


def _prepare_environment(tmp: Path) -> None:
    os.environ["INVENTORY_DATA_DIR"] = str(tmp / "data")
    os.environ.pop("INVENTORY_DB_URL", None)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif sys.platform.startswith("linux") and not _xcb_loadable():
        # Qt aborts the process when its xcb plugin lacks a system library
        # (libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1 …); draw offscreen instead.
        log.warning("Qt's xcb plugin cannot load here; using the offscreen platform")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _xcb_loadable() -> bool:
    import ctypes

    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return False
    try:
        ctypes.CDLL(str(plugin))
    except OSError:
        return False
    return True


class Driver:
    """Runs a generator script step by step from the event loop (which may be any of the
    nested loops the app's dialogs run); each ``yield`` gives the app that many ms."""

    def __init__(self, script: Iterator[int]) -> None:
        from PySide6.QtCore import QTimer

        self._timer = QTimer
        self._script = script
        self.failed = False

    def start(self) -> None:
        self._timer.singleShot(0, self._step)

    def _step(self) -> None:
        try:
            delay = next(self._script)
        except StopIteration:
            return
        except Exception:
            traceback.print_exc()
            self.failed = True
            os._exit(1)  # the app may sit in a modal loop that nothing else would end
        self._timer.singleShot(delay, self._step)


class Shooter:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.saved: list[str] = []
        self.skipped: list[str] = []
        out.mkdir(parents=True, exist_ok=True)

    def save(self, widget: Any, name: str) -> None:
        path = self.out / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise RuntimeError(f"could not write {path}")
        self.saved.append(path.name)
        log.info("saved %s", path)

    def skip(self, name: str, why: str) -> None:
        self.skipped.append(name)
        log.warning("skipped %s: %s", name, why)


def _find(cls: type) -> Any:
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, cls) and widget.isVisible():
            return widget
    return None


def _wait_for(cls: type) -> Iterator[int]:
    """Yield until a visible top-level ``cls`` exists (the caller then looks it up)."""
    while _find(cls) is None:
        yield 100


def _settle(tasks: Any) -> Iterator[int]:
    """Let background tasks finish and their results paint."""
    for _ in range(3):
        tasks.wait_all(60000)
        yield 150


def _first_run_shot(shooter: Shooter, tmp: Path) -> None:
    from inventory_app.ui.dialogs.first_run_dialog import FirstRunDialog
    from inventory_app.ui.tasks import TaskRunner

    tasks = TaskRunner()
    dialog = FirstRunDialog(tasks, tmp / "data" / "inventory.sqlite3")
    dialog.show()
    dialog.adjustSize()
    shooter.save(dialog, "first-run")
    dialog.reject()
    dialog.deleteLater()


# -- plausible input for each posting dialog -------------------------------------------------
# The dialogs are written by others; filling goes through their widgets and LinesModel,
# each step best effort: whatever does not fit is logged and the dialog is photographed
# as far as it got.

KEEPER_DEPOT = "ZW-SJ-01"
SENDING_DEPOT = "SPT-XJ-01"  # sends keeper_city a transfer, so 调拨接收 has work to show


class Scenario:
    """Facts read from (and one transfer posted into) the fresh demo, before sign-in."""

    def __init__(self, db: Path) -> None:
        import uuid
        from decimal import Decimal

        from inventory_app.domain.model import OutLine
        from inventory_app.services import auth, database, ledger_queries, transfers
        from inventory_app.services.stock_queries import StockFilter, stock_by_lot

        uow = database.open_database(database.resolve_url(str(db)))
        try:
            admin = auth.authenticate(uow, "admin", PASSWORD)
            keeper = auth.authenticate(uow, USER, PASSWORD)
            lots = stock_by_lot(
                uow, keeper, StockFilter(depot_codes=(KEEPER_DEPOT,)), sort="item_code"
            )
            tents = [lot for lot in lots if lot.item_code == "050101"]
            self.lot = (tents or lots)[0]
            sending = stock_by_lot(
                uow, admin, StockFilter(depot_codes=(SENDING_DEPOT,)), sort="item_code"
            )
            quilts = [lot for lot in sending if lot.item_code == "050104"] or sending
            quantity = min(Decimal(20), quilts[0].available)
            self.transfer_no = transfers.transfer_send(
                uow,
                admin,
                from_depot=SENDING_DEPOT,
                to_depot=KEEPER_DEPOT,
                lines=[OutLine(item_code=quilts[0].item_code, quantity=quantity)],
                request_id=str(uuid.uuid4()),
                reference="ZWYJ-DB-2026-031",
            ).doc_no
            issues = ledger_queries.documents(uow, keeper, doc_types=("ISSUE",), limit=1)
            self.reverse_no = issues[0].doc_no if issues else None
            from tools.screenshot_orders import allocation_scenario, flow_scenario

            self.order_no = allocation_scenario(uow, lots, KEEPER_DEPOT, PASSWORD)
            self.flow = flow_scenario(uow, KEEPER_DEPOT, PASSWORD)
        finally:
            uow.engine.dispose()

    def presets(self, key: str) -> dict[str, Any]:
        if key == "ship":
            return {"order_no": self.order_no}
        if key == "transfer_receive":
            return {"doc_no": self.transfer_no}
        if key == "reverse":
            return {"doc_no": self.reverse_no} if self.reverse_no else {}
        if key == "adjust":
            return {"depot_code": KEEPER_DEPOT, "lot_id": self.lot.lot_id}
        if key in ("receive", "issue"):
            return {"depot_code": KEEPER_DEPOT}
        if key == "transfer":
            return {"from_depot": KEEPER_DEPOT}
        return {}


def _set_line(dialog: Any, values: dict[str, Any]) -> None:
    """Type ``values`` (column name -> value) into the first line of the dialog's LinesModel."""
    from inventory_app.ui.widgets.lines_model import Col

    model = dialog.model
    for name, value in values.items():
        col = Col(name)
        if col in model.columns:
            model.setData(model.index(0, model.column_of(col)), value)


def _fill(key: str, dialog: Any, scenario: Scenario) -> None:
    from datetime import date, timedelta

    lot = scenario.lot
    try:
        if key == "receive":
            dialog.reference_edit.setText("ZWCG-2026-018")
            dialog.supplier_edit.setText("中卫市示例篷业有限公司")
            _set_line(
                dialog,
                {
                    "item": "050101",
                    "quantity": "50",
                    "batch_no": "ZW2026-0501-09",
                    "production_date": date.today() - timedelta(days=20),
                    "location": "A-01",
                },
            )
        elif key == "issue":
            dialog.receiver_edit.setText("沙坡头区迎水桥镇人民政府")
            dialog.reference_edit.setText("ZWYJ-DB-2026-030")
            _set_line(dialog, {"item": lot.item_code, "quantity": "10"})
        elif key == "transfer":
            dialog.to_combo.set_current_code(SENDING_DEPOT)
            dialog.reference_edit.setText("ZWYJ-DB-2026-032")
            _set_line(dialog, {"item": lot.item_code, "quantity": "20"})
        elif key == "adjust":
            dialog.reason_combo.setCurrentIndex(1)
            _set_line(dialog, {"quantity": "-2"})
        elif key == "reverse":
            dialog.reason_edit.setText("数量录入错误，作废后重新开单")
        elif key == "request":
            dialog.unit_edit.setText("海原县应急管理局")
            dialog.disaster_combo.setCurrentIndex(0)
            dialog.persons_spin.setValue(300)
            dialog.place_edit.setText("海原县三河镇中心小学安置点")
            dialog.county_combo.setCurrentIndex(2)
            dialog.receiver_edit.setText("马建国")
            dialog.phone_edit.setText("13909551234")
            dialog.fill_from_norms()
        elif key == "order":
            dialog.unit_edit.setText("中宁县应急管理局")
            dialog.place_edit.setText("中宁县宁安镇应急避难场所")
            dialog.receiver_edit.setText("周晓东")
            dialog.receiver_phone_edit.setText("13709552468")
            dialog.purpose_combo.setCurrentIndex(1)
            model = dialog.model
            model.setData(model.index(0, 0), lot.item_code)
            model.setData(model.index(0, 1), "30")
        elif key == "ship":
            dialog.carrier_edit.setText("中卫市应急运输保障车队")
            dialog.driver_edit.setText("王建军")
            dialog.phone_edit.setText("13995551234")
            dialog.plate_edit.setText("宁E·12345")
    except Exception as error:  # best effort: the dialog as it opened still helps
        log.info("could not fill %s: %s", key, error)


def script(shooter: Shooter, db: Path) -> Iterator[int]:
    from inventory_app.ui.dialogs.login_dialog import LoginDialog
    from inventory_app.ui.main_window import POSTINGS, MainWindow
    from inventory_app.ui.widgets.nav_pane import (
        PAGE_CATALOGUE,
        PAGE_DASHBOARD,
        PAGE_DEPOTS,
        PAGE_LEDGER,
        PAGE_STOCK,
        NavTarget,
    )
    from tools.screenshot_orders import print_preview_shot

    yield from _wait_for(LoginDialog)
    login: LoginDialog = _find(LoginDialog)
    scenario = Scenario(db)  # the demo exists once sign-in is asked for
    yield 300
    login.username.setText(USER)
    login.password.clear()
    yield 100
    shooter.save(login, "login")
    login.password.setText(PASSWORD)
    login.sign_in()

    yield from _wait_for(MainWindow)
    window: MainWindow = _find(MainWindow)
    window.resize(*WINDOW_SIZE)
    tasks = window.ctx.tasks
    yield from _settle(tasks)
    shooter.save(window, "dashboard")

    for page, name in (
        (PAGE_DEPOTS, "depots"),
        (PAGE_CATALOGUE, "catalogue"),
        (PAGE_STOCK, "stock-by-lot"),
        (PAGE_LEDGER, "ledger"),
    ):
        window.navigate(NavTarget(page))
        widget: Any = window.pages[page]
        if page == PAGE_STOCK:
            try:
                from inventory_app.ui.pages.stock_page import StockView

                widget.set_view(StockView.LOT)
            except Exception as error:
                log.info("stock page: no lot view (%s)", error)
        yield from _settle(tasks)
        shooter.save(window, name)

    window.show_order(scenario.order_no)  # the emergency order, its lines and history
    yield from _settle(tasks)
    yield from _settle(tasks)
    shooter.save(window, "orders")
    from tools.screenshot_orders import flow_shots

    yield from flow_shots(window, shooter.save, lambda: _settle(tasks), *scenario.flow)

    window.navigate(NavTarget(PAGE_DASHBOARD))
    for spec in POSTINGS:
        name = f"dialog-{spec.key.replace('_', '-')}"
        try:
            dialog = window.open_dialog(spec.key, **scenario.presets(spec.key))
        except Exception:
            log.exception("opening %s failed", spec.key)
            dialog = None
        if dialog is None:
            shooter.skip(name, "dialog not installed or not allowed")
            continue
        yield from _settle(tasks)
        _fill(spec.key, dialog, scenario)
        yield from _settle(tasks)
        shooter.save(dialog, name)
        dialog.reject()
        yield 100
    yield from print_preview_shot(window, shooter, scenario.order_no, KEEPER_DEPOT, _settle)

    window.set_language("en")
    yield from _settle(tasks)
    shooter.save(window, "dashboard-en")
    window.set_language("zh_CN")  # the settings are temporary, but leave them as found
    window.close()


def _time_out() -> None:
    log.error("timed out")
    os._exit(2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)

    with tempfile.TemporaryDirectory(prefix="inventory-shots-") as tmp_name:
        tmp = Path(tmp_name)
        _prepare_environment(tmp)
        from PySide6.QtCore import QSettings, QTimer
        from PySide6.QtWidgets import QApplication

        from inventory_app.app import run_gui
        from inventory_app.ui.fonts import register_bundled_fonts
        from inventory_app.ui.startup import application

        # Settings (language, last user, db/url) go to the temporary folder as well.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings")
        )
        app: QApplication = application()
        register_bundled_fonts(app)
        shooter = Shooter(args.out)
        _first_run_shot(shooter, tmp)

        # A watchdog: a dialog waiting for input nobody gives must not hang CI forever.
        QTimer.singleShot(TIMEOUT_S * 1000, _time_out)
        db = tmp / "demo.sqlite3"
        driver = Driver(script(shooter, db))
        driver.start()
        code = run_gui(db=str(db), demo=True, lang="zh")
        log.info("saved %d screenshots: %s", len(shooter.saved), ", ".join(shooter.saved))
        if shooter.skipped:
            log.warning("skipped: %s", ", ".join(shooter.skipped))
        return code


if __name__ == "__main__":
    sys.exit(main())

"""`inventory-app --smoke`: start the real window, exit 0 once it has painted, else non-zero.

For the frozen build's smoke test (packaging/smoke.sh): no dialog may wait for a person, so
the database must exist and the user signs in from INVENTORY_USER / INVENTORY_PASSWORD.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ..domain.errors import DomainError
from ..messages import error_message
from ..services import auth, database

EXIT_SMOKE_FAILED = 1
SMOKE_TIMEOUT_MS = 120_000

_log = logging.getLogger(__name__)


class _FirstPaint(QObject):
    """Quits the application with 0 after the watched window's first paint event."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            _log.info("Smoke: main window painted")
            QTimer.singleShot(0, lambda: self._app.exit(0))
        return False


def _fail(app: QApplication, text: str) -> None:
    print(f"smoke: {text}", file=sys.stderr)
    _log.error("Smoke failed: %s", text)
    app.exit(EXIT_SMOKE_FAILED)


def run_smoke(app: QApplication, db: str | None, lang: str) -> int:
    """Open ``db`` (no dialogs), sign in from the environment, paint the main window."""
    from .context import AppContext, DataEvents
    from .main_window import MainWindow
    from .tasks import TaskRunner

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        _fail(app, "".join(traceback.format_exception(kind, error, tb)))

    sys.excepthook = hook  # any bug while starting or painting fails the smoke test
    short = "en" if lang.startswith("en") else "zh"
    url = database.resolve_url(db)
    try:
        uow = database.open_database(url)
    except DomainError as error:
        print(f"smoke: {error_message(error, short)}", file=sys.stderr)
        return EXIT_SMOKE_FAILED
    tasks = TaskRunner(app)
    try:
        user = os.environ.get("INVENTORY_USER", "")
        actor = auth.authenticate(uow, user, os.environ.get("INVENTORY_PASSWORD", ""))
        ctx = AppContext(uow, actor, tasks, DataEvents(), database.describe(url), lang)
        window: QWidget = MainWindow(ctx)
        watcher = _FirstPaint(app)
        window.installEventFilter(watcher)
        QTimer.singleShot(SMOKE_TIMEOUT_MS, lambda: _fail(app, "no paint within the time limit"))
        window.show()
        code = int(app.exec())
        window.close()
        return code if watcher.painted else EXIT_SMOKE_FAILED
    except DomainError as error:
        print(f"smoke: {error_message(error, short)}", file=sys.stderr)
        return EXIT_SMOKE_FAILED
    finally:
        tasks.wait_all(15000)
        database.close(uow)

"""Composition root of the GUI: application, language, database, sign-in, main window.

Qt itself is used only under ``ui/``; this module wires the pieces together in order.
"""

from __future__ import annotations

import logging
import sys

_log = logging.getLogger(__name__)

# Named in packaging/windows/inventory-app.iss (AppMutex): setup waits while it exists.
RUNNING_MUTEX = "inventory-app-running"
_mutex: object = None


def _hold_running_mutex() -> None:
    """On Windows, hold a named mutex while the window runs, for the installer to see."""
    global _mutex
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        _mutex = ctypes.windll.kernel32.CreateMutexW(None, False, RUNNING_MUTEX)


def run_gui(
    db: str | None = None, demo: bool = False, lang: str | None = None, smoke: bool = False
) -> int:
    """Start the desktop application; returns the process exit code.

    ``smoke``: no dialogs, sign in from the environment, exit 0 once the window painted."""
    # Imported here so the command line (cli.py) never loads Qt for its sub-commands.
    from .services import database
    from .ui import i18n, startup
    from .ui.backup_schedule import BackupSchedule
    from .ui.context import AppContext, DataEvents
    from .ui.main_window import MainWindow
    from .ui.tasks import TaskRunner
    from .ui.widgets.backup_banner import refresh_dashboard_banner

    app = startup.application()
    _hold_running_mutex()
    startup.start_diagnostics(app)
    language = startup.startup_language(lang)
    i18n.install_language(app, language)
    if smoke:
        from .ui.smoke import run_smoke

        return run_smoke(app, db, language)

    # No window is open between the start-up dialogs; do not quit in those gaps.
    app.setQuitOnLastWindowClosed(False)
    tasks = TaskRunner(app)
    try:
        opened = startup.open_startup_database(tasks, db=db, demo=demo)
        if opened is None:
            return 0
    except Exception as error:  # expected errors were messages already: this is a bug
        return startup.report_startup_bug(error)
    try:
        signed_in = startup.sign_in(opened, tasks)
        if signed_in is None:
            database.close(opened.uow)
            return 0
        opened, actor = signed_in
        _log.info("Signed in as %s on %s", actor.username, opened.label)
        ctx = AppContext(opened.uow, actor, tasks, DataEvents(), opened.label, language)
        window = MainWindow(ctx)
        schedule = BackupSchedule(ctx, window)  # daily while running, and on exit below
        schedule.changed.connect(lambda: refresh_dashboard_banner(window))
    except Exception as error:
        tasks.wait_all(15000)
        database.close(opened.uow)
        return startup.report_startup_bug(error)
    try:
        return startup.run_window(app, window)
    finally:
        tasks.wait_all(15000)  # a posting under way commits before the engine goes
        schedule.run_now()  # the backup on exit, checked; a failure shows at the next start
        database.close(opened.uow)

"""Run work off the GUI thread and deliver its result or error back on the GUI thread."""

from __future__ import annotations

import functools
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import (
    SIGNAL,
    SLOT,
    QCoreApplication,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")

# Tasks quicker than this never show a progress dialog, so nothing flashes on screen.
PROGRESS_DELAY_MS = 400

# Each report becomes a queued event on the GUI thread; a tight loop could post
# thousands a second and starve the event loop, so reports are thinned to ~20/s.
_REPORT_INTERVAL_S = 0.05


class TaskCancelled(Exception):
    """Raised inside a task by ``TaskContext.check_cancelled()`` after the user pressed Cancel."""


class TaskContext:
    """What a running task may use from its worker thread: progress reports and the cancel flag.

    Everything here is thread-safe. The task must not touch widgets or any other
    GUI object: Qt widgets may only be used from the GUI thread.
    """

    def __init__(self, emit_progress: Callable[[int, int], None]) -> None:
        self._cancel_event = threading.Event()
        self._emit_progress = emit_progress
        self._last_report = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel_event.is_set()

    def cancel(self) -> None:
        """Ask the task to stop; it notices at its next ``check_cancelled()``."""
        self._cancel_event.set()

    def check_cancelled(self) -> None:
        if self._cancel_event.is_set():
            raise TaskCancelled

    def report(self, done: int, total: int) -> None:
        """Report progress; ``total == 0`` means "unknown" (a busy indicator)."""
        now = time.monotonic()
        # The final report always goes through so the bar never stops short of full.
        if done < total and now - self._last_report < _REPORT_INTERVAL_S:
            return
        self._last_report = now
        self._emit_progress(done, total)


class _Signals(QObject):
    """Created on the GUI thread and emitted from the worker, so connections are queued."""

    finished = Signal(bool, object)  # (succeeded, result or exception)
    progress = Signal(int, int)


def _execute(fn: Callable[[TaskContext], Any], ctx: TaskContext, signals: _Signals) -> None:
    """The worker-thread side of a task: run it and post the outcome back."""
    try:
        result = fn(ctx)
    except BaseException as exc:  # every failure must reach the GUI thread, or the task never ends
        signals.finished.emit(False, exc)
    else:
        signals.finished.emit(True, result)


class _ProgressDialog(QProgressDialog):
    """A progress dialog that stays up until the task really stops, even after Cancel."""

    def __init__(self, label: str, cancellable: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._cancellable = cancellable
        self.setWindowTitle(self.tr("请稍候"))
        self.setLabelText(label)
        self.setRange(0, 0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setWindowModality(
            Qt.WindowModality.WindowModal
            if parent is not None
            else Qt.WindowModality.ApplicationModal
        )
        if cancellable:
            self.setCancelButtonText(self.tr("取消"))
            # By default Cancel hides the dialog at once, unblocking the window while
            # the task is still running; we hide it only when the task has ended.
            QObject.disconnect(self, SIGNAL("canceled()"), self, SLOT("cancel()"))
            self.canceled.connect(self._show_cancelling)
        else:
            self.setCancelButton(None)  # None removes the button
            self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)

    def _show_cancelling(self) -> None:
        self.setLabelText(self.tr("正在取消…"))

    def reject(self) -> None:
        # Escape lands here; treat it as Cancel instead of hiding a running task.
        if self._cancellable:
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        if self._cancellable:
            self.canceled.emit()

    def set_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.setRange(0, 0)
            return
        self.setRange(0, total)
        self.setValue(min(done, total))


class Task(QObject):
    """One submitted task: lives on the GUI thread and calls back there when the work ends."""

    def __init__(
        self,
        runner: TaskRunner,
        fn: Callable[[TaskContext], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
        on_cancelled: Callable[[], None] | None,
        progress_label: str | None,
        cancellable: bool,
        parent_widget: QWidget | None,
        progress_delay_ms: int,
        show_progress: bool = True,
    ) -> None:
        super().__init__(runner)
        self._runner = runner
        self._on_done = on_done
        self._on_error = on_error
        self._on_cancelled = on_cancelled
        self._label = progress_label
        self._cancellable = cancellable
        self._parent_widget = parent_widget
        self._finished = False
        self._last_progress = (0, 0)
        self._dialog: _ProgressDialog | None = None

        self._signals = _Signals()
        self._signals.finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._signals.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self.context = TaskContext(self._signals.progress.emit)
        # Handing QThreadPool a plain callable (not a QRunnable subclass) lets Qt own
        # the wrapper it runs, so no Python object can be freed under a worker thread.
        self.work = functools.partial(_execute, fn, self.context, self._signals)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)
        if show_progress:
            self._timer.start(progress_delay_ms)

    @property
    def is_finished(self) -> bool:
        return self._finished

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        """The dialog, once the task has run long enough to show one."""
        return self._dialog

    def cancel(self) -> None:
        self.context.cancel()

    @Slot()
    def _show_dialog(self) -> None:
        if self._finished:
            return
        label = self._label if self._label is not None else self.tr("正在处理…")
        self._dialog = _ProgressDialog(label, self._cancellable, self._parent_widget)
        self._dialog.canceled.connect(self.context.cancel)
        self._dialog.set_progress(*self._last_progress)
        self._dialog.show()

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self._last_progress = (done, total)
        if self._dialog is not None:
            self._dialog.set_progress(done, total)

    @Slot(bool, object)
    def _finish(self, succeeded: bool, payload: object) -> None:
        # Clean up before the callbacks so one that raises cannot leave a dialog up.
        self._finished = True
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
        self._runner._forget(self)
        if succeeded:
            self._on_done(payload)
        elif isinstance(payload, TaskCancelled):
            if self._on_cancelled is not None:
                self._on_cancelled()
        elif self._on_error is not None:
            assert isinstance(payload, BaseException)
            self._on_error(payload)
        else:
            # No handler means the error was not expected: treat it as a bug.
            assert isinstance(payload, BaseException)
            sys.excepthook(type(payload), payload, payload.__traceback__)


class TaskRunner(QObject):
    """The one way to run slow work (queries, exports, imports) without freezing the window.

    ``fn(ctx)`` runs on a worker thread and must never touch widgets: it takes plain
    values, calls services, and returns plain values (e.g. frozen dataclass rows).
    ``on_done(result)``, ``on_error(exc)`` and ``on_cancelled()`` run on the GUI thread.
    A task that raises ``TaskCancelled`` (see ``TaskContext.check_cancelled``) ends
    in ``on_cancelled`` — not in ``on_error``, since cancelling is not a failure.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_threads: int = 1,
        progress_delay_ms: int = PROGRESS_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        # One thread by default: SQLite has a single writer, and running tasks in
        # submission order keeps results predictable. Raise it for read-only work.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._progress_delay_ms = progress_delay_ms
        self._tasks: set[Task] = set()

    def run(
        self,
        fn: Callable[[TaskContext], T],
        *,
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        progress_label: str | None = None,
        cancellable: bool = False,
        parent_widget: QWidget | None = None,
        show_progress: bool = True,
    ) -> Task:
        """Start ``fn(ctx)`` in the background; without ``on_error`` errors go to the crash hook.

        ``show_progress=False`` is for background refreshes that the page shows itself
        (a "loading" label): they must not pop up a modal dialog over the user's work."""
        task = Task(
            self,
            fn,
            on_done,
            on_error,
            on_cancelled,
            progress_label,
            cancellable,
            parent_widget,
            self._progress_delay_ms,
            show_progress,
        )
        self._tasks.add(task)
        self._pool.start(task.work)
        return task

    def active_count(self) -> int:
        """Tasks whose callbacks have not run yet (queued, running or being delivered)."""
        return len(self._tasks)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def wait_all(self, timeout_ms: int = -1) -> bool:
        """Block until every task has ended and its callback ran; False on timeout.

        For tests and shutdown. Callbacks are delivered from here, so they may start
        new tasks; those are waited for too.
        """
        deadline = None if timeout_ms < 0 else time.monotonic() + timeout_ms / 1000
        while self._tasks:
            remaining_ms = -1 if deadline is None else int((deadline - time.monotonic()) * 1000)
            if deadline is not None and remaining_ms <= 0:
                return False
            self._pool.waitForDone(remaining_ms)
            # Results arrive as queued calls; deliver them without running the whole
            # event loop, so user input is not processed from inside this call.
            QCoreApplication.sendPostedEvents()
        return True

    def _forget(self, task: Task) -> None:
        self._tasks.discard(task)
        task.deleteLater()

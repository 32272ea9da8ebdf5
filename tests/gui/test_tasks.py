"""TaskRunner: results and errors on the GUI thread, a progress dialog only for slow tasks."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from inventory_app.ui import tasks
from inventory_app.ui.tasks import TaskCancelled, TaskContext, TaskRunner


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.cancel_all()
    assert runner.wait_all(5000)
    runner.deleteLater()


def _progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]


def test_result_is_delivered_on_the_gui_thread(runner: TaskRunner) -> None:
    worker_threads: list[threading.Thread] = []
    results: list[tuple[int, threading.Thread]] = []

    def work(ctx: TaskContext) -> int:
        worker_threads.append(threading.current_thread())
        return 42

    runner.run(work, on_done=lambda r: results.append((r, threading.current_thread())))
    assert runner.wait_all(5000)

    assert results == [(42, threading.main_thread())]
    assert worker_threads[0] is not threading.main_thread()
    assert runner.active_count() == 0


def test_error_is_delivered_to_on_error(runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def work(ctx: TaskContext) -> None:
        raise ValueError("坏文件")

    runner.run(work, on_done=lambda r: pytest.fail("no result expected"), on_error=errors.append)
    assert runner.wait_all(5000)

    assert len(errors) == 1
    assert isinstance(errors[0], ValueError)
    assert errors[0].__traceback__ is not None  # kept for logging


def test_unhandled_error_goes_to_excepthook(
    runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[type[BaseException]] = []
    monkeypatch.setattr("sys.excepthook", lambda t, e, tb: seen.append(t))

    runner.run(lambda ctx: 1 / 0, on_done=lambda r: None)
    assert runner.wait_all(5000)

    assert seen == [ZeroDivisionError]


def test_fast_task_shows_no_dialog(runner: TaskRunner, qtbot: QtBot) -> None:
    task = runner.run(lambda ctx: "ok", on_done=lambda r: None, progress_label="快速")
    assert runner.wait_all(5000)
    qtbot.wait(tasks.PROGRESS_DELAY_MS + 100)  # past the point where a dialog would appear

    assert task.progress_dialog is None
    assert all(not d.isVisible() for d in _progress_dialogs())


def test_slow_task_shows_progress_and_can_be_cancelled(runner: TaskRunner, qtbot: QtBot) -> None:
    started = threading.Event()
    cancelled: list[bool] = []

    def work(ctx: TaskContext) -> None:
        started.set()
        ctx.report(3, 10)
        while True:
            ctx.check_cancelled()
            threading.Event().wait(0.01)

    task = runner.run(
        work,
        on_done=lambda r: pytest.fail("cancelled tasks have no result"),
        on_error=lambda e: pytest.fail(f"cancelling is not an error: {e!r}"),
        on_cancelled=lambda: cancelled.append(True),
        progress_label="正在导出",
        cancellable=True,
    )
    assert started.wait(5)
    qtbot.waitUntil(lambda: task.progress_dialog is not None and task.progress_dialog.isVisible())
    dialog = task.progress_dialog
    assert dialog is not None
    assert dialog.labelText() == "正在导出"
    assert dialog.isModal()
    qtbot.waitUntil(lambda: dialog.maximum() == 10 and dialog.value() == 3)

    cancel = dialog.findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    qtbot.waitUntil(lambda: cancelled == [True])
    assert task.progress_dialog is None
    assert task.is_finished


def test_dialog_without_cancel_button_when_not_cancellable(
    runner: TaskRunner, qtbot: QtBot
) -> None:
    release = threading.Event()
    done: list[str] = []

    def work(ctx: TaskContext) -> str:
        release.wait(10)
        return "done"

    task = runner.run(work, on_done=done.append)
    qtbot.waitUntil(lambda: task.progress_dialog is not None and task.progress_dialog.isVisible())
    dialog = task.progress_dialog
    assert dialog is not None
    assert dialog.findChild(QPushButton) is None
    dialog.reject()  # Escape must not hide a task that cannot stop
    assert dialog.isVisible()

    release.set()
    qtbot.waitUntil(lambda: done == ["done"])
    assert task.progress_dialog is None


def test_report_is_throttled_but_final_report_arrives(runner: TaskRunner, qtbot: QtBot) -> None:
    reports: list[tuple[int, int]] = []
    ctx = TaskContext(lambda done, total: reports.append((done, total)))
    for i in range(1, 10_001):
        ctx.report(i, 10_000)
    assert len(reports) < 100
    assert reports[-1] == (10_000, 10_000)


def test_check_cancelled_raises_after_cancel() -> None:
    ctx = TaskContext(lambda done, total: None)
    ctx.check_cancelled()
    assert not ctx.cancelled
    ctx.cancel()
    assert ctx.cancelled
    with pytest.raises(TaskCancelled):
        ctx.check_cancelled()


def test_wait_all_times_out_and_tasks_stay_referenced(runner: TaskRunner) -> None:
    release = threading.Event()
    results: list[int] = []
    runner.run(lambda ctx: release.wait(10) and 1, on_done=results.append)

    assert not runner.wait_all(50)
    assert runner.active_count() == 1

    release.set()
    assert runner.wait_all(5000)
    assert results == [1]


def test_callbacks_may_start_further_tasks(runner: TaskRunner) -> None:
    results: list[int] = []

    def first_done(value: int) -> None:
        runner.run(lambda ctx: value + 1, on_done=results.append)

    runner.run(lambda ctx: 1, on_done=first_done)
    assert runner.wait_all(5000)
    assert results == [2]

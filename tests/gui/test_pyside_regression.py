"""Guard against PySide6 6.12.0's none_dealloc crash when many combo-box items are added."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# PySide6 6.12.0 drops a reference to None on each QComboBox.addItem(text) (the
# default userData). CPython 3.11's None is not immortal, so after a few thousand
# calls the interpreter aborts with "Fatal Python error: none_dealloc". It runs in a
# subprocess because the failure kills the whole interpreter, not just one test.
SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication, QComboBox

app = QApplication(sys.argv[:1])
box = QComboBox()
for i in range(20_000):
    box.addItem(f"物资 {i}")
box.addItem("带数据", None)
assert box.count() == 20_001, box.count()
print("ok", sys.getrefcount(None) > 0)
"""


@pytest.mark.slow
def test_many_combo_box_items_do_not_crash_the_interpreter() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert "Fatal Python error" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok True"

"""The entry scripts run as PyInstaller runs them: as a top-level script, not a module."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("script", ["inventory_app/__main__.py", "packaging/launch.py"])
def test_entry_script_starts_the_command_line(script: str, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "INVENTORY_LANG": "en"}
    done = subprocess.run(
        [sys.executable, str(ROOT / script), "--help"],
        cwd=tmp_path,  # from another folder, as an installed program runs
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "inventory-app" in done.stdout and "verify" in done.stdout

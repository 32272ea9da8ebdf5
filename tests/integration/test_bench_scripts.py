"""The benchmark scripts keep running as the code changes (a renamed service once broke
bench_gui.py unnoticed). Smoke runs only: timing is never asserted in tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize(
    "script",
    [
        "bench_ledger.py",
        "bench_gui.py",
        "bench_pdf.py",
        "bench_orders.py",
        "bench_plan.py",
        "bench_counts.py",
    ],
)
def test_benchmark_runs_in_quick_mode(script: str, tmp_path: Path) -> None:
    # A fresh cache: the scripts must build their databases through today's services.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INVENTORY_BENCH_CACHE": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), "--quick"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "| measurement" in done.stdout

"""The wheel as a new user installs it: built from the repository, installed into a fresh
virtual environment, and run from another folder (no source tree on the path)."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.slow
def test_the_installed_wheel_initialises_and_verifies_from_another_folder(
    tmp_path: Path,
) -> None:
    dist = tmp_path / "dist"
    _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
        "-w", dist, ROOT, cwd=tmp_path,
    )  # fmt: skip
    (wheel,) = dist.glob("inventory_app-*.whl")
    assert wheel.name.startswith(f"inventory_app-{VERSION}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "inventory_app/resources/fonts/wqy-microhei.ttc",
        "inventory_app/resources/fonts/LICENSE-wqy-microhei.txt",
        "inventory_app/resources/translations/inventory_en.qm",
        "inventory_app/resources/icons/inventory-app.ico",
        "inventory_app/resources/licenses/LGPL-3.0.txt",
        "inventory_app/db/migrations/env.py",
        "inventory_app/db/seed/items.json",
    ):
        assert needed in names, needed
    assert not any(n.startswith(("tests/", "db/", "resources/")) for n in names)

    # A fresh environment holding only the wheel; the dependencies (PySide6 & co., hundreds
    # of MB) come from this test run's environment through a plain path entry.
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run(
        sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel,
        cwd=tmp_path,
    )  # fmt: skip
    purelib = _run(
        python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
    ).strip()
    Path(purelib, "deps-from-test-env.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "INVENTORY_DB_URL")} | {
        "INVENTORY_DATA_DIR": str(tmp_path / "data"),
        "INVENTORY_PASSWORD": "demo1234",
    }
    where = _run(
        python,
        "-c",
        "import inventory_app, inventory_app.paths as p; "
        "print(inventory_app.__file__, p.how_installed(), inventory_app.__version__)",
        cwd=elsewhere,
        env=env,
    ).split()
    assert Path(where[0]).is_relative_to(venv) and where[1:] == ["installed", VERSION]
    script = venv / ("Scripts/inventory-app.exe" if os.name == "nt" else "bin/inventory-app")
    assert (venv / ("Scripts" if os.name == "nt" else "bin") / "inventory-app-gui").exists() or (
        venv / "Scripts" / "inventory-app-gui.exe"
    ).exists()
    _run(script, "--db", "demo.sqlite3", "init", "--demo", cwd=elsewhere, env=env)
    out = _run(
        script, "--db", "demo.sqlite3", "--user", "admin", "--lang", "en", "verify",
        cwd=elsewhere, env=env,
    )  # fmt: skip
    assert "movements" in out and (elsewhere / "demo.sqlite3").exists()

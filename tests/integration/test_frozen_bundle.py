"""The PyInstaller bundle, built here from packaging/inventory_app.spec and run as a user's PC
runs it (packaging/smoke.sh); and the Windows installer script names only files it holds."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from inventory_app.app import RUNNING_MUTEX

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "inventory-app.iss"

pytestmark = [pytest.mark.slow, pytest.mark.frozen]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    work = tmp_path_factory.mktemp("pyinstaller")
    done = subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--workpath", str(work / "build"), "--distpath", str(work / "dist"),
            str(ROOT / "packaging" / "inventory_app.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    yield work / "dist" / "inventory-app"


def test_the_frozen_cli_and_window_start_without_python_or_sources(bundle: Path) -> None:
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "smoke.sh"), str(bundle)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "smoke: frozen CLI and GUI passed" in done.stdout


def test_the_bundle_is_trimmed(bundle: Path) -> None:
    names = {p.name for p in bundle.rglob("*")}
    assert not {n for n in names if "WebEngine" in n or n.startswith(("libQt6Quick", "Qt6Quick"))}
    translations = {p.name for p in bundle.rglob("*.qm")}
    assert translations == {"qtbase_zh_CN.qm", "qt_zh_CN.qm", "inventory_en.qm"}
    for needed in ("resources/fonts/wqy-microhei.ttc", "resources/licenses/LGPL-3.0.txt",
                   "db/migrations/env.py", "db/seed/items.json"):  # fmt: skip
        assert (bundle / "_internal" / needed).is_file(), needed


def _iss_paths() -> list[str]:
    """Every bundle file the .iss names, relative to the bundle (Windows separators)."""
    text = ISS.read_text(encoding="utf-8")
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', text))
    for name, value in defines.items():
        text = text.replace("{#" + name + "}", value)
    found = []
    for source in re.findall(r'Source: "([^"]+)"', text) + re.findall(r"SetupIconFile=(\S+)", text):
        assert source.startswith(defines["Bundle"] + "\\"), source
        found.append(source[len(defines["Bundle"]) + 1 :])
    for target in re.findall(
        r'(?:Filename|IconFilename|UninstallDisplayIcon)[:=] ?"?([^";\n]+)', text
    ):
        if target.startswith("{app}\\"):
            found.append(target[len("{app}\\") :].strip('"'))
    return found


def test_every_file_the_installer_names_is_in_the_bundle(bundle: Path) -> None:
    named = _iss_paths()
    assert {"inventory-app.exe", "inventory-app-cli.exe", "_internal\\*"} <= set(named)
    assert "_internal\\resources\\icons\\inventory-app.ico" in named
    for name in named:
        relative = name.replace("\\", "/")
        if sys.platform != "win32":  # the Linux build's programs have no .exe
            relative = relative.removesuffix(".exe")
        if relative.endswith("/*"):
            assert any((bundle / relative[:-2]).iterdir()), name
        else:
            assert (bundle / relative).is_file(), name


def test_the_installer_keeps_user_data_and_closes_the_app() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert (
        "PrivilegesRequired=lowest" in text and "PrivilegesRequiredOverridesAllowed=dialog" in text
    )
    # The setup waits for the running program: the mutex the window holds on Windows.
    assert "CloseApplications=force" in text and f"AppMutex={RUNNING_MUTEX}\n" in text
    assert "ChineseSimplified.isl" in text and "Default.isl" in text
    # Nothing under the user's data folder is installed or deleted.
    for line in text.splitlines():
        if line.startswith(("Source:", "Type:", "Name:")):
            assert "localappdata" not in line.lower() and "{userappdata}" not in line, line

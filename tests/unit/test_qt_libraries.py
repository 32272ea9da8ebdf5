"""The Debian package list in the README's set-up line covers everything Qt's xcb platform
plugin links to (a missing libxcb-icccm4 once made the app abort on a fresh Debian)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGES = Path(__file__).resolve().parents[2] / "tools" / "debian-qt-packages.txt"


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not shutil.which("ldd"), reason="ldd on Linux only"
)
def test_every_library_of_the_xcb_plugin_resolves() -> None:
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    assert plugin.is_file()
    linked = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True)
    missing = sorted(
        {line.split()[0] for line in linked.stdout.splitlines() if "not found" in line}
    )
    assert not missing, f"install the packages of tools/debian-qt-packages.txt: {missing}"


def test_the_package_list_is_sorted_and_names_the_xcb_libraries() -> None:
    names = PACKAGES.read_text(encoding="utf-8").split()
    assert names == sorted(names) and len(names) == len(set(names))
    for needed in ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0"):
        assert needed in names

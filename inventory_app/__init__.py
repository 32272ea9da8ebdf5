"""应急物资储备管理系统 — emergency materials reserve manager."""

from __future__ import annotations


def _version() -> str:
    """The one version, written in pyproject.toml: from the installed metadata (a wheel,
    an editable install, or the frozen bundle, which carries a copy), else from the file."""
    from importlib import metadata

    try:
        return metadata.version("inventory-app")
    except metadata.PackageNotFoundError:
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
        except (OSError, KeyError, ValueError):
            return "0+unknown"


__version__ = _version()

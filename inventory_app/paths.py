"""Locate bundled resources and the user's data directory, from source or when frozen."""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "inventory-app"


def _installed_root() -> Path | None:
    """The package folder when it carries resources/ and db/ (installed from a wheel)."""
    # Alembic and reportlab need real files, so a zipped install is not supported: the
    # Traversable is a plain directory for every wheel installer.
    package = Path(str(resources.files(__package__ or "inventory_app")))
    return package if (package / "db" / "migrations").is_dir() else None


def project_root() -> Path:
    """The folder holding resources/ and db/: the bundle when frozen (PyInstaller), the
    package when installed from a wheel, else the checkout (source or editable install)."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return _installed_root() or Path(__file__).resolve().parent.parent


def how_installed() -> str:
    """ "frozen", "installed" or "source": shown in the About dialog and the logs."""
    if getattr(sys, "frozen", False):
        return "frozen"
    return "installed" if _installed_root() is not None else "source"


def resources_dir() -> Path:
    return project_root() / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def cjk_font_path() -> Path:
    return fonts_dir() / "wqy-microhei.ttc"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def licenses_dir() -> Path:
    return resources_dir() / "licenses"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def app_icon_path() -> Path:
    return icons_dir() / "inventory-app.png"


def migrations_dir() -> Path:
    return project_root() / "db" / "migrations"


def seed_dir() -> Path:
    return project_root() / "db" / "seed"


def data_dir() -> Path:
    """Per-user data folder (database, logs, backups); INVENTORY_DATA_DIR overrides it."""
    override = os.environ.get("INVENTORY_DATA_DIR")
    path = (
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    """Where automatic backups go unless the user chose another folder (not created here)."""
    return data_dir() / "backups"


def default_sqlite_path() -> Path:
    return data_dir() / "inventory.sqlite3"

"""Locate bundled resources and the user's data directory, from source or when frozen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "inventory-app"


def project_root() -> Path:
    """The folder holding resources/ and db/ (the PyInstaller bundle dir when frozen)."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return project_root() / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def cjk_font_path() -> Path:
    return fonts_dir() / "wqy-microhei.ttc"


def translations_dir() -> Path:
    return resources_dir() / "translations"


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


def default_sqlite_path() -> Path:
    return data_dir() / "inventory.sqlite3"

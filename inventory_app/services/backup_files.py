"""The files of a backup folder: manifests (SHA-256 and counts), listing, and rotation.

A backup ``X.sqlite3`` has its manifest in ``X.sqlite3.json``. Automatic backups are named
``inventory-auto-YYYYMMDD-HHMMSS.sqlite3``; only those are ever rotated away, so a copy
the user made by hand in the same folder stays.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from .. import __version__

AUTO_PREFIX = "inventory-auto-"
MANIFEST_SUFFIX = ".json"
_AUTO_NAME = re.compile(r"^inventory-auto-(\d{8}-\d{6})\.sqlite3$")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class CopyReport:
    """What the check of a copy counted."""

    movements: int
    documents: int
    heads: tuple[tuple[str, int, str], ...] = ()  # history chain heads (depot, seq, hash)


@dataclass(frozen=True)
class Manifest:
    sha256: str
    created: str  # ISO local time
    size: int
    movements: int
    documents: int
    app_version: str = __version__
    # the history chain heads of the copy (depot code, seq, hash): an anchor for
    # `verify --against` kept outside the database
    chain_heads: tuple[tuple[str, int, str], ...] = ()


@dataclass(frozen=True)
class BackupEntry:
    """One backup as the restore dialog lists it (newest first)."""

    path: Path
    created: datetime
    size: int
    movements: int | None  # None: no manifest (made by hand or by an older version)
    automatic: bool


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def write_manifest(backup: Path, manifest: Manifest) -> None:
    path = manifest_path(backup)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(asdict(manifest), indent=2) + "\n", encoding="utf-8")
    partial.replace(path)


def read_manifest(backup: Path) -> Manifest | None:
    """The manifest beside ``backup``; None if there is none or it cannot be read."""
    try:
        data = json.loads(manifest_path(backup).read_text(encoding="utf-8"))
        return Manifest(
            sha256=str(data["sha256"]),
            created=str(data["created"]),
            size=int(data["size"]),
            movements=int(data["movements"]),
            documents=int(data["documents"]),
            app_version=str(data.get("app_version", "")),
            chain_heads=tuple(
                (str(code), int(seq), str(digest))
                for code, seq, digest in data.get("chain_heads", ())
            ),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _created(path: Path, manifest: Manifest | None) -> datetime:
    if manifest is not None:
        try:
            return datetime.fromisoformat(manifest.created)
        except ValueError:
            pass
    match = _AUTO_NAME.match(path.name)
    if match:
        return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    return datetime.fromtimestamp(path.stat().st_mtime)


def list_backups(folder: Path) -> list[BackupEntry]:
    """Every ``*.sqlite3`` in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    entries = []
    for path in folder.glob("*.sqlite3"):
        if not path.is_file():
            continue
        manifest = read_manifest(path)
        entries.append(
            BackupEntry(
                path=path,
                created=_created(path, manifest),
                size=path.stat().st_size,
                movements=manifest.movements if manifest is not None else None,
                automatic=bool(_AUTO_NAME.match(path.name)),
            )
        )
    return sorted(entries, key=lambda e: (e.created, e.path.name), reverse=True)


def auto_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """The automatic backups by the time in their names, newest first."""
    found = []
    for path in folder.glob(f"{AUTO_PREFIX}*.sqlite3"):
        match = _AUTO_NAME.match(path.name)
        if match:
            found.append((datetime.strptime(match.group(1), "%Y%m%d-%H%M%S"), path))
    return sorted(found, reverse=True)


def to_keep(stamps: list[datetime], keep_daily: int, keep_monthly: int) -> set[datetime]:
    """Grandfather-father rotation: the newest backup of each of the ``keep_daily`` most
    recent days that have one, and of each of the ``keep_monthly`` most recent months."""
    keep: set[datetime] = set()
    days: dict[tuple[int, int, int], datetime] = {}
    months: dict[tuple[int, int], datetime] = {}
    for stamp in sorted(stamps, reverse=True):
        days.setdefault((stamp.year, stamp.month, stamp.day), stamp)
        months.setdefault((stamp.year, stamp.month), stamp)
    keep.update(sorted(days.values(), reverse=True)[: max(keep_daily, 0)])
    keep.update(sorted(months.values(), reverse=True)[: max(keep_monthly, 0)])
    return keep


def rotate(folder: Path, keep_daily: int, keep_monthly: int) -> list[Path]:
    """Delete the automatic backups (and their manifests) the rotation does not keep; the
    newest one is always kept. Returns what was deleted."""
    found = auto_backups(folder)
    if not found:
        return []
    keep = to_keep([stamp for stamp, _ in found], keep_daily, keep_monthly) | {found[0][0]}
    removed = []
    for stamp, path in found:
        if stamp in keep:
            continue
        path.unlink(missing_ok=True)
        manifest_path(path).unlink(missing_ok=True)
        removed.append(path)
    return removed

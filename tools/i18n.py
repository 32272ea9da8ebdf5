"""Maintain the English translation: update the .ts from the UI code, build the .qm, check it."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "inventory_app" / "ui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS_DIR / "inventory_en.ts"
QM_FILE = TRANSLATIONS_DIR / "inventory_en.qm"
SOURCE_LANGUAGE = "zh_CN"  # the code's own strings are Chinese
TARGET_LANGUAGE = "en"


@dataclass(frozen=True)
class Message:
    context: str
    source: str


def _tool(name: str) -> str:
    # Prefer the copy next to this interpreter, so the venv's PySide6 is used
    # even when the venv is not activated.
    suffix = ".exe" if sys.platform == "win32" else ""
    local = Path(sys.executable).parent / f"{name}{suffix}"
    if local.is_file():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6 in this environment")
    return found


def source_files(ui_dir: Path = UI_DIR) -> list[Path]:
    return sorted(p for p in ui_dir.rglob("*.py") if "__pycache__" not in p.parts)


def update(ts_file: Path = TS_FILE, ui_dir: Path = UI_DIR, *, no_obsolete: bool = False) -> None:
    """Extract tr()/translate() strings into ``ts_file``; existing translations are kept."""
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    command = [
        _tool("pyside6-lupdate"),
        *map(str, source_files(ui_dir)),
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        TARGET_LANGUAGE,
        # Relative line numbers keep diffs small when code above a string moves.
        "-locations",
        "relative",
        "-silent",
    ]
    if no_obsolete:
        command.append("-no-obsolete")
    subprocess.run([*command, "-ts", str(ts_file)], check=True)


def release(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    """Compile ``ts_file`` to ``qm_file``; unfinished entries are left out (they show Chinese)."""
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True
    )


def unfinished(ts_file: Path) -> list[Message]:
    """Live messages in ``ts_file`` with no finished English translation."""
    result = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("vanished", "obsolete"):
                continue  # the code no longer uses it
            text = "".join(translation.itertext()) if translation is not None else ""
            if kind == "unfinished" or not text.strip():
                result.append(Message(name, message.findtext("source", "")))
    return result


def check(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE, ui_dir: Path = UI_DIR) -> list[str]:
    """Problems with the committed translation; an empty list means all is well."""
    problems: list[str] = []
    if not ts_file.is_file():
        return [f"missing {ts_file}; run: python tools/i18n.py update"]
    with tempfile.TemporaryDirectory() as tmp:
        # Update a copy, so strings added to the code but not yet in the .ts show up too.
        fresh_ts = Path(tmp) / ts_file.name
        shutil.copyfile(ts_file, fresh_ts)
        update(fresh_ts, ui_dir)
        committed = {(m.context, m.source) for m in _all_messages(ts_file)}
        for message in unfinished(fresh_ts):
            state = "untranslated" if (message.context, message.source) in committed else "missing"
            problems.append(f"{state}: [{message.context}] {message.source!r}")

        fresh_qm = Path(tmp) / qm_file.name
        release(ts_file, fresh_qm)
        if not qm_file.is_file() or qm_file.read_bytes() != fresh_qm.read_bytes():
            problems.append(f"{qm_file.name} is not built from {ts_file.name}; run: release")
    return problems


def _all_messages(ts_file: Path) -> list[Message]:
    return [
        Message(context.findtext("name", ""), message.findtext("source", ""))
        for context in ET.parse(ts_file).getroot().iter("context")
        for message in context.iter("message")
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    update_cmd = commands.add_parser("update", help="regenerate the .ts from inventory_app/ui")
    update_cmd.add_argument("--no-obsolete", action="store_true", help="drop vanished strings")
    commands.add_parser("release", help="build the .qm from the .ts")
    commands.add_parser("check", help="list untranslated strings; exit 1 if any")
    for sub in commands.choices.values():
        sub.add_argument("--ts", type=Path, default=TS_FILE, help=argparse.SUPPRESS)
        sub.add_argument("--qm", type=Path, default=QM_FILE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.command == "update":
        update(args.ts, no_obsolete=args.no_obsolete)
        print(f"updated {args.ts}; translate the unfinished entries, then run: release")
    elif args.command == "release":
        release(args.ts, args.qm)
        print(f"built {args.qm}")
    else:
        problems = check(args.ts, args.qm)
        for problem in problems:
            print(problem)
        if problems:
            return 1
        print("English translation complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())

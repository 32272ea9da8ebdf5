"""Read an .xlsx that may be hostile: check the file before parsing, then stream its cells.

Every workbook brought back from a depot is treated as hostile. Before openpyxl sees it:
the size, the zip signature, every member's size and compression ratio (zip bombs), no
macros, no external links, no XML entity declarations. Then the sheets are streamed
(read-only mode), formulas are reported as formulas (never evaluated, cached values
never read), and reading stops at the row limit. Problems are `WorkbookRejected`.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from openpyxl import load_workbook

from ..domain.errors import WorkbookRejected

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 60_000
MAX_MEMBERS = 200
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 384 * 1024 * 1024
MAX_RATIO = 100  # deflated XML of a real sheet stays far below; a bomb is ~1000
_RATIO_FLOOR = 1024 * 1024  # small members may compress better without harm
_ENTITY = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
# A sheet that says how far it reaches is refused by that, before any row is parsed.
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]{1,3}\d+:[A-Z]{1,3}(\d{1,7})"')
_MACRO_TYPES = (b"macroEnabled", b"vbaProject", b"ms-office.vbaProject")


class Cell(NamedTuple):
    """A cell as stored: its value and openpyxl's data type (n, s, f, b, d, e)."""

    value: Any
    kind: str


_EMPTY = Cell(None, "n")


def _kind(value: object) -> str:
    """The cell type, from the value read without cell objects (values_only is several
    times faster). With data_only=False a formula reads as its text "=…", never as its
    cached value; a typed text starting with "=" is treated as a formula too (refused)."""
    if isinstance(value, str):
        return "f" if value.startswith("=") else "s"
    if isinstance(value, bool):
        return "b"
    if isinstance(value, int | float):
        return "n"
    return "d"  # dates and times: never a quantity


def refuse(path: Path, reason: str, value: str = "") -> WorkbookRejected:
    return WorkbookRejected(path.name, ((0, "", reason, value),))


def check_file(path: Path, max_bytes: int = MAX_BYTES) -> None:
    """Refuse what is not a small, plain .xlsx, before any XML is parsed."""
    try:
        size = path.stat().st_size
    except OSError:
        raise refuse(path, "not_a_workbook") from None
    if size == 0:
        raise refuse(path, "empty")
    if size > max_bytes:
        raise refuse(path, "too_big", f"{size // (1024 * 1024)} MB")
    with path.open("rb") as handle:
        if handle.read(4) != b"PK\x03\x04":
            raise refuse(path, "not_a_workbook")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_members(path, archive)
    except zipfile.BadZipFile:
        raise refuse(path, "not_a_workbook") from None


def _check_members(path: Path, archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise refuse(path, "zip_bomb")
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise refuse(path, "not_a_workbook")
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise refuse(path, "zip_bomb")
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise refuse(path, "zip_bomb")
        name = member.filename.lower()
        if name.endswith("vbaproject.bin") or (name.endswith(".bin") and "vba" in name):
            raise refuse(path, "macros")
        if name.startswith("xl/externallinks/"):
            raise refuse(path, "external_links")
        if name.endswith((".xml", ".rels", ".vml")):
            with archive.open(member) as stream:
                head = stream.read(4096)
            if _ENTITY.search(head):
                raise refuse(path, "xml_entities")
            declared = _DIMENSION.search(head) if name.startswith("xl/worksheets/") else None
            if declared and int(declared.group(1)) > MAX_ROWS + 1:
                raise refuse(path, "too_many_rows", f"> {MAX_ROWS}")
    with archive.open("[Content_Types].xml") as stream:
        types = stream.read(1024 * 1024)
    if any(marker in types for marker in _MACRO_TYPES):
        raise refuse(path, "macros")
    if b"externalLink" in types:
        raise refuse(path, "external_links")


def read_sheets(
    path: Path,
    sheet: str,
    manifest: str,
    *,
    columns: int,
    max_rows: int = MAX_ROWS,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[list[Cell]], dict[str, str]]:
    """The rows of ``sheet`` (first ``columns`` cells, header included, trailing empty
    rows dropped) and the key/value pairs of ``manifest``; call `check_file` first."""
    try:
        book = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise refuse(path, "not_a_workbook") from None
    try:
        if sheet not in book.sheetnames or manifest not in book.sheetnames:
            raise refuse(path, "sheet_missing")
        rows: list[list[Cell]] = []
        blank = [_EMPTY] * columns
        for n, raw in enumerate(book[sheet].iter_rows(max_col=columns, values_only=True), 1):
            if n > max_rows + 1:
                raise refuse(path, "too_many_rows", f"> {max_rows}")
            cells = [_EMPTY if v is None else Cell(v, _kind(v)) for v in raw]
            rows.append(cells + blank[len(cells) :])
            if progress is not None and n % 5000 == 0:
                progress(n)
        while rows and all(c.value is None for c in rows[-1]):
            rows.pop()
        pairs: dict[str, str] = {}
        for n, raw in enumerate(book[manifest].iter_rows(max_col=2, values_only=True), 1):
            if n > 100:
                raise refuse(path, "manifest_tampered")
            if raw and raw[0] is not None:
                pairs[str(raw[0])] = "" if len(raw) < 2 or raw[1] is None else str(raw[1])
        return rows, pairs
    except WorkbookRejected:
        raise
    except Exception:
        raise refuse(path, "not_a_workbook") from None
    finally:
        book.close()

"""The offline audit workbook: export a count for the auditor's laptop, import it back.

The manifest carries the count number, a fingerprint of this database, the export id,
the line count and an HMAC (keyed with a secret kept only in this database) of the
count's fixed columns. On import the whole workbook is checked — file, manifest, every
row — and nothing is written unless all of it is valid; a dry run shows what would
change. A workbook is imported at most once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Connection, insert, select, update

from ..domain.counts import CountReason
from ..domain.model import DocState, PostingResult
from ..domain.permissions import Actor
from ..domain.quantities import money_amount, to_milli
from ..persistence import chain
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from ..reports import count_workbook as book
from ..reports import xlsx_guard
from . import count_queries, counts, documents
from .common import utcnow
from .count_rows import FoundRow, WorkbookRows, check_rows

FORMAT = "inventory-count-1"
_KEY = "audit.workbook_key"
REASON_TEXT = {
    CountReason.NATURAL_LOSS: "自然损耗",
    CountReason.MEASUREMENT: "计量误差",
    CountReason.DAMAGE: "破损",
    CountReason.THEFT: "盗失",
    CountReason.BOOKING: "记账错误",
    CountReason.OTHER: "其他",
}
Progress = Callable[[int], None]


def _key(conn: Connection, create: bool) -> bytes | None:
    found = conn.execute(select(t.app_meta.c.value).where(t.app_meta.c.key == _KEY)).scalar()
    if found is None and create:
        found = secrets.token_hex(32)
        conn.execute(insert(t.app_meta).values(key=_KEY, value=found))
    return None if found is None else bytes.fromhex(found)


def _fingerprint(key: bytes) -> str:
    return hashlib.sha256(b"fingerprint" + key).hexdigest()[:16]


def _fixed(line: count_queries.CountLineRow, blind: bool) -> list[object]:
    return [
        line.line_no,
        line.lot_id,
        line.location,
        line.item_code,
        line.item_name,
        line.spec,
        line.batch_no,
        line.unit,
        None if blind else line.book,
    ]


def _checksum(key: bytes, head: dict[str, str], lines: list[count_queries.CountLineRow]) -> str:
    digest = hmac.new(key, digestmod=hashlib.sha256)
    for name in ("format", "count_no", "database", "export_id", "line_count", "blind"):
        digest.update(f"{name}={head[name]}\n".encode())
    for line in lines:
        fields = (line.line_no, line.lot_id or "", line.location, line.item_code, line.batch_no)
        digest.update(("|".join(map(str, fields)) + f"|{to_milli(line.book)}\n").encode())
    return digest.hexdigest()


def export_workbook(
    uow: UnitOfWork, actor: Actor, doc_no: str, out: Path, progress: Progress | None = None
) -> int:
    """Write the audit workbook of a count being counted; returns its number of lines."""

    def tx(conn: Connection) -> tuple[count_queries.CountDetail, list[tuple[str, str]]]:
        doc = counts.load_count(conn, actor, doc_no, "submit")
        documents.check_can(doc, DocState.ENTERED)  # only a count still being counted
        detail = count_queries.load_detail(conn, actor, doc_no)
        key = _key(conn, create=True)
        assert key is not None
        export_id = secrets.token_hex(16)
        head = {
            "format": FORMAT,
            "count_no": detail.doc_no,
            "database": _fingerprint(key),
            "export_id": export_id,
            "line_count": str(len(detail.lines)),
            "blind": "1" if detail.blind else "0",
        }
        head["checksum"] = _checksum(key, head, list(detail.lines))
        conn.execute(
            insert(t.count_workbooks).values(
                export_id=export_id,
                document_id=detail.id,
                line_count=len(detail.lines),
                exported_by=actor.user_id,
                exported_at=utcnow(),
                file_sha256="",
            )
        )
        documents.note_event(conn, actor, doc, f"导出盘点工作簿（{len(detail.lines)} 行）")
        heads = chain.heads(conn)  # the history as exported: an anchor for verify --against
        extra = [
            ("depot", f"{detail.depot_code} {detail.depot_name}"),
            ("snapshot_at", f"{detail.snapshot_at:%Y-%m-%d %H:%M:%S}"),
            ("history_anchor", chain.combined(heads)),
            *((f"chain_head {h.depot_code}", f"{h.seq} {h.hash}") for h in heads),
        ]
        return detail, [*head.items(), *extra]

    detail, manifest = uow.write(tx)
    book.write_count_workbook(
        out,
        rows=[_fixed(line, detail.blind) for line in detail.lines],
        decimals=[line.decimals for line in detail.lines],
        reasons=list(REASON_TEXT.values()),
        manifest=manifest,
        progress=progress,
    )
    return len(detail.lines)


# ------------------------------------------------------------------ import


@dataclass(frozen=True)
class PreviewLine:
    line_no: int
    item_code: str
    item_name: str
    batch_no: str
    location: str
    book: Decimal
    counted: Decimal
    variance: Decimal
    variance_fen: int
    reason: str


@dataclass(frozen=True)
class ImportPreview:
    """What an import changes (or, after `apply`, changed)."""

    doc_no: str
    export_id: str
    lines: int
    changed: tuple[PreviewLine, ...]  # lines whose count differs from the book
    found: tuple[FoundRow, ...]
    variance_fen: int
    applied: bool = False


def import_workbook(
    uow: UnitOfWork,
    actor: Actor,
    path: Path,
    *,
    request_id: str,
    dry_run: bool = False,
    progress: Progress | None = None,
    expect: str | None = None,
) -> ImportPreview:
    """Check the whole workbook, then (unless ``dry_run``) enter its counts and submit the
    count, in one transaction. Any problem: `WorkbookRejected`, nothing written.
    ``expect``: the count the user means to import into (refused if it is another's)."""
    path = Path(path)
    xlsx_guard.check_file(path)
    rows, manifest = xlsx_guard.read_sheets(
        path, book.SHEET, book.MANIFEST, columns=len(book.HEADERS), progress=progress
    )
    sha = hashlib.sha256(path.read_bytes()).hexdigest()

    def validate(conn: Connection) -> tuple[documents.DocHead, WorkbookRows]:
        doc_no = manifest.get("count_no", "")
        if expect and doc_no != expect.strip():
            raise xlsx_guard.refuse(path, "other_count", doc_no)
        detail = _check_manifest(conn, actor, path, manifest)
        doc = counts.load_count(conn, actor, doc_no, "submit")
        if doc.state != DocState.COUNTING:
            raise xlsx_guard.refuse(path, "not_counting", doc_no)
        exported = detail.lines[: int(manifest["line_count"])]
        expected = {line.line_no: _fixed(line, detail.blind) for line in exported}
        checked = check_rows(conn, path.name, doc.depot_id, rows, expected, exported, REASON_TEXT)
        return doc, checked

    def preview_of(doc_no: str, checked: WorkbookRows, applied: bool) -> ImportPreview:
        changed = tuple(
            PreviewLine(
                line.line_no,
                line.item_code,
                line.item_name,
                line.batch_no,
                line.location,
                line.book,
                counted,
                counted - line.book,
                money_amount(counted - line.book, line.unit_price_fen),
                reason,
            )
            for line, counted, reason, _note in checked.entries
            if counted != line.book
        )
        total = sum(p.variance_fen for p in changed) + sum(f.value_fen for f in checked.found)
        return ImportPreview(
            doc_no,
            manifest["export_id"],
            len(checked.entries),
            changed,
            tuple(checked.found),
            total,
            applied,
        )

    if dry_run:
        doc, checked = uow.read(validate)
        return preview_of(doc.doc_no, checked, False)

    def body(conn: Connection) -> documents.Posted:
        doc, checked = validate(conn)
        entries = [
            counts.CountEntry(line.line_no, counted, reason, note)
            for line, counted, reason, note in checked.entries
        ]
        found = [
            counts.FoundLine(f.item_code, f.quantity, f.batch_no, f.location, f.reason, f.note)
            for f in checked.found
        ]
        counts.write_counts(conn, actor, doc, entries, found)
        conn.execute(
            update(t.count_workbooks)
            .where(t.count_workbooks.c.export_id == manifest["export_id"])
            .values(imported_by=actor.user_id, imported_at=utcnow(), file_sha256=sha)
        )
        documents.note_event(conn, actor, doc, f"导入盘点工作簿 {path.name}")
        counts.submit_loaded(conn, actor, doc)
        result["preview"] = preview_of(doc.doc_no, checked, True)
        return documents.Posted(doc.id)

    result: dict[str, ImportPreview] = {}
    posted: PostingResult = documents.post(
        uow, actor, "import_count", request_id, {"sha256": sha}, body
    )
    if "preview" not in result:  # a replay of the same request: already applied
        raise xlsx_guard.refuse(path, "already_imported", posted.doc_no)
    return result["preview"]


def workbook_anchor(path: Path | str) -> list[tuple[str, int, str]]:
    """The history chain heads an audit workbook was exported with (depot, seq, hash)."""
    path = Path(path)
    xlsx_guard.check_file(path)
    _rows, manifest = xlsx_guard.read_sheets(path, book.SHEET, book.MANIFEST, columns=1)
    heads = []
    for key, value in manifest.items():
        if key.startswith("chain_head "):
            seq, _, digest = value.partition(" ")
            heads.append((key.removeprefix("chain_head "), int(seq), digest))
    return heads


def _check_manifest(
    conn: Connection, actor: Actor, path: Path, manifest: dict[str, str]
) -> count_queries.CountDetail:
    names = ("format", "count_no", "database", "export_id", "line_count", "blind", "checksum")
    if any(not manifest.get(name) for name in names) or manifest["format"] != FORMAT:
        raise xlsx_guard.refuse(path, "manifest_tampered")
    key = _key(conn, create=False)
    if key is None or not hmac.compare_digest(manifest["database"], _fingerprint(key)):
        raise xlsx_guard.refuse(path, "other_database")
    exported = conn.execute(
        select(t.count_workbooks, t.documents.c.doc_no)
        .join(t.documents, t.documents.c.id == t.count_workbooks.c.document_id)
        .where(t.count_workbooks.c.export_id == manifest["export_id"])
    ).first()
    if exported is None:
        raise xlsx_guard.refuse(path, "manifest_tampered")
    if exported.doc_no != manifest["count_no"]:
        raise xlsx_guard.refuse(path, "other_count", exported.doc_no)
    if exported.imported_at is not None:
        raise xlsx_guard.refuse(path, "already_imported", manifest["count_no"])
    if str(exported.line_count) != manifest["line_count"]:
        raise xlsx_guard.refuse(path, "manifest_tampered")
    detail = count_queries.load_detail(conn, actor, manifest["count_no"])
    head = {name: manifest[name] for name in names[:-1]}
    exported_lines = list(detail.lines[: exported.line_count])
    if not hmac.compare_digest(manifest["checksum"], _checksum(key, head, exported_lines)):
        raise xlsx_guard.refuse(path, "manifest_tampered")
    return detail

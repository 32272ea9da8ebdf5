"""Tables of stocktakes (盘点): the count header, its frozen lines, and its workbooks."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from .schema import Qty, metadata

# The scope of a count and its people; the state and number are the document's.
count_details = Table(
    "count_details",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("category_id", Integer, ForeignKey("categories.id")),  # None: every category
    Column("locations", Text, nullable=False, default=""),  # location codes, "," joined; "" all
    Column("blind", Boolean, nullable=False, default=False),  # sheets without book quantities
    Column("snapshot_at", DateTime, nullable=False),
    Column("counter", String(100), nullable=False, default=""),  # 盘点人
    Column("supervisor", String(100), nullable=False, default=""),  # 监盘人
    Column("submitted_by", Integer, ForeignKey("users.id")),
    Column("approved_by", Integer, ForeignKey("users.id")),
    Column("adjustment_document_id", Integer, ForeignKey("documents.id")),
)

# One line per lot in scope, with its book quantity frozen when the count was opened;
# found lines (盘盈, stock the books did not know) have no lot until the count is approved.
count_lines = Table(
    "count_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("lot_id", Integer, ForeignKey("lots.id")),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("location_id", Integer, ForeignKey("locations.id")),
    Column("batch_no", String(60), nullable=False, default=""),
    Column("book", Qty, nullable=False, default=0),
    Column("counted", Qty),  # None until counted
    Column("reason", String(20), nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("found", Boolean, nullable=False, default=False),
    Column("counted_by", Integer, ForeignKey("users.id")),
    Column("counted_at", DateTime),
    Column("recounts", Integer, nullable=False, default=0),
    UniqueConstraint("document_id", "line_no", name="uq_count_lines_line"),
)
Index("ix_count_lines_lot", count_lines.c.lot_id)

# Every exported audit workbook: a workbook is imported at most once, into its own count.
count_workbooks = Table(
    "count_workbooks",
    metadata,
    Column("export_id", String(40), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("line_count", Integer, nullable=False),
    Column("exported_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("exported_at", DateTime, nullable=False),
    Column("imported_by", Integer, ForeignKey("users.id")),
    Column("imported_at", DateTime),
    Column("file_sha256", String(64), nullable=False, default=""),
)
Index("ix_count_workbooks_document", count_workbooks.c.document_id)

"""Tables of the document kernel: reservations owned by document lines, links between
documents (re-exported by `tables`)."""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    UniqueConstraint,
)

from .schema import Qty, metadata

reservations = Table(
    "reservations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("depot_id", Integer, ForeignKey("depots.id"), nullable=False),
    Column("lot_id", Integer, ForeignKey("lots.id")),
    Column("quantity", Qty, nullable=False),
    Column("consumed", Qty, nullable=False, default=0),
    Column("released", Qty, nullable=False, default=0),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("quantity > 0", name="quantity_positive"),
    CheckConstraint(
        "consumed >= 0 AND released >= 0 AND consumed + released <= quantity", name="within"
    ),
)
Index("ix_reservations_document", reservations.c.document_id)
Index("ix_reservations_item_depot", reservations.c.item_id, reservations.c.depot_id)
Index("ix_reservations_lot", reservations.c.lot_id)

# Typed links between documents (order → slip, original → reversal, count → adjustment …).
document_links = Table(
    "document_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("parent_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("child_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("role", String(30), nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("parent_id <> child_id", name="not_self"),
    UniqueConstraint("parent_id", "child_id", "role", name="uq_document_links_link"),
)
Index("ix_document_links_child", document_links.c.child_id)

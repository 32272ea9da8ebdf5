"""Tables of the allocation flow: requests, orders, slips, returns, agreement reserves."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from .schema import Qty, metadata

# 调拨申请: who asks, for how many people, where the goods must go.
request_details = Table(
    "request_details",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("requesting_unit", String(200), nullable=False),
    Column("disaster_type", String(60), nullable=False, default=""),
    Column("persons", Integer, nullable=False, default=0),
    Column("place", String(200), nullable=False, default=""),
    Column("county", String(100), nullable=False, default=""),
    Column("lat", String(20)),  # decimal degrees as text, optional
    Column("lon", String(20)),
    Column("receiver", String(100), nullable=False, default=""),
    Column("phone", String(40), nullable=False, default=""),
    Column("response_hours", Integer, nullable=False, default=10),  # 6 county, 8 city, 10 province
    CheckConstraint("persons >= 0", name="persons_nonneg"),
)

# 调拨指令: the header of an allocation order beyond the common document columns.
order_details = Table(
    "order_details",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("request_document_id", Integer, ForeignKey("documents.id")),
    Column("receiving_unit", String(200), nullable=False),
    # When the receiver is one of our depots, slips are transfers in transit until received.
    Column("receiving_depot_id", Integer, ForeignKey("depots.id")),
    Column("place", String(200), nullable=False, default=""),
    Column("receiver", String(100), nullable=False, default=""),
    Column("receiver_phone", String(40), nullable=False, default=""),
    Column("sender", String(100), nullable=False, default=""),
    Column("sender_phone", String(40), nullable=False, default=""),
    Column("transport_payer", String(100), nullable=False, default=""),
    Column("emergency", Boolean, nullable=False, default=False),
    Column("approved_by", Integer, ForeignKey("users.id")),
    Column("approved_at", DateTime),
    # Emergency branch: approved on a recorded oral/phone approval, paperwork within 48 h.
    Column("oral_approver", String(100), nullable=False, default=""),
    Column("oral_approved_at", DateTime),
    Column("oral_method", String(60), nullable=False, default=""),
    Column("paperwork_due_at", DateTime),
    Column("paperwork_done_at", DateTime),
    Column("paperwork_by", Integer, ForeignKey("users.id")),
    Column("paperwork_ref", String(100), nullable=False, default=""),
)

# 出库单 shipped against an order: who carries it.
slip_details = Table(
    "slip_details",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("order_document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("carrier", String(200), nullable=False, default=""),
    Column("driver", String(60), nullable=False, default=""),
    Column("driver_phone", String(40), nullable=False, default=""),
    Column("plate", String(20), nullable=False, default=""),
)
Index("ix_slip_details_order", slip_details.c.order_document_id)

# 回收单 lines: which order line came back, how much, in what condition, into which lot.
return_lines = Table(
    "return_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("order_document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("order_line_no", Integer, nullable=False),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("quantity", Qty, nullable=False),
    Column("condition", String(20), nullable=False),
    Column("lot_id", Integer, ForeignKey("lots.id")),  # the new lot, for goods back in stock
    Column("note", Text, nullable=False, default=""),
    CheckConstraint("quantity > 0", name="quantity_positive"),
)
Index("ix_return_lines_order", return_lines.c.order_document_id, return_lines.c.order_line_no)

# 协议储备: an enterprise delivers up to `quantity` at the agreed price within N hours.
agreements = Table(
    "agreements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("agreement_no", String(60), nullable=False, unique=True),
    Column("enterprise", String(200), nullable=False),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("quantity", Qty, nullable=False),
    Column("price_fen", BigInteger, nullable=False),
    Column("response_hours", Integer, nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("quantity > 0 AND price_fen >= 0", name="amounts"),
    CheckConstraint("valid_to >= valid_from", name="validity"),
)

# What an enterprise delivered against an order line sourced from its agreement.
agreement_deliveries = Table(
    "agreement_deliveries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("agreement_id", Integer, ForeignKey("agreements.id"), nullable=False),
    Column("order_document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("order_line_no", Integer, nullable=False),
    Column("quantity", Qty, nullable=False),
    Column("delivered_on", Date, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("settlement_document_id", Integer, ForeignKey("documents.id")),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("quantity > 0", name="quantity_positive"),
)
Index("ix_agreement_deliveries_agreement", agreement_deliveries.c.agreement_id)
Index("ix_agreement_deliveries_order", agreement_deliveries.c.order_document_id)

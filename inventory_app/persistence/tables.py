"""Table definitions (SQLAlchemy Core). Quantities are integer thousandths, money integer fen.

The ledger and master data are here; the allocation flow's tables (requests, orders,
slips, returns, agreement reserves) are in `flow_tables` and re-exported, so every caller
keeps writing `tables.order_details`.
"""

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
    UniqueConstraint,
)

from .chain_tables import chain_heads, ledger_chain
from .count_tables import count_details, count_lines, count_workbooks
from .flow_tables import (
    agreement_deliveries,
    agreements,
    order_details,
    request_details,
    return_lines,
    slip_details,
)
from .kernel_tables import document_links, reservations
from .plan_tables import (
    capacity_reserves,
    contract_details,
    contract_lines,
    contract_payments,
    delivery_acceptances,
    lot_grades,
    norm_set_lines,
    norm_sets,
    plan_details,
    plan_line_years,
    plan_lines,
    reserve_targets,
    rotation_windows,
)
from .schema import Qty, metadata
from .sign_in_tables import sign_in_throttle

__all__ = [
    "agreement_deliveries",
    "agreements",
    "capacity_reserves",
    "chain_heads",
    "contract_details",
    "contract_lines",
    "contract_payments",
    "count_details",
    "count_lines",
    "count_workbooks",
    "delivery_acceptances",
    "document_links",
    "ledger_chain",
    "lot_grades",
    "metadata",
    "norm_set_lines",
    "norm_sets",
    "order_details",
    "plan_details",
    "plan_line_years",
    "plan_lines",
    "request_details",
    "reservations",
    "reserve_targets",
    "return_lines",
    "rotation_windows",
    "sign_in_throttle",
    "slip_details",
]

app_meta = Table(
    "app_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

regions = Table(
    "regions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(20), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("level", Integer, nullable=False),
    Column("parent_id", Integer, ForeignKey("regions.id")),
    CheckConstraint("level BETWEEN 1 AND 5", name="level"),
)

organisations = Table(
    "organisations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("level", Integer, nullable=False),
    Column("region_id", Integer, ForeignKey("regions.id")),
    Column("active", Boolean, nullable=False, default=True),
)

categories = Table(
    "categories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(4), nullable=False, unique=True),
    Column("name", String(60), nullable=False),
    Column("name_en", String(100), nullable=False, default=""),
)

items = Table(
    "items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(20), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("name_en", String(200), nullable=False, default=""),
    Column("pinyin", String(100), nullable=False, default=""),  # initials, for type-ahead
    Column("category_id", Integer, ForeignKey("categories.id"), nullable=False),
    Column("spec", String(200), nullable=False, default=""),
    Column("unit", String(10), nullable=False),
    Column("decimals", Integer, nullable=False, default=0),
    Column("gb_code", String(7)),
    Column("ref_price_fen", BigInteger),
    Column("shelf_life_days", Integer),  # a storage life stated in days …
    Column("shelf_life_months", Integer),  # … or in months (years × 12): domain.shelf_life
    Column("norm_per_person", Qty),  # thousandths
    Column("norm_per_tent", Qty),
    Column("persons_per_unit", Qty),
    Column("reserve_modes", String(60), nullable=False, default="physical"),
    Column("active", Boolean, nullable=False, default=True),
    CheckConstraint("decimals BETWEEN 0 AND 3", name="decimals"),
)
Index("ix_items_category", items.c.category_id)

depots = Table(
    "depots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(20), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("short_name", String(40), nullable=False, default=""),  # 简称, for tables
    Column("kind", String(20), nullable=False, default="relief"),
    Column("level", Integer, nullable=False),
    Column("region_id", Integer, ForeignKey("regions.id")),
    Column("owner_org_id", Integer, ForeignKey("organisations.id"), nullable=False),
    Column("address", String(300), nullable=False, default=""),
    Column("contact", String(60), nullable=False, default=""),
    Column("phone", String(40), nullable=False, default=""),
    Column("lat", String(20)),  # decimal degrees as text: exact, no float
    Column("lon", String(20)),
    Column("demo", Boolean, nullable=False, default=False),
    Column("note", Text, nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
    CheckConstraint("level BETWEEN 1 AND 5", name="level"),
)

locations = Table(
    "locations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("depot_id", Integer, ForeignKey("depots.id"), nullable=False),
    Column("code", String(30), nullable=False),
    Column("name", String(100), nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
    UniqueConstraint("depot_id", "code", name="uq_locations_depot_code"),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(60), nullable=False, unique=True),
    Column("display_name", String(100), nullable=False, default=""),
    Column("role", String(20), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime, nullable=False),
)

user_depots = Table(
    "user_depots",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("depot_id", Integer, ForeignKey("depots.id"), primary_key=True),
)

lots = Table(
    "lots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("depot_id", Integer, ForeignKey("depots.id"), nullable=False),
    Column("location_id", Integer, ForeignKey("locations.id")),
    Column("batch_no", String(60), nullable=False, default=""),
    Column("production_date", Date),
    Column("received_date", Date, nullable=False),
    Column("expiry_date", Date),
    Column("source", String(20), nullable=False),
    Column("supplier", String(200), nullable=False, default=""),
    Column("reserve_mode", String(20), nullable=False, default="physical"),
    Column("owner_org_id", Integer, ForeignKey("organisations.id"), nullable=False),
    Column("owner_level", Integer, nullable=False),
    Column("custodian_org_id", Integer, ForeignKey("organisations.id"), nullable=False),
    Column("unit_price_fen", BigInteger, nullable=False, default=0),
    Column("origin_lot_id", Integer, ForeignKey("lots.id")),  # the lot a transfer-in came from
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
)
Index("ix_lots_item_depot", lots.c.item_id, lots.c.depot_id)
Index("ix_lots_depot", lots.c.depot_id)
Index("ix_lots_expiry", lots.c.expiry_date)

lot_balances = Table(
    "lot_balances",
    metadata,
    Column("lot_id", Integer, ForeignKey("lots.id"), primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("depot_id", Integer, ForeignKey("depots.id"), nullable=False),
    Column("on_hand", Qty, nullable=False, default=0),
    Column("reserved", Qty, nullable=False, default=0),
    CheckConstraint("on_hand >= 0", name="on_hand_nonneg"),
    CheckConstraint("reserved >= 0 AND reserved <= on_hand", name="reserved_within"),
)
Index(
    "ix_lot_balances_item_depot",
    lot_balances.c.item_id,
    lot_balances.c.depot_id,
    lot_balances.c.on_hand,
)

stock_balances = Table(
    "stock_balances",
    metadata,
    Column("item_id", Integer, ForeignKey("items.id"), primary_key=True),
    Column("depot_id", Integer, ForeignKey("depots.id"), primary_key=True),
    Column("on_hand", Qty, nullable=False, default=0),
    Column("reserved", Qty, nullable=False, default=0),
    Column("in_transit_in", Qty, nullable=False, default=0),
    CheckConstraint("on_hand >= 0", name="on_hand_nonneg"),
    CheckConstraint("reserved >= 0 AND reserved <= on_hand", name="reserved_within"),
    CheckConstraint("in_transit_in >= 0", name="in_transit_nonneg"),
)
Index("ix_stock_balances_depot", stock_balances.c.depot_id)

doc_counters = Table(
    "doc_counters",
    metadata,
    Column("depot_id", Integer, ForeignKey("depots.id"), primary_key=True),
    Column("doc_type", String(20), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("last_no", Integer, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_type", String(20), nullable=False),
    Column("doc_no", String(60), nullable=False, unique=True),
    Column("depot_id", Integer, ForeignKey("depots.id"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("state", String(20), nullable=False),
    Column("doc_date", Date, nullable=False),
    Column("other_depot_id", Integer, ForeignKey("depots.id")),  # transfer destination
    Column("counterparty", String(200), nullable=False, default=""),  # supplier / receiver
    Column("reference", String(100), nullable=False, default=""),  # contract / order no.
    Column("purpose", String(20), nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("reverses_document_id", Integer, ForeignKey("documents.id")),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("host", String(100), nullable=False, default=""),
    UniqueConstraint("depot_id", "doc_type", "year", "seq", name="uq_documents_number"),
)
Index("ix_documents_state", documents.c.state)
Index("ix_documents_depot_date", documents.c.depot_id, documents.c.doc_date)

document_lines = Table(
    "document_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("lot_id", Integer, ForeignKey("lots.id")),
    Column("quantity", Qty, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("depot_id", Integer, ForeignKey("depots.id")),  # an order line's source depot
    Column("agreement_id", Integer, ForeignKey("agreements.id")),  # … or its 协议储备
    UniqueConstraint("document_id", "line_no", name="uq_document_lines_line"),
)

document_events = Table(
    "document_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("from_state", String(20)),
    Column("to_state", String(20), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("host", String(100), nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
)
Index("ix_document_events_document", document_events.c.document_id)

movements = Table(
    "movements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("lot_id", Integer, ForeignKey("lots.id"), nullable=False),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("depot_id", Integer, ForeignKey("depots.id"), nullable=False),
    Column("delta", Qty, nullable=False),
    Column("reverses_movement_id", Integer, ForeignKey("movements.id"), unique=True),
    Column("doc_date", Date, nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("delta <> 0", name="delta_nonzero"),
)
Index("ix_movements_lot", movements.c.lot_id)
Index("ix_movements_document", movements.c.document_id)
Index("ix_movements_depot", movements.c.depot_id, movements.c.id)
Index("ix_movements_item", movements.c.item_id, movements.c.id)
# The 台账's 结存 after each movement: a covering range read per (item, depot).
Index(
    "ix_movements_item_depot",
    movements.c.item_id,
    movements.c.depot_id,
    movements.c.id,
    movements.c.delta,
)

requests = Table(
    "requests",
    metadata,
    Column("request_id", String(80), primary_key=True),
    Column("action", String(30), nullable=False),
    Column("payload_hash", String(64), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id")),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id")),
    Column("host", String(100), nullable=False, default=""),
    Column("action", String(40), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", Integer),
    Column("details", Text, nullable=False, default=""),
)

# Who holds reserved stock: one row per document line that reserves. A lot-level row
# (lot_id set) is part of lot_balances.reserved and stock_balances.reserved; an
# item-level row (lot_id NULL: "20 tents at this depot", picked later) is part of
# stock_balances.reserved only. open = quantity - consumed - released.

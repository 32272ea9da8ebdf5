"""Tables of the reserve plan: targets, norm sets, plans, contracts, acceptance, payments."""

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

from .schema import Qty, metadata

# 定额: which items a reserve needs, per person, per tent, or as shelter (persons per unit).
norm_sets = Table(
    "norm_sets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(30), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("note", Text, nullable=False, default=""),
)

norm_set_lines = Table(
    "norm_set_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("norm_set_id", Integer, ForeignKey("norm_sets.id"), nullable=False),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("basis", String(20), nullable=False),  # per_person | per_tent | shelter
    Column("value", Qty, nullable=False),  # thousandths: units per person/tent, or persons per unit
    CheckConstraint("value >= 0", name="value_nonneg"),
    UniqueConstraint("norm_set_id", "item_id", name="uq_norm_set_lines_item"),
)

# 储备目标: persons to shelter for a level and region, counted on its owner's stock.
reserve_targets = Table(
    "reserve_targets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("level", Integer, nullable=False),
    Column("region_id", Integer, ForeignKey("regions.id")),
    Column("owner_org_id", Integer, ForeignKey("organisations.id"), nullable=False),
    Column("persons", Integer, nullable=False),
    Column("norm_set_id", Integer, ForeignKey("norm_sets.id"), nullable=False),
    Column("yearly_ceiling_fen", BigInteger),  # the yearly budget ceiling, if any
    Column("funding_source", String(100), nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
    CheckConstraint("persons >= 0", name="persons_nonneg"),
)

# 储备计划 (a PLAN document): what was generated and from what; lines and yearly split.
plan_details = Table(
    "plan_details",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("target_id", Integer, ForeignKey("reserve_targets.id")),
    Column("owner_org_id", Integer, ForeignKey("organisations.id"), nullable=False),
    Column("norm_set_id", Integer, ForeignKey("norm_sets.id"), nullable=False),
    Column("persons", Integer, nullable=False),
    Column("first_year", Integer, nullable=False),
    Column("last_year", Integer, nullable=False),
    Column("shares", String(60), nullable=False),  # percent per year but the last: "33,33"
    Column("yearly_ceiling_fen", BigInteger),
    Column("funding_source", String(100), nullable=False, default=""),
    Column("version", Integer, nullable=False, default=1),
    Column("revises_document_id", Integer, ForeignKey("documents.id")),
    Column("approved_by", Integer, ForeignKey("users.id")),
    Column("approved_at", DateTime),
)

plan_lines = Table(
    "plan_lines",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id"), primary_key=True),
    Column("line_no", Integer, nullable=False),
    Column("required", Qty, nullable=False),
    Column("held", Qty, nullable=False),
    Column("contracted", Qty, nullable=False),  # open contract quantities at generation
    Column("need", Qty, nullable=False),
    Column("unit_price_fen", BigInteger, nullable=False),
)

plan_line_years = Table(
    "plan_line_years",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id"), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("quantity", Qty, nullable=False),
    CheckConstraint("quantity >= 0", name="quantity_nonneg"),
)

# 采购合同 (a CONTRACT document) against an approved plan, for one plan year.
contract_details = Table(
    "contract_details",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("plan_document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("contract_no", String(60), nullable=False, unique=True),
    Column("supplier", String(200), nullable=False),
    Column("plan_year", Integer, nullable=False),
    Column("delivery_due", Date, nullable=False),
)
Index("ix_contract_details_plan", contract_details.c.plan_document_id)

contract_lines = Table(
    "contract_lines",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("quantity", Qty, nullable=False),
    Column("unit_price_fen", BigInteger, nullable=False),
    CheckConstraint("quantity > 0 AND unit_price_fen >= 0", name="amounts"),
)

# 入库验收: what came against a contract line, what was accepted into stock (by the linked
# 入库单) and what was refused, with the QC report.
delivery_acceptances = Table(
    "delivery_acceptances",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("contract_document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("contract_line_no", Integer, nullable=False),
    Column("receipt_document_id", Integer, ForeignKey("documents.id")),  # none if all refused
    Column("delivered", Qty, nullable=False),
    Column("accepted", Qty, nullable=False),
    Column("result", String(10), nullable=False),  # pass | fail
    Column("reason", Text, nullable=False, default=""),
    Column("qc_report_no", String(60), nullable=False, default=""),
    Column("delivered_on", Date, nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("delivered > 0 AND accepted >= 0 AND accepted <= delivered", name="qty"),
)
Index("ix_delivery_acceptances_contract", delivery_acceptances.c.contract_document_id)

contract_payments = Table(
    "contract_payments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("contract_document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("paid_on", Date, nullable=False),
    Column("amount_fen", BigInteger, nullable=False),
    Column("voucher_no", String(60), nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("amount_fen > 0", name="amount_positive"),
)
Index("ix_contract_payments_contract", contract_payments.c.contract_document_id)

# 轮换: a lot's harvest year and grade (grain and oil), and the windows a 轮出 opens that a
# 轮入 of the same grade and quantity must close within four months (轮换架空期).
lot_grades = Table(
    "lot_grades",
    metadata,
    Column("lot_id", Integer, ForeignKey("lots.id"), primary_key=True),
    Column("harvest_year", Integer),
    Column("grade", String(20), nullable=False, default=""),
)

rotation_windows = Table(
    "rotation_windows",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("depot_id", Integer, ForeignKey("depots.id"), nullable=False),
    Column("grade", String(20), nullable=False, default=""),
    Column("quantity", Qty, nullable=False),  # rotated out
    Column("returned", Qty, nullable=False, default=0),  # rotated back in so far
    Column("out_document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("opened_on", Date, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("closed_on", Date),
    CheckConstraint("quantity > 0 AND returned >= 0", name="amounts"),
)
Index("ix_rotation_windows_open", rotation_windows.c.closed_on)

# 产能储备: an enterprise can make `daily_capacity` a day once mobilised (after N days).
capacity_reserves = Table(
    "capacity_reserves",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("enterprise", String(200), nullable=False),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("daily_capacity", Qty, nullable=False),
    Column("mobilisation_days", Integer, nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("daily_capacity > 0 AND mobilisation_days >= 0", name="amounts"),
    CheckConstraint("valid_to >= valid_from", name="validity"),
)

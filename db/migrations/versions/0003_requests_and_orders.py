"""requests, allocation orders and their dispatch slips

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

New detail tables for 调拨申请 (request_details), 调拨指令 (order_details) and the 出库单
shipped against an order (slip_details); order lines name their source depot
(document_lines.depot_id). Existing rows are untouched.
"""

from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("depot_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_document_lines_depot_id_depots"), "depots", ["depot_id"], ["id"]
        )
    op.create_table(
        "request_details",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("requesting_unit", sa.String(length=200), nullable=False),
        sa.Column("disaster_type", sa.String(length=60), nullable=False),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("county", sa.String(length=100), nullable=False),
        sa.Column("lat", sa.String(length=20), nullable=True),
        sa.Column("lon", sa.String(length=20), nullable=True),
        sa.Column("receiver", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("response_hours", sa.Integer(), nullable=False),
        sa.CheckConstraint("persons >= 0", name=op.f("ck_request_details_persons_nonneg")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_request_details_document_id_documents")),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_request_details")),
    )
    op.create_table(
        "order_details",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("request_document_id", sa.Integer(), nullable=True),
        sa.Column("receiving_unit", sa.String(length=200), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("receiver", sa.String(length=100), nullable=False),
        sa.Column("receiver_phone", sa.String(length=40), nullable=False),
        sa.Column("sender", sa.String(length=100), nullable=False),
        sa.Column("sender_phone", sa.String(length=40), nullable=False),
        sa.Column("transport_payer", sa.String(length=100), nullable=False),
        sa.Column("emergency", sa.Boolean(), nullable=False),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("oral_approver", sa.String(length=100), nullable=False),
        sa.Column("oral_approved_at", sa.DateTime(), nullable=True),
        sa.Column("oral_method", sa.String(length=60), nullable=False),
        sa.Column("paperwork_due_at", sa.DateTime(), nullable=True),
        sa.Column("paperwork_done_at", sa.DateTime(), nullable=True),
        sa.Column("paperwork_by", sa.Integer(), nullable=True),
        sa.Column("paperwork_ref", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["approved_by"], ["users.id"], name=op.f("fk_order_details_approved_by_users")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_order_details_document_id_documents")),
        sa.ForeignKeyConstraint(["paperwork_by"], ["users.id"], name=op.f("fk_order_details_paperwork_by_users")),
        sa.ForeignKeyConstraint(["request_document_id"], ["documents.id"], name=op.f("fk_order_details_request_document_id_documents")),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_order_details")),
    )
    op.create_table(
        "slip_details",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("order_document_id", sa.Integer(), nullable=False),
        sa.Column("carrier", sa.String(length=200), nullable=False),
        sa.Column("driver", sa.String(length=60), nullable=False),
        sa.Column("driver_phone", sa.String(length=40), nullable=False),
        sa.Column("plate", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_slip_details_document_id_documents")),
        sa.ForeignKeyConstraint(["order_document_id"], ["documents.id"], name=op.f("fk_slip_details_order_document_id_documents")),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_slip_details")),
    )
    with op.batch_alter_table("slip_details", schema=None) as batch_op:
        batch_op.create_index("ix_slip_details_order", ["order_document_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("slip_details", schema=None) as batch_op:
        batch_op.drop_index("ix_slip_details_order")
    op.drop_table("slip_details")
    op.drop_table("order_details")
    op.drop_table("request_details")
    with op.batch_alter_table("document_lines", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_document_lines_depot_id_depots"), type_="foreignkey")
        batch_op.drop_column("depot_id")

"""agreement reserves (协议储备), their deliveries and settlements

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_no", sa.String(length=60), nullable=False),
        sa.Column("enterprise", sa.String(length=200), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("price_fen", sa.BigInteger(), nullable=False),
        sa.Column("response_hours", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("quantity > 0 AND price_fen >= 0", name=op.f("ck_agreements_amounts")),
        sa.CheckConstraint("valid_to >= valid_from", name=op.f("ck_agreements_validity")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_agreements_created_by_users")),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_agreements_item_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreements")),
        sa.UniqueConstraint("agreement_no", name=op.f("uq_agreements_agreement_no")),
    )
    op.create_table(
        "agreement_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("order_document_id", sa.Integer(), nullable=False),
        sa.Column("order_line_no", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("delivered_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("settlement_document_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_agreement_deliveries_quantity_positive")),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreements.id"], name=op.f("fk_agreement_deliveries_agreement_id_agreements")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_agreement_deliveries_created_by_users")),
        sa.ForeignKeyConstraint(["order_document_id"], ["documents.id"], name=op.f("fk_agreement_deliveries_order_document_id_documents")),
        sa.ForeignKeyConstraint(["settlement_document_id"], ["documents.id"], name=op.f("fk_agreement_deliveries_settlement_document_id_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_deliveries")),
    )
    with op.batch_alter_table("agreement_deliveries", schema=None) as batch_op:
        batch_op.create_index("ix_agreement_deliveries_agreement", ["agreement_id"], unique=False)
        batch_op.create_index("ix_agreement_deliveries_order", ["order_document_id"], unique=False)
    with op.batch_alter_table("document_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agreement_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_document_lines_agreement_id_agreements"), "agreements", ["agreement_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("document_lines", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_document_lines_agreement_id_agreements"), type_="foreignkey")
        batch_op.drop_column("agreement_id")
    with op.batch_alter_table("agreement_deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_agreement_deliveries_order")
        batch_op.drop_index("ix_agreement_deliveries_agreement")
    op.drop_table("agreement_deliveries")
    op.drop_table("agreements")

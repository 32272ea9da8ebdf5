"""return lines (回收单)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "return_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("order_document_id", sa.Integer(), nullable=False),
        sa.Column("order_line_no", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("condition", sa.String(length=20), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_return_lines_quantity_positive")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_return_lines_document_id_documents")),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_return_lines_item_id_items")),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name=op.f("fk_return_lines_lot_id_lots")),
        sa.ForeignKeyConstraint(["order_document_id"], ["documents.id"], name=op.f("fk_return_lines_order_document_id_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_lines")),
    )
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.create_index("ix_return_lines_order", ["order_document_id", "order_line_no"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_return_lines_order")
    op.drop_table("return_lines")

"""stocktakes (盘点): count header, frozen count lines, exported audit workbooks

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "count_details",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("locations", sa.Text(), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("snapshot_at", sa.DateTime(), nullable=False),
        sa.Column("counter", sa.String(length=100), nullable=False),
        sa.Column("supervisor", sa.String(length=100), nullable=False),
        sa.Column("submitted_by", sa.Integer(), nullable=True),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("adjustment_document_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_count_details_document_id_documents")),
        sa.ForeignKeyConstraint(["category_id"], ["categories.id"], name=op.f("fk_count_details_category_id_categories")),
        sa.ForeignKeyConstraint(["submitted_by"], ["users.id"], name=op.f("fk_count_details_submitted_by_users")),
        sa.ForeignKeyConstraint(["approved_by"], ["users.id"], name=op.f("fk_count_details_approved_by_users")),
        sa.ForeignKeyConstraint(
            ["adjustment_document_id"], ["documents.id"], name=op.f("fk_count_details_adjustment_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_count_details")),
    )
    op.create_table(
        "count_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.Column("batch_no", sa.String(length=60), nullable=False),
        sa.Column("book", sa.BigInteger(), nullable=False),
        sa.Column("counted", sa.BigInteger(), nullable=True),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("found", sa.Boolean(), nullable=False),
        sa.Column("counted_by", sa.Integer(), nullable=True),
        sa.Column("counted_at", sa.DateTime(), nullable=True),
        sa.Column("recounts", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_count_lines_document_id_documents")),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name=op.f("fk_count_lines_lot_id_lots")),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_count_lines_item_id_items")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_count_lines_location_id_locations")),
        sa.ForeignKeyConstraint(["counted_by"], ["users.id"], name=op.f("fk_count_lines_counted_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_count_lines")),
        sa.UniqueConstraint("document_id", "line_no", name="uq_count_lines_line"),
    )
    with op.batch_alter_table("count_lines", schema=None) as batch_op:
        batch_op.create_index("ix_count_lines_lot", ["lot_id"], unique=False)
    op.create_table(
        "count_workbooks",
        sa.Column("export_id", sa.String(length=40), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("line_count", sa.Integer(), nullable=False),
        sa.Column("exported_by", sa.Integer(), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=True),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_count_workbooks_document_id_documents")),
        sa.ForeignKeyConstraint(["exported_by"], ["users.id"], name=op.f("fk_count_workbooks_exported_by_users")),
        sa.ForeignKeyConstraint(["imported_by"], ["users.id"], name=op.f("fk_count_workbooks_imported_by_users")),
        sa.PrimaryKeyConstraint("export_id", name=op.f("pk_count_workbooks")),
    )
    with op.batch_alter_table("count_workbooks", schema=None) as batch_op:
        batch_op.create_index("ix_count_workbooks_document", ["document_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("count_workbooks", schema=None) as batch_op:
        batch_op.drop_index("ix_count_workbooks_document")
    op.drop_table("count_workbooks")
    with op.batch_alter_table("count_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_count_lines_lot")
    op.drop_table("count_lines")
    op.drop_table("count_details")

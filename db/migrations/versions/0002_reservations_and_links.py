"""reservations with an owner, links between documents

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01

Existing databases keep every balance as it is. Write-offs (the only documents that
reserved stock so far) get their reservation rows from their lines: a pending one holds
its quantity open, an approved one consumed it, a rejected one released it. Reversals get
a link to the document they reverse.
"""

from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reservations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("depot_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=True),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("consumed", sa.BigInteger(), nullable=False),
        sa.Column("released", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_reservations_quantity_positive")),
        sa.CheckConstraint(
            "consumed >= 0 AND released >= 0 AND consumed + released <= quantity",
            name=op.f("ck_reservations_within"),
        ),
        sa.ForeignKeyConstraint(["depot_id"], ["depots.id"], name=op.f("fk_reservations_depot_id_depots")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_reservations_document_id_documents")),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_reservations_item_id_items")),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name=op.f("fk_reservations_lot_id_lots")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reservations")),
    )
    with op.batch_alter_table("reservations", schema=None) as batch_op:
        batch_op.create_index("ix_reservations_document", ["document_id"], unique=False)
        batch_op.create_index("ix_reservations_item_depot", ["item_id", "depot_id"], unique=False)
        batch_op.create_index("ix_reservations_lot", ["lot_id"], unique=False)

    op.create_table(
        "document_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("parent_id <> child_id", name=op.f("ck_document_links_not_self")),
        sa.ForeignKeyConstraint(["child_id"], ["documents.id"], name=op.f("fk_document_links_child_id_documents")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_document_links_created_by_users")),
        sa.ForeignKeyConstraint(["parent_id"], ["documents.id"], name=op.f("fk_document_links_parent_id_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_links")),
        sa.UniqueConstraint("parent_id", "child_id", "role", name="uq_document_links_link"),
    )
    with op.batch_alter_table("document_links", schema=None) as batch_op:
        batch_op.create_index("ix_document_links_child", ["child_id"], unique=False)

    # Write-off lines become reservations; the documents' states say how each ended.
    op.execute(
        """
        INSERT INTO reservations (document_id, line_no, item_id, depot_id, lot_id, quantity,
                                  consumed, released, created_at)
        SELECT l.document_id, l.line_no, l.item_id, d.depot_id, l.lot_id, l.quantity,
               CASE WHEN d.state IN ('POSTED', 'REVERSED') THEN l.quantity ELSE 0 END,
               CASE WHEN d.state = 'REJECTED' THEN l.quantity ELSE 0 END,
               d.created_at
        FROM document_lines l JOIN documents d ON d.id = l.document_id
        WHERE d.doc_type = 'SCRAP' AND l.quantity > 0
        ORDER BY l.document_id, l.line_no
        """
    )
    op.execute(
        """
        INSERT INTO document_links (parent_id, child_id, role, created_by, created_at)
        SELECT reverses_document_id, id, 'reversal', created_by, created_at
        FROM documents WHERE reverses_document_id IS NOT NULL
        ORDER BY id
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("document_links", schema=None) as batch_op:
        batch_op.drop_index("ix_document_links_child")
    op.drop_table("document_links")
    with op.batch_alter_table("reservations", schema=None) as batch_op:
        batch_op.drop_index("ix_reservations_lot")
        batch_op.drop_index("ix_reservations_item_depot")
        batch_op.drop_index("ix_reservations_document")
    op.drop_table("reservations")

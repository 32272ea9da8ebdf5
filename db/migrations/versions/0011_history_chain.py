"""the tamper-evident history: a hash chain per depot over documents, lines, lots,
movements, events and links, computed here for the history a database already holds

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa

from inventory_app.persistence import chain


revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ledger_chain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("depot_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("row_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["depot_id"], ["depots.id"], name=op.f("fk_ledger_chain_depot_id_depots")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_chain")),
        sa.UniqueConstraint("depot_id", "seq", name="uq_ledger_chain_seq"),
        sa.UniqueConstraint("kind", "row_id", name="uq_ledger_chain_row"),
    )
    op.create_table(
        "chain_heads",
        sa.Column("depot_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["depot_id"], ["depots.id"], name=op.f("fk_chain_heads_depot_id_depots")
        ),
        sa.PrimaryKeyConstraint("depot_id", name=op.f("pk_chain_heads")),
    )
    chain.rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table("chain_heads")
    op.drop_table("ledger_chain")

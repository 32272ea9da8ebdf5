"""orders may name a receiving depot (their slips are then transfers)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("order_details", schema=None) as batch_op:
        batch_op.add_column(sa.Column("receiving_depot_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_order_details_receiving_depot_id_depots"), "depots", ["receiving_depot_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("order_details", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_order_details_receiving_depot_id_depots"), type_="foreignkey")
        batch_op.drop_column("receiving_depot_id")

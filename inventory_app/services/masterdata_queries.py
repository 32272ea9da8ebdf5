"""Small read-side look-ups the master-data dialogs need beyond reference_queries."""

from __future__ import annotations

from sqlalchemy import Connection, select

from ..domain.errors import NotFound
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork


def depot_region_code(uow: UnitOfWork, depot_code: str) -> str | None:
    """The region code of a depot (None if it has none).

    DepotRow carries only the region's name, and village names repeat across towns,
    so the edit dialog asks for the code to preselect the right region.
    """

    def tx(conn: Connection) -> str | None:
        row = conn.execute(
            select(t.depots.c.id, t.regions.c.code)
            .outerjoin(t.regions, t.regions.c.id == t.depots.c.region_id)
            .where(t.depots.c.code == depot_code)
        ).first()
        if row is None:
            raise NotFound("depot", depot_code)
        return None if row.code is None else str(row.code)

    return uow.read(tx)

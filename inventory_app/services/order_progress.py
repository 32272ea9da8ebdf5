"""How far an order has shipped: reserved stock left, and agreement lines not yet delivered."""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from ..domain.model import DocState
from ..domain.permissions import Actor
from ..persistence import tables as t
from . import documents, reservations
from .documents import DocHead


def delivered_for(conn: Connection, order_id: int) -> dict[int, int]:
    """Thousandths delivered per order line by agreement enterprises (协议储备)."""
    dv = t.agreement_deliveries.c
    return {
        int(n): int(q)
        for n, q in conn.execute(
            select(dv.order_line_no, func.sum(dv.quantity))
            .where(dv.order_document_id == order_id)
            .group_by(dv.order_line_no)
        )
    }


def undelivered_agreement_lines(conn: Connection, order_id: int) -> list[int]:
    dl = t.document_lines.c
    got = delivered_for(conn, order_id)
    return [
        int(n)
        for n, qty in conn.execute(
            select(dl.line_no, dl.quantity).where(
                dl.document_id == order_id, dl.agreement_id.is_not(None)
            )
        )
        if got.get(int(n), 0) < int(qty)
    ]


def advance_after_shipping(conn: Connection, actor: Actor, order: DocHead, note: str) -> None:
    """部分出库 while anything is still reserved or undelivered, else 已出库."""
    left = reservations.open_reservations(conn, order.id) or undelivered_agreement_lines(
        conn, order.id
    )
    target = DocState.PARTIALLY_SHIPPED if left else DocState.SHIPPED
    documents.transition(conn, actor, order, target, note)

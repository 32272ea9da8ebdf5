"""到货验收: deliveries against a contract line, received through the normal 入库."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert

from ..domain.documents import LinkRole
from ..domain.errors import EmptyDocument, InvalidInput, InvalidState, OverDelivery
from ..domain.model import DocState, PostingResult, ReceiptLine
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli, parse_quantity, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import documents, plan_stock
from .common import doc_date_or_today, parse_date, utcnow
from .contracts import contract_lines, load_contract, plan_owner
from .receipts import post_receipt


@dataclass(frozen=True)
class DeliveryLine:
    """What came for one contract line and what the acceptance found."""

    line_no: int
    delivered: Decimal | str
    accepted: Decimal | str | None = None  # default: all of it
    reason: str = ""  # why the rest was refused
    batch_no: str = ""
    production_date: date | str | None = None


def deliver(
    uow: UnitOfWork,
    actor: Actor,
    *,
    contract_no: str,
    lines: Sequence[DeliveryLine],
    request_id: str,
    depot: str | None = None,
    qc_report_no: str = "",
    doc_date: date | str | None = None,
) -> PostingResult:
    """到货验收: record a delivery; what is accepted is received into stock (入库单)."""
    payload = {
        "contract": contract_no,
        "lines": list(lines),
        "depot": depot,
        "qc": qc_report_no,
        "doc_date": doc_date,
    }

    def body(conn: Connection) -> documents.Posted:
        contract, head = load_contract(conn, contract_no)
        if contract.state != DocState.APPROVED:
            raise InvalidState(contract.doc_no, contract.state, "accept_delivery")
        if not lines:
            raise EmptyDocument()
        day = doc_date_or_today(doc_date)
        ordered = contract_lines(conn, contract.id)
        accepted_before = plan_stock.accepted_per_line(conn, [contract.id])
        owner = plan_owner(conn, int(head.plan_document_id))
        checks, receipt_lines = [], []
        for line in lines:
            if line.line_no not in ordered:
                raise InvalidInput("line", "range", line.line_no)
            row = ordered[line.line_no]
            dec = int(row.decimals)
            came = parse_quantity(line.delivered, dec)
            took = came if line.accepted in (None, "") else parse_quantity(line.accepted, dec)
            if came <= 0:
                raise InvalidInput("quantity", "positive", line.delivered)
            if not 0 <= took <= came:
                raise InvalidInput("accepted", "range", took)
            if took < came and not line.reason.strip():
                raise InvalidInput("reason", "required")
            left = int(row.quantity) - accepted_before.get((contract.id, line.line_no), 0)
            if to_milli(came) > left:
                raise OverDelivery(
                    contract.doc_no, line.line_no, came, from_milli(max(left, 0), dec)
                )
            checks.append((line, came, took))
            if took > 0:
                receipt_lines.append(
                    ReceiptLine(
                        item_code=row.code,
                        quantity=took,
                        batch_no=line.batch_no,
                        production_date=parse_date(line.production_date, "production_date"),
                        unit_price=Decimal(int(row.unit_price_fen)) / 100,
                        owner_org_code=owner,
                        supplier=head.supplier,
                    )
                )
        receipt_id = None
        movement_ids: tuple[int, ...] | None = ()
        if receipt_lines:
            posted = post_receipt(
                conn,
                actor,
                depot or repo.depot_by_id(conn, contract.depot_id).code,
                receipt_lines,
                day,
                supplier=head.supplier,
                reference=head.contract_no,
                note=f"合同 {head.contract_no} 到货验收 {qc_report_no}".strip(),
            )
            receipt_id, movement_ids = posted.document_id, posted.movement_ids
            documents.link(conn, actor, contract, receipt_id, LinkRole.CONTRACT_DELIVERY)
        else:
            require(actor, Action.RECEIVE, contract.depot_id)
        conn.execute(
            insert(t.delivery_acceptances),
            [
                {
                    "contract_document_id": contract.id,
                    "contract_line_no": line.line_no,
                    "receipt_document_id": receipt_id,
                    "delivered": to_milli(came),
                    "accepted": to_milli(took),
                    "result": "pass" if took == came else "fail",
                    "reason": line.reason.strip(),
                    "qc_report_no": qc_report_no.strip()[:60],
                    "delivered_on": day,
                    "created_by": actor.user_id,
                    "created_at": utcnow(),
                }
                for line, came, took in checks
            ],
        )
        _close_if_complete(conn, actor, contract, ordered)
        if receipt_id is None:
            documents.note_event(conn, actor, contract, "到货验收不合格，全部拒收")
            return documents.Posted(contract.id)
        return documents.Posted(receipt_id, movement_ids)

    return documents.post(uow, actor, "contract_deliver", request_id, payload, body)


def _close_if_complete(
    conn: Connection, actor: Actor, contract: documents.DocHead, ordered: dict[int, Any]
) -> None:
    """Every line fully accepted: the contract is complete (no more deliveries)."""
    accepted = plan_stock.accepted_per_line(conn, [contract.id])
    if all(accepted.get((contract.id, n), 0) >= int(r.quantity) for n, r in ordered.items()):
        documents.transition(conn, actor, contract, DocState.COMPLETED, "全部验收合格")

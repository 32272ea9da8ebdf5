"""The posting commands: receive, issue, transfer, transfer-receive, adjust, reverse, scrap."""

from __future__ import annotations

from ..domain.errors import InvalidInput
from ..domain.model import AdjustLine, OutLine, ReceiptLine
from ..domain.orders import ReceivedLine
from ..domain.quantities import strict_decimal
from ..services import adjustments, issues, receipts, reversals, transfers, writeoffs
from .context import (
    EXIT_OK,
    Context,
    document_no,
    load_lines,
    lot_of,
    need,
    out_lines,
    request_id,
)
from .output import posted


def cmd_receive(ctx: Context) -> int:
    a = ctx.args
    lines = (
        load_lines(a.lines, ReceiptLine)
        if a.lines
        else [
            ReceiptLine(
                item_code=need(a.item, "item"),
                quantity=need(a.qty, "quantity"),
                batch_no=a.batch or "",
                production_date=a.production_date,
                expiry_date=a.expiry,
                location_code=a.location,
                unit_price=a.price,
                owner_org_code=a.owner,
                custodian_org_code=a.custodian,
                supplier=a.supplier or "",
            )
        ]
    )
    posted(
        a,
        receipts.receive(
            ctx.uow,
            ctx.actor,
            depot=a.depot,
            lines=lines,
            request_id=request_id(a),
            doc_date=a.doc_date,
            source=a.source,
            supplier=a.supplier or "",
            reference=a.reference or "",
            note=a.note or "",
        ),
    )
    return EXIT_OK


def cmd_issue(ctx: Context) -> int:
    a = ctx.args
    posted(
        a,
        issues.issue(
            ctx.uow,
            ctx.actor,
            depot=a.depot,
            lines=out_lines(a),
            request_id=request_id(a),
            doc_date=a.doc_date,
            receiver=a.receiver or "",
            reference=a.reference or "",
            purpose=a.purpose,
            note=a.note or "",
        ),
    )
    return EXIT_OK


def cmd_transfer(ctx: Context) -> int:
    a = ctx.args
    posted(
        a,
        transfers.transfer_send(
            ctx.uow,
            ctx.actor,
            from_depot=a.from_depot,
            to_depot=a.to_depot,
            lines=out_lines(a),
            request_id=request_id(a),
            doc_date=a.doc_date,
            reference=a.reference or "",
            purpose=a.purpose,
            note=a.note or "",
        ),
    )
    return EXIT_OK


def cmd_transfer_receive(ctx: Context) -> int:
    a = ctx.args
    posted(
        a,
        transfers.transfer_receive(
            ctx.uow,
            ctx.actor,
            doc_no=document_no(ctx),
            request_id=request_id(a),
            location=a.location,
            received=[
                ReceivedLine(int(v[0]), strict_decimal(v[1]), v[2] if len(v) > 2 else "")
                for v in (s.split(":", 2) for s in a.received or ())
            ],
            doc_date=a.doc_date,
        ),
    )
    return EXIT_OK


def cmd_adjust(ctx: Context) -> int:
    a = ctx.args
    lines = (
        load_lines(a.lines, AdjustLine)
        if a.lines
        else [AdjustLine(lot_id=lot_of(ctx), delta=need(a.qty, "quantity"))]
    )
    posted(
        a,
        adjustments.adjust(
            ctx.uow,
            ctx.actor,
            depot=a.depot,
            lines=lines,
            reason=a.reason,
            request_id=request_id(a),
            doc_date=a.doc_date,
        ),
    )
    return EXIT_OK


def cmd_reverse(ctx: Context) -> int:
    a = ctx.args
    doc_no = document_no(ctx) if a.of_request else a.document
    if a.movement_id is None and not doc_no:
        raise InvalidInput("target", "movement_or_document")
    posted(
        a,
        reversals.reverse(
            ctx.uow,
            ctx.actor,
            movement_id=a.movement_id,
            doc_no=doc_no,
            reason=a.reason,
            request_id=request_id(a),
            doc_date=a.doc_date,
        ),
    )
    return EXIT_OK


def cmd_scrap(ctx: Context) -> int:
    a = ctx.args
    posted(
        a,
        writeoffs.request_scrap(
            ctx.uow,
            ctx.actor,
            depot=a.depot,
            reason=a.reason,
            request_id=request_id(a),
            doc_date=a.doc_date,
            lines=[
                OutLine(
                    item_code=need(a.item, "item"),
                    quantity=need(a.qty, "quantity"),
                    lot_id=lot_of(ctx, a.item),
                )
            ],
        ),
    )
    return EXIT_OK


def cmd_decide(ctx: Context) -> int:
    a = ctx.args
    posted(
        a,
        writeoffs.decide_scrap(
            ctx.uow,
            ctx.actor,
            doc_no=document_no(ctx),
            approve=a.command == "approve",
            request_id=request_id(a),
            note=a.note or "",
        ),
    )
    return EXIT_OK

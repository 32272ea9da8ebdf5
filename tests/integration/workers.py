"""Code run in child processes by the multi-process tests (importable under 'spawn')."""

from __future__ import annotations

import traceback
from decimal import Decimal
from typing import Any

from inventory_app.domain.errors import DomainError
from inventory_app.domain.model import OutLine, ReceiptLine
from inventory_app.domain.permissions import Actor
from inventory_app.services import issues, receipts
from inventory_app.services.database import open_database


def _outcome(call: Any) -> tuple:
    """('ok', result) or ('refused', error class name, params) or ('error', class, traceback)."""
    try:
        return ("ok", call())
    except DomainError as error:
        return ("refused", type(error).__name__, error.params)
    except Exception as error:  # anything else is a finding: report it, never hide it
        return ("error", type(error).__name__, traceback.format_exc())


def issue_from_lot(
    url: str,
    actor: Actor,
    index: int,
    lot_id: int,
    item: str,
    qty: str,
    rounds: int,
    barrier: Any,
    queue: Any,
) -> None:
    """Each round: wait for every worker, then try to issue `qty` (named lot, then FEFO)."""
    results: list[tuple] = []
    try:
        uow = open_database(url)
        for k in range(rounds):
            barrier.wait(timeout=120)
            named = lot_id if k % 2 == 0 else None
            results.append(
                _outcome(
                    lambda named=named, k=k: issues.issue(
                        uow,
                        actor,
                        depot="A",
                        request_id=f"w{index}-r{k}",
                        lines=[OutLine(item, Decimal(qty), lot_id=named)],
                    )
                )
            )
        uow.engine.dispose()
    except Exception:  # set-up failure: report instead of hanging the parent
        results.append(("error", "setup", traceback.format_exc()))
        barrier.abort()
    queue.put((index, results))


def post_same_request(
    url: str, actor: Actor, index: int, request_ids: list[str], barrier: Any, queue: Any
) -> None:
    """For each request id: wait for the twin process, then post the identical receipt."""
    results: list[tuple] = []
    try:
        uow = open_database(url)
        for request_id in request_ids:
            barrier.wait(timeout=120)
            results.append(
                _outcome(
                    lambda request_id=request_id: receipts.receive(
                        uow,
                        actor,
                        depot="A",
                        request_id=request_id,
                        lines=[
                            ReceiptLine("050101", Decimal(7), batch_no=request_id),
                            ReceiptLine("140201", Decimal("1.25")),
                        ],
                    )
                )
            )
        uow.engine.dispose()
    except Exception:
        results.append(("error", "setup", traceback.format_exc()))
        barrier.abort()
    queue.put((index, results))


def approve_order(
    url: str, actor: Actor, index: int, doc_no: str, barrier: Any, queue: Any
) -> None:
    """Wait for every worker, then approve one order (they compete for the same units)."""
    from inventory_app.services import approvals

    results: list[tuple] = []
    try:
        uow = open_database(url)
        barrier.wait(timeout=120)
        results.append(
            _outcome(
                lambda: (
                    approvals.approve_order(
                        uow, actor, doc_no=doc_no, request_id=f"approve-{index}"
                    ).state
                )
            )
        )
        uow.engine.dispose()
    except Exception:
        results.append(("error", "setup", traceback.format_exc()))
        barrier.abort()
    queue.put((index, results))

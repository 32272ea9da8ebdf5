"""Every page and posting dialog the main window can open, imported statically.

Static imports, not importlib strings: PyInstaller follows only what it can see, so a
frozen build contains exactly the classes listed here (tests/gui/test_registry.py builds
each one). Pages are still *constructed* lazily, the first time they are opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QWidget

from ..domain.permissions import Action
from .context import AppContext
from .dialogs.adjust_dialog import AdjustDialog
from .dialogs.issue_dialog import IssueDialog
from .dialogs.order_dialog import OrderDialog
from .dialogs.receive_dialog import ReceiveDialog
from .dialogs.request_dialog import RequestDialog
from .dialogs.reverse_dialog import ReverseDialog
from .dialogs.ship_dialog import ShipDialog
from .dialogs.transfer_dialog import TransferDialog
from .dialogs.transfer_receive_dialog import TransferReceiveDialog
from .pages.catalogue_page import CataloguePage
from .pages.counts_page import CountsPage
from .pages.dashboard_page import DashboardPage
from .pages.depots_page import DepotsPage
from .pages.drills_page import DrillsPage
from .pages.ledger_page import LedgerPage
from .pages.orders_page import OrdersPage
from .pages.plan_page import PlanPage
from .pages.stock_page import StockPage
from .pages.users_page import UsersPage
from .widgets.nav_pane import (
    PAGE_CATALOGUE,
    PAGE_COUNTS,
    PAGE_DASHBOARD,
    PAGE_DEPOTS,
    PAGE_DRILLS,
    PAGE_LEDGER,
    PAGE_ORDERS,
    PAGE_PLAN,
    PAGE_STOCK,
    PAGE_USERS,
)

# A page is built as ``cls(ctx, parent)``; a posting dialog as ``cls(ctx, parent, **preset)``.
PageClass = Callable[[AppContext, QWidget | None], QWidget]
DialogClass = Callable[..., QDialog]

PAGES: dict[str, PageClass] = {
    PAGE_DASHBOARD: DashboardPage,
    PAGE_ORDERS: OrdersPage,
    PAGE_DRILLS: DrillsPage,
    PAGE_PLAN: PlanPage,
    PAGE_COUNTS: CountsPage,
    PAGE_DEPOTS: DepotsPage,
    PAGE_CATALOGUE: CataloguePage,
    PAGE_STOCK: StockPage,
    PAGE_LEDGER: LedgerPage,
    PAGE_USERS: UsersPage,
}


@dataclass(frozen=True)
class PostingSpec:
    """A posting in the Business menu and toolbar, shown only to users with ``action``."""

    key: str
    dialog: DialogClass
    action: Action


# In menu and toolbar order.
POSTINGS: tuple[PostingSpec, ...] = (
    PostingSpec("receive", ReceiveDialog, Action.RECEIVE),
    PostingSpec("issue", IssueDialog, Action.ISSUE),
    PostingSpec("transfer", TransferDialog, Action.TRANSFER),
    # Receiving a transfer is the TRANSFER right at the destination (services.posting).
    PostingSpec("transfer_receive", TransferReceiveDialog, Action.TRANSFER),
    PostingSpec("adjust", AdjustDialog, Action.ADJUST),
    PostingSpec("reverse", ReverseDialog, Action.REVERSE),
    # The allocation flow: a request, the order answering it, the 出库单 against the order.
    PostingSpec("request", RequestDialog, Action.ORDER),
    PostingSpec("order", OrderDialog, Action.ORDER),
    PostingSpec("ship", ShipDialog, Action.SHIP),
)
POSTING_BY_KEY = {spec.key: spec for spec in POSTINGS}

"""Every page and posting dialog of the registry imports and builds (what a frozen build ships)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from inventory_app.ui.registry import PAGES, POSTING_BY_KEY, POSTINGS, PostingSpec
from inventory_app.ui.widgets.nav_pane import (
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
from tests.factories import World
from tests.gui.dialog_support import MakeCtx, settle, settle_page

pytestmark = pytest.mark.usefixtures("popups_quiet")


def test_every_navigation_page_is_registered() -> None:
    assert set(PAGES) == {
        PAGE_DASHBOARD,
        PAGE_ORDERS,
        PAGE_DRILLS,
        PAGE_PLAN,
        PAGE_COUNTS,
        PAGE_DEPOTS,
        PAGE_CATALOGUE,
        PAGE_STOCK,
        PAGE_LEDGER,
        PAGE_USERS,
    }
    assert len(POSTING_BY_KEY) == len(POSTINGS)  # no key used twice


@pytest.mark.parametrize("key", list(PAGES))
def test_page_builds_and_loads(qtbot: QtBot, world: World, make_ctx: MakeCtx, key: str) -> None:
    ctx = make_ctx(world.admin)
    page = PAGES[key](ctx, None)
    qtbot.addWidget(page)
    page.show()
    refresh = getattr(page, "refresh", None)
    if callable(refresh):
        refresh()
    settle_page(ctx, qtbot)
    assert page.isVisible()


@pytest.mark.parametrize("spec", POSTINGS, ids=[s.key for s in POSTINGS])
def test_posting_dialog_builds(
    qtbot: QtBot, world: World, make_ctx: MakeCtx, spec: PostingSpec
) -> None:
    ctx = make_ctx(world.admin)
    assert ctx.can(spec.action)
    dialog = spec.dialog(ctx, None)
    assert isinstance(dialog, QDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    dialog.reject()
    settle(ctx)

"""The receive dialog refuses quantities and prices that are not plain decimals (issue 8)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from inventory_app.domain.errors import InvalidInput
from inventory_app.services import masterdata
from inventory_app.ui.dialogs.depot_dialog import parse_coordinate
from inventory_app.ui.dialogs.receive_dialog import ReceiveDialog
from inventory_app.ui.widgets.lines_model import Col
from tests.factories import World
from tests.gui.dialog_support import MakeCtx, settle
from tests.gui.test_posting_dialogs import put
from tests.integration.helpers import dump
from tests.unit.test_quantities import MALFORMED

pytestmark = pytest.mark.usefixtures("popups_quiet")


@pytest.mark.parametrize("col", [Col.QUANTITY, Col.PRICE])
def test_receive_dialog_refuses_every_malformed_spelling(
    qtbot: QtBot, world: World, make_ctx: MakeCtx, col: Col
) -> None:
    ctx = make_ctx(world.keeper_a)
    dialog = ReceiveDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    settle(ctx)
    model = dialog.model
    before = dump(world.uow)
    put(model, 0, Col.ITEM, "050101")
    put(model, 0, Col.QUANTITY, "10")
    put(model, 0, Col.BATCH, "B1")
    put(model, 0, Col.LOCATION, "A-01")
    for spelling in MALFORMED:
        put(model, 0, col, spelling)
        dialog.submit()
        settle(ctx)
        problem = model.problem(0, col)
        assert problem is not None and problem.is_error, spelling
        assert not dialog.posted, spelling
    assert dump(world.uow) == before
    put(model, 0, col, "1,000")  # thousands separators as keepers type them stay accepted
    assert model.problem(0, col) is None


def test_coordinates_are_plain_decimals_in_the_dialog_and_the_service() -> None:
    for spelling in [*MALFORMED, "37,5", "3.7e1"]:
        with pytest.raises(InvalidInput):
            parse_coordinate(spelling, "lat", 90)
        with pytest.raises(InvalidInput):
            masterdata._coordinate(spelling, "lat", 90)
    assert parse_coordinate(" 37.5 ", "lat", 90) == "37.5"
    assert masterdata._coordinate("-105.18", "lon", 180) == "-105.18"

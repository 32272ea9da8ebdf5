"""A request id is answered only to the user who posted it (issue 8: replay authorization)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from inventory_app.cli import EXIT_ERROR, EXIT_OK
from inventory_app.domain.errors import RequestIdOtherUser
from inventory_app.domain.model import PostingResult, ReceiptLine
from inventory_app.domain.permissions import Actor
from inventory_app.messages import error_message
from inventory_app.services import receipts
from tests.factories import World
from tests.integration.helpers import refused
from tests.integration.test_cli import cli_db, fingerprint, run

__all__ = ["cli_db"]  # the fixture, imported for pytest
pytestmark = pytest.mark.usefixtures("fast_passwords")


def _receive(world: World, actor: Actor) -> PostingResult:
    return receipts.receive(
        world.uow,
        actor,
        depot="A",
        request_id="rk-once",
        lines=[ReceiptLine("050101", Decimal(5), batch_no="B1", location_code="A-01")],
    )


def test_a_replay_by_another_user_is_refused_and_the_author_still_gets_the_original(
    world: World,
) -> None:
    first = _receive(world, world.keeper_a)
    for other in (world.keeper_b, world.approver, world.admin):
        error = refused(world.uow, RequestIdOtherUser, _receive, world, other)
        assert "rk-once" in error_message(error) and first.doc_no not in error_message(error)
    again = _receive(world, world.keeper_a)
    assert again.replayed and again.document_id == first.document_id


def test_cli_replay_by_another_user_exits_with_an_error(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("receive", "--depot", "A", "--item", "050101", "--qty", "3", "--batch", "B1")
    args += ("--location", "A-01", "--request-id", "cli-once")
    assert run(cli_db, *args, user="ka") == EXIT_OK
    capsys.readouterr()
    before = fingerprint(cli_db)
    assert run(cli_db, *args, user="admin") == EXIT_ERROR
    assert "已由其他用户使用" in capsys.readouterr().err
    assert fingerprint(cli_db) == before
    assert run(cli_db, *args, user="ka") == EXIT_OK

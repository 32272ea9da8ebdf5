"""Sign-in: growing delay, temporary lock an admin lifts, every try logged, weak passwords."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from inventory_app.cli import EXIT_ERROR, EXIT_OK, main
from inventory_app.domain.errors import (
    AuthenticationFailed,
    InvalidInput,
    PermissionDenied,
    SignInDelayed,
    SignInLocked,
)
from inventory_app.messages import error_message
from inventory_app.persistence import tables as t
from inventory_app.services import auth, sign_in, users
from inventory_app.services.common import utcnow
from tests.factories import PASSWORD, World


class Clock:
    """A settable clock for the services, so waiting out a delay takes no real time."""

    def __init__(self) -> None:
        self.now = utcnow()  # starts now: other code (the users page) reads the real clock

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(auth, "utcnow", fake)
    monkeypatch.setattr(sign_in, "utcnow", fake)
    return fake


def _log(world: World) -> list[tuple[str, int | None, dict]]:
    rows = world.uow.read(
        lambda conn: conn.execute(
            select(t.audit_log.c.action, t.audit_log.c.entity_id, t.audit_log.c.details)
            .where(t.audit_log.c.entity == "sign_in")
            .order_by(t.audit_log.c.id)
        ).all()
    )
    return [(r.action, r.entity_id, json.loads(r.details)) for r in rows]


def _wrong(world: World, name: str = "ka") -> type[Exception]:
    with pytest.raises((AuthenticationFailed, SignInDelayed, SignInLocked)) as excinfo:
        auth.authenticate(world.uow, name, "not-the-password")
    return type(excinfo.value)


def test_every_sign_in_is_logged_success_and_failure(world: World, clock: Clock) -> None:
    before = len(_log(world))
    assert _wrong(world, "ka") is AuthenticationFailed
    assert _wrong(world, "nobody") is AuthenticationFailed
    actor = auth.authenticate(world.uow, "ka", PASSWORD)
    new = _log(world)[before:]
    assert new == [
        ("sign_in_failed", world.keeper_a.user_id, {"username": "ka"}),
        ("sign_in_failed", None, {"username": "nobody"}),
        ("sign_in", actor.user_id, {"username": "ka"}),
    ]


def test_wrong_passwords_grow_a_delay_then_lock_until_an_admin_lifts_it(
    db_world: World, clock: Clock
) -> None:
    world = db_world  # SQLite and PostgreSQL
    for _ in range(sign_in.FREE_FAILURES):
        assert _wrong(world) is AuthenticationFailed  # typos: answered at once
    assert _wrong(world) is AuthenticationFailed  # the 4th wrong password starts the delay
    with pytest.raises(SignInDelayed) as delayed:
        auth.authenticate(world.uow, "ka", PASSWORD)  # even the right one must wait
    assert delayed.value.params == {"seconds": 2}
    assert "2 秒后再试" in error_message(delayed.value)
    waits = []
    for failures in range(sign_in.FREE_FAILURES + 1, sign_in.LOCK_AFTER["user"]):
        clock.advance(sign_in.delay_after(failures))
        assert _wrong(world) is AuthenticationFailed
        with pytest.raises((SignInDelayed, SignInLocked)) as excinfo:
            auth.authenticate(world.uow, "ka", PASSWORD)
        waits.append(excinfo.value.params)
    assert waits[:3] == [{"seconds": 4}, {"seconds": 8}, {"seconds": 16}]
    assert waits[-1] == {"minutes": sign_in.LOCK_MINUTES}  # the 10th wrong one locks
    clock.advance(sign_in.MAX_DELAY_S)
    with pytest.raises(SignInLocked):
        auth.authenticate(world.uow, "ka", PASSWORD)
    other = auth.authenticate(world.uow, "kb", PASSWORD)  # other users on this PC still can
    assert other.username == "kb"

    locks = sign_in.throttled(world.uow, world.admin)
    assert [(x.kind, x.name, x.failures) for x in locks if x.locked_until] == [("user", "ka", 10)]
    with pytest.raises(PermissionDenied):
        sign_in.lift(world.uow, world.keeper_b, "user", "ka")
    sign_in.lift(world.uow, world.admin, "user", "ka")
    assert auth.authenticate(world.uow, "ka", PASSWORD).username == "ka"
    actions = [a for a, _u, _d in _log(world)]
    assert actions.count("sign_in_refused") == 1 + len(waits) + 1
    assert world.uow.read(
        lambda conn: conn.execute(
            select(t.audit_log.c.action).where(t.audit_log.c.action == "lift_sign_in_lock")
        ).scalar()
    )


def test_a_lock_ends_by_itself(world: World, clock: Clock) -> None:
    for failures in range(1, sign_in.LOCK_AFTER["user"] + 1):
        assert _wrong(world) is AuthenticationFailed
        clock.advance(sign_in.delay_after(failures))
    with pytest.raises(SignInLocked):
        auth.authenticate(world.uow, "ka", PASSWORD)
    clock.advance(sign_in.LOCK_MINUTES * 60)
    assert auth.authenticate(world.uow, "ka", PASSWORD).username == "ka"
    assert sign_in.throttled(world.uow, world.admin) == []  # success clears the count


def test_guessing_many_user_names_from_one_pc_locks_the_pc(world: World, clock: Clock) -> None:
    for n in range(sign_in.LOCK_AFTER["host"]):
        assert _wrong(world, f"guess{n}") is AuthenticationFailed  # one try per name
        clock.advance(sign_in.MAX_DELAY_S)
    with pytest.raises(SignInLocked):
        auth.authenticate(world.uow, "kb", PASSWORD)
    (pc,) = [x for x in sign_in.throttled(world.uow, world.admin) if x.kind == "host"]
    assert pc.locked_until is not None
    sign_in.lift(world.uow, world.admin, "host", pc.name)
    assert auth.authenticate(world.uow, "kb", PASSWORD).username == "kb"


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("123456", "too_short"),
        ("abc1234", "too_short"),
        ("12345678", "too_common"),
        ("password", "too_common"),
        ("Password1", "too_common"),
        ("aaaaaaaa", "too_common"),
        ("23456789", "too_common"),
        ("          ", "blank"),
        ("", "blank"),
        ("newkeeper", "same_as_username"),
        ("NewKeeper", "same_as_username"),
    ],
)
def test_weak_passwords_are_refused_everywhere_a_password_is_set(
    world: World, password: str, reason: str
) -> None:
    with pytest.raises(InvalidInput) as created:
        auth.create_user(
            world.uow, world.admin, username="newkeeper", password=password, role="keeper"
        )
    assert created.value.params["reason"] == reason
    assert error_message(created.value)  # a sentence, in both languages
    assert error_message(created.value, "en")
    if reason != "same_as_username":
        with pytest.raises(InvalidInput):
            users.reset_password(world.uow, world.admin, "kb", password)
        with pytest.raises(InvalidInput):
            auth.change_password(world.uow, world.keeper_a, PASSWORD, password)
    assert auth.authenticate(world.uow, "kb", PASSWORD)  # nothing was changed


def test_the_demo_and_test_passwords_are_strong_enough(world: World) -> None:
    auth.check_new_password("demo1234", "zw_admin")
    auth.check_new_password(PASSWORD, "ka")


def _cli_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INVENTORY_")}
    env["INVENTORY_DATA_DIR"] = str(tmp_path / "data")
    return env


def test_cli_without_terminal_or_password_asks_in_one_line(world: World, tmp_path: Path) -> None:
    db = str(world.uow.engine.url.database)
    done = subprocess.run(
        [sys.executable, "-m", "inventory_app", "--db", db, "--user", "ka", "stock"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=_cli_env(tmp_path),
        timeout=120,
    )
    assert done.returncode == EXIT_ERROR
    assert done.stderr.strip().splitlines() == [
        "没有可输入密码的终端：请设置环境变量 INVENTORY_PASSWORD 后再运行。"
    ]


def test_cli_lists_and_lifts_a_lock(
    world: World, clock: Clock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for failures in range(1, sign_in.LOCK_AFTER["user"] + 1):
        _wrong(world, "kb")
        clock.advance(sign_in.delay_after(failures))
    db = str(world.uow.engine.url.database)
    monkeypatch.setenv("INVENTORY_PASSWORD", PASSWORD)
    assert main(["--db", db, "--user", "admin", "sign-in-locks", "--json"]) == EXIT_OK
    listed = json.loads(capsys.readouterr().out)
    assert [(x["kind"], x["name"], x["failures"]) for x in listed] == [("user", "kb", 10)]
    args = ["--db", db, "--user", "admin", "unlock-sign-in", "--for-user", "kb"]
    assert main(args) == EXIT_OK
    assert "已解除 kb 的登录锁定" in capsys.readouterr().out
    assert main(["--db", db, "--user", "kb", "stock"]) == EXIT_OK

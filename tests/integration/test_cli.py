"""The command line end to end: real database files, exit codes, messages, nothing half-written."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from inventory_app.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE, main
from inventory_app.persistence import chain
from inventory_app.persistence.engine import sqlite_url
from inventory_app.services.database import open_database
from tests.factories import PASSWORD, build_world


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.sqlite3"
    uow = open_database(sqlite_url(path), create=True)
    build_world(uow)
    uow.engine.dispose()
    monkeypatch.setenv("INVENTORY_PASSWORD", PASSWORD)
    return path


def run(db: Path, *args: str, user: str = "ka", lang: str = "zh") -> int:
    return main(["--db", str(db), "--user", user, "--lang", lang, *args])


def fingerprint(db: Path) -> str:
    """A digest of every row of every table (not the file bytes, which WAL rewrites).

    Sign-in bookkeeping is left out: every command signs in and logs it, and a wrong
    password is counted (tests/integration/test_sign_in.py checks both)."""
    conn = sqlite3.connect(str(db))
    try:
        text = "\n".join(
            line
            for line in conn.iterdump()
            if not (line.startswith('INSERT INTO "audit_log"') and "'sign_in" in line)
            and not line.startswith('INSERT INTO "sign_in_throttle"')
        )
    finally:
        conn.close()
    return hashlib.sha256(text.encode()).hexdigest()


def test_receive_issue_and_stock_json(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(
            cli_db,
            "receive",
            "--depot",
            "A",
            "--item",
            "050101",
            "--qty",
            "10",
            "--batch",
            "B1",
            "--location",
            "A-01",
            "--request-id",
            "r1",
        )
        == EXIT_OK
    )
    assert (
        run(
            cli_db,
            "issue",
            "--depot",
            "A",
            "--item",
            "050101",
            "--qty",
            "3",
            "--receiver",
            "海原县",
            "--request-id",
            "i1",
            user="admin",  # keepers ship against orders; the free-standing 出库 is the admin's
        )
        == EXIT_OK
    )
    capsys.readouterr()
    assert run(cli_db, "stock", "--by", "item", "--json") == EXIT_OK
    rows = json.loads(capsys.readouterr().out)
    assert [(r["item_code"], r["on_hand"]) for r in rows] == [("050101", "7")]


def test_replayed_request_id_posts_once(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("receive", "--depot", "A", "--item", "050101", "--qty", "5", "--request-id", "same")
    assert run(cli_db, *args) == EXIT_OK
    assert run(cli_db, *args) == EXIT_OK
    out = capsys.readouterr().out
    assert "重复请求" in out
    assert run(cli_db, "ledger", "--json") == EXIT_OK
    assert len(json.loads(capsys.readouterr().out)) == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("issue", "--depot", "A", "--item", "NOPE", "--qty", "1"), "找不到物资"),
        (("receive", "--depot", "A", "--item", "050101", "--qty", "-3"), "不能为负数"),
        (("receive", "--depot", "A", "--item", "050101", "--qty", "abc"), "不是有效数字"),
        (("receive", "--depot", "A", "--item", "050101", "--qty", "1.5"), "小数位数"),
        (("receive", "--depot", "A", "--item", "140201", "--qty", "1.2345"), "小数位数"),
        (("issue", "--depot", "A", "--item", "050101", "--qty", "1"), "库存不足"),
        (("receive", "--depot", "B", "--item", "050101", "--qty", "1"), "未被授权"),
        (("receive", "--depot", "ZZ", "--item", "050101", "--qty", "1"), "找不到仓库"),
        (("adjust", "--depot", "A", "--lot", "1", "--qty", "1", "--reason", " "), "原因"),
        (
            (
                "receive",
                "--depot",
                "A",
                "--item",
                "050101",
                "--qty",
                "1",
                "--doc-date",
                "2999-01-01",
            ),
            "单据日期",
        ),
    ],
)
def test_bad_input_is_refused_cleanly(
    cli_db: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: str
) -> None:
    before = fingerprint(cli_db)
    assert run(cli_db, *args, user="admin" if args[0] == "issue" else "ka") == EXIT_ERROR
    err = capsys.readouterr().err.strip()
    assert expected in err
    assert len(err.splitlines()) == 1  # one line, no traceback
    assert fingerprint(cli_db) == before


def test_messages_in_english(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(
            cli_db,
            "issue",
            "--depot",
            "A",
            "--item",
            "050101",
            "--qty",
            "1",
            lang="en",
            user="admin",
        )
        == EXIT_ERROR
    )
    assert "Insufficient stock" in capsys.readouterr().err


def test_wrong_password(
    cli_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INVENTORY_PASSWORD", "wrong")
    before = fingerprint(cli_db)
    assert run(cli_db, "stock") == EXIT_ERROR
    assert "用户名或密码错误" in capsys.readouterr().err
    assert fingerprint(cli_db) == before


def test_missing_database_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    assert run(missing, "stock") == EXIT_ERROR
    assert "数据库不存在" in capsys.readouterr().err
    assert not missing.exists()


def test_usage_error_is_one_translated_line(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(cli_db, "frobnicate") == EXIT_USAGE
    assert capsys.readouterr().err.startswith("命令行参数错误")


def test_transfer_reverse_verify_backup_restore(
    cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(cli_db, "receive", "--depot", "A", "--item", "140201", "--qty", "12.5") == 0
    assert (
        run(
            cli_db,
            "transfer",
            "--from",
            "A",
            "--to",
            "B",
            "--item",
            "140201",
            "--qty",
            "2.25",
            "--json",
        )
        == 0
    )
    doc_no = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["doc_no"]
    assert run(cli_db, "transfer-receive", doc_no, "--location", "B-01", user="kb") == 0
    assert (
        run(
            cli_db,
            "issue",
            "--depot",
            "A",
            "--item",
            "140201",
            "--qty",
            "1",
            "--json",
            user="admin",
        )
        == 0
    )
    movement = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["movement_ids"][0]
    assert run(cli_db, "reverse", str(movement), "--reason", "录入错误") == 0
    assert run(cli_db, "verify", user="admin") == EXIT_OK
    backup = tmp_path / "copy.sqlite3"
    assert run(cli_db, "backup", str(backup), user="admin") == EXIT_OK
    assert run(cli_db, "issue", "--depot", "A", "--item", "140201", "--qty", "1", user="admin") == 0
    assert run(cli_db, "restore", str(backup), user="admin") == EXIT_OK
    capsys.readouterr()
    assert run(cli_db, "stock", "--depot", "A", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["on_hand"] == "10.250"  # the issue after the backup is gone


def test_restore_refuses_a_broken_file(
    cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    before = fingerprint(cli_db)
    assert run(cli_db, "restore", str(junk), user="admin") == EXIT_ERROR
    assert "未做任何更改" in capsys.readouterr().err
    assert fingerprint(cli_db) == before


def test_scrap_needs_someone_else_to_approve(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(cli_db, "receive", "--depot", "A", "--item", "050104", "--qty", "8") == 0
    assert (
        run(
            cli_db,
            "scrap",
            "--depot",
            "A",
            "--item",
            "050104",
            "--lot",
            "1",
            "--qty",
            "3",
            "--reason",
            "霉变",
            "--json",
            user="admin",
        )
        == 0
    )
    doc_no = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["doc_no"]
    assert run(cli_db, "approve", doc_no, user="admin") == EXIT_ERROR
    assert "不能审批自己" in capsys.readouterr().err
    assert run(cli_db, "approve", doc_no, user="appr") == EXIT_OK
    assert run(cli_db, "verify", user="admin") == EXIT_OK


@pytest.mark.slow
def test_real_process_exit_codes(cli_db: Path) -> None:
    env = {**os.environ, "INVENTORY_PASSWORD": PASSWORD}
    ok = subprocess.run(
        [sys.executable, "-m", "inventory_app", "--db", str(cli_db), "--user", "admin", "verify"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert ok.returncode == EXIT_OK, ok.stderr
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "inventory_app",
            "--db",
            str(cli_db),
            "--user",
            "ka",
            "issue",
            "--depot",
            "A",
            "--item",
            "050101",
            "--qty",
            "x",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == EXIT_ERROR
    assert "Traceback" not in bad.stderr


def test_backup_into_a_folder_named_with_a_trailing_separator(
    cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`backup 备份/` means "into this folder", even before the folder exists."""
    folder = tmp_path / "备份"
    assert run(cli_db, "backup", f"{folder}{os.sep}", user="admin") == EXIT_OK
    written, manifest = sorted(folder.iterdir())  # the backup and its checksum file
    assert written.name.startswith("inventory-") and written.suffix == ".sqlite3"
    assert manifest.name == written.name + ".json"
    assert not (tmp_path / "备份.partial").exists()


def test_lots_by_batch_and_documents_by_request_id(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for rid in ("r-1", "r-2"):  # two lots of the same batch
        assert (
            run(
                cli_db,
                "receive",
                "--depot",
                "A",
                "--item",
                "050101",
                "--qty",
                "5",
                "--batch",
                "B-7",
                "--request-id",
                rid,
            )
            == EXIT_OK
        )
    capsys.readouterr()
    assert (
        run(cli_db, "adjust", "--depot", "A", "--batch", "B-7", "--qty", "-1", "--reason", "盘亏")
        == EXIT_ERROR
    )
    assert "对应多个批次" in capsys.readouterr().err
    assert (
        run(cli_db, "adjust", "--depot", "A", "--batch", "NONE", "--qty", "-1", "--reason", "盘亏")
        == EXIT_ERROR
    )
    assert run(cli_db, "reverse", "--of-request", "r-2", "--reason", "录错") == EXIT_OK
    assert (
        run(cli_db, "adjust", "--depot", "A", "--batch", "B-7", "--qty", "-1", "--reason", "盘亏")
        == EXIT_OK
    )
    assert run(cli_db, "reverse", "--of-request", "nope", "--reason", "x") == EXIT_ERROR


def test_text_tables_speak_the_users_language(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(cli_db, "receive", "--depot", "A", "--item", "050101", "--qty", "3") == EXIT_OK
    capsys.readouterr()
    assert run(cli_db, "ledger") == EXIT_OK
    zh = capsys.readouterr().out
    assert zh.splitlines()[0].startswith("流水号") and "入库" in zh and "RECEIVE" not in zh
    assert run(cli_db, "ledger", lang="en") == EXIT_OK
    en = capsys.readouterr().out
    assert en.splitlines()[0].startswith("movement_id") and "RECEIVE" in en
    assert run(cli_db, "receive", "--depot", "A", "--item", "050101", "--qty", "1") == EXIT_OK
    assert "[已入库]" in capsys.readouterr().out


def test_verify_keeps_an_anchor_and_proves_the_history_against_it(
    cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """verify prints the chain heads; --heads-out keeps them; --against (the file or a
    backup) proves the history up to them unchanged, and catches a recomputed chain."""
    assert run(cli_db, "receive", "--depot", "A", "--item", "050101", "--qty", "3") == EXIT_OK
    anchor = tmp_path / "anchor.json"
    capsys.readouterr()
    assert run(cli_db, "verify", "--heads-out", str(anchor), user="admin") == EXIT_OK
    out = capsys.readouterr().out
    assert "账链校验码" in out and "  A  #" in out
    backup = tmp_path / "backup.sqlite3"
    assert run(cli_db, "backup", str(backup), user="admin") == EXIT_OK
    assert run(cli_db, "receive", "--depot", "A", "--item", "050101", "--qty", "2") == EXIT_OK
    manifest = backup.with_name(backup.name + ".json")
    assert json.loads(manifest.read_text(encoding="utf-8"))["chain_heads"]
    for earlier in (anchor, backup, manifest):
        capsys.readouterr()
        assert run(cli_db, "verify", "--against", str(earlier), user="admin") == EXIT_OK
        assert "此前的记录未被改动" in capsys.readouterr().out
    # Someone with the file edits a quantity, fixes the balances and recomputes the chain.
    conn = sqlite3.connect(str(cli_db))
    with conn:
        conn.execute("UPDATE movements SET delta = delta + 1000 WHERE id = 1")
        conn.execute("UPDATE lot_balances SET on_hand = on_hand + 1000 WHERE lot_id = 1")
        conn.execute(
            "UPDATE stock_balances SET on_hand = on_hand + 1000"
            " WHERE item_id = (SELECT item_id FROM lots WHERE id = 1)"
            " AND depot_id = (SELECT depot_id FROM lots WHERE id = 1)"
        )
    conn.close()
    uow = open_database(sqlite_url(cli_db))
    uow.write(chain.rebuild)
    uow.engine.dispose()
    assert run(cli_db, "verify", user="admin") == EXIT_OK  # the file agrees with itself …
    capsys.readouterr()
    assert run(cli_db, "verify", "--against", str(anchor), user="admin") != EXIT_OK  # … not
    assert "differs from the anchor" in capsys.readouterr().out
    not_anchor = tmp_path / "x.txt"
    not_anchor.write_text("hello", encoding="utf-8")
    assert run(cli_db, "verify", "--against", str(not_anchor), user="admin") != EXIT_OK
    assert "不是校验锚点文件或备份" in capsys.readouterr().err

"""The README's command-line walkthrough runs, line by line as written, on a fresh demo
database: what a new user pastes must work."""

from __future__ import annotations

import re
import shlex
from datetime import date
from pathlib import Path

import pytest

from inventory_app.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"


def _commands() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"<!-- readme-test:begin -->\s*```sh\n(.*?)```", text, re.S)
    assert len(blocks) >= 2, "README lost its tested examples"
    joined = "".join(blocks).replace("\\\n", " ")
    # The document numbers carry the year they were written in; the demo's are this year's.
    joined = re.sub(r"-2026-", f"-{date.today().year}-", joined)
    lines = [line.strip() for line in joined.splitlines() if line.strip()]
    return [shlex.split(line) for line in lines]


@pytest.mark.slow
def test_the_readme_walkthrough_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # the PDFs and workbooks land where the user stands
    commands = _commands()
    assert len(commands) >= 25
    for words in commands:
        if words[0] == "export":
            name, _, value = words[1].partition("=")
            monkeypatch.setenv(name, value)
            continue
        assert words[0] == "inventory-app", words
        code = main(words[1:])
        assert code == 0, (words, capsys.readouterr().err)
    for name in (
        "出库单.pdf",
        "调拨指令.pdf",
        "库存.pdf",
        "台账.xlsx",
        "入库单.pdf",
        "收发存汇总.xlsx",
        "2023年度购置计划.pdf",
        "2022年度执行情况.xlsx",
        "保障能力.pdf",
        "2025年度储存情况报告.pdf",
    ):
        assert (tmp_path / name).stat().st_size > 1000, name
    out = capsys.readouterr().out
    assert "部分出库" in out and "校验通过" in out  # Chinese headers and states
    # backup 备份/ wrote into the folder: the copy and its checksum file
    backup, manifest = sorted((tmp_path / "备份").iterdir())
    assert backup.suffix == ".sqlite3" and manifest.name == backup.name + ".json"

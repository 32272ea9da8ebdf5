"""Render one sample of each PDF report into docs/samples/ (PDF and a 60 dpi PNG per page).

Run: .venv/bin/python tools/render_samples.py   (needs pdftoppm from poppler-utils)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inventory_app.domain.money_words import capital_yuan
from inventory_app.reports import list_report, printable
from inventory_app.reports.list_report import ListReport
from inventory_app.reports.pdf_base import Column, format_fen
from inventory_app.reports.printable import PrintableDocument

OUT = Path(__file__).resolve().parent.parent / "docs" / "samples"
DEPOT = "中卫市应急物资储备库（柔远镇物流园区）"
COPIES = ["第一联 接收单位", "第二联 仓库留存", "第三联 记账"]
MAX_COMMITTED_PDF = 300_000

# (code, name, spec, unit, batch, location, qty, unit price in fen)
GOODS = [
    ("0501001", "棉帐篷", "12㎡ 单层加棉", "顶", "ZW2026-0501-09", "A-01", 120, 165_000),
    ("0501001", "棉帐篷", "12㎡ 单层加棉", "顶", "ZW2025-1103-02", "A-02", 30, 162_000),
    ("0502003", "棉大衣", "军绿 XL", "件", "ZW2026-0312-01", "B-03", 480, 15_000),
    ("0503002", "棉被", "2.0×2.3 m 3 kg", "床", "ZW2025-0920-05", "B-05", 150, 13_500),
    ("0504001", "折叠床", "1.9×0.7 m 钢架", "张", "ZW2026-0215-03", "C-01", 150, 22_000),
    ("0505001", "棉褥", "1.9×0.9 m", "条", "ZW2025-0920-06", "B-06", 150, 9_800),
]


def dispatch_slip() -> PrintableDocument:
    columns = [
        Column("序号", 0.45, "center"),
        Column("物资编码", 0.95, "center"),
        Column("物资名称", 1.2, wrap=True),
        Column("规格型号", 1.35, wrap=True),
        Column("单位", 0.45, "center"),
        Column("批号", 1.55, "center"),
        Column("库位", 0.6, "center"),
        Column("数量", 0.65, "right"),
        Column("单价(元)", 0.9, "right"),
        Column("金额(元)", 1.15, "right"),
    ]
    lines = []
    total_fen = 0
    for i, (code, name, spec, unit, batch, loc, qty, price) in enumerate(GOODS, start=1):
        amount = qty * price
        total_fen += amount
        lines.append(
            [str(i), code, name, spec, unit, batch, loc, str(qty), _yuan(price), _yuan(amount)]
        )
    total_qty = sum(g[6] for g in GOODS)
    return PrintableDocument(
        title="出库单",
        doc_no="CK-ZW01-2026-000123",
        issuing_unit=DEPOT,
        doc_date="2026-05-01",
        fields=[
            ("调拨单号", "DB-ZW-2026-000045"),
            ("接收单位", "海原县应急管理局"),
            ("接收地点", "海原县海城镇应急物资仓库"),
            ("承运单位", "宁夏中卫顺达物流有限公司"),
            ("驾驶员", "王建国 139 0955 1234"),
            ("车牌号", "宁E·12345"),
            ("用途", "救灾（地震转移安置）"),
            ("出库方式", "先进先出、出陈存新"),
            ("接收人电话", "0955-4012345"),
        ],
        columns=columns,
        lines=lines,
        totals=["合计", "", "", "", "", "", "", f"{total_qty:,}", "", _yuan(total_fen)],
        money_total_fen=total_fen,
        notes="紧急调拨：2026-05-01 06:40 电话批准（李副局长），先发货，48 小时内补办手续。",
        signatures=["发货人(保管员)", "负责人", "承运人", "接收人"],
        copies=COPIES,
        footer="审计锚 sha256:3f9a0c…b21e · 打印于 2026-05-01 09:12 · 打印人 张保管 · PC ZW-KU01",
    )


def allocation_order() -> PrintableDocument:
    columns = [
        Column("序号", 0.45, "center"),
        Column("物资名称", 1.3, wrap=True),
        Column("规格型号", 1.4, wrap=True),
        Column("单位", 0.5, "center"),
        Column("调拨数量", 0.8, "right"),
        Column("调出库点", 2.4, wrap=True),
        Column("备注", 1.2, wrap=True),
    ]
    rows = [
        ["1", "棉帐篷", "12㎡ 单层加棉", "顶", "150", DEPOT, "4 人/顶"],
        ["2", "棉大衣", "军绿 XL", "件", "480", DEPOT, ""],
        ["3", "棉被", "2.0×2.3 m 3 kg", "床", "150", DEPOT, "每顶帐篷 1 床"],
        [
            "4",
            "折叠床",
            "1.9×0.7 m 钢架",
            "张",
            "150",
            "宁夏红科技园应急物资储备库",
            "每顶帐篷 1 张",
        ],
        ["5", "棉褥", "1.9×0.9 m", "条", "150", "宁夏红科技园应急物资储备库", ""],
    ]
    return PrintableDocument(
        title="应急物资调拨单",
        doc_no="DB-ZW-2026-000045",
        issuing_unit="中卫市应急管理局",
        doc_date="2026-05-01",
        fields=[
            ("接收单位", "海原县应急管理局"),
            ("接收地点", "海原县海城镇应急物资仓库"),
            ("用途", "救灾"),
            ("紧急调拨", "是（先调后补，48 小时）"),
            ("运费承担", "调出方（市本级财政）"),
            ("到达时限", "10 小时内"),
            ("调出方联系人", "张保管 139 0955 0001"),
            ("接收方联系人", "马主任 139 0955 0002"),
            ("审批人 / 时间", "李副局长 2026-05-01 06:40"),
        ],
        columns=columns,
        lines=rows,
        totals=["合计", "", "", "", "1,080", "", ""],
        notes="请各调出库点接单后 1 小时内组织出库，出库单随车；接收单位签收后回传签收回执。",
        signatures=["经办人", "审核人", "批准人"],
        footer="中卫市应急管理局 · 应急物资储备管理系统 · 调拨指令",
    )


def stock_list() -> ListReport:
    depots = [DEPOT, "宁夏红科技园应急物资储备库", "中宁县应急物资储备库", "海原县应急物资储备库"]
    columns = [
        Column("序号", 0.45, "right"),
        Column("库点", 2.3, wrap=True),
        Column("物资编码", 0.8, "center"),
        Column("物资名称", 1.0, wrap=True),
        Column("规格型号", 1.2, wrap=True),
        Column("单位", 0.45, "center"),
        Column("批号", 1.3, "center"),
        Column("库位", 0.55, "center"),
        Column("有效期至", 0.95, "center"),
        Column("结存数量", 0.8, "right"),
        Column("金额(元)", 1.1, "right"),
    ]
    rows = []
    total_qty = 0
    total_fen = 0
    for i in range(60):
        code, name, spec, unit, batch, loc, qty, price = GOODS[i % len(GOODS)]
        qty = qty + (i * 37) % 200
        total_qty += qty
        total_fen += qty * price
        expiry = f"{2029 + i % 4}-{(i % 12) + 1:02d}-30"
        rows.append(
            [
                str(i + 1),
                depots[i // 15],
                code,
                name,
                spec,
                unit,
                batch,
                loc,
                expiry,
                f"{qty:,}",
                _yuan(qty * price),
            ]
        )
    return ListReport(
        title="应急物资库存明细表",
        filters=[
            ("库点", "全部（4 个）"),
            ("物资类别", "05 临时食宿类"),
            ("储备方式", "实物储备"),
            ("截至", "2026-05-01"),
        ],
        printed_by="张保管",
        printed_at="2026-05-01 09:12",
        columns=columns,
        rows=rows,
        totals=["合计", "", "", "", "", "", "", "", "", f"{total_qty:,}", _yuan(total_fen)],
        footer=f"中卫市应急管理局 · 金额合计 {capital_yuan(total_fen)}",
    )


def _yuan(fen: int) -> str:
    return format_fen(fen).removeprefix("¥")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    outputs = {
        "dispatch_slip_a4": lambda p: printable.render(dispatch_slip(), p, form="a4"),
        "dispatch_slip_continuous": lambda p: printable.render(dispatch_slip(), p, "continuous"),
        "allocation_order": lambda p: printable.render(allocation_order(), p),
        "stock_list": lambda p: list_report.render(stock_list(), p),
    }
    pdftoppm = shutil.which("pdftoppm")
    for name, write in outputs.items():
        pdf = OUT / f"{name}.pdf"
        for old in OUT.glob(f"{name}-*.png"):
            old.unlink()
        write(pdf)
        size = pdf.stat().st_size
        note = "" if size < MAX_COMMITTED_PDF else "  (too large to commit)"
        print(f"{pdf.relative_to(OUT.parent.parent)}: {size / 1000:.0f} kB{note}")
        if pdftoppm:
            subprocess.run([pdftoppm, "-r", "60", "-png", str(pdf), str(OUT / name)], check=True)
    if not pdftoppm:
        print("pdftoppm not found (apt-get install poppler-utils): no PNGs written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""PDF benchmarks: the report renderers against raw reportlab canvas drawing, same run.

Run: .venv/bin/python bench/bench_pdf.py [--quick]
Prints a markdown table (median of several runs). Both sides use the same registered
font and the same reportlab settings; the raw side draws the same text at fixed
positions without measuring, wrapping or shrinking anything.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from inventory_app.domain.money_words import capital_yuan
from inventory_app.reports import list_report, pdf_base, printable
from inventory_app.reports.fonts import cjk_font
from inventory_app.reports.list_report import ListReport
from inventory_app.reports.pdf_base import A4_LANDSCAPE, A4_PORTRAIT, Column
from inventory_app.reports.printable import PrintableDocument

DEPOT = "中卫市应急物资储备库（柔远镇物流园区）"
SLIP_COLUMNS = [
    Column("序号", 0.5, "center"),
    Column("物资名称", 1.4, wrap=True),
    Column("规格", 1.2),
    Column("单位", 0.5, "center"),
    Column("批号", 1.6),
    Column("库位", 0.7, "center"),
    Column("数量", 0.7, "right"),
    Column("金额(元)", 1.1, "right"),
]
LIST_COLUMNS = [
    Column("序号", 0.5, "right"),
    Column("库点", 2.4, wrap=True),
    Column("物资编码", 0.9, "center"),
    Column("物资名称", 1.0, wrap=True),
    Column("规格", 1.0),
    Column("单位", 0.5, "center"),
    Column("批号", 1.4, "center"),
    Column("库位", 0.6, "center"),
    Column("数量", 0.8, "right"),
    Column("金额(元)", 1.1, "right"),
]


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def slip() -> PrintableDocument:
    lines = [
        [str(i), "棉帐篷", "12㎡", "顶", "ZW2026-0501-09", "A-01", "40", "66,000.00"]
        for i in range(1, 9)
    ]
    return PrintableDocument(
        title="出库单",
        doc_no="CK-ZW01-2026-000123",
        issuing_unit=DEPOT,
        doc_date="2026-05-01",
        fields=[
            ("调拨单号", "DB-ZW-2026-000045"),
            ("接收单位", "海原县应急管理局"),
            ("车牌号", "宁E·12345"),
            ("承运人", "王建国"),
            ("用途", "救灾"),
            ("接收地点", "海原县海城镇"),
        ],
        columns=SLIP_COLUMNS,
        lines=lines,
        totals=["合计", "", "", "", "", "", "320", "528,000.00"],
        money_total_fen=52_800_000,
        notes="先发货后补手续",
        signatures=["发货人(保管员)", "负责人", "承运人", "接收人"],
        copies=["第一联 接收单位"],
        footer="审计锚 sha256:3f9a01",
    )


def raw_slip(doc: PrintableDocument) -> bytes:
    """The same page by hand: fixed positions, nothing measured or wrapped."""
    font = cjk_font()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4_PORTRAIT, initialFontName=font)
    width, height = A4_PORTRAIT
    left, right, top = 14 * mm, width - 14 * mm, height - 12 * mm
    qr = QrCodeWidget(doc.doc_no, barLevel="M", barBorder=2)
    x0, y0, x1, y1 = qr.getBounds()
    size = 22 * mm
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(qr)
    renderPDF.draw(drawing, c, left, top - size)
    c.setFont(font, 11)
    c.drawCentredString(width / 2, top - 11, doc.issuing_unit)
    c.setFont(font, 18)
    c.drawCentredString(width / 2, top - 36, "出 库 单")
    c.rect(right - 30 * mm, top - 22 * mm, 30 * mm, 22 * mm)
    c.setFont(font, 9.5)
    c.drawString(right - 28 * mm, top - 30, doc.copies[0])
    c.drawString(left + 25 * mm, top - 22 * mm + 1, f"编号：{doc.doc_no}")
    c.drawString(left + 90 * mm, top - 22 * mm + 1, f"日期：{doc.doc_date}")
    c.drawRightString(right - 33 * mm, top - 22 * mm + 1, "第 1 页 共 1 页")
    y = top - 30 * mm
    for i, (label, value) in enumerate(doc.fields):
        x = left + (i % 3) * 62 * mm
        row_y = y - (i // 3) * 16
        c.rect(x, row_y - 4, 62 * mm, 16)
        c.drawString(x + 2, row_y, label)
        c.drawString(x + 20 * mm, row_y, value)
    y -= 2 * 16 + 8
    xs = [left]
    for w in pdf_base.column_widths(SLIP_COLUMNS, right - left):
        xs.append(xs[-1] + w)
    rows = [[col.label for col in SLIP_COLUMNS], *doc.lines, list(doc.totals or [])]
    ys = [y - i * 16 for i in range(len(rows) + 1)]
    c.grid(xs, ys)
    for row, row_y in zip(rows, ys, strict=False):
        for text, x in zip(row, xs, strict=False):
            c.drawString(x + 2, row_y - 12, text)
    y = ys[-1] - 16
    assert doc.money_total_fen is not None
    c.drawString(left + 2, y, f"合计金额（大写） 人民币 {capital_yuan(doc.money_total_fen)}")
    c.drawRightString(right, y, pdf_base.format_fen(doc.money_total_fen))
    c.drawString(left + 2, y - 16, f"备注 {doc.notes}")
    for i, role in enumerate(doc.signatures):
        x = left + i * 46 * mm
        c.drawString(x, y - 40, f"{role}：")
        c.line(x, y - 60, x + 42 * mm, y - 60)
        c.drawRightString(x + 42 * mm, y - 70, "年      月      日")
    c.setFont(font, 7)
    c.drawString(left, 10 * mm, doc.footer)
    c.showPage()
    c.save()
    return buffer.getvalue()


def list_rows(n: int) -> list[list[str]]:
    return [
        [
            str(i + 1),
            "海原县应急物资储备库" if i % 3 else "中卫市应急物资储备库",
            "0501001",
            "棉帐篷",
            "12㎡",
            "顶",
            f"ZW2026-{i % 9999:04d}-09",
            "A-01",
            f"{i % 997:,}",
            f"{(i % 997) * 1650:,}.00",
        ]
        for i in range(n)
    ]


def big_list(n: int) -> ListReport:
    return ListReport(
        title="应急物资库存明细表",
        filters=[("物资类别", "05 临时食宿类"), ("储备方式", "实物储备")],
        printed_by="张保管",
        printed_at="2026-05-01 09:12",
        columns=LIST_COLUMNS,
        rows=list_rows(n),
        totals=["合计", "", "", "", "", "", "", "", "—", "—"],
        footer="中卫市应急管理局",
    )


def raw_list(report: ListReport, rows_per_page: int) -> bytes:
    """The same rows by hand: fixed row height, drawString / drawRightString per cell."""
    font = cjk_font()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4_LANDSCAPE, initialFontName=font)
    width, height = A4_LANDSCAPE
    margin = 10 * mm
    xs = [margin]
    for w in pdf_base.column_widths(list(report.columns), width - 2 * margin):
        xs.append(xs[-1] + w)
    rows = list(report.rows)
    pages = max(1, -(-len(rows) // rows_per_page))
    row_h = 13.6
    for page in range(pages):
        c.setFont(font, 15)
        c.drawCentredString(width / 2, height - margin - 15, report.title)
        c.setFont(font, 8)
        c.drawString(
            margin, height - margin - 29, "筛选条件：物资类别：05 临时食宿类；储备方式：实物储备"
        )
        c.drawRightString(
            width - margin, height - margin - 29, "打印人：张保管 打印时间：2026-05-01 09:12"
        )
        c.drawRightString(width - margin, margin, f"第 {page + 1} 页 共 {pages} 页")
        c.drawString(margin, margin, report.footer)
        chunk = rows[page * rows_per_page : (page + 1) * rows_per_page]
        top = height - margin - 40
        ys = [top - i * row_h for i in range(len(chunk) + 2)]
        c.grid(xs, ys)
        for x, column in zip(xs, report.columns, strict=False):
            c.drawString(x + 2, top - 10, column.label)
        for row, y in zip(chunk, ys[1:], strict=False):
            for x, x1, text, column in zip(xs, xs[1:], row, report.columns, strict=False):
                if column.align == "right":
                    c.drawRightString(x1 - 2, y - 10, text)
                else:
                    c.drawString(x + 2, y - 10, text)
        c.showPage()
    c.save()
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer runs")
    args = parser.parse_args()
    cjk_font()
    slip_runs, list_runs = (5, 1) if args.quick else (30, 3)
    n_rows = 2_000 if args.quick else 20_000
    doc = slip()
    report = big_list(n_rows)
    printable.render(doc)  # warm-up: font tables, QR encoder, imports
    raw_slip(doc)

    app_slip = median_time(lambda: printable.render(doc), slip_runs)
    raw_slip_t = median_time(lambda: raw_slip(doc), slip_runs)
    pdf = list_report.render(report)
    from pypdf import PdfReader  # dev dependency: only to count the pages

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    per_page = -(-n_rows // pages)
    app_list = median_time(lambda: list_report.render(report), list_runs)
    raw_list_t = median_time(lambda: raw_list(report, per_page), list_runs)

    print("| measurement | app | raw reportlab canvas | ratio (app rate / raw rate) | target |")
    print("|---|---|---|---|---|")
    ratio = raw_slip_t / app_slip
    print(
        f"| one-page dispatch slip (8 lines, QR, signatures) | {1 / app_slip:.1f} /s "
        f"({app_slip * 1000:.0f} ms) | {1 / raw_slip_t:.1f} /s ({raw_slip_t * 1000:.0f} ms) "
        f"| {ratio:.0%} | ≥ 67 % — {'met' if ratio >= 2 / 3 else '**not met**'} |"
    )
    ratio = raw_list_t / app_list
    print(
        f"| list report, {n_rows:,} rows, {pages} pages | {app_list:.2f} s "
        f"({pages / app_list:.0f} pages/s) | {raw_list_t:.2f} s ({pages / raw_list_t:.0f} pages/s) "
        f"| {ratio:.0%} | ≥ 67 % — {'met' if ratio >= 2 / 3 else '**not met**'} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

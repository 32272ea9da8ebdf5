"""List reports: title, filters, who printed, page numbers, repeated header, totals."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm

from inventory_app.reports import list_report
from inventory_app.reports.list_report import ListReport, render
from inventory_app.reports.pdf_base import Column

from .pdf_support import fonts_of, page_texts, reader, squeeze, word_boxes

COLUMNS = [
    Column("序号", 0.5, "right"),
    Column("库点", 2.4, wrap=True),
    Column("物资名称", 2.0, wrap=True),
    Column("规格", 1.0),
    Column("批号", 1.4),
    Column("数量", 0.9, "right"),
]


def report(n: int, **changes: object) -> ListReport:
    values: dict[str, object] = {
        "title": "库存明细表",
        "filters": [("物资类别", "05 临时食宿类"), ("储备方式", "实物储备")],
        "printed_by": "张保管",
        "printed_at": "2026-05-01 09:12",
        "columns": COLUMNS,
        "rows": [
            [str(i + 1), "海原县应急物资储备库", "棉帐篷", "12㎡", f"ZW2026-{i:05d}", str(i)]
            for i in range(n)
        ],
        "totals": ["合计", "", "", "", "", f"{sum(range(n)):,}"],
        "footer": "中卫市应急管理局",
    }
    values.update(changes)
    return ListReport(**values)  # type: ignore[arg-type]


def test_title_filters_printer_and_totals() -> None:
    texts = [squeeze(t) for t in page_texts(render(report(60)))]
    first = texts[0]
    for expected in [
        "库存明细表",
        "物资类别：05临时食宿类",
        "储备方式：实物储备",
        "张保管",
        "2026-05-0109:12",
    ]:
        assert expected in first
    assert f"合计{sum(range(60)):,}" in texts[-1]
    assert all("合计" not in t for t in texts[:-1])
    assert "中卫市应急管理局" in first


def test_every_row_is_printed_once_in_order() -> None:
    text = squeeze("".join(page_texts(render(report(500)))))
    positions = [text.index(f"ZW2026-{i:05d}") for i in range(500)]
    assert positions == sorted(positions)


def test_pages_are_numbered_with_the_real_total_and_repeat_the_header() -> None:
    data = render(report(1000))
    texts = page_texts(data)
    total = len(reader(data).pages)
    assert total > 10
    for number, text in enumerate(texts, start=1):
        flat = squeeze(text)
        assert f"第{number}页共{total}页" in flat
        assert "序号库点物资名称规格批号数量" in flat
        assert "库存明细表" in flat


def test_a4_landscape_and_only_the_bundled_font() -> None:
    data = render(report(5))
    box = reader(data).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((297 * mm, 210 * mm), abs=0.5)
    for font in fonts_of(data):
        assert "WenQuanYi" in str(font["/BaseFont"])
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_long_text_wraps_or_shrinks_inside_its_column() -> None:
    name = "".join(f"超长物资名称第{i:03d}段" for i in range(20))
    rows = [["1", "中卫市应急物资储备库（柔远镇物流园区）", name, "12㎡" * 30, "ZW2026", "5"]]
    data = render(report(1, rows=rows, totals=None))
    assert name in squeeze(page_texts(data)[0])
    right = 297 * mm - list_report.MARGIN
    for word in word_boxes(data):
        assert word.x_max <= right + 0.5, word
    layout = list_report._Layout("WenQuanYiMicroHei", COLUMNS, 297 * mm - 2 * list_report.MARGIN)
    column_left, column_right = layout.xs[2], layout.xs[3]
    pieces = [w for w in word_boxes(data) if "超长物资名称" in w.text]
    assert len(pieces) > 3
    for piece in pieces:
        assert column_left <= piece.x_min and piece.x_max <= column_right, piece


def test_totals_move_to_a_new_page_rather_than_overflow() -> None:
    data = render(report(1))
    per_page = 0
    # Find how many rows fill exactly one page, then check the totals row moves on.
    for rows in range(30, 60):
        if len(reader(render(report(rows, totals=None))).pages) == 2:
            per_page = rows - 1
            break
    assert per_page
    texts = page_texts(render(report(per_page)))
    assert len(texts) == 2
    assert "合计" in squeeze(texts[1]) and "合计" not in squeeze(texts[0])
    assert data


def test_empty_report_has_one_page_with_header() -> None:
    texts = page_texts(render(report(0, filters=[])))
    assert len(texts) == 1
    assert "筛选条件：全部" in squeeze(texts[0])
    assert "第1页共1页" in squeeze(texts[0])


def test_a_row_with_the_wrong_number_of_cells_is_refused() -> None:
    with pytest.raises(ValueError, match="cells"):
        render(report(0, rows=[["1"]]))

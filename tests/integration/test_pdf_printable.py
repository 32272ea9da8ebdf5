"""Printable documents: text, fonts, QR payload, forms, pagination, copies, wrapping."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from inventory_app.domain.money_words import capital_yuan
from inventory_app.reports import pdf_base, printable
from inventory_app.reports.printable import render

from .pdf_support import DEPOT, fonts_of, page_texts, reader, slip, squeeze, word_boxes


def test_everything_printed_is_extractable() -> None:
    doc = slip(lines=5)
    text = squeeze(page_texts(render(doc))[0])
    for expected in [DEPOT, "出库单", doc.doc_no, "2026-05-01", "海原县应急管理局", "宁E·12345"]:
        assert squeeze(expected) in text
    for line in doc.lines:
        assert "".join(line[1:]) in text or all(cell in text for cell in line)
    assert "合计" in text and "60" in text  # 10 + 11 + 12 + 13 + 14
    assert capital_yuan(1234567) in text
    assert "¥12,345.67" in text
    assert "先发货后补手续" in text
    for role in doc.signatures:
        assert role in text
    assert "审计锚sha256:3f9a01" in text


def test_the_bundled_font_is_embedded_and_no_other() -> None:
    fonts = fonts_of(render(slip()))
    assert fonts
    for font in fonts:
        assert "WenQuanYi" in str(font["/BaseFont"])
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_qr_code_encodes_exactly_the_document_number(monkeypatch: pytest.MonkeyPatch) -> None:
    encoded: list[str] = []
    original = pdf_base.qr_code

    def spy(value: str, size: float) -> pdf_base.QrCode:
        encoded.append(value)
        code = original(value, size)
        assert code.value == value and len(code.modules) > 100
        assert all(x >= 0 and x + w <= size + 0.01 for x, _, w, _ in code.modules)
        return code

    monkeypatch.setattr(pdf_base, "qr_code", spy)
    data = render(slip(lines=200, copies=["第一联", "第二联"]))
    assert encoded == ["CK-ZW01-2026-000123"]
    assert len(reader(data).pages) > 2


def test_continuous_form_page_size() -> None:
    pages = reader(render(slip(), form="continuous")).pages
    for page in pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(241 * mm, abs=0.5)
        assert float(box.height) == pytest.approx(140 * mm, abs=0.5)


def test_a4_page_size() -> None:
    box = reader(render(slip())).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((595.28, 841.89), abs=0.5)


def test_unknown_form_is_refused() -> None:
    with pytest.raises(ValueError, match="form"):
        render(slip(), form="letter")  # type: ignore[arg-type]


@pytest.mark.parametrize("form", ["a4", "continuous"])
def test_long_document_repeats_header_and_numbers_pages(form: str) -> None:
    texts = page_texts(render(slip(lines=300), form=form))  # type: ignore[arg-type]
    total = len(texts)
    assert total > 3
    for number, text in enumerate(texts, start=1):
        flat = squeeze(text)
        assert f"第{number}页共{total}页" in flat
        if "ZW2026-0501-09" in flat:  # a page with lines (the last may hold only signatures)
            assert "物资名称" in flat and "批号" in flat  # the repeated table header
        assert "出库单" in flat and "CK-ZW01-2026-000123" in flat
    everything = squeeze("".join(texts))
    for i in range(300):
        assert f"{i + 1}棉帐篷12㎡顶ZW2026-0501-09A-01{10 + i}" in everything
    assert "接收人" in squeeze(texts[-1])


def test_each_copy_is_labelled_and_numbered_on_its_own() -> None:
    copies = ["第一联 接收单位", "第二联 仓库留存", "第三联 记账"]
    texts = page_texts(render(slip(lines=120, copies=copies)))
    assert len(texts) % 3 == 0
    per_copy = len(texts) // 3
    assert per_copy > 1
    for index, label in enumerate(copies):
        for number in range(1, per_copy + 1):
            flat = squeeze(texts[index * per_copy + number - 1])
            assert squeeze(label) in flat
            assert f"第{number}页共{per_copy}页" in flat
            for other in copies:
                if other != label:
                    assert squeeze(other) not in flat


def test_long_names_wrap_inside_their_column() -> None:
    name = "".join(f"超长物资名称第{i:03d}段" for i in range(20))  # 200 characters
    doc = slip(lines=2)
    lines = [list(line) for line in doc.lines]
    lines[0][1] = name
    data = render(replace(doc, lines=lines))
    assert name in squeeze(page_texts(data)[0])
    page_width = 210 * mm
    right_margin = page_width - printable.GEOMETRY["a4"].margin_x
    for word in word_boxes(data):
        assert word.x_max <= right_margin + 0.5, word
    # The name's column: from after 序号 to before 规格, and the name took several lines.
    pieces = [w for w in word_boxes(data) if "超长物资名称" in w.text]
    assert len(pieces) >= 5
    left = min(p.x_min for p in pieces)
    assert all(p.x_max - left <= 2.4 / 7.5 * (page_width - 28 * mm) for p in pieces)


def test_header_values_shrink_to_fit() -> None:
    long_unit = "宁夏回族自治区中卫市应急管理局直属应急物资储备库（柔远镇物流园区东区三号库）" * 2
    carrier = "宁夏中卫顺达物流有限公司 王师傅 13909551234 备用 13909559876"
    doc = slip(issuing_unit=long_unit, fields=[("承运人", carrier), ("车牌号", "宁E·12345")])
    for form in ("a4", "continuous"):
        data = render(doc, form=form)  # type: ignore[arg-type]
        text = squeeze(page_texts(data)[0])
        assert squeeze(long_unit) in text and squeeze(carrier) in text
        width = printable.GEOMETRY[form].page[0]  # type: ignore[index]
        for word in word_boxes(data):
            assert word.x_max <= width - printable.GEOMETRY[form].margin_x + 0.5, word  # type: ignore[index]


def test_writes_to_a_path_or_a_stream(tmp_path: Path) -> None:
    data = render(slip(), tmp_path / "出库单.pdf")
    assert (tmp_path / "出库单.pdf").read_bytes() == data
    assert data.startswith(b"%PDF")
    stream = io.BytesIO()
    render(slip(), stream)
    assert stream.getvalue().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["出库单.pdf"]  # no temporary left over


def test_a_line_with_the_wrong_number_of_cells_is_refused() -> None:
    with pytest.raises(ValueError, match="cells"):
        render(replace(slip(), lines=[["1", "棉帐篷"]]))


def test_a_slip_stays_small() -> None:
    assert len(render(slip(copies=["第一联", "第二联", "第三联"]))) < 150_000

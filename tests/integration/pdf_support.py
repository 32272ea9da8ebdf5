"""Reading rendered PDFs back in tests: text per page, fonts, word boxes."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from inventory_app.reports.pdf_base import Column
from inventory_app.reports.printable import PrintableDocument

DEPOT = "中卫市应急物资储备库（柔远镇物流园区）"
SLIP_COLUMNS = [
    Column("序号", 0.5, "center"),
    Column("物资名称", 2.4, wrap=True),
    Column("规格", 1.0),
    Column("单位", 0.5, "center"),
    Column("批号", 1.6),
    Column("库位", 0.7, "center"),
    Column("数量", 0.8, "right"),
]


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in reader(data).pages]


def squeeze(text: str) -> str:
    """Text without the spaces and line breaks extraction puts between wrapped pieces."""
    return "".join(text.split())


def slip(lines: int = 3, **changes: Any) -> PrintableDocument:
    """A dispatch slip (出库单) with ``lines`` lines of tents."""
    rows = [
        [str(i + 1), "棉帐篷", "12㎡", "顶", "ZW2026-0501-09", "A-01", str(10 + i)]
        for i in range(lines)
    ]
    values: dict[str, Any] = {
        "title": "出库单",
        "doc_no": "CK-ZW01-2026-000123",
        "issuing_unit": DEPOT,
        "doc_date": "2026-05-01",
        "fields": [
            ("调拨单号", "DB-ZW-2026-000045"),
            ("接收单位", "海原县应急管理局"),
            ("车牌号", "宁E·12345"),
        ],
        "columns": SLIP_COLUMNS,
        "lines": rows,
        "totals": ["合计", "", "", "", "", "", str(sum(10 + i for i in range(lines)))],
        "money_total_fen": 1234567,
        "notes": "先发货后补手续",
        "signatures": ["发货人(保管员)", "负责人", "承运人", "接收人"],
        "copies": [],
        "footer": "审计锚 sha256:3f9a01",
    }
    values.update(changes)
    return PrintableDocument(**values)


def fonts_of(data: bytes) -> list[dict[str, Any]]:
    """Every font dictionary any page uses (descendant fonts resolved)."""
    found: dict[int, dict[str, Any]] = {}
    for page in reader(data).pages:
        resources = page.get("/Resources")
        if resources is None or "/Font" not in resources:
            continue
        for ref in resources["/Font"].values():
            font = ref.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            found[id(font)] = font
    return list(found.values())


@dataclass(frozen=True)
class Word:
    page: int
    x_min: float
    x_max: float
    text: str


def word_boxes(data: bytes) -> list[Word]:
    """Word boxes from poppler's pdftotext (in PDF points, x from the left edge)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(data)
        out = subprocess.run(
            ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True
        ).stdout
    root = ET.fromstring(out)
    words = []
    for number, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), start=1):
        for word in page.iter("{http://www.w3.org/1999/xhtml}word"):
            words.append(
                Word(
                    number, float(word.get("xMin", 0)), float(word.get("xMax", 0)), word.text or ""
                )
            )
    return words

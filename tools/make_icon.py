"""Draw the application icon: resources/icons/inventory-app.png (256 px) and .ico (Windows).

Run once after changing the design: `python tools/make_icon.py`. The .ico holds PNG images
at 16, 24, 32, 48, 64 and 256 px (the format Windows Vista and later read).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 256)


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.04
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#c62828"))  # emergency red
    p.drawRoundedRect(box, size * 0.18, size * 0.18)
    p.setPen(QColor("white"))
    font = QFont(family)
    font.setPixelSize(int(size * 0.66))
    font.setBold(True)
    p.setFont(font)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, "储")
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_ico(path: Path, images: list[tuple[int, bytes]]) -> None:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    path.write_bytes(header + entries + blobs)


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841 - fonts need an application
    font_id = QFontDatabase.addApplicationFont(str(ROOT / "resources/fonts/wqy-microhei.ttc"))
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256, family).save(str(OUT / "inventory-app.png"))
    write_ico(OUT / "inventory-app.ico", [(s, png_bytes(draw(s, family))) for s in SIZES])
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Count sheets (盘点表): one section per location, on the generic printable layout.

Each location starts on a new page with its label in the corner box, and its pages are
numbered on their own ("第 x 页 共 y 页" per location, as each is handed to one counter);
the count number and its QR code are on every page, the 盘点人 / 监盘人 signatures close
each location.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

from reportlab.platypus import (
    Flowable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from . import pdf_base
from .fonts import cjk_font
from .pdf_base import NumberedCanvas, PdfTarget
from .printable import (
    GEOMETRY,
    PrintableDocument,
    _page_furniture,
    _paint_page_number,
    _story,
    body_frame,
    doc_template,
)


def render_sections(sections: Sequence[PrintableDocument], out: PdfTarget = None) -> bytes:
    """Render documents sharing one number (each with one label in ``copies``) one after
    the other, each section starting a page and numbered on its own."""
    if not sections:
        raise ValueError("nothing to print")
    geo = GEOMETRY["a4"]
    font = cjk_font()
    first = sections[0]
    qr = pdf_base.qr_code(first.doc_no, geo.qr)
    buffer = io.BytesIO()
    template = doc_template(buffer, first, geo, font)
    templates, story = [], []
    for index, section in enumerate(sections):
        frame = body_frame(geo)
        label = section.copies[0] if section.copies else ""
        painter = functools.partial(_page_furniture, section, geo, font, qr, index, label)
        templates.append(PageTemplate(id=f"section{index}", frames=[frame], onPage=painter))
        body: list[Flowable] = _story(section, geo, font)
        if index:
            story += [NextPageTemplate(f"section{index}"), PageBreak()]
        story += body
    template.addPageTemplates(templates)
    numbered = functools.partial(
        NumberedCanvas,
        paint_number=functools.partial(_paint_page_number, geo, font, True),
    )
    template.build(story, canvasmaker=numbered)
    return pdf_base.write_pdf(buffer.getvalue(), out)

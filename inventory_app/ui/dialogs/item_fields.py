"""The item dialog's fixed lists and texts: units, storage-life words, reserve modes, norm errors."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from ...domain.errors import DomainError, InvalidQuantity
from ...domain.model import ReserveMode
from ...domain.quantities import MAX_DECIMALS, parse_quantity

# The units the seed catalogue and the source documents use; others can be typed.
COMMON_UNITS = (
    "顶",
    "件",
    "床",
    "条",
    "个",
    "张",
    "套",
    "台",
    "盏",
    "把",
    "箱",
    "袋",
    "副",
    "双",
    "部",
    "艘",
    "辆",
    "吨",
    "千克",
    "升",
    "米",
)
# Goods weighed or measured by volume are kept to three decimals (0.001 t = 1 kg).
MEASURED_UNITS = frozenset({"吨", "千克", "升"})


def mode_name(mode: str) -> str:
    names = {
        ReserveMode.PHYSICAL.value: QCoreApplication.translate("ItemDialog", "实物"),
        ReserveMode.AGREEMENT.value: QCoreApplication.translate("ItemDialog", "协议"),
        ReserveMode.CAPACITY.value: QCoreApplication.translate("ItemDialog", "产能"),
    }
    return names.get(mode, mode)


def plain_number(value: Decimal | None) -> str:
    """A stored decimal back as the user would type it (1.000 → 1, 0.500 → 0.5)."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class NormInvalid(DomainError):
    """A norm that is not a valid quantity; names the field so the dialog can point at it."""

    code = "invalid_quantity"

    def __init__(self, field: str, cause: InvalidQuantity) -> None:
        super().__init__(field=field, **cause.params)
        self.cause = cause


def check_norms(entries: Iterable[tuple[str, str]]) -> list[str | None]:
    """Each (field, text) norm's text, None when empty; NormInvalid names a field that is wrong."""
    norms: list[str | None] = []
    for field, raw in entries:
        text = raw.strip()
        if text:
            try:
                parse_quantity(text, MAX_DECIMALS)
            except InvalidQuantity as error:
                raise NormInvalid(field, error) from None
        norms.append(text or None)
    return norms

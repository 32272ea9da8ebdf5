"""Read-side rows: frozen dataclasses that feed table models, PDFs and spreadsheets alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ..domain.quantities import grouped_text
from ..domain.shelf_life import ShelfLife


@dataclass(frozen=True)
class LotStockRow:
    lot_id: int
    item_code: str
    item_name: str
    spec: str
    unit: str
    decimals: int
    category_code: str
    category_name: str
    depot_code: str
    depot_name: str
    location_code: str
    batch_no: str
    production_date: date | None
    received_date: date
    expiry_date: date | None
    reserve_mode: str
    owner_name: str
    owner_level: int
    custodian_name: str
    unit_price: Decimal
    on_hand: Decimal
    reserved: Decimal
    available: Decimal
    value: Decimal
    expiry_status: str  # "expired" | "near" | "ok" | "none"


@dataclass(frozen=True)
class ItemStockRow:
    """One item, summed over the filtered depots (depot_code empty) or in one depot."""

    item_code: str
    item_name: str
    spec: str
    unit: str
    decimals: int
    category_code: str
    category_name: str
    depot_code: str
    depot_name: str
    on_hand: Decimal
    reserved: Decimal
    available: Decimal
    in_transit: Decimal
    lots: int
    value: Decimal
    nearest_expiry: date | None


@dataclass(frozen=True)
class CategoryStockRow:
    category_code: str
    category_name: str
    unit: str  # the common unit when all items share one, else "" (never add 顶 to 套)
    on_hand: Decimal  # meaningful with one unit only: see by_unit
    items: int
    lots: int
    value: Decimal
    by_unit: tuple[tuple[str, Decimal], ...] = ()  # on hand per unit, largest first

    @property
    def mixed(self) -> bool:
        return len(self.by_unit) > 1

    def quantities_text(self, limit: int = 3) -> str:
        """548 顶 / 170 套 / 811 张: each unit counted on its own; "…" past `limit` units."""
        parts = [f"{grouped_text(quantity)} {unit}" for unit, quantity in self.by_unit]
        if not parts:
            return f"{grouped_text(self.on_hand)} {self.unit}".strip()
        return " / ".join(parts[:limit]) + (" / …" if len(parts) > limit else "")


@dataclass(frozen=True)
class LedgerRow:
    movement_id: int
    created_at: datetime
    doc_date: date
    doc_no: str
    doc_type: str
    doc_state: str
    kind: str
    depot_code: str
    depot_name: str
    item_code: str
    item_name: str
    unit: str
    decimals: int
    lot_id: int
    batch_no: str
    delta: Decimal
    user: str
    counterparty: str
    reason: str
    reverses_movement_id: int | None
    reversed_by_movement_id: int | None
    # 结存 after this movement: of the item at the depot, and of the lot (keepers' 台账)
    stock_after: Decimal | None = None
    lot_after: Decimal | None = None
    line_no: int = 0  # the document line it books (a line split over lots: several rows)


@dataclass(frozen=True)
class DepotRow:
    id: int
    code: str
    name: str
    kind: str
    level: int
    region_name: str
    owner_code: str
    owner_name: str
    address: str
    contact: str
    phone: str
    lat: str | None
    lon: str | None
    demo: bool
    active: bool
    lots: int
    note: str
    short_name: str = ""

    @property
    def display_name(self) -> str:
        """The 简称 when the depot has one: what tables show (the full name is the tooltip)."""
        return self.short_name or self.name


@dataclass(frozen=True)
class LocationRow:
    id: int
    depot_code: str
    code: str
    name: str
    active: bool


@dataclass(frozen=True)
class ItemRow:
    id: int
    code: str
    name: str
    name_en: str
    pinyin: str
    category_code: str
    category_name: str
    spec: str
    unit: str
    decimals: int
    gb_code: str | None
    ref_price: Decimal | None
    shelf_life_days: int | None
    shelf_life_months: int | None
    norm_per_person: Decimal | None
    norm_per_tent: Decimal | None
    persons_per_unit: Decimal | None
    reserve_modes: str
    active: bool

    @property
    def shelf_life(self) -> ShelfLife | None:
        return ShelfLife.of(self.shelf_life_months, self.shelf_life_days)


@dataclass(frozen=True)
class CategoryRow:
    id: int
    code: str
    name: str
    name_en: str
    items: int


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    code: str
    name: str
    kind: str
    level: int


@dataclass(frozen=True)
class DocumentRow:
    id: int
    doc_no: str
    doc_type: str
    state: str
    doc_date: date
    depot_code: str
    depot_name: str
    other_depot_code: str
    other_depot_name: str
    counterparty: str
    reference: str
    purpose: str
    reason: str
    created_by: str
    created_at: datetime
    host: str
    lines: int


@dataclass(frozen=True)
class LinkedDocumentRow:
    """A document related to another one: `role` as stored, and which side it is on."""

    role: str
    is_parent: bool  # True: the linked document came first (e.g. the original of a reversal)
    doc_no: str
    doc_type: str
    state: str
    doc_date: date

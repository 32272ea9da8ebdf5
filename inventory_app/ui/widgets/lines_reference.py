"""What the lines of a document are checked against: items, locations, lots, organisations, date."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from ...domain import ledger as rules
from ...services.rows import ItemRow, LocationRow, LotStockRow, OrganisationRow
from .lines_common import Line


def _fefo_key(lot: LotStockRow) -> tuple[date, date, int]:
    return rules.fefo_key(lot.expiry_date, lot.received_date, lot.lot_id)


class LineReference:
    """The reference data half of `LinesModel` (a mixin: Qt stays in the model itself).

    Changing what the lines are checked against re-runs the checks (``_recheck``).
    """

    _lines: list[Line]
    _items: dict[str, ItemRow]
    _locations: list[LocationRow]
    _lots: list[LotStockRow]
    _organisations: list[OrganisationRow]
    _doc_date: date
    _recheck: Callable[[], None]  # LinesModel's: re-validate every line after a change

    def _init_reference(self) -> None:
        self._items = {}
        self._locations = []
        self._lots = []
        self._organisations = []
        self._doc_date = date.today()

    def set_items(self, items: Sequence[ItemRow]) -> None:
        self._items = {item.code: item for item in items}

    def items(self) -> list[ItemRow]:
        return list(self._items.values())

    def set_locations(self, locations: Sequence[LocationRow]) -> None:
        """The depot's locations; lines pointing elsewhere lose their location."""
        self._locations = [loc for loc in locations if loc.active]
        codes = {loc.code for loc in self._locations}
        for line in self._lines:
            if line.location_code and line.location_code not in codes:
                line.location_code = None
        self._recheck()

    def locations(self) -> list[LocationRow]:
        return list(self._locations)

    def set_lots(self, lots: Sequence[LotStockRow]) -> None:
        """The depot's lots; chosen lots are refreshed, or dropped if gone."""
        self._lots = sorted(lots, key=_fefo_key)
        by_id = {lot.lot_id: lot for lot in self._lots}
        for line in self._lines:
            if line.lot is not None:
                line.lot = by_id.get(line.lot.lot_id)
        self._recheck()

    def lots_for(self, item_code: str | None) -> list[LotStockRow]:
        return [lot for lot in self._lots if item_code is None or lot.item_code == item_code]

    def lot_by_id(self, lot_id: int) -> LotStockRow | None:
        return next((lot for lot in self._lots if lot.lot_id == lot_id), None)

    def is_expired(self, lot: LotStockRow) -> bool:
        """Expired on the document date: first-expiring-first skips such lots."""
        return rules.is_expired(lot.expiry_date, self._doc_date)

    def available_for(self, line: Line) -> Decimal | None:
        """What the line can take: its named lot, or the item's unexpired lots (FEFO)."""
        if line.lot is not None:
            return line.lot.available
        if line.item is None:
            return None
        return sum(
            (lot.available for lot in self.lots_for(line.item.code) if not self.is_expired(lot)),
            Decimal(0),
        )

    def expired_available(self, item_code: str) -> Decimal:
        return sum(
            (lot.available for lot in self.lots_for(item_code) if self.is_expired(lot)), Decimal(0)
        )

    def item(self, code: str) -> ItemRow | None:
        return self._items.get(code)

    def location(self, code: str | None) -> LocationRow | None:
        return next((loc for loc in self._locations if loc.code == code), None)

    def organisation(self, code: str | None) -> OrganisationRow | None:
        return next((org for org in self._organisations if org.code == code), None)

    def set_organisations(self, organisations: Sequence[OrganisationRow]) -> None:
        self._organisations = list(organisations)

    def organisations(self) -> list[OrganisationRow]:
        return list(self._organisations)

    @property
    def doc_date(self) -> date:
        return self._doc_date

    def set_doc_date(self, day: date) -> None:
        self._doc_date = day
        self._recheck()

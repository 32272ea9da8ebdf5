"""Domain errors: they carry data, not sentences; the UI and CLI translate them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any


class DomainError(Exception):
    """An expected, user-facing refusal. `code` selects the message, `params` fill it."""

    code = "domain_error"

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(f"{self.code}: {params}")


class InvalidQuantity(DomainError):
    """A quantity that is not a number, not positive, or has too many decimals."""

    code = "invalid_quantity"

    def __init__(self, value: object, reason: str, allowed_decimals: int | None = None) -> None:
        super().__init__(value=str(value), reason=reason, allowed_decimals=allowed_decimals)


class InvalidMoney(DomainError):
    code = "invalid_money"

    def __init__(self, value: object) -> None:
        super().__init__(value=str(value))


class InvalidDate(DomainError):
    code = "invalid_date"

    def __init__(self, value: object, field: str = "") -> None:
        super().__init__(value=str(value), field=field)


class InsufficientStock(DomainError):
    code = "insufficient_stock"

    def __init__(
        self, item: str, depot: str, requested: Decimal, available: Decimal, lot: str = ""
    ) -> None:
        super().__init__(item=item, depot=depot, requested=requested, available=available, lot=lot)


class NotFound(DomainError):
    """Something named by the user does not exist (kind: item, depot, lot, movement, ...)."""

    code = "not_found"

    def __init__(self, kind: str, key: object) -> None:
        super().__init__(kind=kind, key=str(key))


class AlreadyExists(DomainError):
    code = "already_exists"

    def __init__(self, kind: str, key: object) -> None:
        super().__init__(kind=kind, key=str(key))


class InvalidInput(DomainError):
    """A field-level validation failure; `field` names it, `reason` is a short code."""

    code = "invalid_input"

    def __init__(self, field: str, reason: str, value: object = "") -> None:
        super().__init__(field=field, reason=reason, value=str(value))


class ReasonRequired(DomainError):
    code = "reason_required"


class EmptyDocument(DomainError):
    code = "empty_document"


class LotMismatch(DomainError):
    """A lot named on a line belongs to another item or depot."""

    code = "lot_mismatch"

    def __init__(self, lot: object, expected: str) -> None:
        super().__init__(lot=str(lot), expected=expected)


class InactiveRecord(DomainError):
    code = "inactive_record"

    def __init__(self, kind: str, key: object) -> None:
        super().__init__(kind=kind, key=str(key))


class SameDepotTransfer(DomainError):
    code = "same_depot_transfer"


class InvalidState(DomainError):
    """A document is not in a state that allows the action."""

    code = "invalid_state"

    def __init__(self, document: str, state: str, action: str) -> None:
        super().__init__(document=document, state=state, action=action)


class AlreadyReversed(DomainError):
    code = "already_reversed"

    def __init__(self, movement_id: int) -> None:
        super().__init__(movement_id=movement_id)


class CannotReverseReversal(DomainError):
    code = "cannot_reverse_reversal"

    def __init__(self, movement_id: int) -> None:
        super().__init__(movement_id=movement_id)


class RequestIdReused(DomainError):
    """The same request id was sent before with different content."""

    code = "request_id_reused"

    def __init__(self, request_id: str) -> None:
        super().__init__(request_id=request_id)


class RequestIdOtherUser(DomainError):
    """A request id another user posted with: its document is not answered to this user."""

    code = "request_id_other_user"

    def __init__(self, request_id: str) -> None:
        super().__init__(request_id=request_id)


class AuthenticationFailed(DomainError):
    code = "authentication_failed"


class SignInDelayed(DomainError):
    """Too many wrong passwords in a row: the next try must wait `seconds`."""

    code = "sign_in_delayed"

    def __init__(self, seconds: int) -> None:
        super().__init__(seconds=seconds)


class SignInLocked(DomainError):
    """Sign-in locked for `minutes` (an administrator can lift it earlier)."""

    code = "sign_in_locked"

    def __init__(self, minutes: int) -> None:
        super().__init__(minutes=minutes)


class DatabaseIncomplete(DomainError):
    """Filling a new database (`what`: demo, admin) was interrupted: it is not opened."""

    code = "database_incomplete"

    def __init__(self, path: str, what: str) -> None:
        super().__init__(path=path, what=what)


class PasswordNeeded(DomainError):
    """No terminal to ask on and no INVENTORY_PASSWORD: the command line cannot sign in."""

    code = "password_needed"

    def __init__(self, variable: str) -> None:
        super().__init__(variable=variable)


class PermissionDenied(DomainError):
    code = "permission_denied"

    def __init__(self, action: str, role: str) -> None:
        super().__init__(action=action, role=role)


class DepotNotAllowed(DomainError):
    """A keeper acting on a depot they are not bound to."""

    code = "depot_not_allowed"

    def __init__(self, depot: str) -> None:
        super().__init__(depot=depot)


class SelfApproval(DomainError):
    code = "self_approval"


class CannotDeactivateSelf(DomainError):
    """An administrator may not deactivate their own account (they would lock themselves out)."""

    code = "cannot_deactivate_self"

    def __init__(self, username: str) -> None:
        super().__init__(username=username)


class LastActiveAdmin(DomainError):
    """The change would leave no active administrator to manage users."""

    code = "last_active_admin"

    def __init__(self, username: str) -> None:
        super().__init__(username=username)


class HasHistory(DomainError):
    """A record with ledger history cannot be deleted, only deactivated."""

    code = "has_history"

    def __init__(self, kind: str, key: object) -> None:
        super().__init__(kind=kind, key=str(key))


class DatabaseTooNew(DomainError):
    code = "database_too_new"

    def __init__(self, found: str) -> None:
        super().__init__(found=found)


class BackupSqliteOnly(DomainError):
    """Backup and restore in the app are for the embedded SQLite file (a server: pg_dump)."""

    code = "backup_sqlite_only"


class UpgradeFailed(DomainError):
    """A schema migration failed; the database was left as it was (its transaction rolled
    back). ``copy``: the copy taken before the attempt (SQLite), "" on a server."""

    code = "upgrade_failed"

    def __init__(self, path: str, found: str, copy: str = "") -> None:
        super().__init__(path=path, found=found, copy=copy)
        if not copy:
            self.code = "upgrade_failed_server"


class DatabaseMissing(DomainError):
    code = "database_missing"

    def __init__(self, path: str) -> None:
        super().__init__(path=path)


class DatabaseUnavailable(DomainError):
    """The database cannot be reached or is locked; the action can be retried."""

    code = "database_unavailable"

    def __init__(self, detail: str) -> None:
        # Driver messages span lines; messages are shown on one line (CLI, message boxes).
        super().__init__(detail=" ".join(str(detail).split())[:300])


class NetworkPathRefused(DomainError):
    code = "network_path_refused"

    def __init__(self, path: str) -> None:
        super().__init__(path=path)


class VerificationFailed(DomainError):
    code = "verification_failed"

    def __init__(self, problems: int, first: str) -> None:
        super().__init__(problems=problems, first=first)


class BadFile(DomainError):
    """An input file (backup, spreadsheet) that is not what it claims to be."""

    code = "bad_file"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path=path, reason=reason)


class OverShipment(DomainError):
    """More of an order line shipped than it still has reserved."""

    code = "over_shipment"

    def __init__(self, document: str, line_no: int, requested: Decimal, open_qty: Decimal) -> None:
        super().__init__(document=document, line_no=line_no, requested=requested, open=open_qty)


class NothingToShip(DomainError):
    """The order has nothing reserved at this depot (wrong depot, or all shipped)."""

    code = "nothing_to_ship"

    def __init__(self, document: str, depot: str) -> None:
        super().__init__(document=document, depot=depot)


class NotEmergency(DomainError):
    """Only an order flagged 紧急 may be approved by phone."""

    code = "not_emergency"

    def __init__(self, document: str) -> None:
        super().__init__(document=document)


class AgreementShort(DomainError):
    """An agreement reserve has less left to call than an order asks for."""

    code = "agreement_short"

    def __init__(self, agreement: str, requested: Decimal, available: Decimal) -> None:
        super().__init__(agreement=agreement, requested=requested, available=available)


class OwnerConsentRequired(DomainError):
    """An order would release stock another organisation owns, without its recorded consent."""

    code = "owner_consent_required"

    def __init__(self, document: str, owners: str) -> None:
        super().__init__(document=document, owners=owners)


class OverDelivery(DomainError):
    """A delivery would bring more against a contract line than is still open on it."""

    code = "over_delivery"

    def __init__(self, contract: str, line_no: int, delivered: Decimal, open_qty: Decimal) -> None:
        super().__init__(contract=contract, line_no=line_no, delivered=delivered, open=open_qty)


class UncountedLines(DomainError):
    """A count cannot be submitted while lines have no counted quantity."""

    code = "uncounted_lines"

    def __init__(self, document: str, lines: str, count: int) -> None:
        super().__init__(document=document, lines=lines, count=count)


class VarianceReasonRequired(DomainError):
    """Every line whose count differs from the book needs a reason code before approval."""

    code = "variance_reason_required"

    def __init__(self, document: str, lines: str) -> None:
        super().__init__(document=document, lines=lines)


class WorkbookRejected(DomainError):
    """An imported audit workbook failed validation; nothing was written.

    `problems` holds (row, column, reason, value) tuples: row 0 means the whole file."""

    code = "workbook_rejected"

    def __init__(self, path: str, problems: tuple[tuple[int, str, str, str], ...]) -> None:
        super().__init__(path=path, problems=problems, count=len(problems))

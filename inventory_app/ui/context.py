"""What every page and dialog receives: the database, the signed-in user, the task runner."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from ..domain.errors import DomainError
from ..domain.permissions import Action, Actor
from ..messages import error_message
from ..services.database import Database
from .tasks import TaskRunner


class DataEvents(QObject):
    """Broadcast after a successful posting or master-data change so open pages refresh."""

    stock_changed = Signal()  # any ledger posting
    master_data_changed = Signal()  # depots, locations, items, categories


@dataclass
class AppContext:
    uow: Database
    actor: Actor
    tasks: TaskRunner
    events: DataEvents
    database_label: str  # file path or URL without password, for the title bar
    language: str = "zh_CN"

    def can(self, action: Action, depot_id: int | None = None) -> bool:
        return self.actor.can(action, depot_id)

    @property
    def lang(self) -> str:
        """ "zh" or "en" for the shared error catalogue (inventory_app.messages)."""
        return "en" if self.language.startswith("en") else "zh"

    def error_text(self, error: DomainError) -> str:
        return error_message(error, self.lang)

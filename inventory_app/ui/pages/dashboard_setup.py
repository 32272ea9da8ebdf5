"""首页's first-start guide: on a new deployment, the administrator's next steps in order
(depots → locations → catalogue → users → opening stock), each a click away, ticked off
as it is done; gone once the database is in use."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.permissions import Action
from ...services import dashboard_queries
from ...services.dashboard_queries import SetupProgress
from ..context import AppContext
from ..errors import show_domain_error
from ..widgets.nav_pane import PAGE_CATALOGUE, PAGE_DEPOTS, PAGE_USERS

RECEIVE_DIALOG = "receive"  # main window dialog key: the opening stock is received


@dataclass(frozen=True)
class Step:
    key: str
    target: str  # a page key, or RECEIVE_DIALOG
    action: Action  # who may do it: others see the step without its button


STEPS = (
    Step("depots", PAGE_DEPOTS, Action.MANAGE_DEPOTS),
    Step("locations", PAGE_DEPOTS, Action.MANAGE_DEPOTS),
    Step("items", PAGE_CATALOGUE, Action.MANAGE_CATALOG),
    Step("users", PAGE_USERS, Action.MANAGE_USERS),
    Step("movements", RECEIVE_DIALOG, Action.RECEIVE),
)


def _texts() -> dict[str, tuple[str, str, str]]:
    """Per step: what to do, why, and the button."""
    return {
        "depots": (
            QCoreApplication.translate("SetupGuide", "1. 建立仓库"),
            QCoreApplication.translate(
                "SetupGuide", "本单位的储备库和储备点：名称、简称、级别、权属单位、地址。"
            ),
            QCoreApplication.translate("SetupGuide", "打开仓库页"),
        ),
        "locations": (
            QCoreApplication.translate("SetupGuide", "2. 添加库位"),
            QCoreApplication.translate(
                "SetupGuide", "每个仓库的货架或区位，入库时选择，盘点时按库位打印。"
            ),
            QCoreApplication.translate("SetupGuide", "打开仓库页"),
        ),
        "items": (
            QCoreApplication.translate("SetupGuide", "3. 建立物资目录"),
            QCoreApplication.translate(
                "SetupGuide", "物资的编码、名称、规格、单位、储存年限和配备标准。"
            ),
            QCoreApplication.translate("SetupGuide", "打开物资目录"),
        ),
        "users": (
            QCoreApplication.translate("SetupGuide", "4. 添加用户"),
            QCoreApplication.translate(
                "SetupGuide", "保管员（指定所管仓库）、审批人、审计员，各自登录。"
            ),
            QCoreApplication.translate("SetupGuide", "打开用户页"),
        ),
        "movements": (
            QCoreApplication.translate("SetupGuide", "5. 录入期初库存"),
            QCoreApplication.translate(
                "SetupGuide", "把现有库存按批次入库，之后的收发都记在台账上。"
            ),
            QCoreApplication.translate("SetupGuide", "入库…"),
        ),
    }


class SetupGuide(QFrame):
    """Hidden unless the database is new; `go` asks the main window for a page or dialog."""

    go = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dashCard")
        self.progress: SetupProgress | None = None
        self.title = QLabel(self)
        self.title.setObjectName("cardTitle")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.marks: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        for row, step in enumerate(STEPS):
            mark, caption, note = QLabel(self), QLabel(self), QLabel(self)
            caption.setStyleSheet("font-weight: bold;")
            note.setStyleSheet("color: #5b6675;")
            button = QPushButton(self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, target=step.target: self.go.emit(target))
            button.setVisible(ctx.can(step.action))
            grid.addWidget(mark, row, 0)
            grid.addWidget(caption, row, 1)
            grid.addWidget(note, row, 2)
            grid.addWidget(button, row, 3)
            self.marks[step.key], self.captions[step.key] = mark, caption
            self.notes[step.key], self.buttons[step.key] = note, button
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        self.hide()
        self.retranslate()

    def refresh(self) -> None:
        uow = self.ctx.uow
        self.ctx.tasks.run(
            lambda _task: dashboard_queries.setup_progress(uow),
            on_done=self.show_progress,
            on_error=lambda error: show_domain_error(self, self.ctx, error),
            show_progress=False,
        )

    def show_progress(self, progress: SetupProgress) -> None:
        self.progress = progress
        # Once stock has moved the database is in use: the guide has done its job.
        self.setVisible(progress.movements == 0 and not progress.complete)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("SetupGuide", "开始使用：新数据库的设置步骤"))
        self.intro.setText(
            QCoreApplication.translate(
                "SetupGuide",
                "这是一个新的数据库。请按顺序完成以下几步，完成的步骤会打勾；"
                "录入期初库存后，本提示不再显示。",
            )
        )
        texts = _texts()
        counts = self.progress
        for step in STEPS:
            caption, note, button = texts[step.key]
            done = counts is not None and getattr(counts, step.key) > 0
            self.marks[step.key].setText("✔" if done else "○")
            self.marks[step.key].setStyleSheet(
                "color: #2e7d32; font-weight: bold;" if done else "color: #9aa5b1;"
            )
            self.captions[step.key].setText(caption)
            self.notes[step.key].setText(note)
            self.buttons[step.key].setText(button)

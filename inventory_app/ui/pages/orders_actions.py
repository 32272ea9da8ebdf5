"""What can be done to an allocation order, when, by whom, and the service call of each step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.documents import spec as kind_spec
from ...domain.model import DocState, DocType, PostingResult
from ...domain.orders import PaperworkStatus
from ...domain.permissions import Action, Actor
from ...services import approvals, orders
from ...services.database import Database
from ...services.order_queries import OrderRow
from ..dialogs.order_step_dialog import Field, StepSpec

# In the order of the page's buttons.
# "ship", "sign" and "return" open their own dialogs rather than a step form.
STEPS = (
    "submit",
    "approve",
    "phone",
    "paperwork",
    "reject",
    "cancel",
    "ship",
    "sign",
    "complete",
    "return",
)

# The right each step needs (the service checks again, and refuses self-approval).
STEP_ACTION: dict[str, Action] = {
    "submit": Action.ORDER,
    "approve": Action.APPROVE,
    "phone": Action.ORDER,
    "paperwork": Action.APPROVE,
    "reject": Action.APPROVE,
    "cancel": Action.ORDER,
    "ship": Action.SHIP,
    "sign": Action.ORDER,
    "complete": Action.ORDER,
    "return": Action.RECEIVE,  # goods come back into a depot
}

# The state each step leads to, checked against the document registry's transitions.
_TARGET: dict[str, DocState] = {
    "submit": DocState.SUBMITTED,
    "approve": DocState.APPROVED,
    "phone": DocState.APPROVED,
    "reject": DocState.REJECTED,
    "cancel": DocState.CANCELLED,
    "ship": DocState.SHIPPED,
    "sign": DocState.SIGNED,
    "complete": DocState.COMPLETED,
}


# Goods can come back once something was shipped, also after the order is closed.
RETURNABLE = (DocState.PARTIALLY_SHIPPED, DocState.SHIPPED, DocState.SIGNED, DocState.COMPLETED)


def step_possible(step: str, row: OrderRow) -> bool:
    """Whether the order's state allows the step (rights aside)."""
    if step == "return":
        return row.state in RETURNABLE
    if step == "paperwork":
        return row.paperwork in (PaperworkStatus.OPEN, PaperworkStatus.OVERDUE)
    if step == "phone" and not row.emergency:
        return False
    target = _TARGET[step]
    return kind_spec(DocType.ORDER).transition(row.state, target) is not None


def step_allowed(step: str, row: OrderRow | None, actor: Actor) -> bool:
    if row is None or not actor.can(STEP_ACTION[step]):
        return False
    if step == "approve" and actor.user_id in (row.created_by_id, row.requested_by_id):
        return False  # nobody approves what they created or requested
    return step_possible(step, row)


def step_label(step: str) -> str:
    labels = {
        "submit": QCoreApplication.translate("OrdersPage", "提交"),
        "approve": QCoreApplication.translate("OrdersPage", "批准"),
        "phone": QCoreApplication.translate("OrdersPage", "电话批准…"),
        "paperwork": QCoreApplication.translate("OrdersPage", "补办书面审批…"),
        "reject": QCoreApplication.translate("OrdersPage", "驳回…"),
        "cancel": QCoreApplication.translate("OrdersPage", "作废…"),
        "ship": QCoreApplication.translate("OrdersPage", "出库…"),
        "sign": QCoreApplication.translate("OrdersPage", "签收…"),
        "complete": QCoreApplication.translate("OrdersPage", "完成"),
        "return": QCoreApplication.translate("OrdersPage", "回收…"),
    }
    return labels[step]


def step_tooltip(step: str) -> str:
    tips = {
        "submit": QCoreApplication.translate("OrdersPage", "把草稿或被驳回的指令交给审批人"),
        "approve": QCoreApplication.translate(
            "OrdersPage", "批准后按先到期先出的原则预留批次；不能批准自己经办的指令"
        ),
        "phone": QCoreApplication.translate(
            "OrdersPage", "紧急调拨：记录口头/电话批准人和时间，可立即出库，48 小时内补办书面审批"
        ),
        "paperwork": QCoreApplication.translate("OrdersPage", "登记电话批准后补来的书面审批文号"),
        "reject": QCoreApplication.translate("OrdersPage", "退回经办人修改，需填写原因"),
        "cancel": QCoreApplication.translate(
            "OrdersPage", "尚未出库的指令可以作废，预留的库存随即释放"
        ),
        "ship": QCoreApplication.translate("OrdersPage", "从本人保管的仓库开具出库单"),
        "sign": QCoreApplication.translate(
            "OrdersPage", "登记接收单位的签收人和逐行实收数量，短少须说明原因"
        ),
        "return": QCoreApplication.translate(
            "OrdersPage", "使用后回收：完好和清洗消毒的重新入库，维修和报废的只登记"
        ),
        "complete": QCoreApplication.translate(
            "OrdersPage", "签收后结案；部分出库的指令可提前结案，未发的预留释放"
        ),
    }
    return tips[step]


def _submit(uow: Database, actor: Actor, rid: str, no: str, v: dict[str, Any]) -> PostingResult:
    return orders.submit_order(uow, actor, doc_no=no, request_id=rid)


def _approve(uow: Database, actor: Actor, rid: str, no: str, v: dict[str, Any]) -> PostingResult:
    return approvals.approve_order(
        uow, actor, doc_no=no, request_id=rid, note=v["note"], owner_consent=v["consent"]
    )


def _phone(uow: Database, actor: Actor, rid: str, no: str, v: dict[str, Any]) -> PostingResult:
    return approvals.approve_by_phone(
        uow,
        actor,
        doc_no=no,
        oral_approver=v["who"],
        method=v["method"],
        approved_at=v["at"],
        owner_consent=v["consent"],
        request_id=rid,
    )


def _paperwork(uow: Database, actor: Actor, rid: str, no: str, v: dict[str, Any]) -> PostingResult:
    return approvals.complete_paperwork(
        uow, actor, doc_no=no, reference=v["reference"], request_id=rid
    )


def _reject(uow: Database, actor: Actor, rid: str, no: str, v: dict[str, Any]) -> PostingResult:
    return orders.reject_order(uow, actor, doc_no=no, reason=v["reason"], request_id=rid)


def _cancel(uow: Database, actor: Actor, rid: str, no: str, v: dict[str, Any]) -> PostingResult:
    return orders.cancel_order(uow, actor, doc_no=no, reason=v["reason"], request_id=rid)


def _complete(uow: Database, actor: Actor, rid: str, no: str, v: dict[str, Any]) -> PostingResult:
    return orders.complete_order(uow, actor, doc_no=no, note=v["note"], request_id=rid)


_T: dict[str, object] = {
    "note": QT_TRANSLATE_NOOP("OrdersPage", "备注"),
    "submit_q": QT_TRANSLATE_NOOP("OrdersPage", "把调拨指令 {doc_no} 提交审批？"),
    "submit_done": QT_TRANSLATE_NOOP("OrdersPage", "已提交：{doc_no}"),
    "approve_q": QT_TRANSLATE_NOOP("OrdersPage", "批准调拨指令 {doc_no}？"),
    "consent": QT_TRANSLATE_NOOP("OrdersPage", "所有权单位同意人"),
    "consent_ph": QT_TRANSLATE_NOOP(
        "OrdersPage", "动用前置或代储物资时填写，如：市应急管理局 张科长（电话）"
    ),
    "approve_done": QT_TRANSLATE_NOOP("OrdersPage", "已批准：{doc_no}，库存已按批次预留。"),
    "approve_hint": QT_TRANSLATE_NOOP("OrdersPage", "批准后，各调出仓库的保管员即可按指令出库。"),
    "phone_ok": QT_TRANSLATE_NOOP("OrdersPage", "记录电话批准"),
    "phone_q": QT_TRANSLATE_NOOP("OrdersPage", "紧急调拨指令 {doc_no}：记录口头批准"),
    "phone_who": QT_TRANSLATE_NOOP("OrdersPage", "批准人"),
    "phone_who_ph": QT_TRANSLATE_NOOP("OrdersPage", "如 市应急管理局 张局长"),
    "phone_how": QT_TRANSLATE_NOOP("OrdersPage", "方式"),
    "phone_at": QT_TRANSLATE_NOOP("OrdersPage", "批准时间"),
    "phone_done": QT_TRANSLATE_NOOP("OrdersPage", "已记录电话批准：{doc_no}，可以出库。"),
    "phone_hint": QT_TRANSLATE_NOOP(
        "OrdersPage", "书面审批须在批准时间起 48 小时内补办，首页会倒计时提醒。"
    ),
    "paper_q": QT_TRANSLATE_NOOP("OrdersPage", "调拨指令 {doc_no} 的书面审批已到："),
    "paper_ref": QT_TRANSLATE_NOOP("OrdersPage", "书面审批文号"),
    "paper_ref_ph": QT_TRANSLATE_NOOP("OrdersPage", "如 中应急〔2026〕31号"),
    "paper_done": QT_TRANSLATE_NOOP("OrdersPage", "已登记书面审批：{doc_no}"),
    "reason": QT_TRANSLATE_NOOP("OrdersPage", "原因"),
    "reject_q": QT_TRANSLATE_NOOP("OrdersPage", "驳回调拨指令 {doc_no}？"),
    "reject_done": QT_TRANSLATE_NOOP("OrdersPage", "已驳回：{doc_no}"),
    "cancel_q": QT_TRANSLATE_NOOP("OrdersPage", "作废调拨指令 {doc_no}？作废后不能恢复。"),
    "cancel_done": QT_TRANSLATE_NOOP("OrdersPage", "已作废：{doc_no}"),
    "complete_q": QT_TRANSLATE_NOOP(
        "OrdersPage", "把调拨指令 {doc_no} 结案？尚未出库的预留将释放。"
    ),
    "complete_done": QT_TRANSLATE_NOOP("OrdersPage", "已完成：{doc_no}"),
}


def _t(key: str) -> str:
    return QCoreApplication.translate("OrdersPage", str(_T[key]))


def step_spec(step: str) -> StepSpec:
    """The form of one step, its texts in the current language."""
    title = step_label(step).rstrip("…")
    note = Field("note", _t("note"))
    reason = Field("reason", _t("reason"), True)
    # Needed only when the order would release stock another organisation owns.
    consent = Field("consent", _t("consent"), placeholder=_t("consent_ph"))
    if step == "submit":
        return StepSpec(title, title, _t("submit_q"), (), _submit, _t("submit_done"))
    if step == "approve":
        return StepSpec(
            title, title, _t("approve_q"), (note, consent), _approve, _t("approve_done"),
            _t("approve_hint"),
        )  # fmt: skip
    if step == "phone":
        fields = (
            Field("who", _t("phone_who"), True, placeholder=_t("phone_who_ph")),
            Field("method", _t("phone_how"), True, "method"),
            Field("at", _t("phone_at"), True, "when"),
            consent,
        )
        return StepSpec(
            title, _t("phone_ok"), _t("phone_q"), fields, _phone, _t("phone_done"),
            _t("phone_hint"),
        )  # fmt: skip
    if step == "paperwork":
        ref = Field("reference", _t("paper_ref"), True, placeholder=_t("paper_ref_ph"))
        return StepSpec(title, title, _t("paper_q"), (ref,), _paperwork, _t("paper_done"))
    if step == "reject":
        return StepSpec(title, title, _t("reject_q"), (reason,), _reject, _t("reject_done"))
    if step == "cancel":
        return StepSpec(title, title, _t("cancel_q"), (reason,), _cancel, _t("cancel_done"))
    if step == "complete":
        return StepSpec(title, title, _t("complete_q"), (note,), _complete, _t("complete_done"))
    raise KeyError(step)

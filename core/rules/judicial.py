"""Gates on the steps after a criminal transfer (zhifa.core.procedure.judicial)."""

from __future__ import annotations

from zhifa.core.procedure.judicial import reconsideration_request_due
from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal


def _judicial(ctx: ActionContext):
    return ctx.data.file.judicial


def receipt_once(ctx: ActionContext) -> list[Refusal]:
    judicial = _judicial(ctx)
    received_on = getattr(ctx.data.input, "received_on", None) or ctx.on
    refusals = []
    if judicial is not None and judicial.received_on is not None:
        refusals.append(Refusal("criminal.receipt_recorded", f"公安机关已于 {judicial.received_on} 接受移送，回执已登记"))
    if received_on > ctx.on:
        refusals.append(Refusal("criminal.receipt_in_future", f"接受移送日期 {received_on} 晚于登记日 {ctx.on}"))
    return refusals


def copy_once(ctx: ActionContext) -> list[Refusal]:
    judicial = _judicial(ctx)
    if judicial is not None and judicial.copied_on is not None:
        return [Refusal("criminal.copied", f"已于 {judicial.copied_on} 抄送{judicial.procuratorate}")]
    if not ctx.data.input.procuratorate.strip():
        return [Refusal("criminal.procuratorate_required", "须写明抄送的人民检察院")]
    return []


def police_decision_expected(ctx: ActionContext) -> list[Refusal]:
    """The receipt comes first; one decision, and one more only after a reconsideration request."""
    judicial = _judicial(ctx)
    if judicial is None or judicial.received_on is None:
        return [Refusal("criminal.receipt_missing", "请先登记公安机关接受移送（回执）的日期，审查期限自该日起算")]
    refusals = []
    if judicial.last_decision is not None and not judicial.reconsideration_pending:
        refusals.append(Refusal("criminal.already_decided",
                                f"公安机关已于 {judicial.last_decision.notified_on} 作出"
                                f"{'立案' if judicial.last_decision.filed else '不予立案'}决定"))
    data = ctx.data.input
    if not data.filed and not data.reason.strip():
        refusals.append(Refusal("criminal.reason_required",
                                "不予立案的，应记录公安机关说明的理由（行政执法机关移送涉嫌犯罪案件的规定第8条）"))
    return refusals


def reconsideration_allowed(ctx: ActionContext) -> list[Refusal]:
    """提请复议 only against a non-filing, once, within 3 days of receiving its notice (第9条)."""
    judicial = _judicial(ctx)
    last = judicial.last_decision if judicial is not None else None
    if last is None or last.filed:
        return [Refusal("criminal.not_declined", "公安机关未作出不予立案决定，无需提请复议")]
    if judicial.reconsideration_requested_on is not None:
        return [Refusal("criminal.reconsideration_requested", f"已于 {judicial.reconsideration_requested_on} 提请复议")]
    due = reconsideration_request_due(last.notified_on)
    if ctx.on > due:
        return [Refusal("criminal.reconsideration_late",
                        f"提请复议须在接到不予立案通知书之日起三日内（{last.notified_on} 接到，最迟 {due}），"
                        f"{ctx.on} 已逾期（行政执法机关移送涉嫌犯罪案件的规定第9条）")]
    return []


def finally_declined(ctx: ActionContext) -> list[Refusal]:
    """Administrative handling resumes only after the police's final non-filing."""
    judicial = _judicial(ctx)
    last = judicial.last_decision if judicial is not None else None
    if last is None or last.filed:
        return [Refusal("criminal.not_declined", "公安机关未作出不予立案决定，案件不能恢复行政处理")]
    if judicial.reconsideration_pending:
        return [Refusal("criminal.reconsideration_pending",
                        f"已提请复议，须等待公安机关复议决定（最迟 {judicial.reconsideration_due}）")]
    return []

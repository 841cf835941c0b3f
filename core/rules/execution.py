"""Gates of service and execution: electronic service (第61条), payments, the 催告 and court application."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from zhifa.core.calendar import court_application_deadline, court_application_opens, earliest_court_application
from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal

SERVICE_METHODS = {"direct": "直接送达", "left": "留置送达", "post": "邮寄送达", "electronic": "电子送达", "public_notice": "公告送达"}


def service_method_lawful(ctx: ActionContext) -> list[Refusal]:
    data = ctx.data["input"]
    if data.method not in SERVICE_METHODS:
        return [Refusal("service.method", f"送达方式 {data.method} 无效（可选：{'、'.join(SERVICE_METHODS)}）")]
    if data.method == "electronic" and not data.electronic_consent:
        return [Refusal("service.electronic_without_consent", "当事人同意并签订确认书的，方可采用电子送达（第六十一条）")]
    return []


def demand_after_due(ctx: ActionContext) -> list[Refusal]:
    execution = ctx.data["file"].execution
    last = execution.deferred_to or execution.due
    if ctx.on > last:
        return []
    return [Refusal("execution.not_due", f"缴纳期限至 {last} 届满，届满前不得催告")]


def court_application_window(ctx: ActionContext) -> list[Refusal]:
    """行政强制法第53-54条: after the 催告's 10 working days, after the 复议 and 诉讼 periods, within 3 months."""
    file = ctx.data["file"]
    execution, served = file.execution, file.service.on
    if execution.demand_served_on is None:
        return [Refusal("execution.no_demand", "申请人民法院强制执行前，应当先送达催告书（行政强制法第五十四条）")]
    refusals = []
    opens = court_application_opens(served, deferred_until=execution.deferred_to)
    if ctx.on < opens:
        refusals.append(Refusal(
            "execution.remedy_periods_running",
            f"当事人的申请行政复议（六十日）、提起行政诉讼（六个月）期限{'或延期缴纳期限' if execution.deferred_to else ''}"
            f"至 {opens - dt.timedelta(days=1)} 届满，届满后方可申请人民法院强制执行，即 {opens} 起（行政强制法第五十三条）"))
    earliest = earliest_court_application(execution.demand_served_on)
    if ctx.on < earliest:
        refusals.append(Refusal("execution.too_early", f"催告书送达十个工作日后方可申请，即 {earliest} 起（行政强制法第五十四条）"))
    latest = court_application_deadline(served, deferred_until=execution.deferred_to)
    if ctx.on > latest:
        refusals.append(Refusal("execution.too_late", f"申请强制执行的期限已于 {latest} 届满（行政强制法第五十三条：复议、诉讼期限届满之日起三个月内）"))
    return refusals


def payment_within_owed(ctx: ActionContext) -> list[Refusal]:
    """A payment is not more than is still owed: the fine plus 加处罚款 to the payment's day, less what was paid.

    ``amount_owed`` (fine + surcharge) is computed by the service from the case file and the calendar.
    """
    file = ctx.data["file"]
    owed = ctx.data.get("amount_owed")
    if owed is None or file.decision is None or not file.decision.amount:
        return []
    amount = ctx.data["input"].amount
    paid = sum((p.amount for p in file.execution.payments), start=Decimal(0)) if file.execution else Decimal(0)
    outstanding = owed - paid
    if amount <= outstanding:
        return []
    surcharge = owed - file.decision.amount
    owed_text = f"罚款 {file.decision.amount} 元" + (f"、加处罚款 {surcharge} 元" if surcharge else "")
    if outstanding <= 0:
        return [Refusal("payment.exceeds_owed", f"{owed_text}已缴清（已缴 {paid} 元），不能再登记缴款 {amount} 元")]
    return [Refusal("payment.exceeds_owed",
                    f"缴款 {amount} 元超过尚欠的 {outstanding} 元（应缴{owed_text}，合计 {owed} 元，已缴 {paid} 元）")]


def paid_or_enforced(ctx: ActionContext) -> list[Refusal]:
    file = ctx.data["file"]
    decision = file.decision
    if decision is None or decision.kind != "penalty" or not decision.amount:
        return []
    paid = sum((p.amount for p in file.execution.payments), start=0) if file.execution else 0
    owed = ctx.data.get("amount_owed", decision.amount)
    if paid >= owed or (file.execution and file.execution.court_applied_on):
        return []
    return [Refusal("close.unpaid", f"罚款尚未缴清（应缴 {owed} 元，已缴 {paid} 元），且未申请强制执行，不能结案")]

"""Gates of service and execution: service (第61条), payments, the 催告 and court application.

Service (行政处罚法第61条 applying 民事诉讼法第87-95条) records the method and the date the
decision counts as served (``deemed_service``): direct service and service left at the address
(留置) on the day; by post the date on the postal receipt (第91条); electronic service, with the
party's consent, the day the message reached the party's system (第90条); by public notice 30
days after the notice (第95条). Every later date (payment, surcharge, remedies, court) counts
from it. The decision is served within 7 working days of being made (第61条, 第85条: working
days); later service needs recorded reasons and is a supervisors' finding (``late_service``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import msgspec
from zhifa.core.calendar import (Excluded, court_application_deadline, court_application_opens, deadline,
                                 earliest_court_application, surcharge)
from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal
from zhifa.core.vocabulary import SERVICE_METHODS



#: Methods whose legal date of service is a receipt's or the system's date, not the day of the act.
_RECEIVED = {"post": "回执上注明的收件日期（民事诉讼法第九十一条）", "electronic": "送达信息到达受送达人特定系统的日期（民事诉讼法第九十条）"}


def deemed_service(method: str, on: dt.date, received_on: dt.date | None = None) -> dt.date:
    """The day a decision counts as served (送达日期), for an act of service done ``on``."""
    if method == "public_notice":
        return deadline("public_notice_service", on)
    if method in _RECEIVED and received_on is not None:
        return received_on
    return on


def service_method_lawful(ctx: ActionContext) -> list[Refusal]:
    data = ctx.data.input
    if data.method not in SERVICE_METHODS:
        return [Refusal("service.method", f"送达方式 {data.method} 无效（可选：{'、'.join(SERVICE_METHODS)}）")]
    if data.method == "electronic" and not data.electronic_consent:
        return [Refusal("service.electronic_without_consent", "当事人同意并签订确认书的，方可采用电子送达（第六十一条）")]
    if data.method == "post" and data.received_on is None:
        return [Refusal("service.receipt_date_missing",
                        "邮寄送达以回执上注明的收件日期为送达日期（民事诉讼法第九十一条），请在「received_on」填写回执日期")]
    if data.received_on is not None and data.method not in _RECEIVED:
        return [Refusal("service.received_on_not_applicable",
                        f"{SERVICE_METHODS[data.method]}不填「received_on」：仅邮寄送达（回执日期）和电子送达（到达日期）填写")]
    return []


def service_limit(decision_on: dt.date) -> dt.date:
    """Last day to serve a decision made ``decision_on``: 7 working days (第61条)."""
    return deadline("service", decision_on)


def service_in_time(ctx: ActionContext) -> list[Refusal]:
    """Served within 7 working days of the decision, or the reasons for the delay are recorded."""
    decision = ctx.data.file.decision
    if decision is None or ctx.on <= (limit := service_limit(decision.on)) or ctx.data.input.late_reasons.strip():
        return []
    return [Refusal("service.late_without_reasons",
                    f"处罚决定书应在作出（{decision.on}）后七个工作日内、即 {limit} 前送达（行政处罚法第六十一条）；"
                    "逾期送达须在「late_reasons」中说明理由，并将列入执法监督检查")]


def late_service(file) -> Refusal | None:
    """A decision served after the 7 working days (for the supervisors' findings), with its recorded reasons."""
    decision, service = file.decision, file.service
    if decision is None or service is None or service.on <= (limit := service_limit(decision.on)):
        return None
    reasons = f"记录的理由：{service.late_reasons}" if service.late_reasons else "未记录理由"
    return Refusal("service.late", f"决定书于 {decision.on} 作出，{service.on} 才送达，超过七个工作日（应于 {limit} 前，"
                                   f"行政处罚法第六十一条）；{reasons}")


def demand_after_due(ctx: ActionContext) -> list[Refusal]:
    execution = ctx.data.file.execution
    last = execution.deferred_to or execution.due
    if ctx.on > last:
        return []
    return [Refusal("execution.not_due", f"缴纳期限至 {last} 届满，届满前不得催告")]


def court_application_window(ctx: ActionContext) -> list[Refusal]:
    """行政强制法第53-54条: after the 催告's 10 working days, after the 复议 and 诉讼 periods, within 3 months."""
    file = ctx.data.file
    execution, served = file.execution, file.service.served_on
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


class Owed(msgspec.Struct, frozen=True, kw_only=True):
    """What a decision's fine comes to on a day: the fine, 加处罚款 and what has been paid."""

    fine: Decimal
    surcharge: Decimal
    paid: Decimal
    surcharge_until: dt.date | None  # the last day the surcharge ran (None: it never started)

    @property
    def total(self) -> Decimal:
        return self.fine + self.surcharge

    @property
    def outstanding(self) -> Decimal:
        return max(self.total - self.paid, Decimal(0))


def owed(file, on: dt.date) -> Owed | None:
    """The fine and its 加处罚款 on ``on`` (行政处罚法第七十二条第一款第一项; 行政强制法第四十五条: at most the fine).

    The surcharge runs from the day after the payment was due (or deferred to) until the day
    payments first covered the fine, or until ``on`` while they do not; the days a remedy
    suspended execution do not count. A payment made after the fine is covered pays the
    surcharge and does not extend it. The one computation for the payment gate, closing,
    referral to the court and every document that prints what is owed. ``None``: no fine.
    """
    decision = file.decision
    if decision is None or not decision.amount:
        return None
    execution = file.execution
    if execution is None:
        return Owed(fine=decision.amount, surcharge=Decimal(0), paid=Decimal(0), surcharge_until=None)
    paid, covered_on = Decimal(0), None
    for payment in sorted(execution.payments, key=lambda p: p.on):
        paid += payment.amount
        if covered_on is None and paid >= decision.amount:
            covered_on = payment.on
    until = min(covered_on, on) if covered_on else on
    paused = [Excluded(start=i.start, end=i.end, reason=i.reason) for i in execution.remedies]
    extra = surcharge(decision.amount, execution.deferred_to or execution.due, until, paused)
    return Owed(fine=decision.amount, surcharge=extra, paid=paid, surcharge_until=until)


def payment_within_owed(ctx: ActionContext) -> list[Refusal]:
    """A payment is not more than is still owed: the fine plus 加处罚款 to the payment's day, less what was paid.

    ``amount_owed`` (fine + surcharge) is computed by the service from the case file and the calendar.
    """
    file = ctx.data.file
    owed = ctx.data.amount_owed
    if owed is None or file.decision is None or not file.decision.amount:
        return []
    amount = ctx.data.input.amount
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
    file = ctx.data.file
    decision = file.decision
    if decision is None or decision.kind != "penalty" or not decision.amount:
        return []
    paid = sum((p.amount for p in file.execution.payments), start=0) if file.execution else 0
    owed = ctx.data.amount_owed if ctx.data.amount_owed is not None else decision.amount
    if paid >= owed or (file.execution and file.execution.court_applied_on):
        return []
    return [Refusal("close.unpaid", f"罚款尚未缴清（应缴 {owed} 元，已缴 {paid} 元），且未申请强制执行，不能结案")]

"""The facts of one case as the procedure accumulates them (案卷事实).

Stored as JSON on the case and changed only by procedure actions, each of which also appends an
event; rules read these facts and never touch the database.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import msgspec
from zhifa.core.procedure.judicial import JudicialTransfer


class Interval(msgspec.Struct, kw_only=True):
    start: dt.date
    end: dt.date | None = None
    reason: str = ""  # hearing | testing | suspension | reconsideration | litigation


class ClockExtension(msgspec.Struct, kw_only=True):
    days: int
    approved_on: dt.date
    approver: str
    reason: str = ""


class Correction(msgspec.Struct, kw_only=True):
    """责令改正 for two-stage offences: order, deadline, re-check."""

    ordered_on: dt.date
    deadline: dt.date
    rechecked_on: dt.date | None = None
    corrected: bool | None = None
    content: str = ""  # what is to be corrected (the decision's order states it; 行政处罚法第二十八条第一款)
    follow_up: str = ""  # not corrected: what the authority did next (另案查处、强制执行 …)


class Preservation(msgspec.Struct, kw_only=True):
    """先行登记保存 (第56条): approved by the head, decided within 7 working days."""

    registered_on: dt.date
    approver: str
    items: str
    decided_on: dt.date | None = None
    decision: str = ""


class Seizure(msgspec.Struct, kw_only=True):
    """查封、扣押 (行政强制法第25条): at most 30 days, extendable once by 30."""

    kind: str  # seal 查封 | seize 扣押
    start: dt.date
    days: int
    approver: str
    items: str
    extended_days: int = 0
    ended_on: dt.date | None = None
    power: str = ""  # the coercive power (-QZ-) it was taken under; "" on seizures recorded before they named one
    basis: str = ""  # the law and article providing the measure, as the catalogue entry cites them


class Review(msgspec.Struct, kw_only=True):
    reviewer: str
    on: dt.date
    passed: bool
    opinion: str


class Discussion(msgspec.Struct, kw_only=True):
    on: dt.date
    attendees: list[str]
    conclusion: str


class Proposal(msgspec.Struct, kw_only=True):
    """调查终结 proposal: the computation and what the officers propose."""

    recommendation: dict[str, Any]  # zhifa.core.penalty Recommendation, as builtins
    amount: Decimal | None
    penalties: list[str] = []
    reasons: str = ""
    outcome: str = "penalty"  # penalty | no_penalty | criminal_transfer
    confiscated_value: Decimal | None = None  # 没收违法所得、非法财物的价值: counts toward 较大数额 (第63条)


class Notice(msgspec.Struct, kw_only=True):
    """行政处罚事先告知 (第44条)."""

    served_on: dt.date
    amount: Decimal | None
    penalties: list[str] = []
    hearing_offered: bool = False
    reply_deadline: dt.date | None = None
    hearing_reason: str = ""  # why the hearing was (not) offered (core/rules/hearing.py)
    hearing_threshold_missing: bool = False  # offered because no threshold applies where the township is


class Hearing(msgspec.Struct, kw_only=True):
    requested_on: dt.date
    notified_on: dt.date | None = None
    scheduled_for: dt.date | None = None
    host: str = ""
    held_on: dt.date | None = None
    record: str = ""


class Decision(msgspec.Struct, kw_only=True):
    kind: str  # penalty | no_penalty_minor | no_penalty_unproven | criminal_transfer
    on: dt.date
    amount: Decimal | None = None
    penalties: list[str] = []
    reasons: str = ""
    recommendation: dict[str, Any] = {}
    decided_by: str = ""
    correction: Correction | None = None  # 责令改正 ordered with the penalty (行政处罚法第二十八条第一款)


class Service(msgspec.Struct, kw_only=True):
    """送达 (第61条; 民事诉讼法第87-95条): ``on`` is the authority's act, ``served_on`` the legal date of service."""

    on: dt.date  # 交付、留置、交邮、发送或发出公告之日
    method: str  # direct | left 留置 | post | electronic | public_notice
    recipient: str
    electronic_consent: bool = False
    received_on: dt.date | None = None  # 邮寄: 回执上注明的收件日期; 电子: 到达受送达人特定系统的日期
    deemed_on: dt.date | None = None  # 送达日期 (zhifa.core.rules.execution.deemed_service); None on older files
    late_reasons: str = ""  # 超过第61条七个工作日送达的理由

    @property
    def served_on(self) -> dt.date:
        """The day the decision counts as served: payment, surcharge and remedy periods run from it."""
        return self.deemed_on or self.on


class Payment(msgspec.Struct, kw_only=True):
    on: dt.date
    amount: Decimal
    receipt: str = ""


class Instalment(msgspec.Struct, kw_only=True):
    due: dt.date
    amount: Decimal


class Execution(msgspec.Struct, kw_only=True):
    due: dt.date
    payments: list[Payment] = []
    deferred_to: dt.date | None = None
    instalments: list[Instalment] = []
    remedies: list[Interval] = []  # 复议/诉讼 pending: surcharge paused (第73条第3款)
    demand_served_on: dt.date | None = None
    court_applied_on: dt.date | None = None


class Demolition(msgspec.Struct, kw_only=True):
    """强制拆除违法建筑物、构筑物、设施 after a served 限期拆除 decision (行政强制法第四十四条: 公告, the
    remedy periods; 第三十五至三十八条: 催告, 陈述申辩, 强制执行决定; 第五十至五十一条: 代履行; 第四十三条)."""

    announced_on: dt.date | None = None  # 公告之日
    demolish_by: dt.date | None = None  # 公告限期当事人自行拆除的最后一日
    demand_served_on: dt.date | None = None  # 催告书送达之日 (第三十五条)
    perform_by: dt.date | None = None  # 催告书载明的履行期限
    statement: str = ""  # 当事人的陈述、申辩 and the authority's answer (第三十六条)
    decided_on: dt.date | None = None  # 强制拆除决定 (第三十七条) or 代履行决定 (第五十一条)
    way: str = ""  # forced 强制拆除 | substitute 代履行
    performer: str = ""  # 代履行人
    budget: Decimal | None = None  # 代履行费用预算 (第五十一条第一款)
    carried_out_on: dt.date | None = None  # 实施之日
    record: str = ""  # 实施情况
    remedies: list[Interval] = []  # 复议/诉讼 pending against the 限期拆除 decision


class CaseFile(msgspec.Struct, kw_only=True):
    procedure: str = "general"
    act_date: dt.date | None = None
    officers: list[str] = []  # usernames of assigned officers (承办人)
    recused: list[str] = []
    filing_extension: ClockExtension | None = None
    correction: Correction | None = None
    major_public_interest: bool = False
    complex_case: bool = False
    preservations: list[Preservation] = []
    seizures: list[Seizure] = []
    extensions: list[ClockExtension] = []
    excluded: list[Interval] = []
    proposal: Proposal | None = None
    legal_review: Review | None = None
    discussion: Discussion | None = None
    notice: Notice | None = None
    defence_on: dt.date | None = None
    defence: str = ""
    rights_waived: bool = False
    hearing: Hearing | None = None
    decision: Decision | None = None
    service: Service | None = None
    execution: Execution | None = None
    demolition: Demolition | None = None  # a served 限期拆除 decision's execution
    closed_on: dt.date | None = None
    archived_on: dt.date | None = None
    outcome_note: str = ""
    judicial: JudicialTransfer | None = None  # 涉嫌犯罪移送后的步骤 (zhifa.core.procedure.judicial)


def load(raw: Any) -> CaseFile:
    if isinstance(raw, str):
        return msgspec.json.decode(raw or "{}", type=CaseFile)
    return msgspec.convert(raw or {}, CaseFile, strict=False)


def dump(file: CaseFile) -> dict[str, Any]:
    return msgspec.json.decode(msgspec.json.encode(file))

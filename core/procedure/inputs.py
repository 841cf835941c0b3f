"""What each procedure action takes (one msgspec struct per action; the API and CLI reuse them).

Every amount is ``zhifa.core.schemas.money``'s money, held on decoding by ``Input.__post_init__``:
a fine or a payment is ``PositiveMoney``; a bad amount is answered 400 naming its field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
from zhifa.core.schemas import money
from zhifa.core.schemas.ids import RecordId
from zhifa.core.schemas.money import PositiveMoney


class Input(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    def __post_init__(self) -> None:
        money.check(self)


class FileCase(Input, kw_only=True, forbid_unknown_fields=True):
    officers: list[str]  # ≥2 certified officers (第42条)
    power: str | None = None  # may name the power now if the clue did not
    party_id: RecordId | None = None
    act_date: dt.date | None = None
    act_ended: dt.date | None = None
    harmful_consequences: bool = False


class DeclineFiling(Input, kw_only=True, forbid_unknown_fields=True):
    reason: str


class Transfer(Input, kw_only=True, forbid_unknown_fields=True):
    recipient: str  # the competent authority
    reason: str


class OrderCorrection(Input, kw_only=True, forbid_unknown_fields=True):
    deadline: dt.date
    content: str


class Recheck(Input, kw_only=True, forbid_unknown_fields=True):
    corrected: bool


class ApproveFilingExtension(Input, kw_only=True, forbid_unknown_fields=True):
    reason: str


class Recuse(Input, kw_only=True, forbid_unknown_fields=True):
    officer: str
    reason: str
    replacement: str | None = None


class PreserveEvidence(Input, kw_only=True, forbid_unknown_fields=True):
    items: str


class DecidePreservedEvidence(Input, kw_only=True, forbid_unknown_fields=True):
    index: int = 0
    decision: str  # 退还 / 没收 / 移送 / 解除


class Seize(Input, kw_only=True, forbid_unknown_fields=True):
    kind: str = "seize"  # seal 查封 | seize 扣押
    days: int = 30
    items: str


class ExtendSeizure(Input, kw_only=True, forbid_unknown_fields=True):
    index: int = 0
    days: int = 30


class ConcludeInvestigation(Input, kw_only=True, forbid_unknown_fields=True):
    facts: dict[str, Any]  # zhifa.core.penalty.PenaltyFacts fields (power and dates filled in by the service)
    amount: PositiveMoney | None = None  # the proposed fine; None: as recommended, or no fine
    penalties: list[str] = []
    reasons: str = ""
    outcome: str = "penalty"  # penalty | no_penalty | criminal_transfer
    complex_case: bool = False
    major_public_interest: bool = False


class LegalReview(Input, kw_only=True, forbid_unknown_fields=True):
    passed: bool
    opinion: str


class CollectiveDiscussion(Input, kw_only=True, forbid_unknown_fields=True):
    attendees: list[str]
    conclusion: str


class ServeNotice(Input, kw_only=True, forbid_unknown_fields=True):
    pass


class RecordDefence(Input, kw_only=True, forbid_unknown_fields=True):
    summary: str


class WaiveRights(Input, kw_only=True, forbid_unknown_fields=True):
    pass


class RequestHearing(Input, kw_only=True, forbid_unknown_fields=True):
    pass


class ScheduleHearing(Input, kw_only=True, forbid_unknown_fields=True):
    hearing_on: dt.date
    host: str


class HoldHearing(Input, kw_only=True, forbid_unknown_fields=True):
    record: str


class ExtendDecisionDeadline(Input, kw_only=True, forbid_unknown_fields=True):
    days: int = 30
    reason: str


class Suspend(Input, kw_only=True, forbid_unknown_fields=True):
    reason: str


class Resume(Input, kw_only=True, forbid_unknown_fields=True):
    pass


class Decide(Input, kw_only=True, forbid_unknown_fields=True):
    kind: str = "penalty"  # penalty | no_penalty_minor | no_penalty_unproven | criminal_transfer
    amount: PositiveMoney | None = None  # the fine; None: no fine
    penalties: list[str] = []
    reasons: str = ""


class HandBack(Input, kw_only=True, forbid_unknown_fields=True):
    department: str
    reason: str


class ServeDecision(Input, kw_only=True, forbid_unknown_fields=True):
    method: str = "direct"  # direct | left | post | electronic | public_notice
    recipient: str
    electronic_consent: bool = False


class RecordPayment(Input, kw_only=True, forbid_unknown_fields=True):
    amount: PositiveMoney  # not more than is owed (zhifa.core.rules.execution.payment_within_owed)
    receipt: str = ""


class Instalment(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """One instalment of a 分期缴纳 plan; held by the enclosing ``ApproveDeferral``."""

    due: dt.date
    amount: PositiveMoney


class ApproveDeferral(Input, kw_only=True, forbid_unknown_fields=True):
    deferred_to: dt.date | None = None
    instalments: list[Instalment] = []
    reason: str


class RecordRemedy(Input, kw_only=True, forbid_unknown_fields=True):
    kind: str  # reconsideration | litigation
    ended: bool = False


class ServeDemand(Input, kw_only=True, forbid_unknown_fields=True):
    pass


class ApplyToCourt(Input, kw_only=True, forbid_unknown_fields=True):
    court: str


class Close(Input, kw_only=True, forbid_unknown_fields=True):
    note: str = ""


class Archive(Input, kw_only=True, forbid_unknown_fields=True):
    pass


class TransferToJudicial(Input, kw_only=True, forbid_unknown_fields=True):
    organ: str
    reason: str


class Terminate(Input, kw_only=True, forbid_unknown_fields=True):
    reason: str


class Revoke(Input, kw_only=True, forbid_unknown_fields=True):
    by: str  # 复议机关 / 人民法院 / 本机关
    reason: str


class DecideOnSpot(Input, kw_only=True, forbid_unknown_fields=True):
    """简易程序 当场处罚 (第51-52条): creates the case, decided and delivered at once."""

    field: str
    power: str
    officers: list[str]
    party_id: RecordId
    summary: str
    place: str
    act_date: dt.date
    amount: PositiveMoney | None = None  # None: warning only
    warning: bool = False
    statement_heard: bool = True  # facts, reasons and rights told orally and the party heard (第44-45条)
    collect_on_spot: bool = False
    hard_to_pay_later: bool = False  # 第68条第2项


class FileWithAuthority(Input, kw_only=True, forbid_unknown_fields=True):
    pass


# 涉嫌犯罪移送之后 (zhifa.core.procedure.judicial)


class RecordPoliceReceipt(Input, kw_only=True, forbid_unknown_fields=True):
    received_on: dt.date | None = None  # the day the police received the case (回执); default: the action's day
    receipt_no: str = ""


class CopyToProcuratorate(Input, kw_only=True, forbid_unknown_fields=True):
    procuratorate: str  # e.g. 桐庐县人民检察院
    document_no: str = ""


class RecordPoliceDecision(Input, kw_only=True, forbid_unknown_fields=True):
    filed: bool  # 公安机关决定立案 / 不予立案
    notice_no: str = ""
    reason: str = ""  # required when not filed (第8条: 说明理由)


class RequestPoliceReconsideration(Input, kw_only=True, forbid_unknown_fields=True):
    reason: str


class ResumeAfterNonFiling(Input, kw_only=True, forbid_unknown_fields=True):
    reason: str = ""

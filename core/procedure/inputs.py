"""What each procedure action takes (one msgspec struct per action; the API and CLI reuse them).

Every amount is ``zhifa.core.schemas.money``'s money, held on decoding by ``Input.__post_init__``:
a fine or a payment is ``PositiveMoney``; a bad amount is answered 400 naming its field.
Every text is bounded (``zhifa.core.schemas.text``): a longer one is refused on decoding, naming its field.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import msgspec
from zhifa.core.schemas import money
from zhifa.core.schemas.ids import RecordId
from zhifa.core.schemas.money import PositiveMoney
from zhifa.core.schemas.text import CODE_MAX, Code, Line, Name, Record, Text, Username


#: A catalogue code the input must name (not empty).
PowerCode = Annotated[str, msgspec.Meta(min_length=1, max_length=CODE_MAX)]


class Input(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    def __post_init__(self) -> None:
        money.check(self)


class FileCase(Input, kw_only=True, forbid_unknown_fields=True):
    officers: list[Username]  # ≥2 certified officers (第42条)
    power: Code | None = None  # may name the power now if the clue did not
    party_id: RecordId | None = None
    act_date: dt.date | None = None
    act_ended: dt.date | None = None
    harmful_consequences: bool = False


class DeclineFiling(Input, kw_only=True, forbid_unknown_fields=True):
    reason: Text


class Transfer(Input, kw_only=True, forbid_unknown_fields=True):
    recipient: Name  # the competent authority
    reason: Text


class OrderCorrection(Input, kw_only=True, forbid_unknown_fields=True):
    deadline: dt.date
    content: Text


class Recheck(Input, kw_only=True, forbid_unknown_fields=True):
    corrected: bool


class ApproveFilingExtension(Input, kw_only=True, forbid_unknown_fields=True):
    reason: Text


class Recuse(Input, kw_only=True, forbid_unknown_fields=True):
    officer: Username
    reason: Text
    replacement: Username | None = None


class PreserveEvidence(Input, kw_only=True, forbid_unknown_fields=True):
    items: Text


class DecidePreservedEvidence(Input, kw_only=True, forbid_unknown_fields=True):
    index: int = 0
    decision: Line  # 退还 / 没收 / 移送 / 解除


class Seize(Input, kw_only=True, forbid_unknown_fields=True):
    # the coercive power (-QZ-) it is taken under: held that day, not by entrustment, of the case's field, and
    # its catalogue entry provides the measure (行政强制法第十条、第十七条; zhifa.core.rules.coercion)
    coercive_power: PowerCode
    kind: Literal["seal", "seize"] = "seize"  # seal 查封 | seize 扣押 (行政强制法第九条第二项、第三项); nothing else
    days: int = 30
    items: Text


class ExtendSeizure(Input, kw_only=True, forbid_unknown_fields=True):
    index: int = 0
    days: int = 30


class ConcludeInvestigation(Input, kw_only=True, forbid_unknown_fields=True):
    facts: dict[str, Any]  # zhifa.core.penalty.PenaltyFacts fields (power and dates filled in by the service)
    amount: PositiveMoney | None = None  # the proposed fine; None: as recommended, or no fine
    # 没收违法所得、非法财物的价值 (counts toward 较大数额 with the fine); None: the facts' illegal gains
    # when confiscate_gains is proposed
    confiscated_value: PositiveMoney | None = None
    penalties: list[Line] = []
    reasons: Text = ""
    outcome: Literal["penalty", "no_penalty", "criminal_transfer"] = "penalty"
    complex_case: bool = False
    major_public_interest: bool = False


class LegalReview(Input, kw_only=True, forbid_unknown_fields=True):
    passed: bool
    opinion: Text


class CollectiveDiscussion(Input, kw_only=True, forbid_unknown_fields=True):
    attendees: list[Name]
    conclusion: Text


class ServeNotice(Input, kw_only=True, forbid_unknown_fields=True):
    pass


class RecordDefence(Input, kw_only=True, forbid_unknown_fields=True):
    summary: Text


class WaiveRights(Input, kw_only=True, forbid_unknown_fields=True):
    pass


class RequestHearing(Input, kw_only=True, forbid_unknown_fields=True):
    pass


class ScheduleHearing(Input, kw_only=True, forbid_unknown_fields=True):
    hearing_on: dt.date
    host: Username


class HoldHearing(Input, kw_only=True, forbid_unknown_fields=True):
    record: Record


class ExtendDecisionDeadline(Input, kw_only=True, forbid_unknown_fields=True):
    days: int = 30
    reason: Text


class Suspend(Input, kw_only=True, forbid_unknown_fields=True):
    reason: Text


class Resume(Input, kw_only=True, forbid_unknown_fields=True):
    pass


class Decide(Input, kw_only=True, forbid_unknown_fields=True):
    kind: Literal["penalty", "no_penalty_minor", "no_penalty_unproven", "criminal_transfer"] = "penalty"
    amount: PositiveMoney | None = None  # the fine; None: no fine
    penalties: list[Line] = []
    reasons: Text = ""
    # 行政处罚法第二十八条第一款: the order to correct the violation, with its time limit
    correction: Text = ""
    correct_by: dt.date | None = None


class RecheckDecisionCorrection(Input, kw_only=True, forbid_unknown_fields=True):
    corrected: bool
    follow_up: Text = ""  # not corrected: the next step taken (另案立案查处、申请强制执行 …)


class HandBack(Input, kw_only=True, forbid_unknown_fields=True):
    department: Name
    reason: Text


class ServeDecision(Input, kw_only=True, forbid_unknown_fields=True):
    method: Code = "direct"  # direct | left | post | electronic | public_notice
    recipient: Name
    electronic_consent: bool = False
    received_on: dt.date | None = None  # post: the receipt's date (required); electronic: arrival, if not ``on``
    late_reasons: Text = ""  # required when served after the 7 working days of 第61条


class RecordPayment(Input, kw_only=True, forbid_unknown_fields=True):
    amount: PositiveMoney  # not more than is owed (zhifa.core.rules.execution.payment_within_owed)
    receipt: Line = ""


class Instalment(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """One instalment of a 分期缴纳 plan; held by the enclosing ``ApproveDeferral``."""

    due: dt.date
    amount: PositiveMoney


class ApproveDeferral(Input, kw_only=True, forbid_unknown_fields=True):
    deferred_to: dt.date | None = None
    instalments: list[Instalment] = []
    reason: Text


class RecordRemedy(Input, kw_only=True, forbid_unknown_fields=True):
    kind: Literal["reconsideration", "litigation"]
    ended: bool = False


class ServeDemand(Input, kw_only=True, forbid_unknown_fields=True):
    pass


class AnnounceDemolition(Input, kw_only=True, forbid_unknown_fields=True):
    """公告 (行政强制法第四十四条): the party is to demolish by ``demolish_by``."""

    demolish_by: dt.date
    place: Line = ""  # where the notice is posted (张贴地点)


class ServeDemolitionDemand(Input, kw_only=True, forbid_unknown_fields=True):
    """催告 (第三十五条): to perform by ``perform_by``."""

    perform_by: dt.date


class DecideForcedDemolition(Input, kw_only=True, forbid_unknown_fields=True):
    """强制拆除决定 (第三十七条), after hearing the party's statement (第三十六条)."""

    statement: Text = ""  # the party's statement and defence, and the authority's review of it
    carry_out_on: dt.date | None = None  # the planned day (not a statutory holiday, 第四十三条)


class DecideSubstitutePerformance(Input, kw_only=True, forbid_unknown_fields=True):
    """代履行决定 (第五十条、第五十一条): who performs, at what estimated cost, borne by the party."""

    performer: Name
    budget: PositiveMoney
    statement: Text = ""
    carry_out_on: dt.date | None = None


class CarryOutDemolition(Input, kw_only=True, forbid_unknown_fields=True):
    report: Text  # 实施情况: what was demolished, who was present (第三十八条, 第五十一条第二款)


class ApplyToCourt(Input, kw_only=True, forbid_unknown_fields=True):
    court: Name


class Close(Input, kw_only=True, forbid_unknown_fields=True):
    note: Text = ""


class Archive(Input, kw_only=True, forbid_unknown_fields=True):
    pass


class TransferToJudicial(Input, kw_only=True, forbid_unknown_fields=True):
    organ: Name
    reason: Text


class Terminate(Input, kw_only=True, forbid_unknown_fields=True):
    reason: Text


class Revoke(Input, kw_only=True, forbid_unknown_fields=True):
    by: Name  # 复议机关 / 人民法院 / 本机关
    reason: Text


class DecideOnSpot(Input, kw_only=True, forbid_unknown_fields=True):
    """简易程序 当场处罚 (第51-52条): creates the case, decided and delivered at once."""

    field: Code
    power: Code
    officers: list[Username]
    party_id: RecordId
    summary: Text
    place: Line
    act_date: dt.date
    amount: PositiveMoney | None = None  # None: warning only
    warning: bool = False
    statement_heard: bool = True  # facts, reasons and rights told orally and the party heard (第44-45条)
    collect_on_spot: bool = False
    hard_to_pay_later: bool = False  # 第68条第2项
    situation: Code = "default"  # the statutory fine's situation (StatutoryFine.situation): not_corrected, serious …
    circumstances: list[Code] = []  # zhifa.core.penalty.Circumstance codes established on the spot (减轻 grounds)
    reasons: Text = ""  # written on the form: why the fine is below the statutory minimum (减轻)


class FileWithAuthority(Input, kw_only=True, forbid_unknown_fields=True):
    pass


# 涉嫌犯罪移送之后 (zhifa.core.procedure.judicial)


class RecordPoliceReceipt(Input, kw_only=True, forbid_unknown_fields=True):
    received_on: dt.date | None = None  # the day the police received the case (回执); default: the action's day
    receipt_no: Line = ""


class CopyToProcuratorate(Input, kw_only=True, forbid_unknown_fields=True):
    procuratorate: Name  # e.g. 桐庐县人民检察院
    document_no: Line = ""


class RecordPoliceDecision(Input, kw_only=True, forbid_unknown_fields=True):
    filed: bool  # 公安机关决定立案 / 不予立案
    notice_no: Line = ""
    reason: Text = ""  # required when not filed (第8条: 说明理由)


class RequestPoliceReconsideration(Input, kw_only=True, forbid_unknown_fields=True):
    reason: Text


class ResumeAfterNonFiling(Input, kw_only=True, forbid_unknown_fields=True):
    reason: Text = ""

"""Every procedure action as data: from which states, to which, who may act, which gates, what input.

The core's gates run through the ``zhifa_check_action`` hook (``zhifa.core.defaults``), so a
plugin adds its own gates to any action by implementing the same hook. A refused action names
each rule that refused it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from zhifa.core.domain.roles import Role
from zhifa.core.procedure import effects
from zhifa.core.procedure import inputs as i
from zhifa.core.procedure.states import Status as S
from zhifa.core.rules import authority, coercion, deadlines, decision, execution, gates, people, simple
from zhifa.core.rules import correction as correct
from zhifa.core.rules import demolition as demolish
from zhifa.core.rules import judicial as criminal
from zhifa.core.rules import preconditions as pre
from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal

Gate = Callable[[ActionContext], list[Refusal]]

OFFICER = (Role.officer,)
APPROVER = (Role.approver, Role.township_head)
HEAD = (Role.township_head,)

INVESTIGATION = frozenset({S.investigating})
BEFORE_DECISION = frozenset({S.investigating, S.reviewing, S.notified, S.hearing})
AFTER_SERVICE = frozenset({S.served, S.executing})


@dataclass(frozen=True)
class Action:
    name: str
    title: str  # 中文名称, as the event log and refusals print it
    sources: frozenset[S]
    target: S | None  # None: the status does not change
    input: type[i.Input]
    effect: Callable
    roles: tuple[Role, ...] = OFFICER
    gates: tuple[Gate, ...] = ()
    needs: tuple[Gate, ...] = ()  # preconditions in the case file, asked before the gates
    #: ``CaseFacts`` the service derives for this action before the gates ask (``services.procedure.DERIVED``)
    derives: tuple[str, ...] = ()
    #: facts derived once the gates allowed the action (their computation may itself refuse)
    derives_after_gates: tuple[str, ...] = ()
    numbered: str | None = None  # the number series the action takes a number from (立案: the case number)
    resumes: bool = False  # the target is the status the case was suspended in


def _a(name, title, sources, target, input_, effect, roles=OFFICER, gates=(), needs=(), **declared):
    return Action(name, title, frozenset(sources), target, input_, effect, tuple(roles), tuple(gates), tuple(needs),
                  **declared)


ACTIONS: dict[str, Action] = {a.name: a for a in (
    # 立案 — the approver files; two certified officers are assigned
    _a("file_case", "立案", {S.clue}, S.investigating, i.FileCase, effects.file_case, APPROVER,
       (authority.power_named, gates.power_authorised, authority.two_stage_not_corrected, deadlines.filing_in_time, deadlines.within_limitation, people.two_certified_officers),
       derives=("act_date",), numbered="case"),
    _a("decline_filing", "不予立案", {S.clue}, S.not_filed, i.DeclineFiling, effects.decline_filing, APPROVER),
    _a("transfer", "移送管辖", {S.clue, S.investigating}, S.transferred, i.Transfer, effects.transfer, APPROVER),
    _a("order_correction", "责令改正", {S.clue}, None, i.OrderCorrection, effects.order_correction, OFFICER),
    _a("recheck_correction", "复查", {S.clue}, None, i.Recheck, effects.recheck, OFFICER, needs=(pre.correction_ordered,)),
    _a("approve_filing_extension", "延长立案审查期限", {S.clue}, None, i.ApproveFilingExtension,
       effects.approve_filing_extension, APPROVER),
    # 调查取证
    _a("recuse", "回避", BEFORE_DECISION, None, i.Recuse, effects.recuse, HEAD, (people.recusal_names_an_assigned_officer,)),
    _a("preserve_evidence", "先行登记保存证据", INVESTIGATION, None, i.PreserveEvidence, effects.preserve_evidence, HEAD,
       (people.two_certified_officers,)),
    _a("decide_preserved_evidence", "先行登记保存处理决定", INVESTIGATION, None, i.DecidePreservedEvidence,
       effects.decide_preserved_evidence, HEAD, (deadlines.preservation_decided_in_time,), needs=(pre.preservation_exists,)),
    _a("seize", "查封扣押", INVESTIGATION, None, i.Seize, effects.seize, HEAD,
       (authority.no_coercion_under_entrustment, coercion.measure_provided, deadlines.seizure_within_limits,
        people.two_certified_officers), derives=("coercive",)),
    _a("extend_seizure", "延长查封扣押", INVESTIGATION, None, i.ExtendSeizure, effects.extend_seizure, HEAD,
       (authority.no_coercion_under_entrustment, coercion.measure_provided, deadlines.seizure_extension_allowed),
       needs=(pre.seizure_exists,), derives=("coercive_of_seizure",)),
    _a("conclude_investigation", "调查终结", INVESTIGATION, S.reviewing, i.ConcludeInvestigation,
       effects.conclude_investigation, OFFICER, (people.actor_not_recused, people.two_certified_officers),
       derives_after_gates=("recommendation",)),
    # 审核、告知、听证
    _a("legal_review", "法制审核", {S.reviewing, S.notified, S.hearing}, None, i.LegalReview, effects.legal_review,
       (Role.legal_reviewer,), (people.reviewer_qualified, people.reviewer_not_investigator,
                                people.reviewer_not_hearing_host)),
    _a("collective_discussion", "集体讨论", BEFORE_DECISION, None, i.CollectiveDiscussion,
       effects.collective_discussion, HEAD),
    _a("serve_notice", "行政处罚事先告知", {S.reviewing}, S.notified, i.ServeNotice, effects.serve_notice, OFFICER,
       (decision.proposal_exists,), derives=("hearing",)),
    _a("record_defence", "陈述申辩", {S.notified}, None, i.RecordDefence, effects.record_defence, OFFICER),
    _a("waive_rights", "放弃陈述申辩和听证", {S.notified}, None, i.WaiveRights, effects.waive_rights, OFFICER),
    _a("request_hearing", "申请听证", {S.notified}, S.hearing, i.RequestHearing, effects.request_hearing, OFFICER,
       (deadlines.hearing_requested_in_time,)),
    _a("schedule_hearing", "听证通知", {S.hearing}, None, i.ScheduleHearing, effects.schedule_hearing, HEAD,
       (deadlines.hearing_notified_in_time, people.hearing_host_not_investigator, people.hearing_host_not_reviewer)),
    _a("hold_hearing", "举行听证", {S.hearing}, S.notified, i.HoldHearing, effects.hold_hearing, HEAD),
    _a("extend_decision_deadline", "延长办案期限", BEFORE_DECISION, None, i.ExtendDecisionDeadline,
       effects.extend_decision_deadline, HEAD, (deadlines.decision_extension_within_limits,)),
    _a("suspend", "中止调查", BEFORE_DECISION, S.suspended, i.Suspend, effects.suspend, HEAD),
    _a("resume", "恢复调查", {S.suspended}, S.investigating, i.Resume, effects.resume, HEAD, resumes=True),
    # 决定
    _a("decide", "作出决定", {S.reviewing, S.notified}, S.decided, i.Decide, effects.decide, HEAD,
       (decision.notice_served_and_heard, decision.hearing_held_if_requested, decision.legal_review_passed,
        decision.discussion_recorded, decision.not_heavier_than_notice, decision.lawful_amount,
        authority.two_stage_penalties_allowed, decision.not_for_the_county, deadlines.decided_in_time,
        people.decider_independent, correct.order_is_stated)),
    _a("hand_back", "移交县级部门", {S.reviewing, S.notified}, S.handed_back, i.HandBack, effects.hand_back, HEAD),
    _a("transfer_to_judicial", "涉嫌犯罪移送", BEFORE_DECISION, S.criminal_transfer, i.TransferToJudicial,
       effects.transfer_to_judicial, HEAD),
    _a("terminate", "终止调查", BEFORE_DECISION | {S.suspended}, S.terminated, i.Terminate, effects.terminate, HEAD),
    # 送达、执行、结案
    _a("serve_decision", "送达决定书", {S.decided}, S.served, i.ServeDecision, effects.serve_decision, OFFICER,
       (execution.service_method_lawful, execution.service_in_time)),
    _a("record_payment", "缴纳罚款", AFTER_SERVICE | {S.on_spot}, S.executing, i.RecordPayment, effects.record_payment,
       OFFICER, (execution.payment_within_owed,), needs=(pre.something_to_execute,), derives=("amount_owed",)),
    _a("approve_deferral", "批准延期（分期）缴纳", AFTER_SERVICE, S.executing, i.ApproveDeferral, effects.approve_deferral,
       HEAD, needs=(pre.something_to_execute,)),
    _a("record_remedy", "复议诉讼", AFTER_SERVICE, S.executing, i.RecordRemedy, effects.record_remedy,
       needs=(pre.something_to_execute,)),
    _a("serve_demand", "送达催告书", AFTER_SERVICE, S.executing, i.ServeDemand, effects.serve_demand, OFFICER,
       (execution.demand_after_due,), needs=(pre.something_to_execute,)),
    _a("apply_to_court", "申请人民法院强制执行", {S.executing}, None, i.ApplyToCourt, effects.apply_to_court, HEAD,
       (execution.court_application_window,), needs=(pre.something_to_execute,)),
    _a("recheck_decision_correction", "复查（决定责令改正）", AFTER_SERVICE, None, i.RecheckDecisionCorrection,
       effects.recheck_decision_correction, OFFICER, (correct.recheck_after_the_time_limit,),
       needs=(correct.ordered_by_the_decision,)),
    # 强制拆除（行政强制法第四十四条、第三十五至三十八条、第五十至五十一条; zhifa.core.rules.demolition）
    _a("announce_demolition", "公告限期自行拆除", AFTER_SERVICE, S.executing, i.AnnounceDemolition,
       effects.announce_demolition, HEAD, (demolish.announced_once,), needs=(demolish.demolition_ordered,)),
    _a("serve_demolition_demand", "送达催告书（强制拆除）", AFTER_SERVICE, None, i.ServeDemolitionDemand,
       effects.serve_demolition_demand, OFFICER, (demolish.announced, demolish.self_demolition_period_over,
                                                  demolish.remedy_periods_over, demolish.not_decided),
       needs=(demolish.demolition_ordered,)),
    _a("decide_forced_demolition", "强制拆除决定", AFTER_SERVICE, None, i.DecideForcedDemolition,
       effects.decide_forced_demolition, HEAD, (demolish.announced, demolish.demand_served, demolish.demand_period_over,
                                                demolish.remedy_periods_over, demolish.not_decided,
                                                demolish.not_on_a_statutory_holiday),
       needs=(demolish.demolition_ordered,)),
    _a("decide_substitute_performance", "代履行决定", AFTER_SERVICE, None, i.DecideSubstitutePerformance,
       effects.decide_substitute_performance, HEAD, (demolish.announced, demolish.demand_served,
                                                     demolish.demand_period_over, demolish.remedy_periods_over,
                                                     demolish.not_decided, demolish.not_on_a_statutory_holiday),
       needs=(demolish.demolition_ordered,)),
    _a("carry_out_demolition", "实施强制拆除", AFTER_SERVICE, None, i.CarryOutDemolition, effects.carry_out_demolition,
       HEAD, (demolish.decided, demolish.not_on_a_statutory_holiday, people.two_certified_officers),
       needs=(demolish.demolition_ordered,)),
    _a("revoke", "撤销决定", {S.decided, S.served, S.executing}, S.revoked, i.Revoke, effects.revoke, HEAD),
    _a("close", "结案", {S.decided, S.served, S.executing}, S.closed, i.Close, effects.close, APPROVER,
       (execution.paid_or_enforced, demolish.finished_before_closing, correct.rechecked_before_closing),
       derives=("amount_owed",)),
    _a("archive", "归档", {S.closed, S.filed_with_authority}, S.archived, i.Archive, effects.archive, APPROVER),
    # 简易程序
    _a("decide_on_spot", "当场处罚", {S.clue}, S.on_spot, i.DecideOnSpot, effects.decide_on_spot, OFFICER,
       (gates.power_authorised, simple.field_of_power, simple.provision_allows, authority.two_stage_penalties_allowed,
        simple.within_simple_limits, simple.statement_heard, simple.on_spot_collection_allowed,
        people.two_certified_officers)),
    _a("file_with_authority", "当场处罚备案", {S.on_spot, S.executing}, S.filed_with_authority, i.FileWithAuthority,
       effects.file_with_authority, OFFICER, (execution.paid_or_enforced,), derives=("amount_owed",)),
    # 涉嫌犯罪移送之后（行政执法机关移送涉嫌犯罪案件的规定第8-9条; zhifa.core.procedure.judicial）
    _a("record_police_receipt", "公安机关接受移送", {S.criminal_transfer}, None, i.RecordPoliceReceipt,
       effects.record_police_receipt, OFFICER + APPROVER, (criminal.receipt_once,)),
    _a("copy_to_procuratorate", "抄送人民检察院", {S.criminal_transfer}, None, i.CopyToProcuratorate,
       effects.copy_to_procuratorate, OFFICER + APPROVER, (criminal.copy_once,)),
    _a("record_police_decision", "公安机关立案审查结果", {S.criminal_transfer}, None, i.RecordPoliceDecision,
       effects.record_police_decision, OFFICER + APPROVER, (criminal.police_decision_expected,)),
    _a("request_police_reconsideration", "提请公安机关复议", {S.criminal_transfer}, None, i.RequestPoliceReconsideration,
       effects.request_police_reconsideration, HEAD, (criminal.reconsideration_allowed,)),
    _a("resume_after_non_filing", "不予立案后恢复行政处理", {S.criminal_transfer}, S.investigating, i.ResumeAfterNonFiling,
       effects.resume_after_non_filing, HEAD, (criminal.finally_declined,)),
)}

"""What each action does to the case file once its gates allowed it. Pure: no I/O.

Each effect mutates the ``CaseFile`` and returns column updates for the case row (status is
set by the action table). The service has already numbered the case when filing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import msgspec
from zhifa.core.calendar import deadline, payment_due
from zhifa.core.procedure import casefile as cf
from zhifa.core.rules.coercion import MEASURE_OF_KIND
from zhifa.core.rules.context import ActionContext

class Updates(msgspec.Struct, frozen=True, kw_only=True):
    """The case row's own columns an action's effect changes, besides the case file and the status (None: unchanged)."""

    filed_on: dt.date | None = None
    power: str | None = None
    party: int | None = None
    act_date: dt.date | None = None
    procedure: str | None = None  # general | simple
    field: str | None = None
    resume_status: str | None = None  # 中止调查: the status the case resumes in


UNCHANGED = Updates()


def _input(ctx: ActionContext):
    return ctx.data.input


def _actor(ctx: ActionContext) -> str:
    return ctx.data.actor_name


def _overrides(ctx: ActionContext) -> dict[str, int]:
    settings = ctx.data.settings
    return dict(settings.periods) if settings else {}


def file_case(ctx: ActionContext, file: cf.CaseFile) -> Updates:
    data = _input(ctx)
    file.officers = list(dict.fromkeys(data.officers))
    file.act_date = data.act_date or file.act_date
    return Updates(filed_on=ctx.on, power=ctx.power, party=data.party_id or ctx.data.party_id, act_date=file.act_date)


def decline_filing(ctx, file):
    file.outcome_note = _input(ctx).reason
    return UNCHANGED


def transfer(ctx, file):
    file.outcome_note = f"移送 {_input(ctx).recipient}：{_input(ctx).reason}"
    return UNCHANGED


def order_correction(ctx, file):
    data = _input(ctx)
    file.correction = cf.Correction(ordered_on=ctx.on, deadline=data.deadline)
    return UNCHANGED


def recheck(ctx, file):
    file.correction.rechecked_on = ctx.on
    file.correction.corrected = _input(ctx).corrected
    return UNCHANGED


def approve_filing_extension(ctx, file):
    file.filing_extension = cf.ClockExtension(days=15, approved_on=ctx.on, approver=_actor(ctx), reason=_input(ctx).reason)
    return UNCHANGED


def recuse(ctx, file):
    data = _input(ctx)
    file.recused.append(data.officer)
    if data.replacement:
        file.officers.append(data.replacement)
    return UNCHANGED


def preserve_evidence(ctx, file):
    file.preservations.append(cf.Preservation(registered_on=ctx.on, approver=_actor(ctx), items=_input(ctx).items))
    return UNCHANGED


def decide_preserved_evidence(ctx, file):
    item = file.preservations[_input(ctx).index]
    item.decided_on, item.decision = ctx.on, _input(ctx).decision
    return UNCHANGED


def seize(ctx, file):
    data = _input(ctx)
    power = ctx.data.coercive.power  # the gates held it: a coercive power providing this measure
    measure = next(m for m in power.measures if m.kind is MEASURE_OF_KIND[data.kind])
    file.seizures.append(cf.Seizure(kind=data.kind, start=ctx.on, days=data.days, approver=_actor(ctx), items=data.items,
                                    power=power.code, basis=f"{power.basis.law}{measure.article}"))
    return UNCHANGED


def extend_seizure(ctx, file):
    file.seizures[_input(ctx).index].extended_days = _input(ctx).days
    return UNCHANGED


def _gains(ctx, data):
    """Illegal gains established in the facts count as confiscated value when confiscation is proposed."""
    if "confiscate_gains" not in data.penalties:
        return None
    gains = (data.facts.get("bases") or {}).get("illegal_gains")
    try:
        return Decimal(str(gains)) if gains is not None else None
    except ArithmeticError:
        return None


def conclude_investigation(ctx, file):
    data = _input(ctx)
    file.complex_case, file.major_public_interest = data.complex_case, data.major_public_interest
    recommendation = ctx.data.recommendation
    # Without an amount of their own, the officers propose the recommended one.
    amount = data.amount
    if amount is None and recommendation is not None:
        amount = recommendation.recommended_amount
    file.proposal = cf.Proposal(
        recommendation=msgspec.to_builtins(recommendation) if recommendation is not None else {},
        amount=amount, penalties=list(data.penalties), reasons=data.reasons, outcome=data.outcome,
        confiscated_value=data.confiscated_value if data.confiscated_value is not None else _gains(ctx, data),
    )
    return UNCHANGED


def legal_review(ctx, file):
    data = _input(ctx)
    file.legal_review = cf.Review(reviewer=_actor(ctx), on=ctx.on, passed=data.passed, opinion=data.opinion)
    return UNCHANGED


def collective_discussion(ctx, file):
    data = _input(ctx)
    file.discussion = cf.Discussion(on=ctx.on, attendees=list(data.attendees), conclusion=data.conclusion)
    return UNCHANGED


def serve_notice(ctx, file):
    proposal = file.proposal
    file.notice = cf.Notice(
        served_on=ctx.on, amount=proposal.amount, penalties=list(proposal.penalties),
        hearing_offered=ctx.data.hearing.offered if ctx.data.hearing is not None else False,
        hearing_reason=ctx.data.hearing.reason if ctx.data.hearing is not None else "",
        hearing_threshold_missing=ctx.data.hearing.missing_threshold if ctx.data.hearing is not None else False,
        reply_deadline=deadline("defence_reply", ctx.on, _overrides(ctx)),
    )
    return UNCHANGED


def record_defence(ctx, file):
    file.defence_on, file.defence = ctx.on, _input(ctx).summary
    return UNCHANGED


def waive_rights(ctx, file):
    file.rights_waived = True
    return UNCHANGED


def request_hearing(ctx, file):
    file.hearing = cf.Hearing(requested_on=ctx.on)
    file.excluded.append(cf.Interval(start=ctx.on, reason="hearing"))  # hearing time is not counted
    return UNCHANGED


def schedule_hearing(ctx, file):
    data = _input(ctx)
    file.hearing.notified_on, file.hearing.scheduled_for, file.hearing.host = ctx.on, data.hearing_on, data.host
    return UNCHANGED


def hold_hearing(ctx, file):
    file.hearing.held_on, file.hearing.record = ctx.on, _input(ctx).record
    for interval in file.excluded:
        if interval.reason == "hearing" and interval.end is None:
            interval.end = ctx.on
    return UNCHANGED


def extend_decision_deadline(ctx, file):
    data = _input(ctx)
    file.extensions.append(cf.ClockExtension(days=data.days, approved_on=ctx.on, approver=_actor(ctx), reason=data.reason))
    return UNCHANGED


def suspend(ctx, file):
    file.excluded.append(cf.Interval(start=ctx.on, reason="suspension"))
    return Updates(resume_status=ctx.data.status)


def resume(ctx, file):
    for interval in file.excluded:
        if interval.reason == "suspension" and interval.end is None:
            interval.end = ctx.on
    return UNCHANGED


def decide(ctx, file):
    data = _input(ctx)
    file.decision = cf.Decision(
        kind=data.kind, on=ctx.on, amount=data.amount, penalties=list(data.penalties), reasons=data.reasons,
        recommendation=file.proposal.recommendation if file.proposal else {}, decided_by=_actor(ctx),
        correction=cf.Correction(ordered_on=ctx.on, deadline=data.correct_by, content=data.correction.strip())
        if data.correct_by else None,
    )
    return UNCHANGED


def recheck_decision_correction(ctx, file):
    data, correction = _input(ctx), file.decision.correction
    correction.rechecked_on, correction.corrected, correction.follow_up = ctx.on, data.corrected, data.follow_up.strip()
    return UNCHANGED


def hand_back(ctx, file):
    file.outcome_note = f"移交 {_input(ctx).department}：{_input(ctx).reason}"
    return UNCHANGED


def serve_decision(ctx, file):
    data = _input(ctx)
    from zhifa.core.rules.execution import deemed_service

    file.service = cf.Service(on=ctx.on, method=data.method, recipient=data.recipient,
                              electronic_consent=data.electronic_consent, received_on=data.received_on,
                              deemed_on=deemed_service(data.method, ctx.on, data.received_on),
                              late_reasons=data.late_reasons.strip())
    if file.decision is not None and file.decision.kind == "penalty" and file.decision.amount:
        file.execution = cf.Execution(due=payment_due(file.service.served_on))
    if file.decision is not None and "demolish" in file.decision.penalties:  # 限期拆除: 行政强制法第四十四条
        file.demolition = cf.Demolition()
    return UNCHANGED


def record_payment(ctx, file):
    data = _input(ctx)
    file.execution.payments.append(cf.Payment(on=ctx.on, amount=data.amount, receipt=data.receipt))
    return UNCHANGED


def approve_deferral(ctx, file):
    data = _input(ctx)
    file.execution.deferred_to = data.deferred_to
    file.execution.instalments = [cf.Instalment(due=i.due, amount=i.amount) for i in data.instalments]
    return UNCHANGED


def record_remedy(ctx, file):
    data = _input(ctx)
    remedies = file.execution.remedies if file.execution is not None else file.demolition.remedies
    if data.ended:
        for interval in remedies:
            if interval.reason == data.kind and interval.end is None:
                interval.end = ctx.on
    else:
        remedies.append(cf.Interval(start=ctx.on, reason=data.kind))
    return UNCHANGED


def serve_demand(ctx, file):
    file.execution.demand_served_on = ctx.on
    return UNCHANGED


def announce_demolition(ctx, file):
    file.demolition.announced_on, file.demolition.demolish_by = ctx.on, _input(ctx).demolish_by
    return UNCHANGED


def serve_demolition_demand(ctx, file):
    file.demolition.demand_served_on, file.demolition.perform_by = ctx.on, _input(ctx).perform_by
    return UNCHANGED


def decide_forced_demolition(ctx, file):
    demolition = file.demolition
    demolition.decided_on, demolition.way, demolition.statement = ctx.on, "forced", _input(ctx).statement.strip()
    return UNCHANGED


def decide_substitute_performance(ctx, file):
    data, demolition = _input(ctx), file.demolition
    demolition.decided_on, demolition.way, demolition.statement = ctx.on, "substitute", data.statement.strip()
    demolition.performer, demolition.budget = data.performer, data.budget
    return UNCHANGED


def carry_out_demolition(ctx, file):
    file.demolition.carried_out_on, file.demolition.record = ctx.on, _input(ctx).report.strip()
    return UNCHANGED


def apply_to_court(ctx, file):
    file.execution.court_applied_on = ctx.on
    return UNCHANGED


def close(ctx, file):
    file.closed_on = ctx.on
    if _input(ctx).note:
        file.outcome_note = _input(ctx).note
    return UNCHANGED


def archive(ctx, file):
    file.archived_on = ctx.on
    return UNCHANGED


def transfer_to_judicial(ctx, file):
    file.outcome_note = f"移送 {_input(ctx).organ}：{_input(ctx).reason}"
    return UNCHANGED


def terminate(ctx, file):
    file.outcome_note = _input(ctx).reason
    return UNCHANGED


def revoke(ctx, file):
    file.outcome_note = f"{_input(ctx).by}撤销：{_input(ctx).reason}"
    return UNCHANGED


def decide_on_spot(ctx, file):
    data = _input(ctx)
    file.procedure, file.officers, file.act_date = "simple", list(data.officers), data.act_date
    file.decision = cf.Decision(kind="penalty", on=ctx.on, amount=data.amount, reasons=data.reasons,
                                penalties=["warning"] if data.warning else [], decided_by=_actor(ctx))
    file.service = cf.Service(on=ctx.on, method="direct", recipient="当事人（当场交付）")
    if data.amount:
        file.execution = cf.Execution(due=payment_due(ctx.on))
        if data.collect_on_spot:
            file.execution.payments.append(cf.Payment(on=ctx.on, amount=data.amount, receipt="当场收缴（财政票据）"))
    return Updates(filed_on=ctx.on, power=data.power, party=data.party_id, act_date=data.act_date, procedure="simple",
                   field=ctx.data.power_field or data.field)


def file_with_authority(ctx, file):
    file.closed_on = ctx.on
    return UNCHANGED


# 涉嫌犯罪移送之后 (zhifa.core.procedure.judicial)


def _judicial(file):
    from zhifa.core.procedure.judicial import JudicialTransfer

    if file.judicial is None:
        file.judicial = JudicialTransfer()
    return file.judicial


def record_police_receipt(ctx, file):
    from zhifa.core.procedure.judicial import police_review_due

    data, judicial = _input(ctx), _judicial(file)
    judicial.received_on = data.received_on or ctx.on
    judicial.organ_receipt_no = data.receipt_no
    judicial.review_due = police_review_due(judicial.received_on)
    return UNCHANGED


def copy_to_procuratorate(ctx, file):
    data, judicial = _input(ctx), _judicial(file)
    judicial.procuratorate, judicial.copy_document_no, judicial.copied_on = data.procuratorate, data.document_no, ctx.on
    return UNCHANGED


def record_police_decision(ctx, file):
    from zhifa.core.procedure.judicial import PoliceDecision

    data, judicial = _input(ctx), _judicial(file)
    pending = judicial.reconsideration_pending
    due = judicial.reconsideration_due if pending else judicial.review_due
    judicial.decisions.append(PoliceDecision(
        filed=data.filed, notified_on=ctx.on, due=due, in_time=None if due is None else ctx.on <= due,
        notice_no=data.notice_no, reason=data.reason, on_reconsideration=pending,
    ))
    return UNCHANGED


def request_police_reconsideration(ctx, file):
    from zhifa.core.procedure.judicial import reconsideration_decision_due

    judicial = _judicial(file)
    judicial.reconsideration_requested_on, judicial.reconsideration_reason = ctx.on, _input(ctx).reason
    judicial.reconsideration_due = reconsideration_decision_due(ctx.on)
    return UNCHANGED


def resume_after_non_filing(ctx, file):
    _judicial(file).resumed_on = ctx.on
    if _input(ctx).reason:
        file.outcome_note = _input(ctx).reason
    return UNCHANGED

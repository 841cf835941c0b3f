"""The legal periods running on a case, each with its last day, its basis and 暂定 when provisional.

One place computes them, for the case detail, the documents, the CLI and the recomputation when
a year's holiday data arrives (``zhifa.core.services.deadline_recompute``). Stored dates (the
reply deadline printed on the notice, the payment due date) are recomputed from their start day
here, so a stored date that rested on provisional data can be compared with the fresh one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import msgspec
from zhifa.core.calendar import Due, Side, court_application_deadline, due, period
from zhifa.core.procedure.casefile import CaseFile
from zhifa.core.procedure.states import CLOCK_RUNNING, Status
from zhifa.core.rules.deadlines import decision_due
from zhifa.core.schemas.cases import DeadlineRead

_OPEN_EXECUTION = frozenset({Status.served, Status.executing, Status.on_spot})


def _read(d: Due) -> DeadlineRead:
    return DeadlineRead(code=d.code, name=d.name, due=d.on, provisional=d.provisional,
                        protects=d.protects.value, basis=d.basis)


def case_deadlines(status: str, file: CaseFile, *, found_on: dt.date, filed_on: dt.date | None,
                   periods: Mapping[str, int], on: dt.date) -> list[DeadlineRead]:
    """The periods running in ``status`` (nothing for a closed or final case)."""
    state = Status(status)
    result: list[Due] = []
    if state is Status.clue:
        filing = due("filing_decision", found_on, periods)
        if file.filing_extension is not None:
            extended = due("filing_extension", filing.on, periods)
            filing = msgspec.structs.replace(extended, provisional=extended.provisional or filing.provisional)
        result.append(filing)
    if state not in (Status.closed, Status.archived):
        result += [due("evidence_preservation", p.registered_on, periods)
                   for p in file.preservations if p.decided_on is None]
    out = [_read(d) for d in result]
    if filed_on is not None and (state in CLOCK_RUNNING or state is Status.suspended):
        p = period("decision", periods)  # calendar days: never provisional
        out.append(DeadlineRead(code="decision", name=p.name, due=decision_due(filed_on, file, on),
                                provisional=False, protects=Side.authority.value, basis=p.basis))
    out += [_read(d) for d in _notice_periods(state, file, periods)]
    out += _execution_periods(state, file, periods)
    return [msgspec.structs.replace(d, days_left=(d.due - on).days) for d in out]


def _notice_periods(state: Status, file: CaseFile, periods: Mapping[str, int]) -> list[Due]:
    notice = file.notice
    if notice is None or state is not Status.notified:
        return []
    found = [due("defence_reply", notice.served_on, periods)]
    if notice.hearing_offered and file.hearing is None:
        found.append(due("hearing_request", notice.served_on, periods))
    return found


def _execution_periods(state: Status, file: CaseFile, periods: Mapping[str, int]) -> list[DeadlineRead]:
    decision, service, execution = file.decision, file.service, file.execution
    if decision is not None and service is None and state is Status.decided:
        return [_read(due("service", decision.on, periods))]
    if service is None or state not in _OPEN_EXECUTION:
        return []
    served = service.served_on  # 公告送达: 30 days after the notice (民事诉讼法第95条)
    found: list[Due] = []
    if execution is not None and execution.deferred_to is None:
        found.append(due("payment", served, periods))
    if state is not Status.on_spot or execution is not None:
        found += [due("reconsideration", served, periods), due("litigation", served, periods)]
    out = [_read(d) for d in found]
    if execution is not None and execution.demand_served_on is not None and execution.court_applied_on is None:
        out.append(_read(due("demand_before_court", execution.demand_served_on, periods)))
    if execution is not None and execution.court_applied_on is None:
        litigation = due("litigation", served, periods, side=Side.authority)
        p = period("court_application")
        out.append(DeadlineRead(
            code="court_application", name=p.name, provisional=litigation.provisional,
            due=court_application_deadline(served, deferred_until=execution.deferred_to),
            protects=Side.authority.value, basis=p.basis))
    return out


def stored_dates(file: CaseFile) -> dict[str, dt.date]:
    """The deadlines the case file itself records (printed on documents already served)."""
    stored: dict[str, dt.date] = {}
    if file.notice is not None and file.notice.reply_deadline is not None:
        stored["defence_reply"] = file.notice.reply_deadline
    if file.execution is not None and file.execution.deferred_to is None:
        stored["payment"] = file.execution.due
    return stored


def set_stored(file: CaseFile, code: str, day: dt.date) -> None:
    if code == "defence_reply" and file.notice is not None:
        file.notice.reply_deadline = day
    elif code == "payment" and file.execution is not None:
        file.execution.due = day

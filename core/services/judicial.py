"""Criminal transfers awaiting the police (涉嫌犯罪移送): deadlines and missing steps, per township."""

from __future__ import annotations

import datetime as dt

import msgspec
from zhifa.core import clock
from zhifa.core.db.tables import Case
from zhifa.core.procedure import casefile
from zhifa.core.procedure.judicial import reconsideration_request_due
from zhifa.core.procedure.states import Status
from zhifa.core.services.scope import owned_by
from zhifa.core.services.townships import get_township_row


class CriminalTransferRead(msgspec.Struct, kw_only=True):
    case_id: int
    number: str | None
    received_on: dt.date | None  # the police's receipt (回执)
    review_due: dt.date | None  # the police decide by this day (第8条)
    copied_to_procuratorate: bool
    police_decision: str | None  # filed | not_filed | None (none yet)
    police_decided_in_time: bool | None
    reconsideration_due: dt.date | None  # the police decide on the reconsideration by this day (第9条)
    reconsideration_request_due: dt.date | None  # last day for the township to ask (non-filing not yet contested)
    problems: list[str]  # receipt_missing | copy_missing | police_overdue | reconsideration_overdue


async def criminal_transfers(township_code: str, on: dt.date | None = None) -> list[CriminalTransferRead]:
    """Cases transferred to the judicial organs and still there, with what is due or missing on ``on``."""
    township = await get_township_row(township_code)
    on = on or clock.today()
    rows = await Case.select(Case.id, Case.number, Case.facts).where(
        owned_by(Case, township["id"]) & (Case.status == Status.criminal_transfer.value)
    ).order_by(Case.id).output(load_json=True)
    result = []
    for row in rows:
        judicial = casefile.load(row["facts"]).judicial
        last = judicial.last_decision if judicial else None
        problems = []
        if judicial is None or judicial.received_on is None:
            problems.append("receipt_missing")
        if judicial is None or judicial.copied_on is None:
            problems.append("copy_missing")
        pending = judicial is not None and judicial.reconsideration_pending
        if judicial is not None and judicial.review_due and last is None and on > judicial.review_due:
            problems.append("police_overdue")
        if pending and judicial.reconsideration_due and on > judicial.reconsideration_due:
            problems.append("reconsideration_overdue")
        request_due = None
        if last is not None and not last.filed and judicial.reconsideration_requested_on is None:
            request_due = reconsideration_request_due(last.notified_on)
        result.append(CriminalTransferRead(
            case_id=row["id"], number=row["number"], received_on=judicial.received_on if judicial else None,
            review_due=judicial.review_due if judicial else None,
            copied_to_procuratorate=bool(judicial and judicial.copied_on),
            police_decision=None if last is None else ("filed" if last.filed else "not_filed"),
            police_decided_in_time=last.in_time if last else None,
            reconsideration_due=judicial.reconsideration_due if pending else None,
            reconsideration_request_due=request_due, problems=problems,
        ))
    return result

"""When a year's holiday data arrives, recompute every running deadline that rested on the rule.

For each open case with a provisional deadline: its deadlines are computed with the calendar as
it was, the new data is installed, and they are computed again. Every deadline that moved or
stopped being provisional is written on the case's timeline (event ``deadline_recomputed``: old
date, new date, source); dates the case file records (the reply deadline, the payment due date)
are updated; limits on the authority that moved into the past are reported as newly overdue.
Runs inside the caller's write transaction, taking every township's lock (ascending) before it reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import msgspec
from zhifa.core import clock
from zhifa.core.calendar import add_working_days, working_days_after
from zhifa.core.calendar.sources import any_provisional
from zhifa.core.db.queries.deadlines import cases_not_in, running_referrals, unpublished_inspection_results
from zhifa.core.db.tables import Case, InspectionResult, Referral
from zhifa.core.db.transaction import lock_all_townships
from zhifa.core.procedure import casefile
from zhifa.core.procedure.states import FINAL, Status
from zhifa.core.rules.case_deadlines import case_deadlines, set_stored, stored_dates
from zhifa.core.schemas.calendar import DeadlineChange, RecomputeReport
from zhifa.core.schemas.cases import DeadlineRead
from zhifa.core.services import events
from zhifa.core.services.township_settings import procedure_settings

_DONE = [s.value for s in FINAL | {Status.closed, Status.filed_with_authority}]


def _deadlines(row: dict, file: casefile.CaseFile, on: dt.date) -> dict[str, DeadlineRead]:
    periods = dict(procedure_settings(row["settings"]).periods)
    found = case_deadlines(row["status"], file, found_on=clock.local_date(row["found_at"]),
                           filed_on=row["filed_on"], periods=periods, on=on)
    return {f"{d.code}:{i}": d for i, d in enumerate(found)}


def _load(row: dict) -> casefile.CaseFile:
    return casefile.load(row["facts"])


async def recompute(install: Callable[[], None], *, source: str, actor: str) -> RecomputeReport:
    """Install new calendar data with ``install`` and record what it moved."""
    on = clock.today()
    await lock_all_townships()  # before reading: it writes cases and chains of every township
    rows = await cases_not_in(_DONE)
    before: dict[int, tuple[dict, casefile.CaseFile, dict[str, DeadlineRead], dict[str, dt.date]]] = {}
    for row in rows:
        file = _load(row)
        old = _deadlines(row, file, on)
        if any(d.provisional for d in old.values()):
            before[row["id"]] = (row, file, old, stored_dates(file))
    stored_limits = [await _referral_limits(), await _inspection_limits()]
    install()
    report = RecomputeReport(cases_examined=len(before))
    for limits in stored_limits:
        report.records_changed += await _update_stored_limits(limits, source=source, actor=actor)
    for case_id, (row, file, old, stored) in before.items():
        new = _deadlines(row, file, on)
        changes = [_change(row, old[key], new[key], stored.get(old[key].code)) for key in old
                   if key in new and (old[key].due != new[key].due or old[key].provisional != new[key].provisional
                                      or stored.get(old[key].code, new[key].due) != new[key].due)]
        if not changes:
            continue
        await _record(row, file, changes, source, actor)
        report.cases_changed += 1
        report.changes += changes
        report.newly_overdue += [c for c in changes if c.new < on <= c.old]
    return report


def _change(row: dict, old: DeadlineRead, new: DeadlineRead, stored: dt.date | None) -> DeadlineChange:
    return DeadlineChange(
        case_id=row["id"], township=row["township_code"], number=row["number"], code=old.code, name=old.name,
        old=stored or old.due, new=new.due, provisional_before=old.provisional, provisional_after=new.provisional,
        protects=new.protects)


async def _record(row: dict, file: casefile.CaseFile, changes: list[DeadlineChange], source: str, actor: str) -> None:
    touched = [c for c in changes if c.code in stored_dates(file)]
    for change in touched:
        set_stored(file, change.code, change.new)
    if touched:
        await Case.update({Case.facts: casefile.dump(file), Case.version: row["version"] + 1,
                           Case.updated_at: clock.now_utc()}).where(Case.id == row["id"])
    await events.append_event(
        township_id=row["township_id"], township_code=row["township_code"], kind="deadline_recomputed",
        case_id=row["id"],
        payload={"title": "期限重新计算", "source": source, "by": actor,
                 "changes": [{"code": c.code, "name": c.name, "old": c.old, "new": c.new,
                              "provisional_before": c.provisional_before, "provisional_after": c.provisional_after}
                             for c in changes]})


# -- time limits stored on other records (乡呼县应 referrals, 双随机 results) -----------------------
# Each stored due date is a number of working days after a start day; the number is read back
# with the calendar as it was, and counted again with the new one.


class _Limit(msgspec.Struct):
    table: str
    row_id: int
    township_id: int
    township_code: str
    column: str
    start: dt.date
    old: dt.date
    days: int


async def _referral_limits() -> list[_Limit]:
    rows = await running_referrals()
    limits = []
    for row in rows:
        start = clock.local_date(row["sent_at"])
        for column in ("accept_due_on", "answer_due_on"):
            if row[column] is not None and any_provisional(start + dt.timedelta(days=1), row[column]):
                limits.append(_Limit("referral", row["id"], row["township"], row["code"], column, start, row[column],
                                     working_days_after(start, row[column])))
    return limits


async def _inspection_limits() -> list[_Limit]:
    rows = await unpublished_inspection_results()
    return [_Limit("inspection_result", r["id"], r["township"], r["code"], "publish_due", r["inspected_on"],
                   r["publish_due"], working_days_after(r["inspected_on"], r["publish_due"]))
            for r in rows if any_provisional(r["inspected_on"] + dt.timedelta(days=1), r["publish_due"])]


async def _update_stored_limits(limits: list[_Limit], *, source: str, actor: str) -> int:
    changed = 0
    for limit in limits:
        if limit.days < 1:
            continue
        new = add_working_days(limit.start, limit.days)
        if new == limit.old:
            continue
        table = Referral if limit.table == "referral" else InspectionResult
        await table.update({getattr(table, limit.column): new}).where(table.id == limit.row_id)
        await events.append_event(
            township_id=limit.township_id, township_code=limit.township_code, kind="deadline_recomputed",
            payload={"title": "期限重新计算", "source": source, "by": actor, "record": limit.table,
                     "record_id": limit.row_id, "changes": [{"code": limit.column, "old": limit.old, "new": new}]})
        changed += 1
    return changed

"""The figures of a quarter, computed from case records (pure; dates as docs/reports.md states).

* clues — found in the quarter (local date of ``found_at``)
* filed, by field / source / procedure — ``filed_on`` in the quarter (simple procedure: the day of
  the on-the-spot decision)
* decided, penalties, fines decided, average days to decision — the decision date
* outcomes — the decision date (by decision kind) or the date of the step that ended the case
  (不予立案, 移送管辖, 终止, 移交, 移送司法, 撤销)
* fines collected — each payment's date; closed and average days to close — ``closed_on``
* pending — filed by the quarter's last day and not ended by then
* closure rate — of the cases filed in the quarter, the share closed by its last day
* overdue — on the as-of date: the 90-day clock, publication, payment
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Iterable

from zhifa.core import clock
from zhifa.core.calendar import working_days_after
from zhifa.core.reports.timeline import ZERO, CaseRecord
from zhifa.core.rules.deadlines import decision_due
from zhifa.core.schemas.reports import Breakdown, Figures, Overdue, OverdueItem, Quarter, ReferralFigures

TENTH = Decimal("0.1")


def average(values: Iterable[int | float | Decimal]) -> Decimal | None:
    items = [Decimal(str(v)) for v in values]
    return (sum(items, start=Decimal(0)) / len(items)).quantize(TENTH) if items else None


def percent(part: int, whole: int) -> Decimal | None:
    return (Decimal(part * 100) / whole).quantize(TENTH) if whole else None


def figures(records: list[CaseRecord], q: Quarter) -> Figures:
    filed = [r for r in records if q.contains(r.filed_on)]
    decided = [r for r in records if q.contains(r.decided_on)]
    closed = [r for r in records if q.contains(r.file.closed_on)]
    penalties = [r for r in decided if r.file.decision.kind == "penalty"]
    return Figures(
        clues=sum(1 for r in records if q.contains(r.found_on)),
        filed=len(filed),
        decided=len(decided),
        penalties=len(penalties),
        fines_decided=sum((r.fine for r in penalties if r.fine), start=ZERO),
        fines_collected=sum((r.paid_between(q.start, q.end) for r in records), start=ZERO),
        closed=len(closed),
        pending=sum(1 for r in records if r.open_on(q.end)),
        closure_rate=percent(sum(1 for r in filed if r.file.closed_on and r.file.closed_on <= q.end), len(filed)),
        avg_days_to_decision=average((r.decided_on - r.filed_on).days for r in decided
                                     if r.procedure == "general" and r.filed_on),
        avg_days_to_close=average((r.file.closed_on - r.filed_on).days for r in closed if r.filed_on),
    )


def breakdown(records: list[CaseRecord], q: Quarter) -> Breakdown:
    filed = [r for r in records if q.contains(r.filed_on)]
    outcomes = Counter(kind for r in records for kind, on in r.outcomes() if q.contains(on))
    return Breakdown(
        by_field=dict(sorted(Counter(r.field for r in filed).items())),
        by_source=dict(sorted(Counter(r.source for r in filed).items())),
        by_procedure=dict(sorted(Counter(r.procedure for r in filed).items())),
        by_outcome=dict(sorted(outcomes.items())),
        by_month={month: sum(1 for r in filed if r.filed_on.strftime("%Y-%m") == month) for month in _months(q)},
    )


def _months(q: Quarter) -> list[str]:
    """The quarter's months as YYYY-MM, in order."""
    return [f"{q.start.year}-{q.start.month + i:02d}" for i in range(3)]


def _clock_overdue(record: CaseRecord, as_of: dt.date) -> OverdueItem | None:
    if record.procedure != "general" or not record.open_on(as_of):
        return None
    if record.decided_on is not None and record.decided_on <= as_of:
        return None
    due = decision_due(record.filed_on, record.file, as_of)
    if as_of <= due:
        return None
    return OverdueItem(case_id=record.id, case_number=record.number, problem="decision_clock", due=due,
                       days_overdue=(as_of - due).days)


def _payment_overdue(record: CaseRecord, as_of: dt.date) -> OverdueItem | None:
    execution, fine = record.file.execution, record.fine
    if execution is None or fine is None or not record.open_on(as_of):
        return None
    due = execution.deferred_to or execution.due
    owed = fine - record.paid_by(as_of)
    if as_of <= due or owed <= 0:
        return None
    return OverdueItem(case_id=record.id, case_number=record.number, problem="payment", due=due,
                       days_overdue=(as_of - due).days, amount=owed)


def _publication_overdue(row: dict, numbers: dict[int, str | None], as_of: dt.date) -> OverdueItem | None:
    due = row["due_on"]
    if due is None or as_of <= due:
        return None
    if (row["published_on"] and row["published_on"] <= as_of) or (row["cancelled_on"] and row["cancelled_on"] <= as_of):
        return None
    return OverdueItem(case_id=row["case"], case_number=numbers.get(row["case"]), problem="publication", due=due,
                       days_overdue=(as_of - due).days)


def overdue(records: list[CaseRecord], publications: list[dict], q: Quarter, as_of: dt.date) -> Overdue:
    numbers = {r.id: r.number for r in records}
    clock_items = [i for r in records if (i := _clock_overdue(r, as_of))]
    publication_items = [i for row in publications if (i := _publication_overdue(row, numbers, as_of))]
    payment_items = [i for r in records if (i := _payment_overdue(r, as_of))]
    late = sum(1 for r in records if r.procedure == "general" and q.contains(r.decided_on) and r.filed_on
               and r.decided_on > decision_due(r.filed_on, r.file, r.decided_on))
    return Overdue(
        as_of=as_of, decision_clock=len(clock_items), decided_late=late, publication=len(publication_items),
        payment=len(payment_items), unpaid=sum((i.amount for i in payment_items), start=ZERO),
        items=clock_items + publication_items + payment_items,
    )


def _working_days(start: dt.datetime, end: dt.datetime | None) -> int | None:
    if end is None:
        return None
    return working_days_after(clock.local_date(start), clock.local_date(end))


def referral_figures(rows: list[dict], q: Quarter) -> ReferralFigures:
    sent = [r for r in rows if q.contains(clock.local_date(r["sent_at"]))]
    answered = [r for r in sent if r["answered_at"] is not None]
    late = [r for r in answered if r["answer_due_on"] is not None and clock.local_date(r["answered_at"]) > r["answer_due_on"]]
    accept_days = [d for r in sent if (d := _working_days(r["sent_at"], r["accepted_at"])) is not None]
    answer_days = [d for r in answered if (d := _working_days(r["sent_at"], r["answered_at"])) is not None]
    return ReferralFigures(
        sent=len(sent),
        accepted=sum(1 for r in sent if r["accepted_at"] is not None),
        answered=len(answered),
        answered_late=len(late),
        refused=sum(1 for r in sent if r["status"] == "refused"),
        returned=sum(1 for r in sent if r["status"] == "returned"),
        pending=sum(1 for r in sent if r["status"] in ("sent", "accepted")),
        avg_accept_working_days=average(accept_days),
        avg_answer_working_days=average(answer_days),
        avg_answer_hours=average(round((r["answered_at"] - r["sent_at"]).total_seconds() / 3600, 1) for r in answered),
    )

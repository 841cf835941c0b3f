"""Cases past the 90-day decision clock (第60条), with extensions and excluded periods applied."""

from __future__ import annotations

import datetime as dt

import msgspec
from zhifa.core.db.tables import Case
from zhifa.core.procedure import casefile
from zhifa.core.procedure.states import CLOCK_RUNNING, Status
from zhifa.core.rules.deadlines import decision_due
from zhifa.core.services.townships import get_township_row


class OverdueCase(msgspec.Struct, kw_only=True):
    id: int
    number: str | None
    status: str
    filed_on: dt.date
    due: dt.date
    days_overdue: int


async def overdue_cases(township_code: str, on: dt.date) -> list[OverdueCase]:
    township = await get_township_row(township_code)
    running = [s.value for s in CLOCK_RUNNING | {Status.suspended}]
    rows = await Case.select(Case.id, Case.number, Case.status, Case.filed_on, Case.facts).where(
        (Case.township == township["id"]) & Case.status.is_in(running) & Case.filed_on.is_not_null()
    ).order_by(Case.filed_on).output(load_json=True)
    result = []
    for row in rows:
        due = decision_due(row["filed_on"], casefile.load(row["facts"]), on)
        if on > due:
            result.append(OverdueCase(id=row["id"], number=row["number"], status=row["status"], filed_on=row["filed_on"],
                                      due=due, days_overdue=(on - due).days))
    return result

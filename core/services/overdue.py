"""Cases past the 90-day decision clock (第60条), with extensions and excluded periods applied.

Where the clock's last day is fixed, it is on the case row (``decision_due``, kept by the procedure
on every action, indexed with the township): those cases are one indexed query at any size. Only
the cases whose clock depends on the day asked (an excluded period still open, e.g. 中止) are
computed here, on the day they are listed.
"""

from __future__ import annotations

import datetime as dt

import msgspec
from zhifa.core.db.queries.deadlines import fixed_clock_overdue, open_clocks
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


async def open_clock_overdue(township_id: int, on: dt.date) -> list[OverdueCase]:
    """Overdue cases whose clock is not fixed on the row (computed for ``on``)."""
    running = sorted(s.value for s in CLOCK_RUNNING | {Status.suspended})
    found = []
    for row in await open_clocks(township_id, running):
        file = casefile.load(row["facts"])
        found.append(_overdue(row, decision_due(row["filed_on"], file, on), on))
    return [c for c in found if c]


def _overdue(row: dict, due: dt.date, on: dt.date) -> OverdueCase | None:
    if on <= due:
        return None
    return OverdueCase(id=row["id"], number=row["number"], status=row["status"], filed_on=row["filed_on"], due=due,
                       days_overdue=(on - due).days)


async def overdue_cases(township_code: str, on: dt.date) -> list[OverdueCase]:
    township = await get_township_row(township_code)
    result = [_overdue(r, r["decision_due"], on) for r in await fixed_clock_overdue(township["id"], on)]
    result += await open_clock_overdue(township["id"], on)
    return sorted(result, key=lambda c: (c.filed_on, c.id))


"""Cases past the 90-day decision clock (第60条), with extensions and excluded periods applied.

Where the clock's last day is fixed, it is on the case row (``decision_due``, kept by the procedure
on every action, indexed with the township): those cases are one indexed query at any size. Only
the cases whose clock depends on the day asked (an excluded period still open, e.g. 中止) are
computed here, on the day they are listed.
"""

from __future__ import annotations

import datetime as dt

import msgspec
from zhifa.core.db.database import current_engine
from zhifa.core.db.tables import Case
from zhifa.core.procedure import casefile
from zhifa.core.procedure.states import CLOCK_RUNNING, Status
from zhifa.core.rules.deadlines import decision_due
from zhifa.core.services.townships import get_township_row

FIXED_OVERDUE = "(decision_due IS NOT NULL AND decision_due < {})"  # SQL, one parameter: the day asked


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
    # found by status, the selective index: SQLite would otherwise walk every closed case by
    # (township, filed_on IS NOT NULL) or (township, decision_due IS NULL); its unary + keeps those out
    unindexed = "+" if current_engine().engine_type == "sqlite" else ""
    rows = await Case.raw(
        f"SELECT id, number, status, filed_on, facts FROM enforcement_case WHERE township = {{}} AND status IN "
        f"({', '.join('{}' for _ in running)}) AND {unindexed}filed_on IS NOT NULL AND {unindexed}decision_due IS NULL",
        township_id, *running)
    found = []
    for row in rows:
        row = {**row, "filed_on": _date(row["filed_on"])}
        facts = row["facts"]
        file = casefile.load(facts if isinstance(facts, (str, dict)) else facts or {})
        found.append(_overdue(row, decision_due(row["filed_on"], file, on), on))
    return [c for c in found if c]


def _overdue(row: dict, due: dt.date, on: dt.date) -> OverdueCase | None:
    if on <= due:
        return None
    return OverdueCase(id=row["id"], number=row["number"], status=row["status"], filed_on=row["filed_on"], due=due,
                       days_overdue=(on - due).days)


async def overdue_cases(township_code: str, on: dt.date) -> list[OverdueCase]:
    township = await get_township_row(township_code)
    fixed = await Case.raw(
        f"SELECT id, number, status, filed_on, decision_due FROM enforcement_case WHERE township = {{}} AND "
        f"{FIXED_OVERDUE} ORDER BY filed_on, id", township["id"], on)
    result = [_overdue({**r, "filed_on": _date(r["filed_on"])}, _date(r["decision_due"]), on) for r in fixed]
    result += await open_clock_overdue(township["id"], on)
    return sorted(result, key=lambda c: (c.filed_on, c.id))


def _date(value) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value

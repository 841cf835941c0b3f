"""Statements over running time limits: overdue cases, and the open limits a calendar change recomputes."""

from __future__ import annotations

import datetime as dt

from zhifa.core.db import dialect
from zhifa.core.db.tables import Case, InspectionResult, Referral

FIXED_OVERDUE = "(decision_due IS NOT NULL AND decision_due < {})"  # SQL, one parameter: the day asked


async def fixed_clock_overdue(township_id: int, on: dt.date) -> list[dict]:
    """The township's cases whose decision clock's last day, fixed on the row, is before ``on`` (the indexed
    ``decision_due``): ``id``, ``number``, ``status``, ``filed_on``, ``decision_due``, by filing date and id."""
    rows = await Case.raw(
        f"SELECT id, number, status, filed_on, decision_due FROM enforcement_case WHERE township = {{}} AND "
        f"{FIXED_OVERDUE} ORDER BY filed_on, id", township_id, on)
    return [{**r, "filed_on": dialect.as_date(r["filed_on"]), "decision_due": dialect.as_date(r["decision_due"])}
            for r in rows]


async def open_clocks(township_id: int, statuses: list[str]) -> list[dict]:
    """The township's filed cases in ``statuses`` whose clock is not fixed on the row (``decision_due`` NULL):
    ``id``, ``number``, ``status``, ``filed_on``, ``facts`` (as ``casefile.load`` takes it)."""
    # found by status, the selective index: SQLite would otherwise walk every closed case by
    # (township, filed_on IS NOT NULL) or (township, decision_due IS NULL); its unary + keeps those out
    unindexed = dialect.unindexed()
    rows = await Case.raw(
        f"SELECT id, number, status, filed_on, facts FROM enforcement_case WHERE township = {{}} AND status IN "
        f"({', '.join('{}' for _ in statuses)}) AND {unindexed}filed_on IS NOT NULL AND {unindexed}decision_due IS NULL",
        township_id, *statuses)
    return [{**r, "filed_on": dialect.as_date(r["filed_on"]), "facts": dialect.json_source(r["facts"])} for r in rows]


async def cases_not_in(statuses: list[str]) -> list[dict]:
    """Every township's cases not in ``statuses``, with the township's code and settings, by township and id;
    ``facts`` as ``casefile.load`` takes it."""
    marks = ", ".join("{}" for _ in statuses)
    rows = await Case.raw(
        "SELECT c.id, c.township AS township_id, t.code AS township_code, t.settings, c.number, c.status, "
        f"c.found_at, c.filed_on, c.facts, c.version FROM enforcement_case c JOIN township t ON t.id = c.township "
        f"WHERE c.status NOT IN ({marks}) ORDER BY c.township, c.id", *statuses)
    for row in rows:
        row["facts"] = dialect.json_source(row["facts"])
    return rows


async def running_referrals() -> list[dict]:
    """Referrals still waiting (sent or accepted): ``id``, ``township``, its ``code``, ``sent_at`` and both due dates."""
    return await Referral.raw(
        "SELECT r.id, r.township, t.code, r.sent_at, r.accept_due_on, r.answer_due_on FROM referral r "
        "JOIN township t ON t.id = r.township WHERE r.status IN ('sent', 'accepted')")


async def unpublished_inspection_results() -> list[dict]:
    """Inspection results not yet published that have a due date: ``id``, ``township``, its ``code``,
    ``inspected_on``, ``publish_due``."""
    return await InspectionResult.raw(
        "SELECT r.id, r.township, t.code, r.inspected_on, r.publish_due FROM inspection_result r "
        "JOIN township t ON t.id = r.township WHERE r.published_on IS NULL AND r.publish_due IS NOT NULL")

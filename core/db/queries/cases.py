"""Case rows: the clue's insert (the busiest write) and one case with its township (every case page)."""

from __future__ import annotations

import datetime as dt

from zhifa.core.db import dialect
from zhifa.core.db.tables import Case

#: The columns a case is read by (``cases.read_case``), in raw SQL.
CASE_COLUMNS = ('id, number, "procedure", status, field, power, source, summary, place, found_at, act_date, party, '
                'filed_on, version')


async def insert_clue(*, township_id: int, field: str, power: str | None, source: str, summary: str, place: str,
                      found_at: dt.datetime, act_date: dt.date | None, reporter_json: str, party_id: int | None,
                      now: dt.datetime) -> int:
    """A new case in status ``clue`` of the general procedure, version 1 and an empty file; its id."""
    # Raw SQL: registering clues is the busiest write, and Piccolo's insert building costs more than it.
    json = dialect.json_param()
    inserted = await Case.raw(
        'INSERT INTO enforcement_case (township, "procedure", status, field, power, source, summary, place, found_at, '
        f"act_date, reporter, party, facts, version, created_at, updated_at) VALUES ({{}}, {{}}, {{}}, {{}}, {{}}, {{}}, "
        f"{{}}, {{}}, {{}}, {{}}, {json}, {{}}, {json}, 1, {{}}, {{}}) RETURNING id",
        township_id, "general", "clue", field, power, source, summary, place, found_at,
        act_date, reporter_json, party_id, "{}", now, now,
    )
    return inserted[0]["id"]


async def case_with_township(township_code: str, case_id: int) -> dict | None:
    """The case (``CASE_COLUMNS``, ``facts`` decoded), its ``township_id`` and the township's ``settings``, in one
    statement; None when the township has no such case."""
    columns = ", ".join(f"c.{c.strip()}" for c in CASE_COLUMNS.split(","))
    rows = await Case.raw(f"SELECT {columns}, c.facts, c.township AS township_id, t.settings FROM enforcement_case c "
                          "JOIN township t ON t.id = c.township WHERE t.code = {} AND c.id = {}", township_code, case_id)
    if not rows:
        return None
    row = rows[0]
    row["facts"] = dialect.json_value(row["facts"]) or {}
    return row

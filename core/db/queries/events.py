"""The event chain's statements: append, the head, and the events of a township or a case."""

from __future__ import annotations

import datetime as dt
from typing import Any

from zhifa.core.db import dialect
from zhifa.core.db.tables import Event

EVENT_COLUMNS = 'seq, kind, "case", actor, occurred_at, place, payload, prev_hash, hash'


async def insert_event(*, township_id: int, seq: int, case_id: int | None, kind: str, actor_id: int | None,
                       occurred_at: dt.datetime, place: str, payload_json: str, prev_hash: str, digest: str) -> None:
    """One event row; ``payload_json`` is the payload already encoded (what its hash covers)."""
    await Event.raw(
        'INSERT INTO case_event (township, seq, "case", kind, actor, occurred_at, place, payload, prev_hash, hash) '
        f"VALUES ({{}}, {{}}, {{}}, {{}}, {{}}, {{}}, {{}}, {dialect.json_param()}, {{}}, {{}})",
        township_id, seq, case_id, kind, actor_id, occurred_at, place, payload_json, prev_hash, digest,
    )


async def chain_head(township_id: int) -> dict | None:
    """The township's last event (``seq``, ``hash``), or None for an empty chain."""
    rows = await Event.raw("SELECT seq, hash FROM case_event WHERE township = {} ORDER BY seq DESC LIMIT 1",
                           township_id)
    return rows[0] if rows else None


def _row(row: dict) -> dict[str, Any]:
    """An event row with its instant in UTC and its payload decoded."""
    row["occurred_at"] = dialect.as_datetime(row["occurred_at"]).astimezone(dt.timezone.utc)
    row["payload"] = dialect.json_value(row["payload"])
    return row


async def events_of(township_id: int, case_id: int | None = None) -> list[dict]:
    """A township's events (or one case's), in order."""
    if case_id is None:
        rows = await Event.raw(f"SELECT {EVENT_COLUMNS} FROM case_event WHERE township = {{}} ORDER BY seq", township_id)
    else:
        rows = await Event.raw(
            f'SELECT {EVENT_COLUMNS} FROM case_event WHERE township = {{}} AND "case" = {{}} ORDER BY seq', township_id,
            case_id)
    return [_row(r) for r in rows]


async def events_after(township_id: int, after: int, batch: int) -> list[dict]:
    """Up to ``batch`` of the township's events after the seq ``after``, in order (a keyset page)."""
    rows = await Event.raw(
        f"SELECT {EVENT_COLUMNS} FROM case_event WHERE township = {{}} AND seq > {{}} ORDER BY seq LIMIT {{}}",
        township_id, after, batch)
    return [_row(r) for r in rows]


async def legal_dates(township_id: int, case_id: int) -> list[tuple[str, str | None]]:
    """Kind and the payload's ``on`` (text, the database extracts it) of each event of one case, in order."""
    on = dialect.json_text("payload", "on")
    rows = await Event.raw(
        f'SELECT kind, {on} AS legal_on FROM case_event WHERE township = {{}} AND "case" = {{}} ORDER BY seq',
        township_id, case_id)
    return [(r["kind"], r["legal_on"]) for r in rows]

"""Writing checked rows in bulk inside the import's one transaction: ``executemany`` on SQLite, ``COPY`` on PostgreSQL.

Ids are reserved up front (SQLite: after the largest, the write lock being held; PostgreSQL: from the
table's sequence), so the events can name their case and be sealed before any row is sent. The events
chain on the township's head read under its lock (``events.chain_head``): first one ``cases_imported``
event for the file, then one ``case_imported`` event per case, in the file's order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

import msgspec
from piccolo.engine.sqlite import SQLiteEngine
from zhifa.core import clock
from zhifa.core.db.tables import CaseSequence
from zhifa.core.db.transaction import engine
from zhifa.core.procedure import casefile as cf
from zhifa.core.services.case_import.checking import NewParty, Planned
from zhifa.core.services.events import ChainSealer
from zhifa.core.services.scope import owned_by

BATCH = 5000
CASE_COLUMNS = ("id", "township", "number", "procedure", "status", "field", "power", "source", "summary", "place",
                "found_at", "act_date", "reporter", "party", "filed_on", "facts", "version", "created_at", "updated_at",
                "import_batch")
EVENT_COLUMNS = ("township", "seq", "case", "kind", "actor", "occurred_at", "place", "payload", "prev_hash", "hash")
PARTY_COLUMNS = ("id", "township", "kind", "name", "identifier", "legal_representative", "address", "phone",
                 "birth_date", "created_at")
OFFICER_COLUMNS = ("township", "case", "user")
CASE_EVENT, FILE_EVENT = "case_imported", "cases_imported"


class Sink:
    """Bulk statements on the transaction's own connection."""

    def __init__(self, transaction: Any) -> None:
        self.connection = transaction.connection
        self.sqlite = isinstance(engine(), SQLiteEngine)

    def day(self, value: dt.date | None):
        return value.isoformat() if self.sqlite and value is not None else value

    def moment(self, value: dt.datetime):
        return str(value.astimezone(dt.timezone.utc)) if self.sqlite else value  # as Piccolo's adapter stores it

    async def insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        if not rows:
            return
        if self.sqlite:
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            await self.connection.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
        else:
            await self.connection.copy_records_to_table(table, records=rows, columns=list(columns))

    async def reserve(self, table: str, count: int) -> list[int]:
        """``count`` ids no other writer will take."""
        if count == 0:
            return []
        if self.sqlite:  # BEGIN IMMEDIATE holds the database's one write lock
            rows = await self.connection.execute_fetchall(f'SELECT COALESCE(MAX(id), 0) AS top FROM "{table}"')
            top = rows[0]["top"] if isinstance(rows[0], dict) else rows[0][0]
            return list(range(top + 1, top + 1 + count))
        rows = await self.connection.fetch(
            "SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id FROM generate_series(1, $2)", table, count)
        return [r["id"] for r in rows]

    async def fetch_one(self, sql_sqlite: str, sql_pg: str, *args) -> dict:
        if self.sqlite:
            rows = await self.connection.execute_fetchall(sql_sqlite, args)
            return dict(rows[0])
        return dict(await self.connection.fetchrow(sql_pg, *args))


def facts_of(case: Planned, note: str) -> bytes:
    """The case file as the procedure would hold it at the end, from what the row says."""
    decision = None
    if case.decision_kind is not None:
        decision = cf.Decision(kind=case.decision_kind, on=case.decided_on, amount=case.amount)
    review = None
    if case.reviewer is not None:
        review = cf.Review(reviewer=case.reviewer, on=case.reviewed_on, passed=True, opinion="（导入的历史记录）")
    return msgspec.json.encode(cf.CaseFile(
        procedure=case.procedure, act_date=case.act_date, officers=case.officers, legal_review=review,
        decision=decision, closed_on=case.closed_on, archived_on=case.closed_on if case.status == "archived" else None,
        outcome_note=note))


def payload_of(case: Planned, batch: int) -> dict[str, Any]:
    """The ``case_imported`` event's payload (JSON builtins only: it is hashed as it will be read back)."""
    decision = None
    if case.decision_kind is not None:
        decision = {"kind": case.decision_kind, "on": case.decided_on.isoformat(),
                    "amount": str(case.amount) if case.amount is not None else None}
    return {"title": "导入历史案件", "on": case.filed_on.isoformat(), "to": case.status, "number": case.number,
            "field": case.field, "power": case.power, "decision": decision, "closed_on": case.closed_on.isoformat(),
            "batch": batch, "row": case.row}


async def write(
    sink: Sink, *, township: dict, batch: int, planned: list[Planned], new_parties: dict[str, NewParty],
    parties: dict[str, int], users: dict[str, int], sealer: ChainSealer, actor_id: int | None, moment: dt.datetime,
    file_name: str, progress: Callable[[str, int, int], None] | None = None,
) -> tuple[int, int]:
    """Parties, cases, events and officers; the (first, last) case id."""
    tid = township["id"]
    party_ids = dict(parties)
    if new_parties:
        ids = await sink.reserve("party", len(new_parties))
        rows = []
        for pid, party in zip(ids, new_parties.values()):
            party_ids[party.identifier] = pid
            rows.append((pid, tid, party.kind, party.name, party.identifier, party.legal_representative, party.address,
                         "", sink.day(party.birth_date), sink.moment(moment)))
        await sink.insert("party", PARTY_COLUMNS, rows)
    case_ids = await sink.reserve("enforcement_case", len(planned))
    zone, stamp, day = clock.zone(), sink.moment(moment), sink.day
    encode = msgspec.json.encode
    total, done = len(planned), 0
    for start in range(0, total, BATCH):
        cases, events, officers = [], [], []
        for case_id, case in zip(case_ids[start:start + BATCH], planned[start:start + BATCH]):
            note = f"导入的历史案件（{file_name} 第 {case.row} 行）"
            found_at = dt.datetime.combine(case.found_on, dt.time(), zone)
            cases.append((
                case_id, tid, case.number, case.procedure, case.status, case.field, case.power, case.source,
                case.summary, case.place, sink.moment(found_at), day(case.act_date), "{}",
                party_ids[case.party] if case.party else None, day(case.filed_on), facts_of(case, note).decode(), 1,
                stamp, stamp, batch))
            payload = payload_of(case, batch)
            seq, prev, digest = sealer.seal(case_id=case_id, kind=CASE_EVENT, actor_id=actor_id, occurred_at=moment,
                                            place=case.place, payload=payload)
            events.append((tid, seq, case_id, CASE_EVENT, actor_id, stamp, case.place, encode(payload).decode(), prev,
                           digest))
            officers.extend((tid, case_id, users[name]) for name in dict.fromkeys(case.officers))
        await sink.insert("enforcement_case", CASE_COLUMNS, cases)
        await sink.insert("case_event", EVENT_COLUMNS, events)
        await sink.insert("case_officer", OFFICER_COLUMNS, officers)
        done += len(cases)
        if progress is not None:
            progress("写入", done, total)
    await _advance_numbering(township, planned)
    return (case_ids[0], case_ids[-1]) if case_ids else (0, 0)


async def _advance_numbering(township: dict, planned: list[Planned]) -> None:
    """Numbers in the township's own series (横综执立〔2024〕12号) move its sequence past them, so a case
    filed later in that year never gets an imported number."""
    pattern = re.compile(rf"^{re.escape(township['short_name'])}立〔(\d{{4}})〕(\d+)号$")
    highest: dict[int, int] = {}
    for case in planned:
        m = pattern.match(case.number)
        if m:
            year, value = int(m[1]), int(m[2])
            highest[year] = max(highest.get(year, 0), value)
    for year, value in sorted(highest.items()):
        row = await CaseSequence.select(CaseSequence.id, CaseSequence.last_value).where(
            owned_by(CaseSequence, township["id"]) & (CaseSequence.year == year) & (CaseSequence.kind == "case")
        ).first()
        if row is None:
            await CaseSequence(township=township["id"], year=year, kind="case", last_value=value).save()
        elif row["last_value"] < value:
            await CaseSequence.update({CaseSequence.last_value: value}).where(CaseSequence.id == row["id"])

"""Bulk import of historical cases (``zhifa import cases FILE --township CODE``; docs/import.md).

One file, one township, all or nothing:

1. the file is read (CSV or .xlsx) and its sha256 taken; a file the township already imported is refused;
2. inside one write transaction holding the township's lock, every row is checked (``checking``) against
   the catalogue, the township's authorisations on the filing date, its users, parties and case numbers;
   any bad row refuses the whole file with every problem listed, and nothing is written;
3. in the same transaction the parties, cases, events and officers are written in batches
   (``writing``: executemany on SQLite, COPY on PostgreSQL), the events chained on the township's head.

A failure or a kill at any point before the commit leaves nothing; after it, everything. Each case is
imported history: ``import_batch`` names its file, its one event is ``case_imported``, and the
supervisors' findings check it like any other stored case (``zhifa report findings``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import asyncpg
import msgspec
from zhifa.core import clock
from zhifa.core.db.queries import events as event_queries
from zhifa.core.db.queries import imports as queries
from zhifa.core.db.transaction import write_transaction
from zhifa.core.registry import get_host
from zhifa.core.services import events
from zhifa.core.services.authorisations import grants_of
from zhifa.core.services.case_import.checking import Known, Problem, check
from zhifa.core.services.case_import.columns import COLUMNS
from zhifa.core.services.case_import.reading import read_sheet
from zhifa.core.services.case_import.writing import FILE_EVENT, Sink, write
from zhifa.core.services.errors import Conflict, Invalid, ServiceError
from zhifa.core.services.scope import not_found
from zhifa.core.services.townships import get_township_row

__all__ = ["COLUMNS", "ImportFailed", "ImportRejected", "ImportResult", "Problem", "import_cases"]

Progress = Callable[[str, int, int], None]


class ImportResult(msgspec.Struct, kw_only=True):
    batch: int
    township: str
    file_name: str
    file_sha256: str
    cases: int
    new_parties: int
    first_case: int
    last_case: int
    first_seq: int
    last_seq: int


class ImportRejected(Invalid):
    """The file has bad rows: every problem, and nothing written."""

    def __init__(self, file_name: str, problems: list[Problem]):
        rows = len({p.row for p in problems})
        super().__init__("import.rejected", f"文件 {file_name} 有 {len(problems)} 处错误（{rows} 行），未导入任何案件")
        self.problems = problems


class ImportFailed(ServiceError):
    """The database refused a write midway: the transaction is rolled back, nothing is left."""


async def import_cases(township_code: str, path: Path, *, actor: str | None = None,
                       progress: Progress | None = None) -> ImportResult:
    sheet = read_sheet(Path(path))
    if progress is not None:
        progress("读取", len(sheet.rows), len(sheet.rows))
    township = await get_township_row(township_code)
    tid = township["id"]
    if not sheet.rows:
        raise Invalid("import.no_rows", f"文件 {sheet.name} 只有表头，没有案件")
    async with write_transaction(tid) as transaction:
        row = await queries.prior_import(tid, sheet.sha256)
        if row is not None:
            raise Conflict("import.duplicate_file",
                           f"文件 {sheet.name} 已于 {_when(row['imported_at'])} 导入本乡镇（批次 {row['id']}，"
                           f"{row['cases']} 件案件），不再重复导入")
        known, actor_id = await _known(township, actor)
        checked = check(sheet, known, clock.today(), progress)
        if checked.problems:
            raise ImportRejected(sheet.name, checked.problems)
        moment = clock.now_utc()
        head_seq, head_hash = await events.chain_head(tid)
        sealer = events.ChainSealer(township_code, head_seq, head_hash)
        count = len(checked.planned)
        first_seq, last_seq = head_seq + 1, head_seq + 1 + count
        batch = await queries.insert_import(
            township_id=tid, file_name=sheet.name[:300], file_sha256=sheet.sha256, cases=count, first_seq=first_seq,
            last_seq=last_seq, imported_by=actor_id, imported_at=moment)
        payload = {"title": "导入历史案件文件", "on": clock.today().isoformat(), "file": sheet.name,
                   "sha256": sheet.sha256, "batch": batch, "cases": count, "first_seq": first_seq, "last_seq": last_seq}
        seq, prev, digest = sealer.seal(case_id=None, kind=FILE_EVENT, actor_id=actor_id, occurred_at=moment,
                                        place="", payload=payload)
        await event_queries.insert_event(
            township_id=tid, seq=seq, case_id=None, kind=FILE_EVENT, actor_id=actor_id, occurred_at=moment, place="",
            payload_json=msgspec.json.encode(payload).decode(), prev_hash=prev, digest=digest)
        try:
            first_case, last_case = await write(
                Sink(transaction), township=township, batch=batch, planned=checked.planned,
                new_parties=checked.new_parties, parties=known.parties, users=known.users, sealer=sealer,
                actor_id=actor_id, moment=moment, file_name=sheet.name, progress=progress)
        except (sqlite3.DatabaseError, asyncpg.PostgresError) as exc:  # the transaction rolls everything back
            raise ImportFailed("import.write_failed",
                               f"写入文件 {sheet.name} 时数据库出错，已全部撤销，未导入任何案件：{exc}") from exc
        if progress is not None:
            progress("提交", 0, 1)
    if progress is not None:
        progress("提交", 1, 1)
    return ImportResult(batch=batch, township=township_code, file_name=sheet.name, file_sha256=sheet.sha256,
                        cases=count, new_parties=len(checked.new_parties), first_case=first_case, last_case=last_case,
                        first_seq=first_seq, last_seq=last_seq)


def _when(moment: dt.datetime) -> str:
    moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(clock.zone()).strftime("%Y-%m-%d %H:%M")


async def _known(township: dict, actor: str | None) -> tuple[Known, int | None]:
    tid = township["id"]
    users = await queries.user_ids(tid)
    actor_id = None
    if actor is not None:
        if actor not in users:
            raise not_found("user", "actor", actor)
        actor_id = users[actor]
    parties = await queries.party_ids(tid)
    numbers = await queries.case_numbers(tid)
    registry = get_host().registry.in_region(township["code"])
    names = {catalogue.field.name: code for code, catalogue in registry.catalogues.items()}
    return Known(township_code=township["code"], registry=registry, grants=await grants_of(tid), users=users,
                 parties=parties, numbers=numbers, field_names=names), actor_id

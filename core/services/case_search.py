"""Finding cases: filters, newest first, cursor pagination; and one case with its timeline."""

from __future__ import annotations

import base64
import datetime as dt

import msgspec
from zhifa.core import clock
from zhifa.core.db.tables import AppUser, Case, CaseOfficer
from zhifa.core.procedure.actions import ACTIONS
from zhifa.core.procedure.states import Status
from zhifa.core.schemas.cases import CaseDetail, CaseFilter, CasePage
from zhifa.core.services import events
from zhifa.core.services.cases import read_case
from zhifa.core.services.errors import Invalid, NotFound
from zhifa.core.services.overdue import overdue_cases
from zhifa.core.services.townships import get_township_row

MAX_LIMIT = 200


def encode_cursor(case_id: int) -> str:
    return base64.urlsafe_b64encode(f"c{case_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not raw.startswith("c"):
            raise ValueError(raw)
        return int(raw[1:])
    except ValueError as exc:
        raise Invalid("cursor.invalid", "分页游标无效，请使用上一页返回的 next_cursor") from exc


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=clock.zone()).astimezone(dt.timezone.utc)


async def search_cases(township_code: str, filters: CaseFilter, *, cursor: str | None = None, limit: int = 50,
                       on: dt.date | None = None) -> CasePage:
    if not 1 <= limit <= MAX_LIMIT:
        raise Invalid("limit.invalid", f"每页条数应在 1 至 {MAX_LIMIT} 之间")
    township = await get_township_row(township_code)
    where = Case.township == township["id"]
    if filters.status:
        unknown = [s for s in filters.status if s not in Status._value2member_map_]
        if unknown:
            raise Invalid("case.status", f"案件状态 {'、'.join(unknown)} 无效")
        where &= Case.status.is_in(list(filters.status))
    if filters.field:
        where &= Case.field == filters.field
    if filters.power:
        where &= Case.power == filters.power
    if filters.found_from:
        where &= Case.found_at >= _start_of(filters.found_from)
    if filters.found_to:
        where &= Case.found_at < _start_of(filters.found_to + dt.timedelta(days=1))
    if filters.filed_from:
        where &= Case.filed_on >= filters.filed_from
    if filters.filed_to:
        where &= Case.filed_on <= filters.filed_to
    if filters.officer:
        user = await AppUser.select(AppUser.id).where(AppUser.username == filters.officer).first()
        assigned = await CaseOfficer.select(CaseOfficer.case).where(
            (CaseOfficer.township == township["id"]) & (CaseOfficer.user == (user["id"] if user else -1)))
        where &= Case.id.is_in([r["case"] for r in assigned] or [-1])
    if filters.overdue is not None:
        late = [c.id for c in await overdue_cases(township_code, on or clock.today())]
        where &= Case.id.is_in(late or [-1]) if filters.overdue else Case.id.not_in(late or [-1])
    if cursor:
        where &= Case.id < decode_cursor(cursor)
    rows = await Case.select(*_LIST_COLUMNS).where(where).order_by(Case.id, ascending=False).limit(limit + 1)
    items = [read_case(r, township_code) for r in rows[:limit]]
    more = len(rows) > limit
    return CasePage(items=items, next_cursor=encode_cursor(items[-1].id) if more else None, limit=limit)


_RAW_COLUMNS = ('id, number, "procedure", status, field, power, source, summary, place, found_at, act_date, party, '
                'filed_on, version')
_LIST_COLUMNS = (Case.id, Case.number, Case.procedure, Case.status, Case.field, Case.power, Case.source, Case.summary,
                 Case.place, Case.found_at, Case.act_date, Case.party, Case.filed_on, Case.version)


async def case_detail(township_code: str, case_id: int) -> CaseDetail:
    township = await get_township_row(township_code)
    rows = await Case.raw(f"SELECT {_RAW_COLUMNS}, facts FROM enforcement_case WHERE township = {{}} AND id = {{}}",
                          township["id"], case_id)  # raw SQL: the hot path of every case page
    if not rows:
        raise NotFound("case.not_found", f"本乡镇未找到编号为 {case_id} 的案件")
    row = rows[0]
    facts = row["facts"] if isinstance(row["facts"], dict) else msgspec.json.decode(row["facts"] or "{}")
    status = Status(row["status"])
    return CaseDetail(
        case=read_case(row, township_code), officers=list(facts.get("officers", [])), file=facts,
        timeline=await events.events_of(township["id"], case_id),
        next_actions=[name for name, spec in ACTIONS.items() if status in spec.sources],
    )

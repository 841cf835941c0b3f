"""Finding cases: filters, newest first, cursor pagination; and one case with its timeline."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

import msgspec
from zhifa.core import clock
from zhifa.core.db.queries.cases import case_with_township
from zhifa.core.db.queries.search import case_list, listed_cases
from zhifa.core.db.tables import AppUser
from zhifa.core.procedure import casefile
from zhifa.core.procedure.actions import ACTIONS
from zhifa.core.procedure.states import Status
from zhifa.core.rules.case_deadlines import case_deadlines
from zhifa.core.schemas.cases import CaseDetail, CaseFilter, CasePage, NextAction, RefusalRead
from zhifa.core.services import events
from zhifa.core.services.cases import read_case
from zhifa.core.services.errors import Invalid
from zhifa.core.services.overdue import open_clock_overdue
from zhifa.core.services.scope import TownshipScope, not_found
from zhifa.core.services.township_settings import procedure_settings
from zhifa.core.services.townships import get_township_row, township_key

MAX_LIMIT = 200


def encode_cursor(case_id: int, after: dt.date | dt.datetime | None = None) -> str:
    """The opaque cursor of the page after a case: its id, and the ordering date when the list is ordered by one."""
    raw = f"c{case_id}" if after is None else f"k{after.isoformat()}|{case_id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, order: str | None = None) -> tuple[Any, int]:
    """``(ordering value, id)``; the value is ``None`` for the id ordering. A cursor of another ordering is invalid."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if order is None and raw.startswith("c"):
            return None, int(raw[1:])
        if order is not None and raw.startswith("k"):
            value, case_id = raw[1:].split("|")
            after = dt.date.fromisoformat(value) if order == "filed_on" else dt.datetime.fromisoformat(value)
            if isinstance(after, dt.datetime) and after.tzinfo is None:
                raise ValueError(value)
            return after, int(case_id)
        raise ValueError(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Invalid("cursor.invalid", "分页游标无效，请使用上一页返回的 next_cursor") from exc


def list_order(filters: CaseFilter) -> str | None:
    """A list filtered by a date range is ordered by that date (newest first, then id), so that its index
    walks from the range's end and stops after one page whatever the range holds; otherwise by id."""
    if filters.filed_from or filters.filed_to:
        return "filed_on"
    if filters.found_from or filters.found_to:
        return "found_at"
    return None


def _sort_key(order: str | None):
    return (lambda c: c.id) if order is None else (lambda c: (getattr(c, order), c.id))


def _next_cursor(items: list, order: str | None) -> str:
    last = items[-1]
    return encode_cursor(last.id, None if order is None else getattr(last, order))


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=clock.zone()).astimezone(dt.timezone.utc)


async def search_cases(township_code: str, filters: CaseFilter, *, cursor: str | None = None, limit: int = 50,
                       on: dt.date | None = None) -> CasePage:
    if not 1 <= limit <= MAX_LIMIT:
        raise Invalid("limit.invalid", f"每页条数应在 1 至 {MAX_LIMIT} 之间")
    township = await township_key(township_code)  # the guard's row, not a second read
    sql, args = await list_statement(township, filters, cursor=cursor, limit=limit, on=on)
    rows = await listed_cases((sql, args))
    items = [read_case(r, township_code) for r in rows[:limit]]
    more = len(rows) > limit
    return CasePage(items=items, next_cursor=_next_cursor(items, list_order(filters)) if more else None, limit=limit)


async def list_statement(township: dict, filters: CaseFilter, *, cursor: str | None = None, limit: int = 50,
                         on: dt.date | None = None) -> tuple[str, list]:
    """The list's one SQL statement and its parameters (one more row than the page, to know if there is more)."""
    if filters.status:
        unknown = [s for s in filters.status if s not in Status._value2member_map_]
        if unknown:
            raise Invalid("case.status", f"案件状态 {'、'.join(unknown)} 无效")
    if filters.officer:  # a user of this township, or the filter is refused as naming no one here
        await TownshipScope(township).resolve("user", filters.officer, AppUser.id, field="officer")
    overdue = None
    if filters.overdue is not None:
        day = on or clock.today()  # the fixed clocks are the statement's; the few open ones (中止 …) computed here
        overdue = (day, [c.id for c in await open_clock_overdue(township["id"], day)])
    order = list_order(filters)
    return case_list(
        township["id"], filters,
        found_from=_start_of(filters.found_from) if filters.found_from else None,
        found_before=_start_of(filters.found_to + dt.timedelta(days=1)) if filters.found_to else None,
        officer=filters.officer or None, overdue=overdue, order=order,
        after=decode_cursor(cursor, order) if cursor else None, limit=limit)


_SCHEMAS: dict[str, dict] = {}


def input_schema(action: str) -> dict:
    """The JSON Schema of the action's input struct (msgspec.json.schema), computed once per action."""
    if action not in _SCHEMAS:
        _SCHEMAS[action] = msgspec.json.schema(ACTIONS[action].input)
    return _SCHEMAS[action]


async def next_actions(township_code: str, case_id: int, status: Status, *, actor: str | None,
                       on: dt.date) -> list[NextAction]:
    """Each action the status allows, with a dry run of its gates on ``on`` (``procedure.dry_run``)."""
    from zhifa.core.services import procedure

    township = await get_township_row(township_code)
    found, memo = [], {}  # the dry runs share the case's reads (procedure._prepare's memo); each runs its gates
    for name, spec in ACTIONS.items():
        if status not in spec.sources:
            continue
        refusals = await procedure.dry_run(township_code, case_id, name, actor=actor, on=on, township=township,
                                           memo=memo)
        found.append(NextAction(action=name, label=spec.title, allowed=not refusals,
                                refusals=[RefusalRead(code=r.code, message=r.message) for r in refusals],
                                input_schema=input_schema(name)))
    return found


async def case_detail(township_code: str, case_id: int, *, actor: str | None = None,
                      on: dt.date | None = None) -> CaseDetail:
    """The case as the UI shows it: file, timeline, running deadlines (days left from ``on``, default
    today) and the next actions with a dry run of their gates for ``actor``."""
    on = on or clock.today()
    # Raw SQL, the case with its township in one statement: the hot path of every case page.
    row = await case_with_township(township_code, case_id)
    if row is None:
        await get_township_row(township_code)  # a missing township is reported as such
        raise not_found("case", "case_id", case_id)
    facts = row["facts"]
    status = Status(row["status"])
    return CaseDetail(
        deadlines=case_deadlines(row["status"], casefile.load(facts), found_on=clock.local_date(row["found_at"]),
                                 filed_on=row["filed_on"], periods=dict(procedure_settings(row["settings"]).periods),
                                 on=on),
        case=read_case(row, township_code), officers=list(facts.get("officers", [])), file=facts,
        timeline=await events.events_of(row["township_id"], case_id),
        next_actions=await next_actions(township_code, case_id, status, actor=actor, on=on),
    )


async def search_county(county_code: str, filters: CaseFilter, *, townships: list[str] | None = None,
                        cursor: str | None = None, limit: int = 50, on: dt.date | None = None) -> CasePage:
    """Every township of a county (or the named ones), newest first, one keyset over the case id (or
    over the date and id when a date range orders the list, ``list_order``).

    Case ids are unique across townships, so each township's own list statement (its indexes, its
    filters) is asked for the page after the cursor and the pages are merged by that key: the county's page
    is the newest ``limit`` of them. The officer filter is a township's own (``search_cases``).
    """
    from zhifa.core.db.tables import Township

    if not 1 <= limit <= MAX_LIMIT:
        raise Invalid("limit.invalid", f"每页条数应在 1 至 {MAX_LIMIT} 之间")
    query = Township.select(Township.id, Township.code).where(Township.county_code == county_code).order_by(Township.code)
    rows = [t for t in await query if townships is None or t["code"] in townships]
    found: list = []
    for township in rows:
        statement = await list_statement(township, filters, cursor=cursor, limit=limit, on=on)
        found += [read_case(r, township["code"]) for r in await listed_cases(statement)]
    order = list_order(filters)
    found.sort(key=_sort_key(order), reverse=True)
    items = found[:limit]
    return CasePage(items=items, next_cursor=_next_cursor(items, order) if len(found) > limit else None, limit=limit)

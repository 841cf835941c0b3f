"""Finding cases: filters, newest first, cursor pagination; and one case with its timeline."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

import msgspec
from zhifa.core import clock
from zhifa.core.db.database import current_engine
from zhifa.core.db.tables import AppUser, Case
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
    rows = await Case.raw(sql, *args)
    items = [read_case(r, township_code) for r in rows[:limit]]
    more = len(rows) > limit
    return CasePage(items=items, next_cursor=_next_cursor(items, list_order(filters)) if more else None, limit=limit)


async def list_statement(township: dict, filters: CaseFilter, *, cursor: str | None = None, limit: int = 50,
                         on: dt.date | None = None) -> tuple[str, list]:
    """The list's one SQL statement and its parameters (one more row than the page, to know if there is more)."""
    # Raw SQL with bound parameters: the list is the busiest read, and building a Piccolo query
    # costs more than running it. Every value below is a parameter, never pasted into the SQL.
    clauses, args = ["township = {}"], [township["id"]]

    def where(sql: str, *values) -> None:
        clauses.append(sql)
        args.extend(values)

    if filters.status:
        unknown = [s for s in filters.status if s not in Status._value2member_map_]
        if unknown:
            raise Invalid("case.status", f"案件状态 {'、'.join(unknown)} 无效")
        where(f"status IN ({', '.join('{}' for _ in filters.status)})", *filters.status)
    if filters.field:
        where("field = {}", filters.field)
    if filters.power:
        where("power = {}", filters.power)
    if filters.found_from:
        where("found_at >= {}", _start_of(filters.found_from))
    if filters.found_to:
        where("found_at < {}", _start_of(filters.found_to + dt.timedelta(days=1)))
    if filters.filed_from:
        where("filed_on >= {}", filters.filed_from)
    if filters.filed_to:
        where("filed_on <= {}", filters.filed_to)
    if filters.officer:  # a user of this township, or the filter is refused as naming no one here
        await TownshipScope(township).resolve("user", filters.officer, AppUser.id, field="officer")
        where('id IN (SELECT co."case" FROM case_officer co JOIN app_user u ON u.id = co."user" '
              "WHERE co.township = {} AND u.username = {})", township["id"], filters.officer)
    if filters.overdue is not None:
        day = on or clock.today()
        # the fixed clocks by the indexed column; the few open ones (中止 …) computed, as one JSON parameter
        late = msgspec.json.encode([c.id for c in await open_clock_overdue(township["id"], day)]).decode()
        if filters.overdue:  # one indexable condition unless some open clock is late too
            if late == "[]":
                where("decision_due < {}", day)
            else:
                where(f"(decision_due < {{}} OR id IN ({_ids_of_json()}))", day, late)
        else:
            where("(decision_due IS NULL OR decision_due >= {})", day)
            if late != "[]":
                where(f"id NOT IN ({_ids_of_json()})", late)
    order = list_order(filters)
    if cursor:
        after, case_id = decode_cursor(cursor, order)
        if order is None:
            where("id < {}", case_id)
        else:  # a row value: both engines walk (township, <date>, id) from there
            where(f"({order}, id) < ({{}}, {{}})", after, case_id)
    by = "id DESC" if order is None else f"{order} DESC, id DESC"
    sql = f"SELECT {_RAW_COLUMNS} FROM enforcement_case WHERE {' AND '.join(clauses)} ORDER BY {by} LIMIT {{}}"
    return sql, [*args, limit + 1]


def _ids_of_json() -> str:
    """A subquery yielding the integers of one JSON-array parameter, in the current engine's dialect."""
    if current_engine().engine_type == "sqlite":
        return "SELECT value FROM json_each({})"
    return "SELECT (jsonb_array_elements_text({}::jsonb))::bigint"


_RAW_COLUMNS = ('id, number, "procedure", status, field, power, source, summary, place, found_at, act_date, party, '
                'filed_on, version')


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
    columns = ", ".join(f"c.{c.strip()}" for c in _RAW_COLUMNS.split(","))
    rows = await Case.raw(f"SELECT {columns}, c.facts, c.township AS township_id, t.settings FROM enforcement_case c "
                          "JOIN township t ON t.id = c.township WHERE t.code = {} AND c.id = {}", township_code, case_id)
    if not rows:
        await get_township_row(township_code)  # a missing township is reported as such
        raise not_found("case", "case_id", case_id)
    row = rows[0]
    facts = row["facts"] if isinstance(row["facts"], dict) else msgspec.json.decode(row["facts"] or "{}")
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
        sql, args = await list_statement(township, filters, cursor=cursor, limit=limit, on=on)
        found += [read_case(r, township["code"]) for r in await Case.raw(sql, *args)]
    order = list_order(filters)
    found.sort(key=_sort_key(order), reverse=True)
    items = found[:limit]
    return CasePage(items=items, next_cursor=_next_cursor(items, order) if len(found) > limit else None, limit=limit)

"""Cases: registering a clue, and reading cases. The lifecycle beyond the clue comes next.

Reading never depends on the township's current authorisation: a field that was switched off
keeps every existing case readable.
"""

from __future__ import annotations

import datetime as dt
import logging
from enum import Enum
from itertools import chain

import msgspec
from zhifa.core import clock
from zhifa.core.db.queries import cases as queries
from zhifa.core.db.queries.townships import township_and_user, user_by_name
from zhifa.core.db.tables import Case, Party
from zhifa.core.db.transaction import lock_township, write_transaction
from zhifa.core.registry import get_host
from zhifa.core.rules import dates
from zhifa.core.rules.context import ActionContext, CaseFacts
from zhifa.core.rules.refusal import Refused
from zhifa.core.schemas.cases import CaseRead, ClueCreate, EventRead
from zhifa.core.services import authorisations, events
from zhifa.core.services.errors import Invalid
from zhifa.core.services.scope import TownshipScope, not_found, owned_by
from zhifa.core.services.townships import get_township_row

log = logging.getLogger(__name__)


class CaseSource(str, Enum):
    """案源."""

    patrol = "patrol"  # 日常巡查
    complaint = "complaint"  # 投诉举报
    hotline = "hotline"  # 12345 热线
    grid = "grid"  # 网格员上报
    random_inspection = "random_inspection"  # 双随机一公开
    sampling = "sampling"  # 抽检
    transfer = "transfer"  # 移送
    assignment = "assignment"  # 上级交办


def read_case(row: dict, township_code: str) -> CaseRead:
    return CaseRead(
        id=row["id"], township=township_code, number=row["number"], procedure=row["procedure"],
        status=row["status"], field=row["field"], power=row["power"], source=row["source"],
        summary=row["summary"], place=row["place"], found_at=row["found_at"], act_date=row["act_date"],
        party_id=row["party"], filed_on=row["filed_on"], version=row["version"],
    )


async def actor_id(township_id: int, username: str | None) -> int | None:
    """The id of a user of this township (404 for anyone else); None when no actor is named."""
    if username is None:
        return None
    row = await user_by_name(username)
    if row is None or row["township"] != township_id:
        raise not_found("user", "actor", username)
    return row["id"]


def after_commit(hooks, context: ActionContext, event: EventRead) -> None:
    """Tell the township's plugins about a committed event; their failures never undo it."""
    try:
        hooks.zhifa_event_committed(context=context, event=event)
    except Exception:  # a plugin's reaction must not break a committed action
        log.exception("插件处理事件 %s 时出错", event.kind)


async def register_clue(township_code: str, data: ClueCreate, actor: str | None = None) -> CaseRead:
    """线索登记. Refused unless the field (and the power, if named) is authorised that day, and unless
    ``found_at`` and ``act_date`` lie between 1996-10-01 and today (``zhifa.core.rules.dates``).

    Reads and writes share one write transaction (one connection, no pool round trips); a refusal
    rolls back nothing but the reads.
    """
    async with write_transaction():
        case, event, hooks, context = await _register(township_code, data, actor)
    after_commit(hooks, context, event)
    return case


async def _township_and_actor(township_code: str, actor: str | None) -> tuple[dict, int | None]:
    """The township's row and the actor's id, in one statement (this is the busiest write's first read)."""
    row = await township_and_user(township_code, actor or "")
    if row is None:
        await get_township_row(township_code)  # raises the township's own not-found
    if actor is not None and (row["actor_id"] is None or row["actor_township"] != row["id"]):
        raise not_found("user", "actor", actor)
    return row, row["actor_id"] if actor is not None else None


async def _register(township_code: str, data: ClueCreate, actor: str | None):
    township, actor_id = await _township_and_actor(township_code, actor)
    await lock_township(township["id"])  # the first lock, before any insert (core/db/transaction.py)
    host = get_host()
    authorisations.check_scope(data.field, data.power, township["code"])
    catalogue = host.registry.catalogues[data.field]
    try:
        source = CaseSource(data.source)
    except ValueError as exc:
        raise Invalid("case.source", f"案源 {data.source} 无效（可选：{'、'.join(s.value for s in CaseSource)}）") from exc
    if not data.summary.strip():
        raise Invalid("case.summary_required", "线索内容不能为空")
    if data.found_at.tzinfo is None:
        raise Invalid("case.found_at", "发现时间必须带时区")
    wrong_dates = dates.clue_dates(clock.local_date(data.found_at), data.act_date, clock.today())
    if wrong_dates:
        raise Refused(wrong_dates)
    if data.party_id is not None:
        await TownshipScope(township).resolve("party", data.party_id, Party.id, field="party_id")
    on = clock.local_date(data.found_at)
    enabled, grant = await authorisations.scope_on(township, data.field, data.power, on)
    context = ActionContext(
        action="register_clue", township=township_code, on=on, field=data.field, power=data.power,
        actor=actor_id,
        data=CaseFacts(enabled_fields=frozenset(enabled), grant=grant, field_name=catalogue.field.name, summary=data.summary),
    )
    hooks = host.hooks_for_fields(enabled)
    refusals = list(chain.from_iterable(r for r in hooks.zhifa_check_action(context=context) if r))
    if refusals:
        raise Refused(refusals)

    found_at = data.found_at.astimezone(dt.timezone.utc)
    summary, now = data.summary.strip(), clock.now_utc()
    case_id = await queries.insert_clue(
        township_id=township["id"], field=data.field, power=data.power, source=source.value, summary=summary,
        place=data.place, found_at=found_at, act_date=data.act_date,
        reporter_json=msgspec.json.encode(data.reporter).decode(), party_id=data.party_id, now=now,
    )
    event = await events.append_event(
        township_id=township["id"], township_code=township_code, kind="clue_registered", case_id=case_id,
        actor_id=actor_id, place=data.place,
        payload={"field": data.field, "power": data.power, "source": source.value,
                 "basis": grant.basis.value if grant and grant.basis else None,
                 "document_no": grant.document_no if grant else None},
    )
    return CaseRead(
        id=case_id, township=township_code, number=None, procedure="general", status="clue", field=data.field,
        power=data.power, source=source.value, summary=summary, place=data.place, found_at=found_at,
        act_date=data.act_date, party_id=data.party_id, filed_on=None, version=1,
    ), event, hooks, context


async def get_case(township_code: str, case_id: int) -> CaseRead:
    scope = TownshipScope(await get_township_row(township_code))
    return read_case(await scope.resolve("case", case_id, field="case_id"), township_code)


async def list_cases(township_code: str, field: str | None = None) -> list[CaseRead]:
    township = await get_township_row(township_code)
    query = Case.select().where(owned_by(Case, township["id"]))
    if field:
        query = query.where(Case.field == field)
    return [read_case(r, township_code) for r in await query.order_by(Case.id)]


async def case_events(township_code: str, case_id: int) -> list[EventRead]:
    township = await get_township_row(township_code)
    await get_case(township_code, case_id)
    return await events.events_of(township["id"], case_id)

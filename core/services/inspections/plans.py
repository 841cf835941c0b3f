"""Plans (抽查计划): field, window, ratio table, inspectors per target, rotation."""

from __future__ import annotations

import msgspec
from zhifa.core.db.tables import InspectionPlan
from zhifa.core.db.transaction import write_transaction
from zhifa.core.inspections.draw import MIN_PER_TARGET, RISK_CLASSES, DrawInvalid, normalise_ratios
from zhifa.core.schemas.inspections import PlanCreate, PlanRead
from zhifa.core.services import authorisations
from zhifa.core.services.cases import actor_id as _actor_id
from zhifa.core.services.errors import Conflict, Invalid
from zhifa.core.services.inspections.common import _event, _field_name
from zhifa.core.services.scope import TownshipScope, owned_by
from zhifa.core.services.townships import get_township_row

#: An example ratio table (percent per risk class); plans set their own.
DEFAULT_RATIOS = {"A": "3", "B": "5", "C": "10", "D": "100"}
#: More inspectors per target than any inspection team has is a mistake in the plan.
MAX_PER_TARGET = 20


# ---------------------------------------------------------------------------------------------
# Plans (抽查计划)
# ---------------------------------------------------------------------------------------------


def _plan_read(row: dict) -> PlanRead:
    ratios = row["ratios"] if isinstance(row["ratios"], dict) else msgspec.json.decode(row["ratios"])
    return PlanRead(id=row["id"], field=row["field"], title=row["title"], ratios=ratios, starts_on=row["starts_on"],
                    ends_on=row["ends_on"], per_target=row["per_target"], rotation=row["rotation"])


async def create_plan(township_code: str, data: PlanCreate, actor: str | None = None) -> PlanRead:
    """A plan: its field must be authorised to the township when the inspections start."""
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    authorisations.check_scope(data.field, None)
    title = data.title.strip()
    if not title:
        raise Invalid("inspection.plan_title", "抽查计划名称不能为空")
    if data.ends_on < data.starts_on:
        raise Invalid("inspection.plan_window", f"检查期间结束日 {data.ends_on} 早于开始日 {data.starts_on}")
    if data.per_target < MIN_PER_TARGET:
        raise Invalid("inspection.per_target", f"每个检查对象的执法检查人员不得少于 {MIN_PER_TARGET} 名")
    if data.per_target > MAX_PER_TARGET:
        raise Invalid("inspection.per_target", f"每个检查对象的执法检查人员不得多于 {MAX_PER_TARGET} 名")
    try:
        ratios = normalise_ratios(data.ratios)
    except DrawInvalid as exc:
        raise Invalid("inspection.ratios", str(exc)) from exc
    missing = [c for c in RISK_CLASSES if c not in ratios]
    if missing:
        raise Invalid("inspection.ratios", f"抽查比例须逐类写明，缺少 {'、'.join(missing)} 类")
    if data.field not in await authorisations.fields_enabled(township["id"], data.starts_on):
        raise Invalid("inspection.field_not_authorised",
                      f"{data.starts_on} 本乡镇未获{_field_name(data.field)}领域的执法授权，不能安排该领域的抽查")
    if await InspectionPlan.exists().where(owned_by(InspectionPlan, township["id"]) & (InspectionPlan.title == title)):
        raise Conflict("inspection.plan_exists", f"抽查计划「{title}」已存在")
    async with write_transaction(township["id"]):
        row = InspectionPlan(township=township["id"], field=data.field, title=title, ratios=ratios,
                             per_target=data.per_target, starts_on=data.starts_on, ends_on=data.ends_on,
                             rotation=data.rotation, created_by=actor_id)
        await row.save()
        await _event(township, "inspection_plan_created", actor_id,
                     {"plan": row.id, "title": title, "field": data.field, "ratios": ratios, "per_target": data.per_target,
                      "starts_on": data.starts_on.isoformat(), "ends_on": data.ends_on.isoformat(), "rotation": data.rotation})
    return await get_plan(township_code, row.id)


async def _plan_row(township: dict, plan_id: int) -> dict:
    return await TownshipScope(township).resolve("plan", plan_id, field="plan_id")


async def get_plan(township_code: str, plan_id: int) -> PlanRead:
    township = await get_township_row(township_code)
    return _plan_read(await _plan_row(township, plan_id))


async def list_plans(township_code: str) -> list[PlanRead]:
    township = await get_township_row(township_code)
    rows = await InspectionPlan.select().where(owned_by(InspectionPlan, township["id"])).order_by(
        InspectionPlan.id).output(load_json=True)
    return [_plan_read(r) for r in rows]

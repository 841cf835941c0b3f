"""Inspector directory (执法检查人员名录库) and recusals (回避)."""

from __future__ import annotations

from zhifa.core.db.tables import InspectionInspector, InspectionRecusal
from zhifa.core.db.transaction import lock_township, write_transaction
from zhifa.core.schemas.inspections import InspectorDirectoryRead, InspectorRead, RecusalCreate, RecusalRead
from zhifa.core.services.cases import actor_id as _actor_id
from zhifa.core.services.errors import Conflict, Invalid, NotFound
from zhifa.core.services.inspections.common import INSPECTORS, _bump, _event, directory_version
from zhifa.core.services.inspections.targets import _target_row
from zhifa.core.services.scope import TownshipScope, owned_by
from zhifa.core.services.townships import get_township_row

# ---------------------------------------------------------------------------------------------
# Inspector directory (执法检查人员名录库) and recusals (回避)
# ---------------------------------------------------------------------------------------------


async def _township_user(township: dict, username: str, field: str) -> dict:
    return await TownshipScope(township).resolve("user", username, field=field)


async def add_inspectors(township_code: str, usernames: list[str], actor: str | None = None) -> InspectorDirectoryRead:
    """Put officers on the inspector directory. Auxiliary staff can never be members."""
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    users = [await _township_user(township, u, "inspectors") for u in dict.fromkeys(usernames)]
    for user in users:
        if "auxiliary" in user["roles"]:
            raise Invalid("inspection.inspector_auxiliary",
                          f"{user['display_name']}（{user['username']}）是辅助人员，不得列入执法检查人员名录")
        if "officer" not in user["roles"]:
            raise Invalid("inspection.inspector_not_officer",
                          f"{user['display_name']}（{user['username']}）不是执法人员，不得列入执法检查人员名录")
    changed = []
    async with write_transaction():
        await lock_township(township["id"])
        for user in users:
            row = await InspectionInspector.select().where(
                owned_by(InspectionInspector, township["id"]) & (InspectionInspector.user == user["id"])
            ).first()
            if row is None:
                await InspectionInspector(township=township["id"], user=user["id"]).save()
            elif not row["active"]:
                await InspectionInspector.update({InspectionInspector.active: True}).where(InspectionInspector.id == row["id"])
            else:
                continue
            changed.append(user["username"])
        if changed:
            version = await _bump(township["id"], INSPECTORS)
            await _event(township, "inspection_inspectors_added", actor_id, {"inspectors": changed, "version": version})
    return await list_inspectors(township_code)


async def remove_inspector(township_code: str, username: str, actor: str | None = None) -> InspectorDirectoryRead:
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    user = await _township_user(township, username, "inspector")
    row = await InspectionInspector.select().where(
        owned_by(InspectionInspector, township["id"]) & (InspectionInspector.user == user["id"])
    ).first()
    if row is None or not row["active"]:
        raise NotFound("inspection.inspector_not_found", f"{username} 不在本乡镇的执法检查人员名录中")
    async with write_transaction():
        await lock_township(township["id"])
        await InspectionInspector.update({InspectionInspector.active: False}).where(InspectionInspector.id == row["id"])
        version = await _bump(township["id"], INSPECTORS)
        await _event(township, "inspection_inspector_removed", actor_id, {"inspector": username, "version": version})
    return await list_inspectors(township_code)


async def list_inspectors(township_code: str) -> InspectorDirectoryRead:
    township = await get_township_row(township_code)
    rows = await InspectionInspector.select(
        InspectionInspector.active, InspectionInspector.user.username.as_alias("username"),
        InspectionInspector.user.display_name.as_alias("display_name"),
    ).where(owned_by(InspectionInspector, township["id"])).order_by(InspectionInspector.id)
    return InspectorDirectoryRead(
        version=await directory_version(township["id"], INSPECTORS),
        inspectors=[InspectorRead(username=r["username"], display_name=r["display_name"], active=r["active"]) for r in rows],
    )


async def declare_recusal(township_code: str, data: RecusalCreate, actor: str | None = None) -> RecusalRead:
    """Record that an inspector must never be drawn for a target (亲属关系、利害关系 …)."""
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    user = await _township_user(township, data.inspector, "inspector")
    target = await _target_row(township, data.target_id)
    reason = data.reason.strip()
    if not reason:
        raise Invalid("inspection.recusal_reason", "回避须写明事由（如亲属关系、利害关系）")
    if await InspectionRecusal.exists().where(
        owned_by(InspectionRecusal, township["id"]) & (InspectionRecusal.user == user["id"])
        & (InspectionRecusal.target == target["id"])
    ):
        raise Conflict("inspection.recusal_exists", f"{user['display_name']} 对「{target['name']}」的回避已登记")
    async with write_transaction():
        await lock_township(township["id"])
        row = InspectionRecusal(township=township["id"], user=user["id"], target=target["id"], reason=reason)
        await row.save()
        version = await _bump(township["id"], INSPECTORS)
        await _event(township, "inspection_recusal_declared", actor_id,
                     {"inspector": data.inspector, "target": target["id"], "reason": reason, "version": version})
    return RecusalRead(id=row.id, inspector=data.inspector, target_id=target["id"], target_name=target["name"], reason=reason)


async def list_recusals(township_code: str) -> list[RecusalRead]:
    township = await get_township_row(township_code)
    rows = await InspectionRecusal.select(
        InspectionRecusal.id, InspectionRecusal.reason, InspectionRecusal.target,
        InspectionRecusal.user.username.as_alias("username"), InspectionRecusal.target.name.as_alias("target_name"),
    ).where(owned_by(InspectionRecusal, township["id"])).order_by(InspectionRecusal.id)
    return [RecusalRead(id=r["id"], inspector=r["username"], target_id=r["target"], target_name=r["target_name"],
                        reason=r["reason"]) for r in rows]

"""双随机、一公开: directories, plans, recorded draws, results and their publication.

Directories. A township keeps a target directory (检查对象名录库, per field, each entry with a
credit risk class A–D) and an inspector directory (执法检查人员名录库: members; whether a member
may be drawn is judged at each draw from their certificates). Each directory has a version,
bumped by every change made through these services (declared recusals count as changes to the
inspector directory).

Draw. ``draw_plan`` reads the active targets of the plan's field, the active inspectors with
their certificates and the declared recusals, and runs the pure draw
(``zhifa.core.inspections.draw``) with a recorded seed (a fresh ``secrets`` seed when none is
given). It stores, with the seed and the ratio table, both directories' versions and the hashes
of exactly the rows it used, those rows themselves (``inputs``) and the result with its hash, and
appends an ``inspection_drawn`` event carrying the same hashes. A draw in which any target would
get fewer than the plan's inspectors is refused with a message naming the targets.

Verification (decided): a draw is verified against what it recorded, so a draw stays verifiable
after the directories change. ``verify_draw`` checks that the recorded rows still hash to the
recorded hashes, that recomputing the draw from them and the seed gives the recorded result, and
that the event chain's entry agrees; separately it reports, per directory, the current version
and whether the rows the draw used have changed since (``changed``) — information, not failure.

Rotation (optional, per plan): an inspector assigned to a target in the plan's previous draw is
treated as recused from that target in the next draw.

Publication: each result is due for publication ``publication_other`` working days (20 by
default, configurable per township like every configurable period) after the inspection date.
Public lines keep organisations' names; for individual businesses (个体工商户) the operator's
name is masked (in the name too) and the address left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from enum import Enum

import msgspec
from zhifa.core import clock
from zhifa.core.calendar.periods import deadline
from zhifa.core.calendar.workdays import CalendarNotCovered
from zhifa.core.db.tables import (
    AppUser,
    Event,
    InspectionDirectory,
    InspectionDraw,
    InspectionInspector,
    InspectionPlan,
    InspectionRecusal,
    InspectionResult,
    InspectionTarget,
)
from zhifa.core.db.transaction import lock_township, write_transaction
from zhifa.core.domain import identifiers
from zhifa.core.inspections.draw import (
    MIN_PER_TARGET,
    RISK_CLASSES,
    DrawInput,
    DrawInvalid,
    DrawResult,
    DrawTarget,
    Recusal,
    canonical_json,
    content_hash,
    new_seed,
    normalise_ratios,
    recompute,
)
from zhifa.core.registry import get_host
from zhifa.core.rules.facts import Person, ProcedureSettings
from zhifa.core.schemas.cases import ClueCreate
from zhifa.core.schemas.inspections import (
    AssignmentRead,
    ClassCountRead,
    DirectoryCheck,
    DrawRead,
    ImportSummary,
    IneligibleRead,
    InspectorDirectoryRead,
    InspectorRead,
    PlanCreate,
    PlanRead,
    Publication,
    PublicResult,
    RecusalCreate,
    RecusalRead,
    ResultCreate,
    ResultRead,
    TargetCreate,
    TargetDirectoryRead,
    TargetRead,
    VerifyReport,
)
from zhifa.core.services import authorisations, cases, events
from zhifa.core.services.cases import actor_id as _actor_id
from zhifa.core.services.errors import Conflict, Invalid, NotFound
from zhifa.core.services.facts import people_facts
from zhifa.core.services.townships import get_township_row

TARGETS, INSPECTORS = "targets", "inspectors"
TARGET_KINDS = {"organisation": "单位", "individual": "个体工商户"}
RISK_ALIASES = {"低": "A", "一般": "B", "较高": "C", "高": "D",
                "低风险": "A", "一般风险": "B", "较高风险": "C", "高风险": "D"}
#: An example ratio table (percent per risk class); plans set their own.
DEFAULT_RATIOS = {"A": "3", "B": "5", "C": "10", "D": "100"}


class Outcome(str, Enum):
    """抽查结果 (the wording used by 市场监管 random inspections)."""

    no_problem = "no_problem"
    corrected = "corrected"
    case_opened = "case_opened"
    not_publicised = "not_publicised"
    refused = "refused"
    not_operating = "not_operating"
    unreachable = "unreachable"


OUTCOME_NAMES = {
    Outcome.no_problem: "未发现问题",
    Outcome.corrected: "发现问题已责令整改",
    Outcome.case_opened: "发现问题已立案",
    Outcome.not_publicised: "未按规定公示",
    Outcome.refused: "不配合检查",
    Outcome.not_operating: "未发现开展经营活动",
    Outcome.unreachable: "通过登记的住所无法联系",
}


# ---------------------------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------------------------


async def directory_version(township_id: int, kind: str) -> int:
    row = await InspectionDirectory.select(InspectionDirectory.version).where(
        (InspectionDirectory.township == township_id) & (InspectionDirectory.kind == kind)
    ).first()
    return row["version"] if row else 0


async def _bump(township_id: int, kind: str) -> int:
    """Next version of a directory; call inside the write transaction, after ``lock_township``."""
    current = await directory_version(township_id, kind)
    if current == 0 and not await InspectionDirectory.exists().where(
        (InspectionDirectory.township == township_id) & (InspectionDirectory.kind == kind)
    ):
        await InspectionDirectory(township=township_id, kind=kind, version=1).save()
        return 1
    await InspectionDirectory.update(
        {InspectionDirectory.version: current + 1, InspectionDirectory.updated_at: clock.now_utc()}
    ).where((InspectionDirectory.township == township_id) & (InspectionDirectory.kind == kind))
    return current + 1


async def _event(township: dict, kind: str, actor_id: int | None, payload: dict, case_id: int | None = None) -> None:
    await events.append_event(township_id=township["id"], township_code=township["code"], kind=kind,
                              actor_id=actor_id, payload=payload, case_id=case_id)


def _field_name(field: str) -> str:
    catalogue = get_host().registry.catalogues.get(field)
    return catalogue.field.name if catalogue else field


# ---------------------------------------------------------------------------------------------
# Target directory (检查对象名录库)
# ---------------------------------------------------------------------------------------------


def _target_read(row: dict) -> TargetRead:
    return TargetRead(
        id=row["id"], field=row["field"], kind=row["kind"], name=row["name"], identifier=row["identifier"],
        operator=row["operator"], address=row["address"], risk_class=row["risk_class"], active=row["active"],
    )


def normalise_target(data: TargetCreate) -> TargetCreate:
    """The entry in canonical form, or ``Invalid`` saying what is wrong with it."""
    authorisations.check_scope(data.field, None)
    name = data.name.strip()
    if not name:
        raise Invalid("inspection.target_name", "检查对象名称不能为空")
    try:
        identifier = identifiers.credit_code(data.identifier.strip().upper())
    except identifiers.InvalidIdentifier as exc:
        raise Invalid(exc.code, str(exc)) from exc
    risk = RISK_ALIASES.get(data.risk_class.strip(), data.risk_class.strip().upper())
    if risk not in RISK_CLASSES:
        raise Invalid("inspection.risk_class",
                      f"{name} 的风险分类 {data.risk_class!r} 无效（可选：A 低、B 一般、C 较高、D 高）")
    if data.kind not in TARGET_KINDS:
        raise Invalid("inspection.target_kind", f"{name} 的主体类型 {data.kind!r} 无效（可选：organisation 单位、individual 个体工商户）")
    operator = (data.operator or "").strip() or None
    return TargetCreate(field=data.field, name=name, identifier=identifier, risk_class=risk, kind=data.kind,
                        operator=operator, address=data.address.strip())


_CSV_COLUMNS = {
    "field": "field", "领域": "field",
    "name": "name", "名称": "name", "检查对象": "name",
    "identifier": "identifier", "统一社会信用代码": "identifier", "信用代码": "identifier",
    "risk_class": "risk_class", "风险分类": "risk_class", "信用风险分类": "risk_class",
    "kind": "kind", "主体类型": "kind",
    "operator": "operator", "经营者": "operator", "法定代表人": "operator",
    "address": "address", "地址": "address", "住所": "address",
}
_KIND_ALIASES = {"单位": "organisation", "企业": "organisation", "个体工商户": "individual", "个体": "individual"}


def parse_targets_csv(text: str, default_field: str | None = None) -> list[TargetCreate]:
    """Rows of a CSV file (UTF-8, English or Chinese headers; see docs/random-inspections.md)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader)
    except StopIteration:
        raise Invalid("inspection.csv_empty", "检查对象文件为空") from None
    columns = [_CSV_COLUMNS.get(h.strip()) for h in header]
    required = {"name", "identifier", "risk_class"} | (set() if default_field else {"field"})
    missing = required - set(columns)
    if missing:
        raise Invalid("inspection.csv_header", f"检查对象文件缺少列：{'、'.join(sorted(missing))}（表头为 {'、'.join(header)}）")
    rows, problems = [], []
    for line, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        record = {c: v.strip() for c, v in zip(columns, values) if c}
        kind = record.get("kind") or "organisation"
        try:
            rows.append(TargetCreate(
                field=record.get("field") or default_field or "", name=record.get("name", ""),
                identifier=record.get("identifier", ""), risk_class=record.get("risk_class", ""),
                kind=_KIND_ALIASES.get(kind, kind), operator=record.get("operator") or None,
                address=record.get("address", ""),
            ))
        except msgspec.ValidationError as exc:
            problems.append(f"第 {line} 行：{exc}")
    if problems:
        raise Invalid("inspection.csv_row", "；".join(problems))
    return rows


async def import_targets(township_code: str, rows: list[TargetCreate], actor: str | None = None) -> ImportSummary:
    """Add new entries and update changed ones (matched by field and credit code); one version bump."""
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    clean, problems, seen = [], [], set()
    for n, data in enumerate(rows, start=1):
        try:
            entry = normalise_target(data)
        except Invalid as exc:
            problems.append(f"第 {n} 条：{exc.message}")
            continue
        key = (entry.field, entry.identifier)
        if key in seen:
            problems.append(f"第 {n} 条：统一社会信用代码 {entry.identifier} 在{_field_name(entry.field)}名录中重复")
        seen.add(key)
        clean.append(entry)
    if problems:
        raise Invalid("inspection.target_invalid", "；".join(problems))
    added = updated = unchanged = 0
    async with write_transaction():
        await lock_township(township["id"])
        existing = {
            (r["field"], r["identifier"]): r
            for r in await InspectionTarget.select().where(InspectionTarget.township == township["id"])
        }
        for entry in clean:
            values = {"kind": entry.kind, "name": entry.name, "operator": entry.operator, "address": entry.address,
                      "risk_class": entry.risk_class, "active": True}
            row = existing.get((entry.field, entry.identifier))
            if row is None:
                await InspectionTarget(township=township["id"], field=entry.field, identifier=entry.identifier,
                                       **values).save()
                added += 1
            elif any(row[k] != v for k, v in values.items()):
                await InspectionTarget.update(
                    {**{getattr(InspectionTarget, k): v for k, v in values.items()},
                     InspectionTarget.updated_at: clock.now_utc()}
                ).where(InspectionTarget.id == row["id"])
                updated += 1
            else:
                unchanged += 1
        version = await directory_version(township["id"], TARGETS)
        if added or updated:
            version = await _bump(township["id"], TARGETS)
            await _event(township, "inspection_targets_imported", actor_id,
                         {"added": added, "updated": updated, "version": version})
    return ImportSummary(added=added, updated=updated, unchanged=unchanged, version=version)


async def set_target_active(township_code: str, target_id: int, active: bool, actor: str | None = None) -> TargetRead:
    """Take an entry out of the directory (注销、迁出) or put it back; the row is kept."""
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    row = await _target_row(township["id"], target_id)
    if row["active"] != active:
        async with write_transaction():
            await lock_township(township["id"])
            await InspectionTarget.update({InspectionTarget.active: active, InspectionTarget.updated_at: clock.now_utc()}).where(
                InspectionTarget.id == target_id)
            version = await _bump(township["id"], TARGETS)
            await _event(township, "inspection_target_changed", actor_id,
                         {"target": target_id, "active": active, "version": version})
    return _target_read(await _target_row(township["id"], target_id))


async def _target_row(township_id: int, target_id: int) -> dict:
    row = await InspectionTarget.select().where(
        (InspectionTarget.township == township_id) & (InspectionTarget.id == target_id)
    ).first()
    if row is None:
        raise NotFound("inspection.target_not_found", f"本乡镇的检查对象名录中没有编号为 {target_id} 的对象")
    return row


async def list_targets(township_code: str, field: str | None = None, include_inactive: bool = False) -> TargetDirectoryRead:
    township = await get_township_row(township_code)
    query = InspectionTarget.select().where(InspectionTarget.township == township["id"])
    if field:
        query = query.where(InspectionTarget.field == field)
    if not include_inactive:
        query = query.where(InspectionTarget.active == True)  # noqa: E712
    rows = await query.order_by(InspectionTarget.id)
    return TargetDirectoryRead(version=await directory_version(township["id"], TARGETS),
                               targets=[_target_read(r) for r in rows])


# ---------------------------------------------------------------------------------------------
# Inspector directory (执法检查人员名录库) and recusals (回避)
# ---------------------------------------------------------------------------------------------


async def _township_user(township_id: int, username: str) -> dict:
    row = await AppUser.select().where(AppUser.username == username).output(load_json=True).first()
    if row is None or row["township"] != township_id:
        raise NotFound("user.not_found", f"本乡镇未找到用户 {username}")
    return row


async def add_inspectors(township_code: str, usernames: list[str], actor: str | None = None) -> InspectorDirectoryRead:
    """Put officers on the inspector directory. Auxiliary staff can never be members."""
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    users = [await _township_user(township["id"], u) for u in dict.fromkeys(usernames)]
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
                (InspectionInspector.township == township["id"]) & (InspectionInspector.user == user["id"])
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
    user = await _township_user(township["id"], username)
    row = await InspectionInspector.select().where(
        (InspectionInspector.township == township["id"]) & (InspectionInspector.user == user["id"])
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
    ).where(InspectionInspector.township == township["id"]).order_by(InspectionInspector.id)
    return InspectorDirectoryRead(
        version=await directory_version(township["id"], INSPECTORS),
        inspectors=[InspectorRead(username=r["username"], display_name=r["display_name"], active=r["active"]) for r in rows],
    )


async def declare_recusal(township_code: str, data: RecusalCreate, actor: str | None = None) -> RecusalRead:
    """Record that an inspector must never be drawn for a target (亲属关系、利害关系 …)."""
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    user = await _township_user(township["id"], data.inspector)
    target = await _target_row(township["id"], data.target_id)
    reason = data.reason.strip()
    if not reason:
        raise Invalid("inspection.recusal_reason", "回避须写明事由（如亲属关系、利害关系）")
    if await InspectionRecusal.exists().where(
        (InspectionRecusal.township == township["id"]) & (InspectionRecusal.user == user["id"])
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
    ).where(InspectionRecusal.township == township["id"]).order_by(InspectionRecusal.id)
    return [RecusalRead(id=r["id"], inspector=r["username"], target_id=r["target"], target_name=r["target_name"],
                        reason=r["reason"]) for r in rows]


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
    if await InspectionPlan.exists().where((InspectionPlan.township == township["id"]) & (InspectionPlan.title == title)):
        raise Conflict("inspection.plan_exists", f"抽查计划「{title}」已存在")
    async with write_transaction():
        row = InspectionPlan(township=township["id"], field=data.field, title=title, ratios=ratios,
                             per_target=data.per_target, starts_on=data.starts_on, ends_on=data.ends_on,
                             rotation=data.rotation, created_by=actor_id)
        await row.save()
        await _event(township, "inspection_plan_created", actor_id,
                     {"plan": row.id, "title": title, "field": data.field, "ratios": ratios, "per_target": data.per_target,
                      "starts_on": data.starts_on.isoformat(), "ends_on": data.ends_on.isoformat(), "rotation": data.rotation})
    return await get_plan(township_code, row.id)


async def _plan_row(township_id: int, plan_id: int) -> dict:
    row = await InspectionPlan.select().where(
        (InspectionPlan.township == township_id) & (InspectionPlan.id == plan_id)
    ).output(load_json=True).first()
    if row is None:
        raise NotFound("inspection.plan_not_found", f"本乡镇未找到编号为 {plan_id} 的抽查计划")
    return row


async def get_plan(township_code: str, plan_id: int) -> PlanRead:
    township = await get_township_row(township_code)
    return _plan_read(await _plan_row(township["id"], plan_id))


async def list_plans(township_code: str) -> list[PlanRead]:
    township = await get_township_row(township_code)
    rows = await InspectionPlan.select().where(InspectionPlan.township == township["id"]).order_by(
        InspectionPlan.id).output(load_json=True)
    return [_plan_read(r) for r in rows]


# ---------------------------------------------------------------------------------------------
# The draw
# ---------------------------------------------------------------------------------------------


class _Directories(msgspec.Struct, kw_only=True):
    targets: list[DrawTarget]
    inspectors: list[Person]
    declared: list[Recusal]
    target_version: int
    inspector_version: int

    @property
    def target_hash(self) -> str:
        return targets_hash(self.targets)

    @property
    def inspector_hash(self) -> str:
        return inspectors_hash(self.inspectors, self.declared)


def targets_hash(targets: list[DrawTarget]) -> str:
    """Content hash of the target rows a draw used, in canonical order."""
    return content_hash(sorted(targets, key=lambda t: t.id))


def inspectors_hash(inspectors: list[Person], declared: list[Recusal]) -> str:
    """Content hash of the inspector rows (with certificates) and declared recusals a draw used."""
    return content_hash({
        "inspectors": sorted(inspectors, key=lambda p: p.id),
        "recusals": sorted(declared, key=lambda r: (r.target, r.inspector)),
    })


async def _directories(township_id: int, field: str) -> _Directories:
    """The current directory rows a draw of ``field`` uses, in canonical order."""
    target_rows = await InspectionTarget.select(
        InspectionTarget.id, InspectionTarget.identifier, InspectionTarget.name, InspectionTarget.risk_class
    ).where(
        (InspectionTarget.township == township_id) & (InspectionTarget.field == field)
        & (InspectionTarget.active == True)  # noqa: E712
    ).order_by(InspectionTarget.id)
    targets = [DrawTarget(id=r["id"], identifier=r["identifier"], name=r["name"], risk_class=r["risk_class"])
               for r in target_rows]
    members = await InspectionInspector.select(InspectionInspector.user.username.as_alias("username")).where(
        (InspectionInspector.township == township_id) & (InspectionInspector.active == True)  # noqa: E712
    )
    people = await people_facts({m["username"] for m in members})
    inspectors = sorted((p for p in people.values() if p.township == township_id), key=lambda p: p.id)
    for person in inspectors:  # canonical certificate order too
        person.certificates.sort(key=lambda c: c.number)
    target_ids, inspector_ids = {t.id for t in targets}, {p.id for p in inspectors}
    recusal_rows = await InspectionRecusal.select(InspectionRecusal.user, InspectionRecusal.target).where(
        InspectionRecusal.township == township_id)
    declared = sorted(
        {Recusal(inspector=r["user"], target=r["target"]) for r in recusal_rows
         if r["target"] in target_ids and r["user"] in inspector_ids},
        key=lambda r: (r.target, r.inspector),
    )
    return _Directories(
        targets=targets, inspectors=inspectors, declared=declared,
        target_version=await directory_version(township_id, TARGETS),
        inspector_version=await directory_version(township_id, INSPECTORS),
    )


def _decode(value, kind):
    return msgspec.json.decode(value, type=kind) if isinstance(value, (str, bytes)) else msgspec.convert(value, kind)


async def _draw_row(township_id: int, draw_id: int) -> dict:
    row = await InspectionDraw.select(
        *InspectionDraw.all_columns(), InspectionDraw.drawn_by.username.as_alias("drawn_by_username")
    ).where((InspectionDraw.township == township_id) & (InspectionDraw.id == draw_id)).first()
    if row is None:
        raise NotFound("inspection.draw_not_found", f"本乡镇未找到编号为 {draw_id} 的抽取记录")
    return row


def _draw_read(row: dict) -> DrawRead:
    inputs = _decode(row["inputs"], DrawInput)
    result = _decode(row["result"], DrawResult)
    people = {p.id: p for p in inputs.inspectors}

    def username(pid: int) -> str:
        return people[pid].username if pid in people else f"#{pid}"

    def display(pid: int) -> str:
        return people[pid].display_name if pid in people else f"#{pid}"

    return DrawRead(
        id=row["id"], plan_id=row["plan"], seq=row["seq"], seed=row["seed"], algorithm=row["algorithm"],
        target_directory_version=row["target_directory_version"], target_directory_hash=row["target_directory_hash"],
        inspector_directory_version=row["inspector_directory_version"],
        inspector_directory_hash=row["inspector_directory_hash"], result_hash=row["result_hash"],
        drawn_at=row["drawn_at"], drawn_by=row.get("drawn_by_username"),
        classes=[ClassCountRead(risk_class=c.risk_class, ratio=c.ratio, total=c.total, drawn=c.drawn) for c in result.classes],
        assignments=[
            AssignmentRead(target_id=a.target, target_name=a.name, risk_class=a.risk_class,
                           inspectors=[username(i) for i in a.inspectors],
                           inspector_names=[display(i) for i in a.inspectors])
            for a in result.assignments
        ],
        ineligible=[IneligibleRead(inspector=username(i.inspector), name=i.name, reason=i.reason)
                    for i in result.ineligible],
    )


async def draw_plan(township_code: str, plan_id: int, seed: int | None = None, actor: str | None = None) -> DrawRead:
    """Draw targets and inspectors for a plan and record it (seed, versions, hashes, inputs, result)."""
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    plan = _plan_read(await _plan_row(township["id"], plan_id))
    if seed is None:
        seed = new_seed()
    elif isinstance(seed, bool) or not isinstance(seed, int) or seed < 0 or seed.bit_length() > 63:
        raise Invalid("inspection.seed", f"随机种子须为 0 至 2^63-1 之间的整数，收到 {seed!r}")
    async with write_transaction():
        await lock_township(township["id"])
        dirs = await _directories(township["id"], plan.field)
        last = await InspectionDraw.select(InspectionDraw.seq, InspectionDraw.result).where(
            (InspectionDraw.township == township["id"]) & (InspectionDraw.plan == plan.id)
        ).order_by(InspectionDraw.seq, ascending=False).first()
        rotation: list[Recusal] = []
        if last and plan.rotation:
            target_ids = {t.id for t in dirs.targets}
            rotation = [Recusal(inspector=i, target=a.target, reason="rotation")
                        for a in _decode(last["result"], DrawResult).assignments if a.target in target_ids
                        for i in a.inspectors]
        inputs = DrawInput(
            field=plan.field, starts_on=plan.starts_on, ends_on=plan.ends_on, per_target=plan.per_target,
            ratios=plan.ratios, seed=seed, targets=dirs.targets, inspectors=dirs.inspectors,
            recusals=dirs.declared + rotation,
        )
        try:
            result = recompute(inputs)
        except DrawInvalid as exc:
            raise Invalid("inspection.draw_invalid", str(exc)) from exc
        if not result.feasible:
            raise Invalid("inspection.infeasible", f"本次抽取无法为每个检查对象选派足够的执法检查人员：{result.problem()}")
        if not result.assignments:
            raise Invalid("inspection.no_targets",
                          f"本次抽取没有抽中任何检查对象：{_field_name(plan.field)}领域的检查对象名录为空或抽查比例均为 0")
        seq = last["seq"] + 1 if last else 1
        row = InspectionDraw(
            township=township["id"], plan=plan.id, seq=seq, seed=str(seed), algorithm=result.algorithm,
            target_directory_version=dirs.target_version, target_directory_hash=dirs.target_hash,
            inspector_directory_version=dirs.inspector_version, inspector_directory_hash=dirs.inspector_hash,
            inputs=canonical_json(inputs).decode(), result=canonical_json(result).decode(),
            result_hash=content_hash(result), drawn_at=clock.now_utc(), drawn_by=actor_id,
        )
        await row.save()
        await _event(township, "inspection_drawn", actor_id, {
            "plan": plan.id, "draw": row.id, "seq": seq, "seed": str(seed), "algorithm": result.algorithm,
            "target_directory_version": dirs.target_version, "target_directory_hash": dirs.target_hash,
            "inspector_directory_version": dirs.inspector_version, "inspector_directory_hash": dirs.inspector_hash,
            "result_hash": row.result_hash, "targets": [a.target for a in result.assignments],
        })
    return await get_draw(township_code, row.id)


async def get_draw(township_code: str, draw_id: int) -> DrawRead:
    township = await get_township_row(township_code)
    return _draw_read(await _draw_row(township["id"], draw_id))


async def list_draws(township_code: str, plan_id: int | None = None) -> list[DrawRead]:
    township = await get_township_row(township_code)
    query = InspectionDraw.select(InspectionDraw.id).where(InspectionDraw.township == township["id"])
    if plan_id is not None:
        query = query.where(InspectionDraw.plan == plan_id)
    return [_draw_read(await _draw_row(township["id"], r["id"])) for r in await query.order_by(InspectionDraw.id)]


async def verify_draw(township_code: str, draw_id: int) -> VerifyReport:
    """Recompute a recorded draw from its recorded inputs and seed; say whether the directories changed since."""
    township = await get_township_row(township_code)
    row = await _draw_row(township["id"], draw_id)
    problems: list[str] = []
    try:
        inputs = _decode(row["inputs"], DrawInput)
        recorded = _decode(row["result"], DrawResult)
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise Invalid("inspection.draw_unreadable", f"抽取记录 {draw_id} 无法读取：{exc}") from exc
    declared = [r for r in inputs.recusals if r.reason == "declared"]
    if targets_hash(inputs.targets) != row["target_directory_hash"]:
        problems.append("记录的检查对象名录与抽取时的哈希不符：名录记录已被改动")
    if inspectors_hash(inputs.inspectors, declared) != row["inspector_directory_hash"]:
        problems.append("记录的执法检查人员名录（含回避）与抽取时的哈希不符：名录记录已被改动")
    if str(inputs.seed) != row["seed"] or recorded.seed != row["seed"]:
        problems.append(f"记录的随机种子不一致（{row['seed']} / {inputs.seed} / {recorded.seed}）")
    if content_hash(recorded) != row["result_hash"]:
        problems.append("记录的抽取结果与其哈希不符：结果已被改动")
    try:
        again = recompute(inputs)
    except DrawInvalid as exc:
        again = None
        problems.append(f"无法按记录重新抽取：{exc}")
    if again is not None and canonical_json(again) != canonical_json(recorded):
        problems.append("按记录的随机种子和名录重新抽取，结果与记录的抽取结果不同")
    drawn_events = [
        e for e in await Event.select(Event.payload).where(
            (Event.township == township["id"]) & (Event.kind == "inspection_drawn")).output(load_json=True)
        if e["payload"].get("draw") == draw_id
    ]
    expected = {"seed": row["seed"], "target_directory_hash": row["target_directory_hash"],
                "inspector_directory_hash": row["inspector_directory_hash"], "result_hash": row["result_hash"]}
    if len(drawn_events) != 1 or any(drawn_events[0]["payload"].get(k) != v for k, v in expected.items()):
        problems.append("全过程记录中的抽取事件与抽取记录不符")
    plan = _plan_read(await _plan_row(township["id"], row["plan"]))
    now = await _directories(township["id"], plan.field)
    return VerifyReport(
        draw_id=draw_id, verified=not problems, problems=problems,
        targets=DirectoryCheck(recorded_version=row["target_directory_version"], recorded_hash=row["target_directory_hash"],
                               current_version=now.target_version, current_hash=now.target_hash,
                               changed=now.target_hash != row["target_directory_hash"]),
        inspectors=DirectoryCheck(recorded_version=row["inspector_directory_version"],
                                  recorded_hash=row["inspector_directory_hash"], current_version=now.inspector_version,
                                  current_hash=now.inspector_hash, changed=now.inspector_hash != row["inspector_directory_hash"]),
    )


# ---------------------------------------------------------------------------------------------
# Results and publication (抽查结果公示)
# ---------------------------------------------------------------------------------------------


def _periods(township: dict) -> dict[str, int]:
    """The township's configured period lengths (``ProcedureSettings.periods``)."""
    return _decode(township["settings"] or "{}", ProcedureSettings).periods


def publication_due(inspected_on: dt.date, periods: dict[str, int]) -> dt.date | None:
    """Last day to publish a result (``publication_other``); None when the calendar has no data yet."""
    try:
        return deadline("publication_other", inspected_on, periods)
    except CalendarNotCovered:
        return None


def _result_read(row: dict) -> ResultRead:
    inspectors = row["inspectors"] if isinstance(row["inspectors"], list) else msgspec.json.decode(row["inspectors"])
    return ResultRead(
        id=row["id"], draw_id=row["draw"], target_id=row["target"], target_name=row["target_name"], inspectors=inspectors,
        inspected_on=row["inspected_on"], outcome=row["outcome"], outcome_name=OUTCOME_NAMES[Outcome(row["outcome"])],
        note=row["note"], case_id=row["case"], publish_due=row["publish_due"], published_on=row["published_on"],
    )


def _results_query(township_id: int):
    return InspectionResult.select(
        *InspectionResult.all_columns(), InspectionResult.target.name.as_alias("target_name")
    ).where(InspectionResult.township == township_id)


async def record_result(township_code: str, draw_id: int, data: ResultCreate, actor: str | None = None) -> ResultRead:
    """Record the inspection of one drawn target by the inspectors drawn for it.

    Each drawn inspector must hold a valid certificate on the inspection day (the same rule as
    the draw). Outcome ``case_opened`` registers a clue with source ``random_inspection`` in the
    same transaction.
    """
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    drawn = await get_draw(township_code, draw_id)
    plan = _plan_read(await _plan_row(township["id"], drawn.plan_id))
    try:
        outcome = Outcome(data.outcome)
    except ValueError:
        choices = "、".join(f"{o.value}（{n}）" for o, n in OUTCOME_NAMES.items())
        raise Invalid("inspection.outcome", f"抽查结果 {data.outcome} 无效（可选：{choices}）") from None
    if data.inspected_at.tzinfo is None:
        raise Invalid("inspection.inspected_at", "检查时间必须带时区")
    inspected_on = clock.local_date(data.inspected_at)
    if not plan.starts_on <= inspected_on <= plan.ends_on:
        raise Invalid("inspection.outside_window",
                      f"检查日期 {inspected_on} 不在抽查计划的检查期间（{plan.starts_on} 至 {plan.ends_on}）内")
    if inspected_on > clock.today():
        raise Invalid("inspection.future", f"检查日期 {inspected_on} 晚于今天")
    assignment = next((a for a in drawn.assignments if a.target_id == data.target_id), None)
    if assignment is None:
        raise Invalid("inspection.target_not_drawn", f"编号为 {data.target_id} 的检查对象未在本次抽取中被抽中")
    target = await _target_row(township["id"], data.target_id)
    if await InspectionResult.exists().where(
        (InspectionResult.township == township["id"]) & (InspectionResult.draw == draw_id)
        & (InspectionResult.target == data.target_id)
    ):
        raise Conflict("inspection.result_exists", f"「{target['name']}」的抽查结果已登记")
    people = await people_facts(set(assignment.inspectors))
    for username, name in zip(assignment.inspectors, assignment.inspector_names):
        person = people.get(username)
        if person is None or person.certified(plan.field, inspected_on) is None:
            raise Invalid("inspection.inspector_not_certified",
                          f"{name}（{username}）在 {inspected_on} 没有覆盖{_field_name(plan.field)}领域的有效行政执法证，"
                          "不得实施检查：请重新抽取执法检查人员")
    if outcome is Outcome.case_opened and not (data.clue_summary or data.note).strip():
        raise Invalid("inspection.clue_summary", "发现问题已立案的，须写明发现的问题（作为案件线索）")
    due = publication_due(inspected_on, _periods(township))
    async with write_transaction():
        case_id = None
        if outcome is Outcome.case_opened:
            clue = await cases.register_clue(township_code, ClueCreate(
                field=plan.field, source=cases.CaseSource.random_inspection.value,
                summary=f"双随机抽查（{plan.title}）发现「{target['name']}」：{(data.clue_summary or data.note).strip()}",
                found_at=data.inspected_at, place=target["address"],
                reporter={"inspection_draw": draw_id, "inspectors": assignment.inspectors},
            ), actor=actor)
            case_id = clue.id
        row = InspectionResult(
            township=township["id"], draw=draw_id, target=data.target_id, inspectors=assignment.inspectors,
            inspected_at=data.inspected_at.astimezone(dt.timezone.utc), inspected_on=inspected_on, outcome=outcome.value,
            note=data.note.strip(), case=case_id, recorded_by=actor_id, publish_due=due,
        )
        await row.save()
        await _event(township, "inspection_result_recorded", actor_id, {
            "draw": draw_id, "target": data.target_id, "outcome": outcome.value, "inspected_on": inspected_on.isoformat(),
            "inspectors": assignment.inspectors, "publish_due": due.isoformat() if due else None,
        }, case_id=case_id)
    return await _result(township["id"], row.id)


async def _result(township_id: int, result_id: int) -> ResultRead:
    row = await _results_query(township_id).where(InspectionResult.id == result_id).output(load_json=True).first()
    return _result_read(row)


async def list_results(township_code: str, draw_id: int) -> list[ResultRead]:
    township = await get_township_row(township_code)
    await _draw_row(township["id"], draw_id)
    rows = await _results_query(township["id"]).where(InspectionResult.draw == draw_id).order_by(
        InspectionResult.id).output(load_json=True)
    return [_result_read(r) for r in rows]


def mask_name(name: str) -> str:
    """张三 → 张*, 欧阳小明 → 欧***: a person's name in public lists."""
    return name[:1] + "*" * (len(name) - 1) if name else name


def public_line(target: dict, result: dict) -> PublicResult:
    outcome_name = OUTCOME_NAMES[Outcome(result["outcome"])]
    late = result["publish_due"] is not None and result["published_on"] > result["publish_due"]
    if target["kind"] == "individual":
        operator = target["operator"]
        name = target["name"].replace(operator, mask_name(operator)) if operator else target["name"]
        return PublicResult(target_name=name, identifier=target["identifier"],
                            operator=mask_name(operator) if operator else None, address="",
                            inspected_on=result["inspected_on"], outcome_name=outcome_name,
                            published_on=result["published_on"], late=late)
    return PublicResult(target_name=target["name"], identifier=target["identifier"], operator=target["operator"],
                        address=target["address"], inspected_on=result["inspected_on"], outcome_name=outcome_name,
                        published_on=result["published_on"], late=late)


async def publish_results(township_code: str, draw_id: int, on: dt.date | None = None,
                          actor: str | None = None) -> Publication:
    """Publish every recorded, unpublished result of a draw on ``on`` (default today)."""
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    await _draw_row(township["id"], draw_id)
    on = on or clock.today()
    pending = await InspectionResult.select().where(
        (InspectionResult.township == township["id"]) & (InspectionResult.draw == draw_id)
        & InspectionResult.published_on.is_null()
    ).order_by(InspectionResult.id)
    if not pending:
        raise Invalid("inspection.nothing_to_publish", f"抽取 {draw_id} 没有待公示的抽查结果")
    early = [r for r in pending if r["inspected_on"] > on]
    if early:
        raise Invalid("inspection.publish_before_inspection", f"公示日期 {on} 早于检查日期 {early[0]['inspected_on']}")
    late = [r["id"] for r in pending if r["publish_due"] is not None and on > r["publish_due"]]
    async with write_transaction():
        await InspectionResult.update({InspectionResult.published_on: on}).where(
            InspectionResult.id.is_in([r["id"] for r in pending]))
        await _event(township, "inspection_results_published", actor_id,
                     {"draw": draw_id, "results": [r["id"] for r in pending], "on": on.isoformat(), "late": late})
    return await publication(township_code, draw_id)


async def publication(township_code: str, draw_id: int) -> Publication:
    """The public list (抽查结果公示) of a draw's published results."""
    township = await get_township_row(township_code)
    draw_row = await _draw_row(township["id"], draw_id)
    plan = _plan_read(await _plan_row(township["id"], draw_row["plan"]))
    rows = await InspectionResult.select().where(
        (InspectionResult.township == township["id"]) & (InspectionResult.draw == draw_id)
        & InspectionResult.published_on.is_not_null()
    ).order_by(InspectionResult.id)
    targets = {t["id"]: t for t in await InspectionTarget.select().where(
        InspectionTarget.id.is_in([r["target"] for r in rows]))} if rows else {}
    return Publication(draw_id=draw_id, plan_title=plan.title, authority=township["name"],
                       results=[public_line(targets[r["target"]], r) for r in rows])


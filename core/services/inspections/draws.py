"""The recorded draw (随机抽取) and its verification."""

from __future__ import annotations

import msgspec
from zhifa.core import clock
from zhifa.core.db.tables import Event, InspectionDraw, InspectionInspector, InspectionRecusal, InspectionTarget
from zhifa.core.db.transaction import lock_township, write_transaction
from zhifa.core.inspections.draw import (
    DrawInput,
    DrawInvalid,
    DrawResult,
    DrawTarget,
    Recusal,
    canonical_json,
    content_hash,
    new_seed,
    recompute,
)
from zhifa.core.rules.facts import Person
from zhifa.core.schemas.inspections import (
    AssignmentRead,
    ClassCountRead,
    DirectoryCheck,
    DrawRead,
    IneligibleRead,
    VerifyReport,
)
from zhifa.core.services.cases import actor_id as _actor_id
from zhifa.core.services.errors import Invalid
from zhifa.core.services.facts import people_facts
from zhifa.core.services.inspections.common import INSPECTORS, TARGETS, _decode, _event, _field_name, directory_version
from zhifa.core.services.inspections.plans import _plan_read, _plan_row
from zhifa.core.services.scope import TownshipScope, not_found, owned_by
from zhifa.core.services.townships import get_township_row

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


async def _directories(township: dict, field: str) -> _Directories:
    """The current directory rows a draw of ``field`` uses, in canonical order."""
    township_id = township["id"]
    target_rows = await InspectionTarget.select(
        InspectionTarget.id, InspectionTarget.identifier, InspectionTarget.name, InspectionTarget.risk_class
    ).where(
        owned_by(InspectionTarget, township_id) & (InspectionTarget.field == field)
        & (InspectionTarget.active == True)  # noqa: E712
    ).order_by(InspectionTarget.id)
    targets = [DrawTarget(id=r["id"], identifier=r["identifier"], name=r["name"], risk_class=r["risk_class"])
               for r in target_rows]
    members = await InspectionInspector.select(InspectionInspector.user.username.as_alias("username")).where(
        owned_by(InspectionInspector, township_id) & (InspectionInspector.active == True)  # noqa: E712
    )
    people = await people_facts(TownshipScope(township), {m["username"] for m in members})
    inspectors = sorted(people.values(), key=lambda p: p.id)
    for person in inspectors:  # canonical certificate order too
        person.certificates.sort(key=lambda c: c.number)
    target_ids, inspector_ids = {t.id for t in targets}, {p.id for p in inspectors}
    recusal_rows = await InspectionRecusal.select(InspectionRecusal.user, InspectionRecusal.target).where(
        owned_by(InspectionRecusal, township_id))
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


async def _draw_row(township: dict, draw_id: int) -> dict:
    row = await InspectionDraw.select(
        *InspectionDraw.all_columns(), InspectionDraw.drawn_by.username.as_alias("drawn_by_username")
    ).where(owned_by(InspectionDraw, township["id"]) & (InspectionDraw.id == draw_id)).first()
    if row is None:
        raise not_found("draw", "draw_id", draw_id)
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
    plan = _plan_read(await _plan_row(township, plan_id))
    if seed is None:
        seed = new_seed()
    elif isinstance(seed, bool) or not isinstance(seed, int) or seed < 0 or seed.bit_length() > 63:
        raise Invalid("inspection.seed", f"随机种子须为 0 至 2^63-1 之间的整数，收到 {seed!r}")
    async with write_transaction():
        await lock_township(township["id"])
        dirs = await _directories(township, plan.field)
        last = await InspectionDraw.select(InspectionDraw.seq, InspectionDraw.result).where(
            owned_by(InspectionDraw, township["id"]) & (InspectionDraw.plan == plan.id)
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
    return _draw_read(await _draw_row(township, draw_id))


async def list_draws(township_code: str, plan_id: int | None = None) -> list[DrawRead]:
    township = await get_township_row(township_code)
    query = InspectionDraw.select(InspectionDraw.id).where(owned_by(InspectionDraw, township["id"]))
    if plan_id is not None:  # a plan of the township, or answered like a missing one
        await _plan_row(township, plan_id)
        query = query.where(InspectionDraw.plan == plan_id)
    return [_draw_read(await _draw_row(township, r["id"])) for r in await query.order_by(InspectionDraw.id)]


async def verify_draw(township_code: str, draw_id: int) -> VerifyReport:
    """Recompute a recorded draw from its recorded inputs and seed; say whether the directories changed since."""
    township = await get_township_row(township_code)
    row = await _draw_row(township, draw_id)
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
            owned_by(Event, township["id"]) & (Event.kind == "inspection_drawn")).output(load_json=True)
        if e["payload"].get("draw") == draw_id
    ]
    expected = {"seed": row["seed"], "target_directory_hash": row["target_directory_hash"],
                "inspector_directory_hash": row["inspector_directory_hash"], "result_hash": row["result_hash"]}
    if len(drawn_events) != 1 or any(drawn_events[0]["payload"].get(k) != v for k, v in expected.items()):
        problems.append("全过程记录中的抽取事件与抽取记录不符")
    plan = _plan_read(await _plan_row(township, row["plan"]))
    now = await _directories(township, plan.field)
    return VerifyReport(
        draw_id=draw_id, verified=not problems, problems=problems,
        targets=DirectoryCheck(recorded_version=row["target_directory_version"], recorded_hash=row["target_directory_hash"],
                               current_version=now.target_version, current_hash=now.target_hash,
                               changed=now.target_hash != row["target_directory_hash"]),
        inspectors=DirectoryCheck(recorded_version=row["inspector_directory_version"],
                                  recorded_hash=row["inspector_directory_hash"], current_version=now.inspector_version,
                                  current_hash=now.inspector_hash, changed=now.inspector_hash != row["inspector_directory_hash"]),
    )

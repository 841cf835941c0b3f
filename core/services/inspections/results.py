"""Results (抽查结果) and their publication (抽查结果公示)."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import msgspec
from stdnum.cn import ric
from zhifa.core import clock
from zhifa.core.calendar.periods import deadline
from zhifa.core.db.tables import InspectionDraw, InspectionResult, InspectionTarget
from zhifa.core.db.transaction import write_transaction
from zhifa.core.publication.mask import is_individual_business, mask_name, mask_resident_id
from zhifa.core.rules import dates
from zhifa.core.rules.facts import ProcedureSettings
from zhifa.core.rules.refusal import Refused
from zhifa.core.schemas.cases import ClueCreate
from zhifa.core.schemas.inspections import PublicInspections, PublicResult, ResultCreate, ResultPublication, ResultRead
from zhifa.core.services import cases
from zhifa.core.services.cases import actor_id as _actor_id
from zhifa.core.services.errors import Conflict, Invalid
from zhifa.core.services.facts import people_facts
from zhifa.core.services.scope import TownshipScope, owned_by
from zhifa.core.services.inspections.common import _decode, _event, _field_name
from zhifa.core.services.inspections.draws import _draw_row, get_draw
from zhifa.core.services.inspections.plans import _plan_read, _plan_row
from zhifa.core.services.inspections.targets import _target_row
from zhifa.core.services.townships import get_township_row


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
# Results and publication (抽查结果公示)
# ---------------------------------------------------------------------------------------------


def _periods(township: dict) -> dict[str, int]:
    """The township's configured period lengths (``ProcedureSettings.periods``)."""
    return _decode(township["settings"] or "{}", ProcedureSettings).periods


def publication_due(inspected_on: dt.date, periods: dict[str, int]) -> dt.date | None:
    """Last day to publish a result (``publication_other``), never later than the official one could be."""
    return deadline("publication_other", inspected_on, periods)


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
    ).where(owned_by(InspectionResult, township_id))


async def record_result(township_code: str, draw_id: int, data: ResultCreate, actor: str | None = None) -> ResultRead:
    """Record the inspection of one drawn target by the inspectors drawn for it (``inspected_at``: default now).

    Each drawn inspector must hold a valid certificate on the inspection day (the same rule as
    the draw); the inspection day is neither after today nor before the draw
    (``zhifa.core.rules.dates``). Outcome ``case_opened`` registers a clue with source
    ``random_inspection`` in the same transaction.
    """
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    drawn = await get_draw(township_code, draw_id)
    plan = _plan_read(await _plan_row(township, drawn.plan_id))
    try:
        outcome = Outcome(data.outcome)
    except ValueError:
        choices = "、".join(f"{o.value}（{n}）" for o, n in OUTCOME_NAMES.items())
        raise Invalid("inspection.outcome", f"抽查结果 {data.outcome} 无效（可选：{choices}）") from None
    inspected_at = data.inspected_at or clock.now_utc()
    if inspected_at.tzinfo is None:
        raise Invalid("inspection.inspected_at", "检查时间必须带时区")
    inspected_on = clock.local_date(inspected_at)
    if not plan.starts_on <= inspected_on <= plan.ends_on:
        raise Invalid("inspection.outside_window",
                      f"检查日期 {inspected_on} 不在抽查计划的检查期间（{plan.starts_on} 至 {plan.ends_on}）内")
    wrong_dates = dates.inspection_dates(inspected_on, clock.local_date(drawn.drawn_at), clock.today())
    if wrong_dates:
        raise Refused(wrong_dates)
    target = await _target_row(township, data.target_id)  # a target of this township's directory first
    assignment = next((a for a in drawn.assignments if a.target_id == data.target_id), None)
    if assignment is None:
        raise Invalid("inspection.target_not_drawn", f"编号为 {data.target_id} 的检查对象未在本次抽取中被抽中")
    if await InspectionResult.exists().where(
        owned_by(InspectionResult, township["id"]) & (InspectionResult.draw == draw_id)
        & (InspectionResult.target == data.target_id)
    ):
        raise Conflict("inspection.result_exists", f"「{target['name']}」的抽查结果已登记")
    people = await people_facts(TownshipScope(township), set(assignment.inspectors))
    for username, name in zip(assignment.inspectors, assignment.inspector_names):
        person = people.get(username)
        if person is None or person.certified(plan.field, inspected_on) is None:
            raise Invalid("inspection.inspector_not_certified",
                          f"{name}（{username}）在 {inspected_on} 没有覆盖{_field_name(plan.field)}领域的有效行政执法证，"
                          "不得实施检查：请重新抽取执法检查人员")
    if outcome is Outcome.case_opened and not (data.clue_summary or data.note).strip():
        raise Invalid("inspection.clue_summary", "发现问题已立案的，须写明发现的问题（作为案件线索）")
    due = publication_due(inspected_on, _periods(township))
    async with write_transaction(township["id"]):
        case_id = None
        if outcome is Outcome.case_opened:
            clue = await cases.register_clue(township_code, ClueCreate(
                field=plan.field, source=cases.CaseSource.random_inspection.value,
                summary=f"双随机抽查（{plan.title}）发现「{target['name']}」：{(data.clue_summary or data.note).strip()}",
                found_at=inspected_at, place=target["address"],
                reporter={"inspection_draw": draw_id, "inspectors": assignment.inspectors},
            ), actor=actor)
            case_id = clue.id
        row = InspectionResult(
            township=township["id"], draw=draw_id, target=data.target_id, inspectors=assignment.inspectors,
            inspected_at=inspected_at.astimezone(dt.timezone.utc), inspected_on=inspected_on, outcome=outcome.value,
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
    await _draw_row(township, draw_id)
    rows = await _results_query(township["id"]).where(InspectionResult.draw == draw_id).order_by(
        InspectionResult.id).output(load_json=True)
    return [_result_read(r) for r in rows]


def public_line(target: dict, result: dict) -> PublicResult:
    """One public line: an individual business (declared so, or by its credit code) shows its operator's name
    masked (in the business name too) and no address; an identifier that is also a resident ID is masked."""
    outcome_name = OUTCOME_NAMES[Outcome(result["outcome"])]
    late = result["publish_due"] is not None and result["published_on"] > result["publish_due"]
    identifier = target["identifier"]
    if ric.is_valid(identifier):  # a citizen's ID number never reaches the public, whatever the row says
        identifier = mask_resident_id(identifier)
    common = dict(identifier=identifier, inspected_on=result["inspected_on"], outcome_name=outcome_name,
                  published_on=result["published_on"], late=late)
    if target["kind"] == "individual" or is_individual_business(target["identifier"]):
        operator = target["operator"]
        name = target["name"].replace(operator, mask_name(operator)) if operator else target["name"]
        return PublicResult(target_name=name, operator=mask_name(operator) if operator else None, address="", **common)
    return PublicResult(target_name=target["name"], operator=target["operator"], address=target["address"], **common)


async def publish_results(township_code: str, draw_id: int, on: dt.date | None = None,
                          actor: str | None = None) -> ResultPublication:
    """Publish every recorded, unpublished result of a draw on ``on`` (default today)."""
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    await _draw_row(township, draw_id)
    on = on or clock.today()
    pending = await InspectionResult.select().where(
        owned_by(InspectionResult, township["id"]) & (InspectionResult.draw == draw_id)
        & InspectionResult.published_on.is_null()
    ).order_by(InspectionResult.id)
    if not pending:
        raise Invalid("inspection.nothing_to_publish", f"抽取 {draw_id} 没有待公示的抽查结果")
    early = [r for r in pending if r["inspected_on"] > on]
    if early:
        raise Invalid("inspection.publish_before_inspection", f"公示日期 {on} 早于检查日期 {early[0]['inspected_on']}")
    late = [r["id"] for r in pending if r["publish_due"] is not None and on > r["publish_due"]]
    async with write_transaction(township["id"]):
        await InspectionResult.update({InspectionResult.published_on: on}).where(
            InspectionResult.id.is_in([r["id"] for r in pending]))
        await _event(township, "inspection_results_published", actor_id,
                     {"draw": draw_id, "results": [r["id"] for r in pending], "on": on.isoformat(), "late": late})
    return await publication(township_code, draw_id)


async def publication(township_code: str, draw_id: int) -> ResultPublication:
    """The public list (抽查结果公示) of a draw's published results."""
    township = await get_township_row(township_code)
    draw_row = await _draw_row(township, draw_id)
    return (await _publications(township, [draw_row["id"]]))[0]


async def _publications(township: dict, draw_ids: list[int], on: dt.date | None = None) -> list[ResultPublication]:
    """Per draw (in the order given), its results published by ``on`` (every published one without it)."""
    published = InspectionResult.published_on.is_not_null() if on is None else InspectionResult.published_on <= on
    rows = await InspectionResult.select().where(
        owned_by(InspectionResult, township["id"]) & InspectionResult.draw.is_in(draw_ids) & published
    ).order_by(InspectionResult.id) if draw_ids else []
    targets = {t["id"]: t for t in await InspectionTarget.select().where(
        InspectionTarget.id.is_in([r["target"] for r in rows]))} if rows else {}
    draws = {d["id"]: d for d in await InspectionDraw.select(InspectionDraw.id, InspectionDraw.plan.title.as_alias("title")).where(
        InspectionDraw.id.is_in(draw_ids))} if draw_ids else {}
    return [ResultPublication(draw_id=d, plan_title=draws[d]["title"], authority=township["name"],
                              results=[public_line(targets[r["target"]], r) for r in rows if r["draw"] == d])
            for d in draw_ids]


async def public_inspections(township_code: str, on: dt.date | None = None) -> PublicInspections:
    """What the public sees on ``on`` (default today): every result published by then, per draw, newest draw first.

    Only published results; risk classes and inspectors are never shown, individuals' names masked.
    """
    township = await get_township_row(township_code)
    on = on or clock.today()
    drawn = await InspectionResult.select(InspectionResult.draw).where(
        owned_by(InspectionResult, township["id"]) & (InspectionResult.published_on <= on)
    ).distinct()
    draw_ids = sorted({r["draw"] for r in drawn}, reverse=True)
    return PublicInspections(township_code=township["code"], township_name=township["name"], on=on,
                             publications=await _publications(township, draw_ids, on))

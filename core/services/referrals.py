"""乡呼县应 referrals: a township calls on a county department for a matter beyond its powers.

Steps and who takes them:

* ``send_referral`` — the township (乡镇管理员, 案件审批人 or 行政机关负责人) sends a matter to a
  department of its county. A power the township itself holds that day is refused: it must act.
* ``accept_referral`` / ``refuse_referral`` — a user of the addressed department (role
  ``county_department``) accepts (签收受理) or refuses with a reason.
* ``answer_referral`` — the department answers (答复); ``return_referral`` sends an accepted or
  unaccepted matter back with a reason; ``close_referral`` closes an answered one (办结).
* ``rate_referral`` — the township rates the response, 1 to 5, once.

Every step is an event in the sending township's log. Instants are UTC; response times are given
in hours and in working days (the sending day not counted, the official calendar with 调休).
Deadlines (accept in 1, answer in 5 working days from sending) are local policy configured per
township (``ProcedureSettings.referral``), not statute.

Visibility: a department sees only the referrals addressed to it, a township only its own,
supervisors and platform administrators those of their county; anything else is "not found".
"""

from __future__ import annotations

import datetime as dt
from itertools import chain

from zhifa.core import clock
from zhifa.core.calendar import add_working_days, working_days_after
from zhifa.core.calendar.sources import any_provisional
from zhifa.core.db.tables import AppUser, Referral, Township
from zhifa.core.db.transaction import write_transaction
from zhifa.core.domain.roles import ROLE_NAMES, Role
from zhifa.core.referrals.steps import STATUS_NAMES, STEPS, ReferralStep
from zhifa.core.registry import get_host
from zhifa.core.rules.context import ActionContext, CaseFacts
from zhifa.core.rules.refusal import Refused
from zhifa.core.schemas.referrals import OverdueReferral, ReferralCreate, ReferralRating, ReferralRead
from zhifa.core.services import authorisations, events, numbering
from zhifa.core.services.errors import Conflict, Forbidden, Invalid, NotFound
from zhifa.core.services.scope import TownshipScope, in_county, owned_by
from zhifa.core.services.township_settings import procedure_settings

SENDERS = (Role.township_admin, Role.approver, Role.township_head)
COUNTY_READERS = {Role.supervisor.value, Role.platform_admin.value}


def referral_number(short_name: str, year: int, value: int) -> str:
    """e.g. 横综执呼〔2026〕3号 (呼: 乡呼县应)."""
    return f"{short_name}呼〔{year}〕{value}号"


async def _user(username: str) -> dict:
    row = await AppUser.select(
        AppUser.id, AppUser.username, AppUser.roles, AppUser.active, AppUser.county_code, AppUser.township,
        AppUser.department,
    ).where(AppUser.username == username).output(load_json=True).first()
    if row is None or not row["active"]:
        raise NotFound("user.not_found", f"未找到用户 {username}")
    row["roles"] = set(row["roles"])
    return row


def _require(user: dict, allowed: tuple[Role, ...]) -> None:
    if not user["roles"] & {r.value for r in allowed}:
        raise Forbidden("role.required", f"此操作须由{'或'.join(ROLE_NAMES[r] for r in allowed)}进行")


def _moment(at: dt.datetime | None) -> dt.datetime:
    if at is None:
        return clock.now_utc()
    if at.tzinfo is None:
        raise Invalid("referral.naive_time", "时间必须带时区")
    return at.astimezone(dt.timezone.utc)


PROVISIONAL_NOTE = "暂定：依暂定节假日规则计算（不晚于正式期限），国务院通知公布后重新计算"


def _due(start: dt.date, days: int) -> dt.date:
    """A department's time limit, counted on the authority's side (marked 暂定 when read, if provisional)."""
    return add_working_days(start, days)


def _elapsed(start: dt.datetime, end: dt.datetime | None) -> tuple[int | None, float | None]:
    if end is None:
        return None, None
    hours = round((end - start).total_seconds() / 3600, 1)
    return working_days_after(clock.local_date(start), clock.local_date(end)), hours


def _late(due: dt.date | None, moment: dt.datetime | None) -> bool | None:
    return None if due is None or moment is None else clock.local_date(moment) > due


_USERNAMES = {f: getattr(Referral, f).username.as_alias(f"{f}_name") for f in ("sent_by", "accepted_by", "answered_by")}


def _select():
    return Referral.select(
        *Referral.all_columns(), *_USERNAMES.values(),
        Referral.township.code.as_alias("township_code"), Referral.township.name.as_alias("township_name"),
        Referral.township.county_code.as_alias("county_code"),
        Referral.department.code.as_alias("department_code"), Referral.department.name.as_alias("department_name"),
    )


def _read(row: dict) -> ReferralRead:
    accept_days, accept_hours = _elapsed(row["sent_at"], row["accepted_at"])
    answer_days, answer_hours = _elapsed(row["sent_at"], row["answered_at"])
    sent_on, last = clock.local_date(row["sent_at"]), row["answer_due_on"] or row["accept_due_on"]
    note = PROVISIONAL_NOTE if last is not None and any_provisional(sent_on + dt.timedelta(days=1), last) else ""
    return ReferralRead(
        id=row["id"], number=row["number"], township=row["township_code"], township_name=row["township_name"],
        department=row["department_code"], department_name=row["department_name"], field=row["field"],
        power=row["power"], summary=row["summary"], place=row["place"], case_id=row["case"], status=row["status"],
        sent_at=row["sent_at"], sent_by=row["sent_by_name"], accept_due_on=row["accept_due_on"],
        answer_due_on=row["answer_due_on"], due_note=note, accepted_at=row["accepted_at"],
        accepted_by=row["accepted_by_name"], answer=row["answer"], answered_at=row["answered_at"],
        answered_by=row["answered_by_name"], closed_at=row["closed_at"], refused_at=row["refused_at"],
        returned_at=row["returned_at"], reason=row["reason"], rating=row["rating"], rating_comment=row["rating_comment"],
        rated_at=row["rated_at"], accept_working_days=accept_days, accept_hours=accept_hours,
        answer_working_days=answer_days, answer_hours=answer_hours,
        accepted_late=_late(row["accept_due_on"], row["accepted_at"]),
        answered_late=_late(row["answer_due_on"], row["answered_at"]),
    )


def _scope(query, user: dict):
    """Only what the user may see (module docstring)."""
    if user["township"] is not None:
        return query.where(owned_by(Referral, user["township"]))
    if Role.county_department.value in user["roles"] and user["department"] is not None:
        return query.where(Referral.department == user["department"])
    if user["roles"] & COUNTY_READERS:
        return query.where(in_county(Referral, user["county_code"]))
    return query.where(Referral.id == -1)


async def _visible(referral_id: int, user: dict) -> dict:
    row = await _scope(_select().where(Referral.id == referral_id), user).first()
    if row is None:
        raise NotFound("referral.not_found", f"未找到乡呼县应事项（referral_id：{referral_id}）")
    return row


async def get_referral(referral_id: int, *, actor: str) -> ReferralRead:
    return _read(await _visible(referral_id, await _user(actor)))


async def list_referrals(*, actor: str, status: str | None = None) -> list[ReferralRead]:
    user = await _user(actor)
    query = _scope(_select(), user)
    if status:
        query = query.where(Referral.status == status)
    return [_read(r) for r in await query.order_by(Referral.id)]


async def send_referral(township_code: str, data: ReferralCreate, *, actor: str, at: dt.datetime | None = None) -> ReferralRead:
    """乡呼: send a matter beyond the township's powers to a department of its county."""
    user = await _user(actor)
    township = await Township.select().where(Township.code == township_code).first()
    if township is None or user["township"] != township["id"]:
        raise NotFound("township.not_found", f"未找到乡镇 {township_code}")
    _require(user, SENDERS)
    if not data.summary.strip():
        raise Invalid("referral.summary_required", "须写明请求县直部门处理的事项")
    named = await TownshipScope(township).named_in(data)  # the department (of this county) and the case
    department = named["department"][data.department]
    field = data.field or department["field"]
    moment = _moment(at)
    sent_on = clock.local_date(moment)
    if data.power:
        authorisations.check_scope(field, data.power, township["code"])
        if await authorisations.grant_for(township, field, data.power, sent_on) is not None:
            raise Invalid("referral.within_powers",
                          f"本乡镇在 {sent_on} 已获授权行使执法事项 {data.power}，应当自行办理，不属于乡呼县应事项")
    policy = procedure_settings(township["settings"]).referral
    accept_due, answer_due = _due(sent_on, policy.accept_days), _due(sent_on, policy.answer_days)
    async with write_transaction(township["id"]):
        value = await numbering.next_number(township["id"], sent_on.year, "referral")
        number = referral_number(township["short_name"], sent_on.year, value)
        row = Referral(
            township=township["id"], number=number, department=department["id"], field=field, power=data.power,
            summary=data.summary.strip(), place=data.place.strip(), case=data.case_id, status="sent", sent_at=moment,
            sent_by=user["id"], accept_due_on=accept_due, answer_due_on=answer_due,
        )
        await row.save()
        await events.append_event(
            township_id=township["id"], township_code=township_code, kind="referral_sent", case_id=data.case_id,
            actor_id=user["id"], occurred_at=moment, place=data.place.strip(),
            payload={"title": "乡呼县应：发送", "referral_id": row.id, "number": number,
                     "department": department["code"], "on": sent_on, "accept_due_on": accept_due,
                     "answer_due_on": answer_due},
        )
    return await get_referral(row.id, actor=actor)


async def _department_step(referral_id: int, actor: str, step: str, columns: dict, at: dt.datetime | None,
                           extra: dict | None = None):
    user = await _user(actor)
    if Role.county_department.value not in user["roles"] or user["department"] is None:
        raise Forbidden("role.required", "此操作须由被呼叫的县直部门人员进行")
    row = await _visible(referral_id, user)
    return await _step(row, user, STEPS[step], columns, _moment(at), extra)


async def _step(row: dict, user: dict, step: ReferralStep, columns: dict, moment: dt.datetime,
                extra: dict | None = None) -> ReferralRead:
    """One step of ``core.referrals.steps.STEPS``: its state, its time, the plugins' gates, then the write."""
    if row["status"] not in step.sources:
        raise Conflict("referral.wrong_state",
                       f"该事项处于「{STATUS_NAMES[row['status']]}」状态，不能{step.title}")
    if moment < row["sent_at"]:
        raise Invalid("referral.time_order", f"{step.title}时间早于发送时间 {row['sent_at'].isoformat()}")
    await _gates(row, user, step, moment)
    target = step.target or row["status"]
    async with write_transaction(row["township"]):
        saved = await Referral.update({Referral.status: target, **columns}).where(
            (Referral.id == row["id"]) & (Referral.status == row["status"])).returning(Referral.id)
        if not saved:
            raise Conflict("referral.wrong_state", "该事项已被他人处理，请刷新后重试")
        await events.append_event(
            township_id=row["township"], township_code=row["township_code"], kind=step.event, case_id=row["case"],
            actor_id=user["id"], occurred_at=moment,
            payload={"title": f"乡呼县应：{step.title}", "referral_id": row["id"], "number": row["number"],
                     "department": row["department_code"], "on": clock.local_date(moment), **(extra or {})},
        )
    return _read(await _select().where(Referral.id == row["id"]).first())


async def _gates(row: dict, user: dict, step: ReferralStep, moment: dt.datetime) -> None:
    """The sending township's plugins (of the fields it has enabled that day) may refuse any referral step."""
    on = clock.local_date(moment)
    enabled = await authorisations.fields_enabled(row["township"], on)
    context = ActionContext(action=step.name, township=row["township_code"], on=on, field=row["field"],
                            power=row["power"], actor=user["id"],
                            data=CaseFacts(actor_name=user["username"], township_id=row["township"],
                                           enabled_fields=frozenset(enabled), summary=row["summary"]))
    refusals = list(chain.from_iterable(r for r in get_host().hooks_for_fields(enabled).zhifa_check_action(
        context=context) if r))
    if refusals:
        raise Refused(refusals)


def _text(value: str, code: str, message: str) -> str:
    if not (value or "").strip():
        raise Invalid(code, message)
    return value.strip()


async def accept_referral(referral_id: int, *, actor: str, at: dt.datetime | None = None) -> ReferralRead:
    user = await _user(actor)
    moment = _moment(at)
    return await _department_step(referral_id, actor, "referral_accept",
                                  {Referral.accepted_at: moment, Referral.accepted_by: user["id"]}, moment)


async def refuse_referral(referral_id: int, *, actor: str, reason: str, at: dt.datetime | None = None) -> ReferralRead:
    reason = _text(reason, "referral.reason_required", "不予受理须说明理由")
    moment = _moment(at)
    return await _department_step(referral_id, actor, "referral_refuse",
                                  {Referral.refused_at: moment, Referral.reason: reason}, moment, {"reason": reason})


async def answer_referral(referral_id: int, *, actor: str, answer: str, at: dt.datetime | None = None) -> ReferralRead:
    answer = _text(answer, "referral.answer_required", "答复内容不能为空")
    user = await _user(actor)
    moment = _moment(at)
    return await _department_step(referral_id, actor, "referral_answer",
                                  {Referral.answered_at: moment, Referral.answered_by: user["id"], Referral.answer: answer},
                                  moment)


async def return_referral(referral_id: int, *, actor: str, reason: str, at: dt.datetime | None = None) -> ReferralRead:
    reason = _text(reason, "referral.reason_required", "退回须说明理由")
    moment = _moment(at)
    return await _department_step(referral_id, actor, "referral_return",
                                  {Referral.returned_at: moment, Referral.reason: reason}, moment, {"reason": reason})


async def close_referral(referral_id: int, *, actor: str, at: dt.datetime | None = None) -> ReferralRead:
    user = await _user(actor)
    moment = _moment(at)
    return await _department_step(referral_id, actor, "referral_close",
                                  {Referral.closed_at: moment, Referral.closed_by: user["id"]}, moment)


async def rate_referral(referral_id: int, data: ReferralRating, *, actor: str, at: dt.datetime | None = None) -> ReferralRead:
    """The sending township rates the department's response, once, after it answered or ended it."""
    user = await _user(actor)
    if user["township"] is None:
        raise Forbidden("role.required", "评价须由发出呼叫的乡镇进行")
    _require(user, SENDERS)
    row = await _visible(referral_id, user)
    if isinstance(data.score, bool) or not isinstance(data.score, int) or not 1 <= data.score <= 5:
        raise Invalid("referral.rating", f"评价须为 1 至 5 的整数，收到 {data.score!r}", field="score")
    if row["rating"] is not None:
        raise Conflict("referral.rated", f"该事项已评价（{row['rating']} 分）")
    moment = _moment(at)
    return await _step(row, user, STEPS["referral_rate"],
                       {Referral.rating: data.score, Referral.rating_comment: data.comment.strip(),
                        Referral.rated_at: moment, Referral.rated_by: user["id"]}, moment, {"score": data.score})


async def overdue_referrals(*, actor: str, on: dt.date | None = None) -> list[OverdueReferral]:
    """Referrals the department has not accepted or answered by their due date, as ``actor`` may see."""
    user = await _user(actor)
    on = on or clock.today()
    rows = await _scope(_select().where(Referral.status.is_in(["sent", "accepted"])), user).order_by(Referral.id)
    result = []
    for row in rows:
        for problem, due, pending in (("accept_overdue", row["accept_due_on"], row["status"] == "sent"),
                                      ("answer_overdue", row["answer_due_on"], True)):
            if pending and due is not None and on > due:
                late = working_days_after(due, on)
                result.append(OverdueReferral(
                    id=row["id"], number=row["number"], township=row["township_code"], department=row["department_code"],
                    status=row["status"], problem=problem, due_on=due, working_days_overdue=late))
    return result

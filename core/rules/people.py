"""Who may act: certified officers (第42条), recusal (第43条), roles, the legal reviewer (第58条)."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from zhifa.core.domain.roles import ROLE_NAMES, Role
from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal


def _people(ctx: ActionContext):
    return ctx.data.people


def _name(ctx: ActionContext, username: str) -> str:
    person = _people(ctx).get(username)
    return person.display_name if person else username


def actor_has_role(*roles: Role) -> Callable[[ActionContext], list[Refusal]]:
    """The acting user must hold one of ``roles`` (approvals are made by the approver acting)."""

    def gate(ctx: ActionContext) -> list[Refusal]:
        actor = _people(ctx).get(ctx.data.actor_name)
        if actor is not None and any(r.value in actor.roles for r in roles):
            return []
        needed = "或".join(ROLE_NAMES[r] for r in roles)
        return [Refusal("role.required", f"此操作须由{needed}进行")]

    gate.__name__ = f"actor_has_role_{'_'.join(r.value for r in roles)}"
    return gate


def acting_officers(ctx: ActionContext) -> list[str]:
    """The officers the action is carried out by: those named in the input, else those assigned."""
    named = getattr(ctx.data.input, "officers", None)
    file = ctx.data.file
    officers = named if named else file.officers
    return [o for o in dict.fromkeys(officers) if o not in file.recused]


def two_certified_officers(ctx: ActionContext) -> list[Refusal]:
    """At least two officers, each with a certificate valid that day and covering the field."""
    refusals, certified = [], []
    for username in acting_officers(ctx):
        person = _people(ctx).get(username)
        if person is None or person.township != ctx.data.township_id:
            refusals.append(Refusal("officer.unknown", f"{username} 不是本乡镇的人员"))
        elif "auxiliary" in person.roles:
            refusals.append(Refusal("officer.auxiliary", f"{person.display_name} 是辅助人员，不得从事执法活动"))
        elif person.certified(ctx.field, ctx.on) is None:
            refusals.append(Refusal(
                "officer.no_valid_certificate",
                f"{person.display_name} 在 {ctx.on} 没有覆盖{ctx.data.field_name or ctx.field}领域的有效行政执法证",
            ))
        else:
            certified.append(username)
    if len(certified) < 2:
        refusals.append(Refusal(
            "officer.fewer_than_two",
            f"执法人员不得少于两人（行政处罚法第四十二条），现仅有 {len(certified)} 名持有效执法证的执法人员",
        ))
    return refusals


def actor_not_recused(ctx: ActionContext) -> list[Refusal]:
    if ctx.data.actor_name in ctx.data.file.recused:
        return [Refusal("officer.recused", f"{_name(ctx, ctx.data.actor_name)} 已回避，不得参与本案（第四十三条）")]
    return []


def recusal_names_an_assigned_officer(ctx: ActionContext) -> list[Refusal]:
    officer = ctx.data.input.officer
    if officer not in ctx.data.file.officers:
        return [Refusal("officer.not_assigned", f"{_name(ctx, officer)} 不是本案承办人")]
    return []


#: 行政处罚法 (2021年修订) 施行之日. 第58条第2款 asks the 法律职业资格 of those who *first* take up legal
#: review of penalty decisions (初次从事行政处罚决定法制审核的人员); a reviewer already doing it before
#: that day is not 初次从事 and may go on reviewing without it.
APL_2021 = dt.date(2021, 7, 15)


def reviewer_qualification_problem(legal_qualification: bool, reviewing_since: dt.date | None) -> str | None:
    """Why a person may not do legal review (Chinese), or None: qualified, or reviewing since before 2021-07-15."""
    if legal_qualification or (reviewing_since is not None and reviewing_since < APL_2021):
        return None
    since = f"（{reviewing_since} 起从事法制审核）" if reviewing_since is not None else ""
    return (f"初次从事行政处罚决定法制审核的人员应当取得法律职业资格（行政处罚法第五十八条第二款）{since}；"
            f"{APL_2021} 前已从事法制审核的人员，请登记其从事法制审核的起始日")


def reviewer_qualified(ctx: ActionContext) -> list[Refusal]:
    actor = _people(ctx).get(ctx.data.actor_name)
    if actor is None or "legal_reviewer" not in actor.roles:
        return [Refusal("review.reviewer_unqualified", "法制审核须由本乡镇的法制审核人员进行（第五十八条）")]
    if (problem := reviewer_qualification_problem(actor.legal_qualification, actor.reviewing_since)) is not None:
        return [Refusal("review.reviewer_unqualified", problem)]
    return []


def reviewer_not_investigator(ctx: ActionContext) -> list[Refusal]:
    if ctx.data.actor_name in ctx.data.file.officers:
        return [Refusal("review.reviewer_is_investigator", "本案承办人不得担任本案的法制审核人员")]
    return []


def hearing_host_not_investigator(ctx: ActionContext) -> list[Refusal]:
    host = ctx.data.input.host
    if host in ctx.data.file.officers:
        return [Refusal("hearing.host_is_investigator", f"听证主持人 {_name(ctx, host)} 是本案调查人员（第六十四条）")]
    if host not in _people(ctx):
        return [Refusal("hearing.host_unknown", f"{host} 不是本乡镇人员")]
    return []


def acting_in_officer_capacity(ctx: ActionContext, allowed: tuple[Role, ...]) -> bool:
    """True when the actor may take this action only as an officer (not as approver or head)."""
    actor = _people(ctx).get(ctx.data.actor_name)
    if actor is None:
        return False
    held = {r.value for r in allowed} & set(actor.roles)
    return held == {Role.officer.value}


def actor_certified(ctx: ActionContext) -> list[Refusal]:
    """第四十二条: whoever acts as an enforcement officer holds a valid certificate covering the field
    that day — the acting person, not only the two assigned officers."""
    actor = _people(ctx).get(ctx.data.actor_name)
    if actor is not None and actor.certified(ctx.field, ctx.on) is not None:
        return []
    name = actor.display_name if actor else ctx.data.actor_name
    return [Refusal("officer.actor_no_valid_certificate",
                    f"操作人 {name} 在 {ctx.on} 没有覆盖{ctx.data.field_name or ctx.field}领域的有效行政执法证，"
                    "不得以执法人员身份办理（行政处罚法第四十二条）")]


def decider_independent(ctx: ActionContext) -> list[Refusal]:
    """The one who decides did not investigate, review or host the hearing of the same case."""
    actor, file = ctx.data.actor_name, ctx.data.file
    roles = []
    if actor in file.officers:
        roles.append("调查人员（承办人）")
    if file.legal_review is not None and file.legal_review.reviewer == actor:
        roles.append("法制审核人员")
    if file.hearing is not None and file.hearing.host == actor:
        roles.append("听证主持人")
    if not roles:
        return []
    return [Refusal("decision.decider_not_independent",
                    f"{_name(ctx, actor)} 是本案的{'、'.join(roles)}，不得同时作出本案决定（调查、审核、听证、决定相互分离）")]


def reviewer_not_hearing_host(ctx: ActionContext) -> list[Refusal]:
    hearing = ctx.data.file.hearing
    if hearing is not None and hearing.host and hearing.host == ctx.data.actor_name:
        return [Refusal("review.reviewer_is_hearing_host", "本案听证主持人不得担任本案的法制审核人员")]
    return []


def hearing_host_not_reviewer(ctx: ActionContext) -> list[Refusal]:
    review = ctx.data.file.legal_review
    host = ctx.data.input.host
    if review is not None and review.reviewer == host:
        return [Refusal("hearing.host_is_reviewer", f"听证主持人 {_name(ctx, host)} 是本案法制审核人员")]
    return []

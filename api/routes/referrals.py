"""乡呼县应 referrals over HTTP: the same services as ``zhifa referral …`` (zhifa.core.services.referrals).

A township (its admin, approver or head) sends a matter to a county department and rates the answer;
a user of the addressed department (role ``county_department``) accepts, refuses, answers, returns or
closes it. Every read goes through the service's visibility: a department sees only what is addressed
to it, a township only its own, supervisors their county; anything else is answered like a missing one.
"""

from __future__ import annotations

from litestar import Request, Response, get, post
from litestar.params import JSONBody, Parameter
from zhifa.api.access import R, record_id, roles
from zhifa.api.params import township
from zhifa.core.schemas.auth import Principal
from zhifa.core.schemas.referrals import ReferralCreate, ReferralRating, ReferralRead
from zhifa.core.schemas.text import Text
from zhifa.core.services import referrals

import msgspec

Req = Request[Principal, str, object]
TAGS = ["乡呼县应"]
SENDERS = frozenset({R.township_admin, R.approver, R.township_head})
DEPARTMENT = frozenset({R.county_department})
READERS = SENDERS | DEPARTMENT | {R.supervisor, R.platform_admin}


class ReasonInput(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    reason: Text  # 拒收或退回的理由


class AnswerInput(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    answer: Text  # 部门的答复


def _created(row: ReferralRead) -> Response[ReferralRead]:
    return Response(row, status_code=201)


@post("/townships/{code:str}/referrals", opt=roles(SENDERS), tags=TAGS, summary="乡呼：向县直部门发出呼叫")
async def send(request: Req, data: JSONBody[ReferralCreate], code: str = township()) -> Response[ReferralRead]:
    return _created(await referrals.send_referral(code, data, actor=request.user.username))


@get("/referrals", opt=roles(READERS), tags=TAGS, summary="可见的乡呼县应事项（部门只见发给本部门的）")
async def list_referrals(request: Req, status: str | None = Parameter(
        default=None, pattern=r"^(sent|accepted|answered|closed|refused|returned)$", description="状态")) -> list[ReferralRead]:
    return await referrals.list_referrals(actor=request.user.username, status=status)


@get("/referrals/{referral_id:int}", opt=roles(READERS), tags=TAGS, summary="一件乡呼县应事项")
async def show(request: Req, referral_id: int = record_id("乡呼县应事项")) -> ReferralRead:
    return await referrals.get_referral(referral_id, actor=request.user.username)


@post("/referrals/{referral_id:int}/accept", opt=roles(DEPARTMENT), tags=TAGS, summary="县应：签收受理", status_code=200)
async def accept(request: Req, referral_id: int = record_id("乡呼县应事项")) -> ReferralRead:
    return await referrals.accept_referral(referral_id, actor=request.user.username)


@post("/referrals/{referral_id:int}/refuse", opt=roles(DEPARTMENT), tags=TAGS, summary="县应：拒收（说明理由）", status_code=200)
async def refuse(request: Req, data: JSONBody[ReasonInput], referral_id: int = record_id("乡呼县应事项")) -> ReferralRead:
    return await referrals.refuse_referral(referral_id, actor=request.user.username, reason=data.reason)


@post("/referrals/{referral_id:int}/answer", opt=roles(DEPARTMENT), tags=TAGS, summary="县应：答复", status_code=200)
async def answer(request: Req, data: JSONBody[AnswerInput], referral_id: int = record_id("乡呼县应事项")) -> ReferralRead:
    return await referrals.answer_referral(referral_id, actor=request.user.username, answer=data.answer)


@post("/referrals/{referral_id:int}/return", opt=roles(DEPARTMENT), tags=TAGS, summary="县应：退回（说明理由）", status_code=200)
async def return_(request: Req, data: JSONBody[ReasonInput], referral_id: int = record_id("乡呼县应事项")) -> ReferralRead:
    return await referrals.return_referral(referral_id, actor=request.user.username, reason=data.reason)


@post("/referrals/{referral_id:int}/close", opt=roles(DEPARTMENT), tags=TAGS, summary="县应：办结", status_code=200)
async def close(request: Req, referral_id: int = record_id("乡呼县应事项")) -> ReferralRead:
    return await referrals.close_referral(referral_id, actor=request.user.username)


@post("/referrals/{referral_id:int}/rate", opt=roles(SENDERS), tags=TAGS, summary="乡镇评价部门的响应（1 至 5 分）",
      status_code=200)
async def rate(request: Req, data: JSONBody[ReferralRating], referral_id: int = record_id("乡呼县应事项")) -> ReferralRead:
    return await referrals.rate_referral(referral_id, data, actor=request.user.username)


ROUTES = [send, list_referrals, show, accept, refuse, answer, return_, close, rate]

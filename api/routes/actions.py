"""Every procedure action as its own endpoint, generated from ``ACTIONS``.

``POST /townships/{code}/cases/{case_id}/actions/{name}`` with the action's input as the body.
Every action must send the case version it read as ``If-Match`` (the ``ETag`` of the case): without
it the answer is 428 (``case.if_match_required``); if someone else changed the case in between, 409
(``case.version_conflict``) and nothing is saved. So two clerks recording the same payment at once
record it once (the CLI is one operator at the console and calls the service directly).
``on`` records an action taken earlier on paper (default today); a date after today, before
1996-10-01 or before the case's previous step is refused by the core with 422
(``zhifa.core.rules.dates``: ``date.*`` codes).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from litestar import Request, Response, post
from litestar.params import Body, HeaderParameter
from zhifa.api.access import record_id, roles
from zhifa.api.limits import RequestRefused
from zhifa.api.params import on_day, township
from zhifa.core import clock
from zhifa.core.procedure.actions import ACTIONS, Action
from zhifa.core.schemas.auth import Principal
from zhifa.core.schemas.cases import CaseDetail
from zhifa.core.services import case_search, procedure
from zhifa.core.services.errors import PreconditionRequired

IF_MATCH = ("必填。本案件的版本号，即读取案件（GET 案件详情或上一次办案操作）时响应头 ETag 的值，如 \"3\"。"
            "缺少时答 428（case.if_match_required）；案件已被他人修改、版本不符时答 409（case.version_conflict），不保存。")


def expected_version(if_match: str | None) -> int:
    if if_match is None:
        raise PreconditionRequired(
            "case.if_match_required",
            "办案操作须在 If-Match 请求头中写明所读取的案件版本（案件详情响应头 ETag 的值），以免覆盖他人同时所做的修改")
    value = if_match.strip().removeprefix("W/").strip('"')
    try:
        return int(value)
    except ValueError as exc:
        raise RequestRefused("if_match", "If-Match 应为案件版本号（案件详情返回的 ETag），如 \"3\"",
                             field="If-Match", source="header") from exc


def action_date(on: dt.date | None) -> dt.date:
    """The action's legal date: ``on`` as sent, or today. Its order is the core's rule (``rules.dates``)."""
    return on or clock.today()


def _handler(name: str, spec: Action):
    async def perform(request: Request, data: Any, code: str = township(), case_id: int = record_id("案件"),
                      if_match: str | None = HeaderParameter(name="If-Match", required=True, default=None,
                                                             description=IF_MATCH),
                      on: dt.date | None = on_day("办案行为发生之日（YYYY-MM-DD，补录纸面上先行的行为；缺省今天）")) -> Response:
        await procedure.perform(code, case_id, name, data, actor=request.user.username, on=action_date(on),
                                expected_version=expected_version(if_match))
        detail = await case_search.case_detail(code, case_id, actor=request.user.username)
        return Response(detail, headers={"ETag": f'"{detail.case.version}"'})

    perform.__annotations__ = {
        "request": Request[Principal, str, object], "code": str, "case_id": int,
        "data": Annotated[spec.input, Body(description=f"「{spec.title}」的内容")],
        "if_match": str | None,
        "on": dt.date | None, "return": Response[CaseDetail],
    }
    perform.__name__ = f"action_{name}"
    return post(
        f"/townships/{{code:str}}/cases/{{case_id:int}}/actions/{name}", opt=roles(*spec.roles), tags=["办案操作"],
        summary=spec.title, status_code=200, operation_id=f"action_{name}",
        description=f"「{spec.title}」。允许的角色：{'、'.join(r.value for r in spec.roles)}。答更新后的案件详情（与 GET 案件详情相同）及其 ETag。",
    )(perform)


ROUTES = [_handler(name, spec) for name, spec in ACTIONS.items()]

"""Every procedure action as its own endpoint, generated from ``ACTIONS``.

``POST /townships/{code}/cases/{case_id}/actions/{name}`` with the action's input as the body.
Send the case version you last read as ``If-Match`` (the ``ETag`` of the case): if someone else
changed the case in between, the answer is 409 and nothing is saved. ``on`` records an action
taken earlier on paper (default today); a date after today, before 1996-10-01 or before the case's
previous step is refused by the core with 422 (``zhifa.core.rules.dates``: ``date.*`` codes).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from litestar import Request, Response, post
from litestar.params import HeaderParameter
from zhifa.api.access import record_id, roles
from zhifa.core import clock
from zhifa.core.procedure.actions import ACTIONS, Action
from zhifa.core.schemas.auth import Principal
from zhifa.core.schemas.cases import CaseRead
from zhifa.core.services import procedure
from zhifa.core.services.errors import Invalid


def expected_version(if_match: str | None) -> int | None:
    if if_match is None:
        return None
    value = if_match.strip().removeprefix("W/").strip('"')
    try:
        return int(value)
    except ValueError as exc:
        raise Invalid("if_match", "If-Match 应为案件版本号（案件详情返回的 ETag）") from exc


def action_date(on: dt.date | None) -> dt.date:
    """The action's legal date: ``on`` as sent, or today. Its order is the core's rule (``rules.dates``)."""
    return on or clock.today()


def _handler(name: str, spec: Action):
    async def perform(request: Request, code: str, data: Any, case_id: int = record_id("案件"),
                      if_match: str | None = HeaderParameter(name="If-Match", required=False, default=None),
                      on: dt.date | None = None) -> Response:
        case = await procedure.perform(code, case_id, name, data, actor=request.user.username, on=action_date(on),
                                       expected_version=expected_version(if_match))
        return Response(case, headers={"ETag": f'"{case.version}"'})

    perform.__annotations__ = {
        "request": Request[Principal, str, object], "code": str, "case_id": int, "data": spec.input,
        "if_match": str | None,
        "on": dt.date | None, "return": Response[CaseRead],
    }
    perform.__name__ = f"action_{name}"
    return post(
        f"/townships/{{code:str}}/cases/{{case_id:int}}/actions/{name}", opt=roles(*spec.roles), tags=["办案操作"],
        summary=spec.title, status_code=200, operation_id=f"action_{name}",
        description=f"「{spec.title}」。允许的角色：{'、'.join(r.value for r in spec.roles)}。",
    )(perform)


ROUTES = [_handler(name, spec) for name, spec in ACTIONS.items()]

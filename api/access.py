"""Who may call a route: a token (401), a township they may see (404), a role the route allows (403).

Routes declare their rule in ``opt``:

- ``roles``: the roles allowed (any one suffices). Township routes answer 404 — not 403 — when the
  caller's township is another one, so that a case's existence never leaks across townships.
- ``any_role``: every signed-in user who may see the township (no 403 possible; kept to a few).
- ``public``: no token needed (sign-in, the public disclosure page, the OpenAPI document).

County-level readers (supervisors, the county's platform administrators) see every township of
their own county, read-only unless a route names their role.
"""

from __future__ import annotations

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from zhifa.core.domain.roles import Role
from zhifa.core.schemas.auth import Principal
from zhifa.core.schemas.ids import MAX_ID  # record ids are PostgreSQL `serial` (int4)
from zhifa.core.services.errors import Forbidden, NotFound
from zhifa.core.services.townships import get_township_row, hold_township

R = Role
COUNTY_READERS = frozenset({R.supervisor.value, R.platform_admin.value})
TOWNSHIP_STAFF = frozenset({R.township_admin, R.officer, R.auxiliary, R.approver, R.legal_reviewer, R.township_head})
CASE_WORKERS = frozenset({R.officer, R.approver, R.legal_reviewer, R.township_head})
CASE_READERS = CASE_WORKERS | {R.supervisor, R.platform_admin}
PEOPLE_ADMINS = frozenset({R.township_admin, R.platform_admin})
PEOPLE_READERS = PEOPLE_ADMINS | {R.township_head, R.approver, R.supervisor}


def record_id(what: str, required: bool = True):
    from litestar.params import Parameter

    return Parameter(ge=1, le=MAX_ID, description=f"{what}编号", **({} if required else {"default": None}))


def roles(*allowed: Role | frozenset[Role]) -> dict:
    values: set[str] = set()
    for item in allowed:
        values |= {r.value for r in item} if isinstance(item, frozenset) else {item.value}
    return {"roles": frozenset(values)}


async def visible_township(principal: Principal, code: str) -> dict:
    """The township row if the caller may see it; otherwise 404, exactly as for a missing one."""
    try:
        township = await _township(code)
    except NotFound:
        township = None
    if township is not None and (
        principal.township == code
        or (principal.roles & COUNTY_READERS and principal.township is None and township["county_code"] == principal.county_code)
    ):
        hold_township(township)
        return township
    raise NotFound("township.not_found", f"未找到乡镇 {code}")


_townships: dict[str, dict] = {}


async def _township(code: str) -> dict:
    """Townships are never deleted and their code and county never change: cache them per process."""
    row = _townships.get(code)
    if row is None:
        row = await get_township_row(code)
        _townships[code] = {"id": row["id"], "code": row["code"], "county_code": row["county_code"]}
    return _townships[code]


def forget_townships() -> None:
    _townships.clear()


async def guard(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    opt = handler.opt
    if opt.get("public") or "user" not in connection.scope:  # no token asked (public routes, /schema)
        return
    principal: Principal = connection.user
    code = connection.path_params.get("code")
    if code is not None:
        await visible_township(principal, code)
    allowed = opt.get("roles")
    if allowed is not None and not (principal.roles & allowed):
        raise Forbidden("auth.role", "您的角色无权进行此项操作")
    if allowed is None and not opt.get("any_role"):
        raise Forbidden("auth.route_undeclared", "此接口未声明允许的角色")  # fail closed

"""Who may open a page: the same principal, township visibility and roles as the API's guard.

The pages are ``public`` to the API's bearer-token middleware and its guard (they sign in with a
session cookie instead), so this guard does for them what ``zhifa.api.access.guard`` does for the
API, with the API's own township check (``visible_township``: another township's page is 404,
worded as for one that does not exist) and the roles each page declares in ``opt["web_roles"]``.
Every POST is checked for its CSRF token first.
"""

from __future__ import annotations

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from zhifa.api.access import visible_township
from zhifa.core.services.errors import Forbidden
from zhifa.web.session import CSRF_FIELD, check_csrf, principal_of

#: Marks every route of the web app: the API's contract walk and OpenAPI document leave them out.
WEB_OPT = {"public": True, "web": True}


def web_roles(*roles) -> dict:
    """``opt`` of a page open to these roles (values of ``zhifa.core.domain.roles.Role``)."""
    return {"web_roles": frozenset(r.value if hasattr(r, "value") else r for r in roles)}


async def web_guard(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    opt = handler.opt
    if not opt.get("web") or opt.get("static"):
        return
    request = connection if isinstance(connection, Request) else Request(connection.scope, connection.receive)
    anonymous = bool(opt.get("web_anonymous"))
    if request.method == "POST":
        form = await request.form()
        check_csrf(request, form.get(CSRF_FIELD) or request.headers.get("x-csrf-token"), anonymous=anonymous)
    if anonymous:
        return
    principal = await principal_of(request)
    code = connection.path_params.get("code")
    if code is not None:
        await visible_township(principal, code)
    allowed = opt.get("web_roles")
    if allowed is not None and not (principal.roles & allowed):
        raise Forbidden("auth.role", "您的角色无权打开此页面")

"""Sign in, sign out, who am I."""

from __future__ import annotations

from litestar import Request, get, post
from litestar.params import JSONBody
from zhifa.core.schemas.auth import LoginRequest, Principal, TokenRead
from zhifa.core.schemas.people import UserRead
from zhifa.core.services import auth, people


@post("/auth/login", opt={"public": True}, tags=["登录"], summary="登录，取得令牌")
async def login(request: Request, data: JSONBody[LoginRequest]) -> TokenRead:
    remote = request.client.host if request.client else ""
    return await auth.login(data.username, data.password, remote)


@post("/auth/logout", opt={"any_role": True}, status_code=204, tags=["登录"], summary="注销当前令牌")
async def logout(request: Request[Principal, str, object]) -> None:
    await auth.logout(request.user)


@get("/auth/me", opt={"any_role": True}, tags=["登录"], summary="当前用户")
async def me(request: Request[Principal, str, object]) -> UserRead:
    return await people.get_user(request.user.username)


ROUTES = [login, logout, me]

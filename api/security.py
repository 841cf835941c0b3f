"""Bearer tokens: every request but the public ones carries ``Authorization: Bearer <token>``."""

from __future__ import annotations

from litestar.connection import ASGIConnection
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult, DefineMiddleware
from zhifa.core.services import auth
from zhifa.core.services.errors import Unauthenticated


class TokenAuthentication(AbstractAuthenticationMiddleware):
    async def authenticate_request(self, connection: ASGIConnection) -> AuthenticationResult:
        header = connection.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthenticated("auth.required", "请先登录：在 Authorization 请求头中携带 Bearer 令牌")
        principal = await auth.authenticate(token.strip())
        return AuthenticationResult(user=principal, auth=token)


authentication = DefineMiddleware(TokenAuthentication, exclude_from_auth_key="public", exclude=["^/schema"])

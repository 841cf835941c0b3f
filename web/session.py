"""Signing in to the pages: a session cookie holding the same token the API issues, and CSRF tokens.

The cookie carries a token from ``zhifa.core.services.auth.login`` — the API's own sign-in, with its
throttling and its ``login_attempt`` record — so a page session is revoked, expires and is cached
exactly like a bearer token. The cookie is HttpOnly, SameSite=Lax, and Secure when the page is
served over TLS.

Every form carries a CSRF token in the hidden field ``_csrf``. Signed in, the token is an HMAC of
the session token (the cookie is HttpOnly, so a page of another site can neither read nor compute
it); before signing in, the sign-in form's token is the double of a random cookie (double submit).
A POST without the right token is refused before anything is read or written.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from litestar import Request
from litestar.datastructures import Cookie
from zhifa.core.schemas.auth import Principal
from zhifa.core.services import auth
from zhifa.core.services.errors import Forbidden, Unauthenticated

SESSION_COOKIE = "zhifa_session"
PRESESSION_COOKIE = "zhifa_csrf"
CSRF_FIELD = "_csrf"
SESSION_SECONDS = int(auth.TOKEN_LIFETIME.total_seconds())


class SignInRequired(Unauthenticated):
    """No valid session: the page answers with the sign-in form (a redirect for a GET)."""


class CsrfRefused(Forbidden):
    pass


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def session_cookie(request: Request, token: str) -> Cookie:
    return Cookie(key=SESSION_COOKIE, value=token, path="/", httponly=True, samesite="lax", secure=_secure(request),
                  max_age=SESSION_SECONDS)


def expired_session_cookie(request: Request) -> Cookie:
    return Cookie(key=SESSION_COOKIE, value="", path="/", httponly=True, samesite="lax", secure=_secure(request),
                  max_age=0)


def presession_cookie(request: Request, value: str) -> Cookie:
    return Cookie(key=PRESESSION_COOKIE, value=value, path="/web", httponly=True, samesite="strict",
                  secure=_secure(request), max_age=3600)


def new_presession_value() -> str:
    return secrets.token_urlsafe(24)


def _derive(secret: str) -> str:
    return hmac.new(secret.encode(), b"zhifa-web-csrf", hashlib.sha256).hexdigest()


async def principal_of(request: Request) -> Principal:
    """The signed-in user of this page request, or SignInRequired."""
    cached = request.scope.get("zhifa_web_principal")
    if cached is not None:
        return cached
    token = request.cookies.get(SESSION_COOKIE, "")
    if not token:
        raise SignInRequired("auth.required", "请先登录")
    try:
        principal = await auth.authenticate(token)
    except Unauthenticated as exc:
        raise SignInRequired("auth.invalid_token", "登录已失效，请重新登录") from exc
    request.scope["zhifa_web_principal"] = principal
    return principal


def csrf_token(request: Request, presession: str | None = None) -> str:
    """The token this page's forms carry: from the session, or from the pre-session cookie value."""
    session = request.cookies.get(SESSION_COOKIE, "")
    if presession is not None:
        return _derive(presession)
    return _derive(session) if session else ""


def check_csrf(request: Request, form_token: str | None, *, anonymous: bool) -> None:
    """Refuse a POST whose ``_csrf`` is not this session's (or, signing in, this browser's)."""
    secret = request.cookies.get(PRESESSION_COOKIE if anonymous else SESSION_COOKIE, "")
    if not secret or not form_token or not hmac.compare_digest(_derive(secret), form_token):
        raise CsrfRefused("csrf.invalid", "表单已失效或来源不明（缺少有效的防伪令牌），请刷新页面后重新提交")

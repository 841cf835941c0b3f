"""Sign in, sign out, and the landing page each role opens on."""

from __future__ import annotations

from urllib.parse import quote

from litestar.params import FromQuery
from litestar import Request, Response, get, post
from litestar.response import Redirect
from zhifa.api.access import COUNTY_READERS
from zhifa.core.services import auth
from zhifa.core.services.errors import Throttled, Unauthenticated
from zhifa.web.render import page
from zhifa.web.session import (
    SESSION_COOKIE,
    expired_session_cookie,
    new_presession_value,
    presession_cookie,
    principal_of,
    session_cookie,
)

ANONYMOUS = {"web_anonymous": True}


def _safe_next(target: str | None) -> str:
    """Only a path of this app (never another site) after signing in."""
    if target and target.startswith("/web/") and not target.startswith("//"):
        return target
    return "/web/"


def _login_page(request: Request, *, status: int = 200, error: str = "", username: str = "", next_: str = "",
                headers: dict | None = None):
    value = new_presession_value()
    response = page(request, "login.html", status=status, presession=value, title="登录", error=error,
                    username=username, next=_safe_next(next_))
    response.cookies.append(presession_cookie(request, value))
    if headers:
        response.headers.update(headers)
    return response


@get("/web/login", opt=ANONYMOUS)
async def login_form(request: Request, next: FromQuery[str | None] = None) -> Response:
    return _login_page(request, next_=next or "")


@post("/web/login", opt=ANONYMOUS)
async def login(request: Request) -> Response:
    form = await request.form()
    username, password = (form.get("username") or "").strip(), form.get("password") or ""
    remote = request.client.host if request.client else ""
    try:
        if not username or not password:
            raise Unauthenticated("auth.invalid_credentials", "请填写用户名和密码")
        token = await auth.login(username[:64], password, remote)
    except Throttled as exc:
        return _login_page(request, status=429, error=exc.message, username=username, next_=form.get("next"),
                           headers={"Retry-After": str(exc.retry_after)})
    except Unauthenticated as exc:
        return _login_page(request, status=401, error=exc.message, username=username, next_=form.get("next"))
    response = Redirect(_safe_next(form.get("next")), status_code=303)
    response.cookies.append(session_cookie(request, token.token))
    return response


@post("/web/logout")
async def logout(request: Request) -> Response:
    await auth.logout(await principal_of(request))
    response = Redirect("/web/login", status_code=303)
    response.cookies.append(expired_session_cookie(request))
    return response


@get("/web/")
async def home(request: Request) -> Response:
    """Township staff open their township's work; county readers the county dashboard."""
    principal = await principal_of(request)
    if principal.township:
        return Redirect(f"/web/t/{principal.township}/work", status_code=303)
    if principal.roles & COUNTY_READERS:
        return Redirect("/web/county", status_code=303)
    return page(request, "message.html", title="没有可用的页面",
                message="您的账号不属于任何乡镇，也不是县级执法监督人员：网页端暂无您可用的页面，请使用接口（/schema）。")


@get("/", opt=ANONYMOUS)
async def root(request: Request) -> Response:
    target = "/web/" if request.cookies.get(SESSION_COOKIE) else "/web/login"
    return Redirect(target, status_code=303)


def sign_in_redirect(request: Request) -> Response:
    return Redirect(f"/web/login?next={quote(request.url.path)}", status_code=303)


ROUTES = [login_form, login, logout, home, root]

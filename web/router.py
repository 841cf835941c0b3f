"""The pages as one Router: its guard, its HTML error pages and its static files."""

from __future__ import annotations

import logging

from litestar import Request, Response, Router
from litestar.exceptions import HTTPException, NotFoundException
from litestar.response import Redirect
from litestar.static_files import create_static_files_router
from zhifa.core.rules.refusal import Refused
from zhifa.core.services.errors import Conflict, Forbidden, Invalid, NotFound, ServiceError, Throttled, TooLarge
from zhifa.web.access import WEB_OPT, web_guard
from zhifa.web.pages import admin, auth, case, county, queue, work
from zhifa.web.render import STATIC, page, template_config
from zhifa.web.session import CsrfRefused, SignInRequired

log = logging.getLogger(__name__)

__all__ = ["template_config", "web_router"]


def _error_page(request: Request, status: int, title: str, message: str) -> Response:
    return page(request, "message.html", status=status, title=title, message=message)


def _service_error(request: Request, exc: ServiceError) -> Response:
    if isinstance(exc, SignInRequired):
        if request.method == "GET":
            return auth.sign_in_redirect(request)
        return _error_page(request, 401, "请先登录", exc.message)
    if isinstance(exc, CsrfRefused):
        return _error_page(request, 403, "表单已失效", exc.message)
    if isinstance(exc, NotFound):
        return _error_page(request, 404, "未找到", "未找到此页面：它不存在，或不属于您所在的乡镇。")
    if isinstance(exc, Forbidden):
        return _error_page(request, 403, "无权操作", exc.message)
    status = 409 if isinstance(exc, Conflict) else 429 if isinstance(exc, Throttled) else 413 if isinstance(
        exc, TooLarge) else 400
    return _error_page(request, status, "无法完成", exc.message)


def _refused(request: Request, exc: Refused) -> Response:
    return _error_page(request, 422, "不符合法定程序", "；".join(r.message for r in exc.refusals))


def _http_error(request: Request, exc: HTTPException) -> Response:
    if isinstance(exc, NotFoundException) or exc.status_code == 404:
        return _error_page(request, 404, "未找到", "未找到此页面。")
    if exc.status_code == 413:
        return _error_page(request, 413, "文件过大", "上传的内容超过大小上限。")
    if exc.status_code >= 500:
        log.error("web page failed: %s", exc)
    return _error_page(request, exc.status_code, "请求有误", "请求无法处理，请返回上一页重试。")


def _crash(request: Request, exc: Exception) -> Response:
    log.exception("web page failed", exc_info=exc)
    return _error_page(request, 500, "服务器内部错误", "页面出错了，请稍后再试；问题已记入服务器日志。")


def _fault(request: Request, exc: Exception) -> Response:
    from zhifa.api import faults

    kind = faults.kind(exc)
    if kind == "unavailable":
        return _error_page(request, 503, "服务暂不可用", "数据库暂时无法连接，请稍后重试；本次没有保存任何内容。")
    if kind == "full":
        return _error_page(request, 507, "存储空间不足", "存储空间已满，本次没有保存任何内容。")
    return _crash(request, exc)


HANDLERS = {ServiceError: _service_error, Refused: _refused, HTTPException: _http_error, Exception: _fault}


def web_router() -> Router:
    static = create_static_files_router(path="/web/static", directories=[STATIC], opt={**WEB_OPT, "static": True},
                                        include_in_schema=False, name="web-static")
    return Router(path="/", route_handlers=[*auth.ROUTES, *work.ROUTES, *case.ROUTES, *queue.ROUTES, *county.ROUTES, *admin.ROUTES,
                                            static],
                  guards=[web_guard], opt=dict(WEB_OPT), include_in_schema=False, exception_handlers=HANDLERS)

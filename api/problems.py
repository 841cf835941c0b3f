"""Errors as RFC 9457 problem details, with the rule code and the Chinese message."""

from __future__ import annotations

from typing import Any

import asyncpg
import msgspec
from litestar import MediaType, Request, Response
from litestar.exceptions import HTTPException, NotAuthorizedException, ValidationException
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR
from zhifa.core.rules.refusal import Refused
from zhifa.core.schemas import text
from zhifa.core.services.errors import (
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    PreconditionRequired,
    ServiceError,
    Throttled,
    TooLarge,
    Unauthenticated,
)

PROBLEM = "application/problem+json"


class FieldError(msgspec.Struct, kw_only=True):
    field: str  # e.g. ``summary``, ``found_at``, ``limit``
    source: str  # body | query | path | header
    message: str


class RefusalRead(msgspec.Struct, kw_only=True):
    code: str
    message: str


class Problem(msgspec.Struct, kw_only=True, omit_defaults=True):
    type: str
    title: str
    status: int
    code: str
    detail: str
    errors: list[FieldError] = []
    refusals: list[RefusalRead] = []


_STATUS = [(NotFound, 404), (Conflict, 409), (Invalid, 400), (Forbidden, 403), (Unauthenticated, 401),
           (Throttled, 429), (TooLarge, 413), (PreconditionRequired, 428)]
_TITLES = {400: "请求有误", 401: "未登录", 403: "无权操作", 404: "未找到", 405: "不支持的请求方法", 409: "冲突",
           413: "内容过大", 415: "不支持的内容类型", 422: "不符合法定程序", 428: "缺少前提条件", 429: "请求过于频繁", 500: "服务器内部错误",
           503: "服务暂不可用", 507: "存储空间不足"}


def problem(status: int, code: str, detail: str, headers: dict[str, str] | None = None, **extra: Any) -> Response:
    body = Problem(type=f"urn:zhifa:problem:{code}", title=_TITLES.get(status, "错误"), status=status, code=code,
                   detail=detail, **extra)
    if status == 401:
        headers = {**(headers or {}), "WWW-Authenticate": 'Bearer realm="zhifa"'}
    return Response(content=body, status_code=status, media_type=PROBLEM, headers=headers)


def service_error(_: Request, exc: ServiceError) -> Response:
    status = next((s for cls, s in _STATUS if isinstance(exc, cls)), 400)
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, Throttled) else None
    field = getattr(exc, "field", None) or exc.code.split(".", 1)[-1]
    source = getattr(exc, "source", "body")  # query or path for ``zhifa.api.limits.RequestRefused``
    errors = [FieldError(field=field, source=source, message=exc.message)] if status == 400 else []
    return problem(status, exc.code, exc.message, headers, errors=errors)


def refused(_: Request, exc: Refused) -> Response:
    items = [RefusalRead(code=r.code, message=r.message) for r in exc.refusals]
    return problem(422, items[0].code if items else "refused", "；".join(r.message for r in items), refusals=items)


def _field_errors(exc: ValidationException) -> list[FieldError]:
    errors = []
    for item in exc.extra if isinstance(exc.extra, list) else []:
        if isinstance(item, dict):
            errors.append(FieldError(field=str(item.get("key") or "body"), source=str(item.get("source") or "body"),
                                     message=_chinese(str(item.get("message") or exc.detail))))
    return errors or [FieldError(field="body", source="body", message=_chinese(str(exc.detail)))]


def _chinese(message: str) -> str:
    _, message = text.explain(message)  # lengths and the other messages msgspec words in full
    replacements = [("Expected", "应为"), ("got", "实际为"), ("Object missing required field", "缺少必填字段"),
                    ("Object contains unknown field", "包含未知字段"), ("Invalid enum value", "取值无效"),
                    ("Missing required", "缺少必填"), ("Invalid", "无效")]
    for english, chinese in replacements:
        message = message.replace(english, chinese)
    return message


def validation_error(_: Request, exc: ValidationException) -> Response:
    errors = _field_errors(exc)
    detail = "；".join(f"{e.field}：{e.message}" for e in errors)
    return problem(400, "request.invalid", f"请求内容有误：{detail}", errors=errors)


def http_error(_: Request, exc: HTTPException) -> Response:
    status = exc.status_code
    if isinstance(exc, NotAuthorizedException):
        return problem(401, "auth.required", "请先登录：在 Authorization 请求头中携带 Bearer 令牌")
    codes = {404: ("route.not_found", "未找到该接口或资源"), 405: ("method.not_allowed", "该接口不支持此请求方法"),
             413: ("request.too_large", "请求内容超过大小上限"), 415: ("request.media_type", "不支持的内容类型")}
    code, message = codes.get(status, ("http.error", str(exc.detail)))
    return problem(status, code, message, exc.headers)


def out_of_range(_: Request, exc: Exception) -> Response:
    """A value the database cannot hold (an integer past its range): bad input, not a failure.

    Ids are bounded where clients send them (``RecordId``); this is the net for anything else.
    """
    return problem(400, "request.out_of_range", "请求中的数值超出允许范围",
                   errors=[FieldError(field="body", source="body", message="数值超出允许范围（编号不超过 2147483647）")])


def internal_error(request: Request, exc: Exception) -> Response:
    request.logger.exception("未处理的错误", exc_info=exc)
    return problem(HTTP_500_INTERNAL_SERVER_ERROR, "internal", "服务器内部错误，已记录，请联系管理员")


HANDLERS = {
    ServiceError: service_error,
    Refused: refused,
    ValidationException: validation_error,
    HTTPException: http_error,
    OverflowError: out_of_range,
    asyncpg.exceptions.DataError: out_of_range,
    Exception: internal_error,
}

__all__ = ["HANDLERS", "MediaType", "Problem", "problem"]

"""Errors as RFC 9457 problem details, with the rule code and the Chinese message."""

from __future__ import annotations

import re
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


def service_error(request: Request, exc: ServiceError) -> Response:
    status = next((s for cls, s in _STATUS if isinstance(exc, cls)), 400)
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, Throttled) else None
    errors = []
    if status == 400:
        field = getattr(exc, "field", None) or _field_of_code(exc.code)
        errors = [FieldError(field=field, source=_source_of(request, field, getattr(exc, "source", None)),
                             message=exc.message)]
    return problem(status, exc.code, exc.message, headers, errors=errors)


def _field_of_code(code: str) -> str:
    """A service's check that names no field: the field its code is about (``case.summary_required`` → summary)."""
    head, _, tail = code.partition(".")
    if tail in ("invalid", "") or not tail:  # ``cursor.invalid``, ``limit.invalid``: the head is the field
        return head
    for suffix in ("_required", "_empty"):
        tail = tail.removesuffix(suffix)
    return tail


def _source_of(request: Request, field: str, declared: str | None) -> str:
    """Where the field was sent: as declared (``RequestRefused``), else the query or the path naming it, else the body."""
    if declared:
        return declared
    top = field.split(".", 1)[0].split("[", 1)[0]
    try:
        if top in request.path_params:
            return "path"
        if top in request.query_params:
            return "query"
    except Exception:  # noqa: BLE001 - an error raised before routing has no parameters
        pass
    return "body"


def refused(_: Request, exc: Refused) -> Response:
    items = [RefusalRead(code=r.code, message=r.message) for r in exc.refusals]
    return problem(422, items[0].code if items else "refused", "；".join(r.message for r in items), refusals=items)


_SOURCES = {"body": "body", "query": "query", "path": "path", "header": "header", "cookie": "cookie"}
_MISSING_PARAMETER = re.compile(r"^Missing required (?P<source>\w+) parameter '(?P<name>[^']+)'")
_MISSING_FIELD = re.compile(r"^Object missing required field `(?P<name>[^`]+)`")
_UNKNOWN_FIELD = re.compile(r"^Object contains unknown field `(?P<name>[^`]+)`")


def _join(parent: str, name: str) -> str:
    return f"{parent}.{name}" if parent else name


def _field_errors(exc: ValidationException) -> list[FieldError]:
    """Each error with the request's own path (``identifier``, ``officers[1]``, ``instalments[0].due``) and source."""
    errors = []
    for item in exc.extra if isinstance(exc.extra, list) else []:
        if not isinstance(item, dict):
            continue
        raw = str(item.get("message") or exc.detail)
        source = _SOURCES.get(str(getattr(item.get("source"), "value", item.get("source")) or "body"), "body")
        key = str(item.get("key") or "")
        path = "" if source == "body" and key in ("", "data") else key  # the body's root is "data" to Litestar
        if source == "body" and raw.strip("'") == "data" and path == "":  # no body at all
            errors.append(FieldError(field="body", source="body", message="缺少请求体：应为 JSON 对象"))
            continue
        for pattern, message in ((_MISSING_FIELD, "必填，请求中缺少此字段"), (_UNKNOWN_FIELD, "不是可识别的字段，请删除")):
            found = pattern.match(raw)
            if found:
                errors.append(FieldError(field=_join(path, found.group("name")), source=source, message=message))
                break
        else:
            errors.append(FieldError(field=path or "body", source=source, message=chinese(raw)))
    if not errors:
        missing = _MISSING_PARAMETER.match(str(exc.detail))
        if missing:
            source = _SOURCES.get(missing.group("source"), "query")
            where = {"query": "查询参数", "header": "请求头", "path": "路径参数", "cookie": "Cookie"}.get(source, "参数")
            return [FieldError(field=missing.group("name"), source=source, message=f"必填，请求中缺少此{where}")]
        return [FieldError(field="body", source="body", message=chinese(str(exc.detail)))]
    return errors


_TYPES = {"str": "文字", "int": "整数", "float": "数字", "number": "数字", "bool": "布尔值（true 或 false）",
          "null": "空值（null）", "array": "数组", "object": "JSON 对象", "datetime": "日期时间", "date": "日期",
          "time": "时间", "decimal": "金额", "bytes": "二进制内容", "uuid": "UUID"}
_BOUNDS = {">=": "不小于", ">": "大于", "<=": "不大于", "<": "小于"}
_JSON_REASONS = {"invalid character": "有无效字符", "trailing characters": "之后还有多余的内容",
                 "expected ',' or '}'": "应为「,」或「}」", "expected ',' or ']'": "应为「,」或「]」",
                 "expected ':'": "应为「:」", "invalid escape character in string": "字符串中有无效的转义字符",
                 "invalid number": "数字格式错误", "number out of range": "数字超出范围",
                 "invalid utf-8 sequence": "有无效的 UTF-8 字节", "control character (\\u0000-\\u001f) in string":
                 "字符串中有未转义的控制字符", "object keys must be strings": "对象的键必须是字符串"}


def _type(name: str) -> str:
    return _TYPES.get(name, name)


_PATTERNS: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"^Expected `(\w+)`, got `(\w+)`$"), lambda m: f"应为{_type(m[1])}，收到的是{_type(m[2])}"),
    (re.compile(r"^应为 (\w+)，实际为 (\w+)$"), lambda m: f"应为{_type(m[1])}，收到的是{_type(m[2])}"),  # text.explain's words
    (re.compile(r"^Expected `(\w+)` (>=|>|<=|<) (-?[\d.eE+]+)$"), lambda m: f"应为{_BOUNDS[m[2]]} {m[3]} 的{_type(m[1])}"),
    (re.compile(r"^Expected `(\w+)` that is a multiple of (\S+)$"), lambda m: f"应为 {m[2]} 的整数倍"),
    (re.compile(r"^Expected `str` matching regex '(.*)'$"), lambda m: "格式不符合要求"),
    (re.compile(r"^Expected `str` of length (>=|<=) (\d+)$"),
     lambda m: f"文字不得{'少于' if m[1] == '>=' else '超过'} {m[2]} 个字符"),
    (re.compile(r"^Expected `(\w+)` of length (>=|<=) (\d+)$"), lambda m: f"{'至少' if m[2] == '>=' else '最多'} {m[3]} 项"),
    (re.compile(r"^Invalid enum value (.*)$"), lambda m: f"取值无效：{m[1]} 不在可选值之中"),
    (re.compile(r"^Invalid RFC3339 encoded date$"), lambda m: "应为日期，格式 YYYY-MM-DD，如 2026-03-02"),
    (re.compile(r"^Invalid RFC3339 encoded datetime$"), lambda m: "应为带时区的日期时间，如 2026-03-02T09:30:00+08:00"),
    (re.compile(r"^Invalid RFC3339 encoded time$"), lambda m: "应为时间，如 09:30:00"),
    (re.compile(r"^Expected `datetime` with a timezone component$"), lambda m: "日期时间必须带时区，如 2026-03-02T09:30:00+08:00"),
    (re.compile(r"^Invalid decimal string$"), lambda m: "应为金额：数字或数字字符串，如 \"27500\" 或 \"27500.50\""),
    (re.compile(r"^Integer value out of range$"), lambda m: "整数超出允许的范围"),
    (re.compile(r"^Invalid UUID$"), lambda m: "应为 UUID"),
    (re.compile(r"^Invalid base64 encoded string$"), lambda m: "应为 base64 编码的内容"),
    (re.compile(r"^Only dicts with str-like or number-like keys are supported$"), lambda m: "对象的键必须是字符串或数字"),
    (re.compile(r"^JSON is malformed: (.+) \(byte (\d+)\)$"),
     lambda m: f"请求体不是合法的 JSON：第 {int(m[2]) + 1} 个字节处{_JSON_REASONS.get(m[1], '格式错误')}"),
    (re.compile(r"^Input data was truncated$"), lambda m: "请求体不是完整的 JSON：内容不完整（可能被截断）"),
]


def chinese(message: str) -> str:
    """A decoder's or Litestar's English message in Chinese; one still in English becomes a plain 取值无效."""
    _, message = text.explain(message)  # lengths and the other messages msgspec words in full
    for pattern, words in _PATTERNS:
        found = pattern.match(message)
        if found:
            return words(found)
    if re.search(r"[A-Za-z]{3,}", message) and not re.search(r"[\u4e00-\u9fff]", message):
        return "取值无效：类型或格式不符合要求"
    return message


def validation_error(_: Request, exc: ValidationException) -> Response:
    errors = _field_errors(exc)
    detail = "；".join(f"{e.field}：{e.message}" for e in errors)
    return problem(400, "request.invalid", f"请求内容有误：{detail}", errors=errors)


def _undecodable(detail: str) -> bool:
    return detail.startswith("JSON is malformed") or detail == "Input data was truncated"


def http_error(_: Request, exc: HTTPException) -> Response:
    status = exc.status_code
    if isinstance(exc, NotAuthorizedException):
        return problem(401, "auth.required", "请先登录：在 Authorization 请求头中携带 Bearer 令牌")
    codes = {404: ("route.not_found", "未找到该接口或资源"), 405: ("method.not_allowed", "该接口不支持此请求方法"),
             413: ("request.too_large", "请求内容超过大小上限"), 415: ("request.media_type", "不支持的内容类型")}
    if status == 400 and _undecodable(str(exc.detail)):  # the body is not JSON at all
        message = chinese(str(exc.detail))
        return problem(400, "request.invalid", message, errors=[FieldError(field="body", source="body", message=message)])
    code, message = codes.get(status, ("http.error", chinese(str(exc.detail))))
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

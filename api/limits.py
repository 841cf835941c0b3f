"""What a request may carry, checked before anything is decoded or stored: only server faults are 5xx.

* A JSON body is at most ``MAX_BODY_BYTES`` (413 beyond; evidence uploads stream and have their
  own limit) and nested at most ``MAX_JSON_DEPTH`` levels (400 ``request.too_deep`` naming the body):
  the decoder recurses, and a body nested a thousand deep ended in a RecursionError (500).
* No text may hold the NUL character (U+0000), in the body, the query or the path (400
  ``request.nul_character`` naming the field): PostgreSQL cannot store it in text and SQLite would
  store it silently, so the two engines would disagree on the same request.

* The day a publication route computes for (``on``: of a draft, a publication or a withdrawal, the
  public page, the overdue list) lies within the working-day calendar, 1901-01-01 to 2100-12-31
  (400 ``request.date_out_of_range`` naming ``on``, ``calendar_day``): the calendar's rule is trusted
  for those years only, and near 9999-12-31 a period's end is no date at all (``on=9999-12-31``
  answered 500 on the draft and the overdue list). An action's day has the core's own rules
  (``zhifa.core.rules.dates``: not before 1996-10-01, not in the future).

Text lengths are bounded where they are declared (``zhifa.core.schemas.text``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import parse_qsl

import msgspec
from litestar import Request
from litestar.types import ASGIApp, Empty, Receive, Scope, Send
from zhifa.core.calendar.provisional import LUNAR_YEARS
from zhifa.core.services.errors import Invalid

MAX_BODY_BYTES = 1024 * 1024
MAX_JSON_DEPTH = 32

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_PAIR = re.compile(rb"\[\]|\{\}")
_NUL_ESCAPE = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")


class RequestRefused(Invalid):
    """A request refused for what it carries, naming the field and where it was (body, query, path)."""

    def __init__(self, code: str, message: str, *, field: str, source: str = "body"):
        super().__init__(code, message, field=field)
        self.source = source


def too_deep(body: bytes) -> bool:
    """Whether the JSON text nests arrays and objects more than ``MAX_JSON_DEPTH`` levels.

    Strings are blanked, everything but brackets dropped, then innermost pairs removed level by
    level (each pass in C); a pair left after the last pass is deeper than allowed. Unbalanced
    brackets are left to the decoder, which answers them as invalid JSON.
    """
    brackets = _STRING.sub(b'""', body).translate(None, _NOT_BRACKET)
    for _ in range(MAX_JSON_DEPTH):
        if not brackets:
            return False
        brackets = _PAIR.sub(b"", brackets)
    return _PAIR.search(brackets) is not None


def _nul_path(value: Any, path: str = "") -> str | None:
    """Where in a decoded JSON value a string (or a key) holds NUL: ``summary``, ``facts.x``, ``officers[1]``."""
    if isinstance(value, str):
        return path or "body" if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else str(key)
            if "\x00" in str(key):
                return here.replace("\x00", "\\u0000")
            if (found := _nul_path(item, here)) is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if (found := _nul_path(item, f"{path}[{index}]")) is not None:
                return found
    return None


def nul_refused(field: str, source: str) -> RequestRefused:
    return RequestRefused("request.nul_character",
                          f"「{field}」含有空字符（U+0000）：文字中不能有空字符，请删除后重试", field=field, source=source)


def check_json_body(body: bytes) -> None:
    """Refuse a JSON body nested too deep or holding NUL, before it is decoded for the route."""
    if too_deep(body):
        raise RequestRefused("request.too_deep", f"请求体 JSON 嵌套超过 {MAX_JSON_DEPTH} 层，请检查请求内容", field="body")
    if b"\x00" in body:
        raise nul_refused("body", "body")
    if _NUL_ESCAPE.search(body):
        try:
            field = _nul_path(msgspec.json.decode(body)) or "body"
        except msgspec.DecodeError:
            field = "body"
        raise nul_refused(field, "body")


class ZhifaRequest(Request):
    """Litestar's request, with the body checked before its JSON is decoded."""

    async def json(self) -> Any:
        if self._json is Empty and self._connection_state.json is Empty:
            check_json_body(await self.body())
        return await super().json()


#: The days a computation may be asked for: the years the working-day calendar is trusted for.
FIRST_DAY, LAST_DAY = dt.date(LUNAR_YEARS[0], 1, 1), dt.date(LUNAR_YEARS[-1], 12, 31)


def calendar_day(day: dt.date, field: str = "on", source: str = "query") -> dt.date:
    """``day`` if it lies within the working-day calendar; otherwise a 400 naming the field."""
    if FIRST_DAY <= day <= LAST_DAY:
        return day
    raise RequestRefused("request.date_out_of_range",
                         f"「{field}」{day.isoformat()} 超出工作日历的范围（{FIRST_DAY.isoformat()} 至 "
                         f"{LAST_DAY.isoformat()}），无法计算期限，请检查日期", field=field, source=source)


def check_url(scope: Scope) -> None:
    """Refuse NUL in the path or a query parameter (its name or value)."""
    if "\x00" in scope.get("path", ""):
        raise nul_refused("path", "path")
    query = scope.get("query_string", b"")
    if b"%00" in query or b"\x00" in query:
        for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
            if "\x00" in name or "\x00" in value:
                raise nul_refused(name.replace("\x00", "\\u0000") or "query", "query")
        raise nul_refused("query", "query")


def url_limits(app: ASGIApp) -> ASGIApp:
    """Middleware: the URL is checked before authentication, guards or any database read."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            check_url(scope)
        await app(scope, receive, send)

    return middleware

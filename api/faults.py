"""Faults of the server's surroundings, answered for what they are rather than as a crash.

* The database cannot be reached (refused, reset, timed out, shutting down, out of connections,
  SQLite's file cannot be opened or stays locked): **503** ``service.database_unavailable`` with
  ``Retry-After`` — nothing was written; the same request can be sent again.
* Storage is full (the evidence or document store's disk: ``ENOSPC``/``EDQUOT``; PostgreSQL's
  ``disk_full``; SQLite's "database or disk is full"): **507** ``service.storage_full`` — nothing was
  kept; an administrator must free space.
* Text the database cannot hold, found only by the database (the API refuses NUL and long texts
  before; this is the net for any other way in): **400**, worded as what it is.

Any other exception stays a 500 (``zhifa.api.problems.internal_error``), logged with its traceback.
"""

from __future__ import annotations

import errno
import logging
import socket
import sqlite3

import asyncpg
from litestar import Request, Response
from zhifa.api.problems import FieldError, internal_error, problem

log = logging.getLogger(__name__)

#: Seconds a client waits before trying again when the database is unreachable.
RETRY_AFTER_SECONDS = 10

_FULL = {errno.ENOSPC, errno.EDQUOT}
_NETWORK = {errno.ECONNREFUSED, errno.ECONNRESET, errno.ECONNABORTED, errno.EHOSTUNREACH, errno.ENETUNREACH,
            errno.ETIMEDOUT, errno.EADDRNOTAVAIL, errno.EPIPE, errno.EHOSTDOWN, errno.ENETDOWN}
_SQLITE_UNAVAILABLE = ("database is locked", "database table is locked", "unable to open database file",
                       "disk i/o error")
_SQLITE_FULL = ("database or disk is full",)


def unavailable(exc: BaseException) -> Response:
    log.warning("数据库不可用：%s: %s", type(exc).__name__, exc)
    return problem(503, "service.database_unavailable",
                   f"数据库暂时无法连接，本次请求未保存任何内容；请在 {RETRY_AFTER_SECONDS} 秒后重试，仍不行请联系管理员",
                   {"Retry-After": str(RETRY_AFTER_SECONDS)})


def storage_full(exc: BaseException) -> Response:
    log.error("存储空间已满：%s: %s", type(exc).__name__, exc)
    return problem(507, "service.storage_full", "服务器存储空间已满，本次提交的内容未保存；请联系管理员清理或扩容后重试")


def _connect_failure(exc: OSError) -> bool:
    """asyncio's error when every address of the host refused: ``Multiple exceptions: [Errno 111] Connect call failed``."""
    text = str(exc)
    return text.startswith("Multiple exceptions:") and "Connect call failed" in text


def kind(exc: BaseException) -> str | None:
    """``unavailable`` (the database cannot be reached), ``full`` (storage is full), or None (anything else)."""
    if isinstance(exc, asyncpg.exceptions.DiskFullError):
        return "full"
    if isinstance(exc, (asyncpg.exceptions.PostgresConnectionError, asyncpg.exceptions.CannotConnectNowError,
                        asyncpg.exceptions.AdminShutdownError, asyncpg.exceptions.CrashShutdownError,
                        asyncpg.exceptions.InsufficientResourcesError)):
        return "unavailable"  # too many connections, out of memory: passing
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        if any(m in text for m in _SQLITE_FULL):
            return "full"
        return "unavailable" if any(m in text for m in _SQLITE_UNAVAILABLE) else None
    if isinstance(exc, OSError):
        if exc.errno in _FULL:
            return "full"
        if (isinstance(exc, (ConnectionError, TimeoutError, socket.gaierror)) or exc.errno in _NETWORK
                or _connect_failure(exc)):
            return "unavailable"
    return None


def environment_fault(request: Request, exc: Exception) -> Response:
    """503 or 507 for a fault of the database or storage; any other exception of these types is a 500."""
    found = kind(exc)
    if found == "full":
        return storage_full(exc)
    if found == "unavailable":
        return unavailable(exc)
    return internal_error(request, exc)


def unstorable_character(_: Request, exc: Exception) -> Response:
    return problem(400, "request.unstorable_character", "请求中的文字含有数据库无法保存的字符（如空字符 U+0000），请删除后重试",
                   errors=[FieldError(field="body", source="body", message="含有无法保存的字符（如空字符 U+0000）")])


def text_too_long(_: Request, exc: Exception) -> Response:
    return problem(400, "request.text_too_long", "请求中的文字超过该项允许的长度，请删减后重试",
                   errors=[FieldError(field="body", source="body", message="文字超过允许的长度")])


HANDLERS = {
    OSError: environment_fault,
    sqlite3.OperationalError: environment_fault,
    asyncpg.exceptions.PostgresConnectionError: environment_fault,
    asyncpg.exceptions.OperatorInterventionError: environment_fault,
    asyncpg.exceptions.InsufficientResourcesError: environment_fault,
    asyncpg.exceptions.CharacterNotInRepertoireError: unstorable_character,
    asyncpg.exceptions.UntranslatableCharacterError: unstorable_character,
    asyncpg.exceptions.StringDataRightTruncationError: text_too_long,
}

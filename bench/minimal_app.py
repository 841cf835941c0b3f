"""The floor zhifa is measured against: a truly minimal Litestar app doing the same work per request.

    ZHIFA_DATABASE_URL=... ZHIFA_CHAIN_KEY=... .venv/bin/python bench/minimal_app.py --port 8001

Run by ``bench/api_bench.py`` as its own process, beside ``zhifa serve``, over the same database and
on the same server stack (uvicorn with httptools and uvloop, log level warning). It imports nothing
of zhifa, has no middleware, no guard and no OpenAPI document, and per request does only:

- **a bearer token check** against zhifa's ``api_token`` table joined to ``app_user``, as zhifa's
  ``core.services.auth.authenticate`` does — including its 30-second in-process cache of a resolved
  token, so both servers skip the same statement — and the caller's township and role checked;
- ``POST /townships/{code}/cases`` **create**: one write transaction (SQLite ``BEGIN IMMEDIATE`` on
  the writer connection; PostgreSQL a pool connection, ``BEGIN`` and the township's advisory lock
  ``pg_advisory_xact_lock(0x7A68, township)`` as ``core.db.transaction`` takes it) inserting the
  case row (zhifa's columns), reading the township's chain head (``ORDER BY seq DESC LIMIT 1``),
  computing the event hash as ``core.services.events.event_hash`` does (HMAC-SHA256 under the
  deployment's chain key over the canonical JSON of the event) and inserting the event row: the
  event extends zhifa's own chain, and ``zhifa audit verify`` accepts it;
- ``GET /townships/{code}/cases/{id}`` **detail**: the case row and its timeline (its events in order,
  payloads decoded);
- ``GET /townships/{code}/cases`` **list**: one keyset page of 50, newest first, with its cursor.

SQLite: one WAL reader connection for reads and one writer connection under an ``asyncio.Lock``,
one worker-thread hop per statement (``execute_fetchall``). PostgreSQL: an asyncpg pool (2–10, as
zhifa opens it), released without a server-side reset, as ``core.db.postgres_pool`` does.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import datetime as dt
import hashlib
import hmac
import os
import time
from pathlib import Path
from typing import Any

import msgspec
from litestar import Litestar, Request, get, post
from litestar.exceptions import NotAuthorizedException, NotFoundException, PermissionDeniedException

URL = os.environ["ZHIFA_DATABASE_URL"]
SQLITE = URL.startswith("sqlite")
TOWNSHIP_LOCK = 0x7A68
GENESIS = "0" * 64
CACHE_SECONDS = 30.0
WRITERS = frozenset({"officer", "auxiliary", "approver", "township_head"})
READERS = frozenset({"officer", "approver", "legal_reviewer", "township_head", "supervisor", "platform_admin"})
CASE_COLUMNS = ('id, number, "procedure", status, field, power, source, summary, place, found_at, act_date, party, '
                'filed_on, version')
EVENT_COLUMNS = 'seq, kind, "case", actor, occurred_at, place, payload, prev_hash, hash'


def chain_key() -> bytes:
    text = os.environ.get("ZHIFA_CHAIN_KEY") or (Path(os.environ["ZHIFA_HOME"]) / "secrets" / "chain.key").read_text()
    return bytes.fromhex(text.strip())


KEY = chain_key()


class Clue(msgspec.Struct, kw_only=True):
    field: str
    source: str
    summary: str
    found_at: dt.datetime
    power: str | None = None
    place: str = ""
    act_date: dt.date | None = None
    party_id: int | None = None
    reporter: dict[str, Any] = {}


def _sql(statement: str) -> str:
    """$n placeholders for asyncpg, ? for sqlite3."""
    if not SQLITE:
        return statement
    for n in range(20, 0, -1):
        statement = statement.replace(f"${n}", "?")
    return statement


def _stored(moment: dt.datetime) -> Any:
    """A timestamptz as stored: SQLite text as Piccolo writes it (UTC, ``str()``), PostgreSQL the value."""
    return str(moment) if SQLITE else moment


def _dict_factory(cursor, row) -> dict:
    return {column[0]: row[n] for n, column in enumerate(cursor.description)}


_CASE_INTO = ('INSERT INTO enforcement_case (township, "procedure", status, field, power, source, summary, place, '
              "found_at, act_date, reporter, party, facts, version, created_at, updated_at) VALUES ")
INSERT_CASE = _CASE_INTO + (
    "(?, 'general', 'clue', ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', 1, ?, ?) RETURNING id" if SQLITE else
    "($1, 'general', 'clue', $2, $3, $4, $5, $6, $7, $8, CAST($9 AS json), $10, CAST('{}' AS json), 1, $11, $11) "
    "RETURNING id")
HEAD = _sql("SELECT seq, hash FROM case_event WHERE township = $1 ORDER BY seq DESC LIMIT 1")
INSERT_EVENT = _sql(
    'INSERT INTO case_event (township, seq, "case", kind, actor, occurred_at, place, payload, prev_hash, hash) '
    f"VALUES ($1, $2, $3, $4, $5, $6, $7, {'$8' if SQLITE else 'CAST($8 AS json)'}, $9, $10)")
DETAIL_CASE = _sql(f"SELECT {CASE_COLUMNS}, facts FROM enforcement_case WHERE township = $1 AND id = $2")
TIMELINE = _sql(f'SELECT {EVENT_COLUMNS} FROM case_event WHERE township = $1 AND "case" = $2 ORDER BY seq')
PAGE = _sql(f"SELECT {CASE_COLUMNS} FROM enforcement_case WHERE township = $1 ORDER BY id DESC LIMIT $2")
PAGE_AFTER = _sql(f"SELECT {CASE_COLUMNS} FROM enforcement_case WHERE township = $1 AND id < $2 "
                  "ORDER BY id DESC LIMIT $3")
TOKEN = _sql("SELECT t.expires_at, t.revoked_at, u.id AS user_id, u.username, u.roles, u.township AS township_id, "
             'u.active FROM api_token t JOIN app_user u ON u.id = t."user" WHERE t.token_sha256 = $1')
TOWNSHIP = _sql("SELECT id, code FROM township WHERE code = $1")


class Database:
    """SQLite: a WAL reader and a writer under a lock. PostgreSQL: an asyncpg pool."""

    reader = writer = pool = None

    async def open(self) -> None:
        if SQLITE:
            import aiosqlite

            path = URL[len("sqlite:///"):]
            self.writer = await aiosqlite.connect(path, isolation_level=None, timeout=30)
            self.reader = await aiosqlite.connect(path, isolation_level=None, timeout=30)
            for connection in (self.writer, self.reader):
                connection.row_factory = _dict_factory
                await connection.execute_fetchall("PRAGMA foreign_keys = 1")
            await self.writer.execute_fetchall("PRAGMA journal_mode = WAL")
            self.lock = asyncio.Lock()
        else:
            import asyncpg

            async def no_reset(connection) -> None:  # nothing on the server at release, as zhifa's pool
                return None

            self.pool = await asyncpg.create_pool(URL, min_size=2, max_size=10, reset=no_reset)

    async def close(self) -> None:
        if SQLITE:
            await self.reader.close()
            await self.writer.close()
        else:
            await self.pool.close()

    async def fetch(self, sql: str, *args) -> list[dict]:
        if SQLITE:
            return await self.reader.execute_fetchall(sql, args)
        async with self.pool.acquire() as connection:
            return [dict(r) for r in await connection.fetch(sql, *args)]

    async def create(self, township: dict, actor: int, clue: Clue) -> dict:
        now = dt.datetime.now(dt.timezone.utc)
        found = clue.found_at.astimezone(dt.timezone.utc)
        reporter = msgspec.json.encode(clue.reporter).decode()
        payload = {"field": clue.field, "power": clue.power, "source": clue.source, "basis": None, "document_no": None}
        case_args = (township["id"], clue.field, clue.power, clue.source, clue.summary.strip(), clue.place,
                     _stored(found), clue.act_date, reporter, clue.party_id)
        if SQLITE:
            async with self.lock:
                w = self.writer
                await w.execute_fetchall("BEGIN IMMEDIATE")
                try:
                    case_id = (await w.execute_fetchall(INSERT_CASE, (*case_args, str(now), str(now))))[0]["id"]
                    head = await w.execute_fetchall(HEAD, (township["id"],))
                    event = _event(township, case_id, actor, clue.place, payload, now, head[0] if head else None)
                    await w.execute_fetchall(INSERT_EVENT, event)
                    await w.execute_fetchall("COMMIT")
                except BaseException:
                    await w.execute_fetchall("ROLLBACK")
                    raise
        else:
            async with self.pool.acquire() as c, c.transaction():
                await c.execute("SELECT pg_advisory_xact_lock($1, $2)", TOWNSHIP_LOCK, township["id"])
                case_id = await c.fetchval(INSERT_CASE, *case_args, now)
                head = await c.fetchrow(HEAD, township["id"])
                await c.execute(INSERT_EVENT, *_event(township, case_id, actor, clue.place, payload, now, head))
        return {"id": case_id, "township": township["code"], "number": None, "procedure": "general", "status": "clue",
                "field": clue.field, "power": clue.power, "source": clue.source, "summary": clue.summary.strip(),
                "place": clue.place, "found_at": found, "act_date": clue.act_date, "party_id": clue.party_id,
                "filed_on": None, "version": 1}


def _event(township: dict, case_id: int, actor: int, place: str, payload: dict, moment: dt.datetime,
           head) -> tuple:
    """The event row extending the township's chain: seq and prev_hash from the head, the HMAC over its content."""
    seq, prev = (head["seq"] + 1, head["hash"]) if head else (1, GENESIS)
    content = msgspec.json.encode({
        "township": township["code"], "seq": seq, "case": case_id, "kind": "clue_registered", "actor": actor,
        "occurred_at": moment.isoformat(), "place": place, "payload": payload, "prev_hash": prev,
    }, order="sorted")
    digest = hmac.new(KEY, content, hashlib.sha256).hexdigest()
    return (township["id"], seq, case_id, "clue_registered", actor, _stored(moment), place,
            msgspec.json.encode(payload).decode(), prev, digest)


db = Database()
_tokens: dict[str, tuple[float, dict]] = {}
_townships: dict[str, dict] = {}


def _moment(value) -> dt.datetime:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


async def caller(request: Request, code: str, allowed: frozenset[str]) -> tuple[dict, dict]:
    """The token's user (401), the township they may see (404) and a role the route allows (403)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthorizedException("bearer token required")
    digest = hashlib.sha256(token.strip().encode()).hexdigest()
    cached = _tokens.get(digest)
    if cached and cached[0] > time.monotonic():
        user = cached[1]
    else:
        rows = await db.fetch(TOKEN, digest)
        now = dt.datetime.now(dt.timezone.utc)
        row = rows[0] if rows else None
        if row is None or row["revoked_at"] is not None or _moment(row["expires_at"]) <= now or not row["active"]:
            _tokens.pop(digest, None)
            raise NotAuthorizedException("invalid token")
        roles = row["roles"]
        user = {"id": row["user_id"], "township_id": row["township_id"],
                "roles": frozenset(msgspec.json.decode(roles) if isinstance(roles, (str, bytes)) else roles)}
        expires_in = (_moment(row["expires_at"]) - now).total_seconds()
        _tokens[digest] = (time.monotonic() + min(CACHE_SECONDS, expires_in), user)
    township = _townships.get(code)
    if township is None:
        rows = await db.fetch(TOWNSHIP, code)
        if not rows:
            raise NotFoundException("township not found")
        township = _townships[code] = {"id": rows[0]["id"], "code": rows[0]["code"]}
    if user["township_id"] != township["id"]:
        raise NotFoundException("township not found")
    if not user["roles"] & allowed:
        raise PermissionDeniedException("role")
    return user, township


def _json(value):
    return msgspec.json.decode(value) if isinstance(value, (str, bytes)) else value


@post("/townships/{code:str}/cases", status_code=201)
async def create(request: Request, code: str, data: Clue) -> dict:
    user, township = await caller(request, code, WRITERS)
    return await db.create(township, user["id"], data)


@get("/townships/{code:str}/cases/{case_id:int}")
async def detail(request: Request, code: str, case_id: int) -> dict:
    _, township = await caller(request, code, READERS)
    rows = await db.fetch(DETAIL_CASE, township["id"], case_id)
    if not rows:
        raise NotFoundException("case not found")
    case = rows[0]
    case["facts"] = _json(case["facts"])
    timeline = await db.fetch(TIMELINE, township["id"], case_id)
    for event in timeline:
        event["payload"] = _json(event["payload"])
    return {"case": case, "timeline": timeline}


@get("/townships/{code:str}/cases")
async def page(request: Request, code: str, cursor: str | None = None, limit: int = 50) -> dict:
    _, township = await caller(request, code, READERS)
    if cursor:
        after = int(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()[1:])
        rows = await db.fetch(PAGE_AFTER, township["id"], after, limit + 1)
    else:
        rows = await db.fetch(PAGE, township["id"], limit + 1)
    items = rows[:limit]
    more = len(rows) > limit
    next_cursor = base64.urlsafe_b64encode(f"c{items[-1]['id']}".encode()).decode().rstrip("=") if more else None
    return {"items": items, "next_cursor": next_cursor, "limit": limit}


@get("/ready")
async def ready() -> str:
    return "ok"


app = Litestar(route_handlers=[create, detail, page, ready], on_startup=[db.open], on_shutdown=[db.close],
               openapi_config=None)


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    # zhifa serve's stack (cli/serve.py): httptools' parser, uvloop's loop, one process
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", http="httptools", loop="uvloop")


if __name__ == "__main__":
    main()

"""The app under measurement, plus baseline endpoints doing the same insert or selects with the raw driver.

Run by ``bench/api_bench.py`` as ``uvicorn --factory server:make_app`` with ``ZHIFA_DATABASE_URL``
set. The baselines use one aiosqlite connection (SQLite) or one asyncpg connection (PostgreSQL),
no authentication, no framework on the database side: the floor our endpoints are compared with.
"""

from __future__ import annotations

import datetime as dt
import json
import os

import aiosqlite
import asyncpg
from litestar import Litestar, get, post
from zhifa.api.app import create_app

URL = os.environ["ZHIFA_DATABASE_URL"]
SQLITE = URL.startswith("sqlite")
CASE_COLUMNS = ('id, number, "procedure", status, field, power, source, summary, place, found_at, act_date, party, '
                'filed_on, version')
EVENT_COLUMNS = 'seq, kind, "case", actor, occurred_at, place, payload, prev_hash, hash'


class Raw:
    connection = None

    async def open(self) -> None:
        if SQLITE:
            self.connection = await aiosqlite.connect(URL[len("sqlite:///"):])
            self.connection.row_factory = aiosqlite.Row
        else:
            self.connection = await asyncpg.connect(URL)

    async def close(self) -> None:
        await self.connection.close()

    async def fetch(self, sql: str, *args) -> list[dict]:
        if SQLITE:
            async with self.connection.execute(sql.replace("$1", "?").replace("$2", "?"), args) as cursor:
                return [dict(r) for r in await cursor.fetchall()]
        return [dict(r) for r in await self.connection.fetch(sql, *args)]


raw = Raw()


@post("/bench/baseline/clue", opt={"public": True})
async def baseline_insert(data: dict) -> dict:
    found = dt.datetime.fromisoformat(data["found_at"]).astimezone(dt.timezone.utc)
    sql = ('INSERT INTO enforcement_case (township, "procedure", status, field, source, summary, place, found_at, '
           'reporter, facts, version, created_at, updated_at) VALUES ($1, \'general\', \'clue\', $2, $3, $4, \'\', $5, '
           '\'{}\', \'{}\', 1, $6, $6) RETURNING id')
    now = dt.datetime.now(dt.timezone.utc)
    args = (data["township_id"], data["field"], data["source"], data["summary"], found, now)
    if SQLITE:
        sql = sql.replace("$1", "?").replace("$2", "?").replace("$3", "?").replace("$4", "?").replace("$5", "?")
        sql = sql.replace("$6, $6", "?, ?")
        async with raw.connection.execute(sql, (*args[:5], now, now)) as cursor:
            row = await cursor.fetchone()
        await raw.connection.commit()
        return {"id": row[0]}
    return {"id": await raw.connection.fetchval(sql, *args)}


@get("/bench/baseline/cases/{case_id:int}", opt={"public": True})
async def baseline_detail(case_id: int, township_id: int) -> dict:
    case = await raw.fetch(f"SELECT {CASE_COLUMNS}, facts FROM enforcement_case WHERE township = $1 AND id = $2",
                           township_id, case_id)
    events = await raw.fetch(f'SELECT {EVENT_COLUMNS} FROM case_event WHERE township = $1 AND "case" = $2 ORDER BY seq',
                             township_id, case_id)
    for event in events:
        if isinstance(event["payload"], str):
            event["payload"] = json.loads(event["payload"])
    return {"case": case[0], "timeline": events}


@get("/bench/baseline/cases", opt={"public": True})
async def baseline_list(township_id: int, limit: int = 50) -> list[dict]:
    return await raw.fetch(f"SELECT {CASE_COLUMNS} FROM enforcement_case WHERE township = $1 ORDER BY id DESC LIMIT $2",
                           township_id, limit + 1)


def make_app() -> Litestar:
    app = create_app()
    app.register(baseline_insert)
    app.register(baseline_detail)
    app.register(baseline_list)
    app.on_startup.append(raw.open)
    app.on_shutdown.insert(0, raw.close)
    return app

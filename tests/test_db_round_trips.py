"""Round trips per statement (issue 16 item 1): one worker-thread hop per SQLite statement; on
PostgreSQL a pool connection goes back without asyncpg's server-side reset statement, and still
carries nothing into its next use."""

from __future__ import annotations

import asyncio

import aiosqlite
import pytest
from zhifa.core.db.database import configure, current_engine
from zhifa.core.db.postgres_pool import PooledPostgresEngine
from zhifa.core.db.sqlite_persistent import PersistentSQLiteEngine
from zhifa.core.db.tables import Township


def test_a_sqlite_statement_costs_one_trip_to_the_connection_thread(tmp_path, sqlite_template, monkeypatch):
    path = tmp_path / "hops.sqlite3"
    path.write_bytes(sqlite_template.read_bytes())
    engine = configure(f"sqlite:///{path}")
    assert isinstance(engine, PersistentSQLiteEngine)
    trips: list[str] = []
    original = aiosqlite.Connection._execute

    async def counted(self, fn, *args, **kwargs):
        trips.append(getattr(fn, "__name__", repr(fn)))
        return await original(self, fn, *args, **kwargs)

    async def scenario() -> tuple[int, int]:
        await engine.open()
        try:
            monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
            await Township.select(Township.id).run()  # a read on the reader connection
            reads = len(trips)
            async with engine.transaction():  # BEGIN, one insert, COMMIT on the writer
                await Township.insert(Township(code="330122999", name="测试镇", county_code="330122", short_name="测综执")).run()
            return reads, len(trips) - reads
        finally:
            monkeypatch.setattr(aiosqlite.Connection, "_execute", original)
            await engine.close()

    reads, writes = asyncio.run(scenario())
    assert reads == 1, trips
    assert writes <= 4, trips  # BEGIN, INSERT … RETURNING, COMMIT (+ the lock-free wake-up at most)


def test_a_released_postgres_connection_gets_no_reset_statement_and_keeps_no_state(postgres_url):
    if postgres_url is None:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    engine = configure(postgres_url)
    assert isinstance(engine, PooledPostgresEngine)

    async def scenario() -> tuple[list[str], list[str]]:
        await engine.start_connection_pool(min_size=1, max_size=1)
        try:
            assert engine.pool is not None
            seen: list[str] = []
            connection = await engine.pool.acquire()
            connection.add_query_logger(lambda record: seen.append(record.query))
            await engine.pool.release(connection)
            for _ in range(3):
                await Township.select(Township.id).limit(1).run()
            async with engine.transaction():
                await Township.raw("SELECT pg_advisory_xact_lock(1, 2)")
            # The same (only) connection, in a fresh transaction: no advisory lock survives.
            locks = await Township.raw("SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
            return seen, [row["objid"] for row in locks]
        finally:
            await engine.close_connection_pool()

    seen, locks = asyncio.run(scenario())
    assert not [q for q in seen if "pg_advisory_unlock_all" in q or "RESET ALL" in q], seen
    assert sum("SELECT" in q for q in seen) >= 4  # the logger did see the queries on that connection
    assert locks == []
    assert current_engine() is engine


def _count_statements(monkeypatch) -> list[str]:
    from piccolo.engine.postgres import PostgresEngine

    statements: list[str] = []
    for engine_class in (PersistentSQLiteEngine, PostgresEngine):
        for name in ("_run_in_new_connection", "_run_in_existing_connection", "_run_in_pool"):
            original = engine_class.__dict__.get(name)
            if original is None:
                continue

            async def counted(self, *args, __original=original, **kwargs):
                statements.append(kwargs.get("query") or next(a for a in args if isinstance(a, str)))
                return await __original(self, *args, **kwargs)

            monkeypatch.setattr(engine_class, name, counted)
    return statements


def test_a_case_list_page_does_not_read_the_township_the_guard_already_read(database_url, monkeypatch):
    from .api_support import HENGCUN, start_api

    client, tokens = start_api(["hc-officer1"])
    statements = _count_statements(monkeypatch)
    with client:
        headers = {"Authorization": f"Bearer {tokens['hc-officer1']}"}
        assert client.get(f"/townships/{HENGCUN}/cases", headers=headers).status_code == 200  # warms the guard
        statements.clear()
        answer = client.get(f"/townships/{HENGCUN}/cases", headers=headers)
    assert answer.status_code == 200 and answer.json()["items"]
    assert statements, "the counter saw the request's statements"
    assert not [s for s in statements if "FROM township" in s], statements


def test_a_case_details_dry_runs_share_the_cases_reads(database_url, monkeypatch):
    """Each next action's gates run, but the case row, its steps, party, grants and people are read once per
    request (procedure._prepare's memo): an investigating case offers a dozen actions."""
    from .api_support import HENGCUN, Api, start_api

    client, tokens = start_api(["hc-officer1", "hc-captain"])
    with client:
        api = Api(client, tokens)
        case = api.clue("urban", "URBAN-CF-018", "2026-11-02")
        api.act(case, "file_case", "2026-11-03", "hc-captain", officers=["hc-officer1", "hc-officer2"],
                party_id=api.party_id("张三"), act_date="2026-11-01")
        api.get(f"/townships/{HENGCUN}/cases/{case}", "hc-officer1")  # warms the guard
        statements = _count_statements(monkeypatch)
        answer = api.get(f"/townships/{HENGCUN}/cases/{case}", "hc-officer1")
    assert answer.status_code == 200
    offered = answer.json()["next_actions"]
    assert len(offered) >= 8
    case_reads = [q for q in statements if "FROM enforcement_case" in q or 'FROM "enforcement_case"' in q]
    certificate_reads = [q for q in statements if "certificate" in q.lower()]
    assert len(case_reads) <= 2, case_reads  # the detail's own read and the dry runs' one
    assert len(certificate_reads) <= 2, certificate_reads
    assert len(statements) < 3 * len(offered), len(statements)

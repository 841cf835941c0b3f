"""The case list at a county's scale: every filter shape at 1,000,000 cases against the same at 10,000.

    .venv/bin/python bench/list_scale_bench.py                   # SQLite and PostgreSQL (when reachable)
    .venv/bin/python bench/list_scale_bench.py --large 300000 --engines sqlite

For each engine it builds two databases side by side — one township with ``--small`` cases and one
with ``--large`` (rare statuses, fields and powers in the same proportions; 1 in 5,000 overdue) —
then, for ``--rounds`` rounds alternating small and large, times ``case_search.search_cases`` (the
first page of 50, as the API's list calls it) ``--repeat`` times per filter shape and keeps the
median. It prints each shape's medians and the ratio large / small (target ≤ 1.3×) and the overdue
page at ``--large``. Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import asyncpg

TOWNSHIP = "330122100"
PG_ADMIN = os.environ.get("ZHIFA_BENCH_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/test")


def shapes():
    from zhifa.core.schemas.cases import CaseFilter

    return {
        "none": CaseFilter(),
        "status common": CaseFilter(status=["closed"]),
        "status rare": CaseFilter(status=["decided"]),
        "field rare": CaseFilter(field="culture"),
        "status+field rare": CaseFilter(status=["decided"], field="culture"),
        "status+field none": CaseFilter(status=["decided"], field="urban"),
        "power rare": CaseFilter(power="URBAN-CF-009"),
        "filed in a week": CaseFilter(filed_from=dt.date(2025, 6, 2), filed_to=dt.date(2025, 6, 8)),
        "found in a week": CaseFilter(found_from=dt.date(2025, 6, 2), found_to=dt.date(2025, 6, 8)),
        "overdue": CaseFilter(overdue=True),
        "not overdue": CaseFilter(overdue=False),
    }


async def _fill(cases: int) -> None:
    from zhifa.core.db.database import current_engine
    from zhifa.core.db.tables import Case, Township
    from zhifa.core.db.transaction import write_transaction

    postgres = current_engine().engine_type == "postgres"
    ts, js, day = ("CAST({} AS TIMESTAMPTZ)", "CAST({} AS JSON)", "CAST({} AS DATE)") if postgres else ("{}",) * 3
    add_days = ("CAST({} AS DATE) + (i % 730)", "CAST({} AS TIMESTAMPTZ) + (i % 730) * INTERVAL '1 day'") if postgres \
        else ("date({}, '+' || (i % 730) || ' days')", "datetime({}, '+' || (i % 730) || ' days')")
    township = (await Township.select(Township.id).where(Township.code == TOWNSHIP).first())["id"]
    start = dt.datetime(2024, 12, 31, 16, tzinfo=dt.timezone.utc)
    done = 0
    while done < cases:
        step = min(100_000, cases - done)
        async with write_transaction():
            await Case.raw(
                "WITH RECURSIVE n(i) AS (SELECT CAST({} AS INTEGER) UNION ALL SELECT i + 1 FROM n WHERE i < CAST({} AS INTEGER)) "
                "INSERT INTO enforcement_case (township, \"procedure\", status, field, power, source, summary, place, "
                "found_at, reporter, filed_on, decision_due, facts, version, created_at, updated_at) "
                "SELECT CAST({} AS INTEGER), 'general', "
                "CASE WHEN i % 1000 = 7 THEN 'decided' ELSE 'closed' END, "
                "CASE WHEN i % 50 = 7 THEN 'culture' ELSE 'urban' END, "
                "CASE WHEN i % 997 = 3 THEN 'URBAN-CF-009' ELSE 'URBAN-CF-001' END, 'patrol', '批量基准案件', '', "
                f"{add_days[1]}, {js}, {add_days[0]}, CASE WHEN i % 5000 = 1 THEN {day} END, {js}, 1, {ts}, {ts} FROM n",
                done + 1, done + step, township, start, "{}", dt.date(2025, 1, 1), dt.date(2025, 4, 1), "{}", start,
                start)
        done += step
    if postgres:  # autovacuum keeps statistics there; zhifa never runs ANALYZE on SQLite
        await Case.raw("ANALYZE")


async def _build(url: str, cases: int) -> None:
    from zhifa.core.db import database
    from zhifa.core.services import townships
    from zhifa.core.schemas.townships import TownshipCreate

    database.configure(url)
    await database.migrate()
    await townships.create_township(TownshipCreate(code=TOWNSHIP, name="横村镇"))
    await _fill(cases)


async def _time(url: str, repeat: int) -> dict[str, float]:
    from zhifa.core.db import database
    from zhifa.core.services.case_search import search_cases

    engine = database.configure(url)
    if engine.engine_type == "postgres":  # as the server runs: one pool, not a connection per query
        await engine.start_connection_pool(min_size=1, max_size=2)
    elif hasattr(engine, "open"):  # the persistent SQLite engine's reader and writer, as the server opens them
        await engine.open()
    result = {}
    for name, filters in shapes().items():
        await search_cases(TOWNSHIP, filters, limit=50, on=dt.date(2026, 6, 1))  # warm: plans, caches
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            await search_cases(TOWNSHIP, filters, limit=50, on=dt.date(2026, 6, 1))
            times.append(time.perf_counter() - started)
        result[name] = statistics.median(times)
    if getattr(engine, "pool", None) is not None:
        await engine.close_connection_pool()
    elif hasattr(engine, "close") and getattr(engine, "is_open", False):
        await engine.close()
    return result


async def _pg_database(name: str) -> str | None:
    try:
        conn = await asyncpg.connect(PG_ADMIN, timeout=3)
    except (OSError, asyncpg.PostgresError):
        return None
    try:
        await conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        await conn.execute(f"CREATE DATABASE {name}")
    finally:
        await conn.close()
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--engines", default="sqlite,postgres")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zhifa-list-bench-") as folder:
        os.environ["ZHIFA_HOME"] = folder
        for engine in args.engines.split(","):
            urls = {}
            for size, cases in (("small", args.small), ("large", args.large)):
                if engine == "sqlite":
                    urls[size] = f"sqlite:///{folder}/{size}.sqlite3"
                else:
                    urls[size] = asyncio.run(_pg_database(f"zhifa_bench_list_{size}"))
                    if urls[size] is None:
                        print("PostgreSQL not reachable: skipped")
                        break
                started = time.perf_counter()
                asyncio.run(_build(urls[size], cases))
                print(f"{engine}: built {cases:,} cases in {time.perf_counter() - started:.1f} s", flush=True)
            if len(urls) < 2 or None in urls.values():
                continue
            rounds: dict[str, list[dict[str, float]]] = {"small": [], "large": []}
            for round_ in range(args.rounds):
                for size in (("small", "large") if round_ % 2 == 0 else ("large", "small")):
                    rounds[size].append(asyncio.run(_time(urls[size], args.repeat)))
            print(f"\n{engine}: first page of 50, median ms over {args.rounds} rounds × {args.repeat}")
            print(f"{'shape':22} {args.small:>10,} {args.large:>12,}   ratio")
            for name in shapes():
                small = statistics.median(r[name] for r in rounds["small"]) * 1000
                large = statistics.median(r[name] for r in rounds["large"]) * 1000
                print(f"{name:22} {small:10.2f} {large:12.2f}   {large / small:5.2f}x")


if __name__ == "__main__":
    main()

"""``zhifa import cases`` against raw bulk writes of the same rows and chain: cases per second, and the ratio.

    .venv/bin/python bench/import_bench.py                         # 50,000 rows, SQLite and PostgreSQL, 3 rounds
    .venv/bin/python bench/import_bench.py --rows 10000 --engines sqlite --rounds 5

It builds the demo county once per engine (a SQLite file; a PostgreSQL template database), writes one
CSV of ``--rows`` closed cases of 横村镇 (urban and market powers, parties drawn from a pool of
``rows / 4`` citizens, two officers each), then alternates, each round on a fresh copy of the database:

- ``zhifa``    ``zhifa.core.services.case_import.import_cases`` on the CSV: reading the file, checking
  every row, reserving ids, sealing the chain and writing parties, cases, events and officers in one
  transaction (executemany on SQLite through aiosqlite, COPY on PostgreSQL through asyncpg);
- ``baseline`` exactly the rows that import wrote (read back from its database beforehand), written to
  the fresh copy in one transaction by the driver alone — the standard library's ``sqlite3``
  ``executemany`` on SQLite, asyncpg's ``copy_records_to_table`` on PostgreSQL — with the chain's
  HMAC-SHA256 seals computed in the timed loop (the same canonical JSON zhifa hashes).

Both timings run from the first statement to the commit, in this process, plugins already loaded.
It prints cases/s per round, the medians, and zhifa / baseline (the target is ≥ 0.5×). The first zhifa
round's database is checked with ``audit verify``. Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import hashlib
import hmac
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import msgspec

TOWNSHIP = "330122100"
KEY = "5a" * 32
PG_ADMIN = os.environ.get("ZHIFA_BENCH_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/test")
POWERS = ["URBAN-CF-001", "URBAN-CF-002", "URBAN-CF-003", "MARKET-CF-001", "MARKET-CF-003", "MARKET-CF-004"]
HEADERS = ["案件编号", "执法事项编码", "案由", "案源", "程序", "地点", "违法行为发生日", "发现日期", "立案日期", "当事人",
           "当事人证件号码", "承办人", "法制审核人", "法制审核日期", "决定类型", "决定日期", "罚款金额", "结案日期", "状态"]
TABLES = {  # table → columns, in the order they are written
    "party": ("id", "township", "kind", "name", "identifier", "legal_representative", "address", "phone", "birth_date",
              "created_at"),
    "case_import": ("id", "township", "file_name", "file_sha256", "cases", "first_seq", "last_seq", "imported_by",
                    "imported_at"),
    "enforcement_case": ("id", "township", "number", "procedure", "status", "field", "power", "source", "summary",
                         "place", "found_at", "act_date", "reporter", "party", "filed_on", "facts", "version",
                         "created_at", "updated_at", "import_batch"),
    "case_event": ("township", "seq", "case", "kind", "actor", "occurred_at", "place", "payload", "prev_hash", "hash"),
    "case_officer": ("township", "case", "user"),
}


def write_csv(path: Path, rows: int) -> None:
    from stdnum.cn import ric

    rng = random.Random(20261203)
    people = []
    for i in range(max(1, rows // 4)):
        body = f"330122{1950 + i % 50}{1 + i % 12:02d}{1 + i % 28:02d}{i // 16800 % 1000:03d}"
        people.append((f"当事人{i}", body + ric.calc_check_digit(body + "0")))
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for n in range(1, rows + 1):
            year = 2024 + n % 2
            month, day = 1 + n % 9, 1 + n % 20
            name, identifier = people[rng.randrange(len(people))]
            writer.writerow([
                f"历史案〔{year}〕{n}号", POWERS[n % len(POWERS)], f"历史案件 {n}：巡查发现的违法行为", "日常巡查", "一般程序",
                f"横村镇某村{n % 97}号", f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}-{day + 1:02d}",
                f"{year}-{month:02d}-{day + 2:02d}", name, identifier, "hc-officer1、hc-officer2", "hc-legal",
                f"{year}-{month + 1:02d}-{day:02d}", "处罚", f"{year}-{month + 1:02d}-{day + 1:02d}",
                f"{1000 + n % 50 * 100}.00", f"{year}-{month + 2:02d}-{day:02d}", "结案"])


# -- databases ---------------------------------------------------------------------------------------------


async def _prepare(url: str) -> None:
    from zhifa.core.db import database
    from zhifa.core.services.demo import load_demo

    database.configure(url)
    await database.migrate()
    await load_demo()


async def _pg_admin(*statements: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN)
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


class Engine:
    def __init__(self, name: str, home: Path) -> None:
        self.name, self.home = name, home
        self.template = home / "template.sqlite3"
        self.pg_template = f"zhifa_import_bench_template_{os.getpid()}"
        self.pg_round = f"zhifa_import_bench_round_{os.getpid()}"

    def url(self, which: str) -> str:
        if self.name == "sqlite":
            return f"sqlite:///{self.home / which}.sqlite3"
        return PG_ADMIN.rsplit("/", 1)[0] + "/" + (self.pg_template if which == "template" else self.pg_round)

    def build(self) -> None:
        if self.name == "postgres":
            asyncio.run(_pg_admin(f"DROP DATABASE IF EXISTS {self.pg_template} WITH (FORCE)",
                                  f"CREATE DATABASE {self.pg_template}"))
        asyncio.run(_prepare(self.url("template")))

    def fresh(self) -> str:
        """A fresh copy of the template for one round."""
        if self.name == "sqlite":
            target = self.home / "round.sqlite3"
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            shutil.copy(self.template, target)
        else:
            asyncio.run(_pg_admin(f"DROP DATABASE IF EXISTS {self.pg_round} WITH (FORCE)",
                                  f"CREATE DATABASE {self.pg_round} TEMPLATE {self.pg_template}"))
        return self.url("round")

    def drop(self) -> None:
        if self.name == "postgres":
            asyncio.run(_pg_admin(f"DROP DATABASE IF EXISTS {self.pg_round} WITH (FORCE)",
                                  f"DROP DATABASE IF EXISTS {self.pg_template} WITH (FORCE)"))


# -- the two contenders ------------------------------------------------------------------------------------


async def run_zhifa(url: str, path: Path, verify: bool) -> tuple[float, int]:
    from zhifa.core.db import database
    from zhifa.core.services import audit
    from zhifa.core.services.case_import import import_cases

    database.configure(url)
    started = time.perf_counter()
    result = await import_cases(TOWNSHIP, path)
    elapsed = time.perf_counter() - started
    if verify:
        [report] = await audit.verify(TOWNSHIP)
        assert report.intact, (report.first_break, report.cases[:3])
    return elapsed, result.cases


def read_written(engine: Engine, url: str) -> dict[str, list[tuple]]:
    """The rows one zhifa import wrote, in order, from its database."""
    where = {
        "party": "created_at = (SELECT imported_at FROM case_import)",
        "case_import": "1 = 1",
        "enforcement_case": "import_batch IS NOT NULL",
        "case_event": "kind IN ('case_imported', 'cases_imported')",
        "case_officer": '"case" IN (SELECT id FROM enforcement_case WHERE import_batch IS NOT NULL)',
    }
    order = {"case_event": "seq", "case_officer": "id"}
    queries = {t: f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{t}" WHERE {where[t]} '
                  f'ORDER BY {order.get(t, "id")}' for t, cols in TABLES.items()}
    if engine.name == "sqlite":
        conn = sqlite3.connect(url[len("sqlite:///"):])
        try:
            return {t: conn.execute(q).fetchall() for t, q in queries.items()}
        finally:
            conn.close()

    async def fetch():
        import asyncpg

        conn = await asyncpg.connect(url)
        try:
            return {t: [tuple(r) for r in await conn.fetch(q)] for t, q in queries.items()}
        finally:
            await conn.close()
    return asyncio.run(fetch())


class Seals:
    """The chain recomputed over the events' content, as zhifa seals it (canonical JSON, HMAC-SHA256)."""

    def __init__(self, events: list[tuple]) -> None:
        self.events = [(e[1], e[2], e[3], e[4], e[5], e[6], msgspec.json.decode(e[7]), e[8]) for e in events]
        self.keyed = hmac.new(bytes.fromhex(KEY), digestmod=hashlib.sha256)

    def rows(self, township_id: int, moment_text) -> list[tuple]:
        prev = self.events[0][7]
        rows = []
        encode = msgspec.json.encode
        for seq, case, kind, actor, occurred, place, payload, _ in self.events:
            content = encode({"township": TOWNSHIP, "seq": seq, "case": case, "kind": kind, "actor": actor,
                              "occurred_at": moment_text, "place": place, "payload": payload, "prev_hash": prev},
                             order="sorted")
            sealed = self.keyed.copy()
            sealed.update(content)
            digest = sealed.hexdigest()
            rows.append((township_id, seq, case, kind, actor, occurred, place, encode(payload).decode(), prev, digest))
            prev = digest
        return rows


def run_baseline_sqlite(url: str, written: dict[str, list[tuple]], seals: Seals, moment_text: str) -> float:
    conn = sqlite3.connect(url[len("sqlite:///"):], isolation_level=None)
    conn.execute("PRAGMA foreign_keys = 1")
    township_id = written["enforcement_case"][0][1]
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("SELECT seq, hash FROM case_event WHERE township = ? ORDER BY seq DESC LIMIT 1", (township_id,)).fetchone()
    events = seals.rows(township_id, moment_text)
    for table, columns in TABLES.items():
        rows = events if table == "case_event" else written[table]
        names = ", ".join(f'"{c}"' for c in columns)
        conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" for _ in columns)})', rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


async def run_baseline_pg(url: str, written: dict[str, list[tuple]], seals: Seals, moment_text: str) -> float:
    import asyncpg

    conn = await asyncpg.connect(url)
    township_id = written["enforcement_case"][0][1]
    try:
        started = time.perf_counter()
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1, $2)", 0x7A68, township_id)
            await conn.fetchrow("SELECT seq, hash FROM case_event WHERE township = $1 ORDER BY seq DESC LIMIT 1",
                                township_id)
            events = seals.rows(township_id, moment_text)
            for table, columns in TABLES.items():
                rows = events if table == "case_event" else written[table]
                await conn.copy_records_to_table(table, records=rows, columns=list(columns))
        return time.perf_counter() - started
    finally:
        await conn.close()


def bench(engine: Engine, path: Path, rows: int, rounds: int) -> dict[str, float]:
    import datetime as dt

    engine.build()
    print(f"[{engine.name}] demo county built; importing {rows:,} rows, {rounds} rounds", flush=True)
    results: dict[str, list[float]] = {"zhifa": [], "baseline": []}
    written = seals = moment_text = None
    for round_ in range(rounds):
        order = ["zhifa", "baseline"] if round_ % 2 == 0 or written is None else ["baseline", "zhifa"]
        for kind in order:
            url = engine.fresh()
            if kind == "zhifa":
                elapsed, count = asyncio.run(run_zhifa(url, path, verify=round_ == 0))
                assert count == rows
                if written is None:  # the rows the baseline writes: exactly these
                    written = read_written(engine, url)
                    seals = Seals(written["case_event"])
                    moment = written["case_import"][0][8]
                    moment = dt.datetime.fromisoformat(moment) if isinstance(moment, str) else moment
                    moment_text = moment.astimezone(dt.timezone.utc).isoformat()
            else:
                if engine.name == "sqlite":
                    elapsed = run_baseline_sqlite(url, written, seals, moment_text)
                else:
                    elapsed = asyncio.run(run_baseline_pg(url, written, seals, moment_text))
            results[kind].append(rows / elapsed)
            print(f"[{engine.name}] round {round_ + 1} {kind:8} {rows / elapsed:10,.0f} cases/s  ({elapsed:.2f} s)",
                  flush=True)
    engine.drop()
    median = {k: statistics.median(v) for k, v in results.items()}
    baseline_name = "executemany (sqlite3)" if engine.name == "sqlite" else "COPY (asyncpg)"
    print(f"[{engine.name}] median zhifa import {median['zhifa']:,.0f} cases/s; baseline {baseline_name} "
          f"{median['baseline']:,.0f} cases/s; ratio zhifa / baseline {median['zhifa'] / median['baseline']:.2f}x "
          f"(target >= 0.5x)", flush=True)
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--engines", default="sqlite,postgres")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zhifa-import-bench-") as folder:
        home = Path(folder)
        os.environ.update({"ZHIFA_HOME": str(home), "ZHIFA_CHAIN_KEY": KEY,
                           "ZHIFA_DATABASE_URL": f"sqlite:///{home}/template.sqlite3"})
        from zhifa.core.registry import get_host

        get_host()  # plugins and catalogues loaded before any timing
        path = home / "历史案件.csv"
        write_csv(path, args.rows)
        print(f"wrote {args.rows:,} rows to {path.name} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)
        for name in args.engines.split(","):
            bench(Engine(name.strip(), home), path, args.rows, args.rounds)


if __name__ == "__main__":
    sys.exit(main())

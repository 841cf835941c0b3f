"""API benchmark: CPU per request of zhifa's endpoints against raw-driver baselines, on a live server.

    .venv/bin/python bench/api_bench.py            # SQLite and PostgreSQL (when reachable), 100,000 cases

For each engine it builds a database (migrations, the demo county, then ``--cases`` cases for
横村镇 inserted in bulk), starts ``uvicorn`` on it, and then, for ``--rounds`` rounds, alternates
each operation with its baseline endpoint (same insert or selects through one aiosqlite / asyncpg
connection, see ``bench/server.py``):

- create a clue:  POST /townships/{code}/cases          vs  POST /bench/baseline/clue
- case detail:    GET  /townships/{code}/cases/{id}     vs  GET  /bench/baseline/cases/{id}
- list page:      GET  /townships/{code}/cases?limit=50 vs  GET  /bench/baseline/cases?limit=50

CPU per request = (server process + database server processes) CPU time over the requests, from
/proc; throughput = requests over wall time, from one client doing requests back to back. It prints
the medians over the rounds and their ratios. Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent
TOWNSHIP = "330122100"
PG_ADMIN = os.environ.get("ZHIFA_BENCH_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/test")
TICKS = os.sysconf("SC_CLK_TCK")
TARGETS = {"create clue": 3.0, "case detail": 2.0, "list page": 2.0}


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def postgres_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- building the database ----------------------------------------------------------------------
async def prepare(url: str, cases: int) -> dict:
    from zhifa.core.bootstrap import open_database
    from zhifa.core.db.tables import Case, Township
    from zhifa.core.services import auth
    from zhifa.core.services.demo import load_demo

    await open_database(url, migrate=True)
    await load_demo()
    token = (await auth.issue_token("hc-officer1")).token
    township_id = (await Township.select(Township.id).where(Township.code == TOWNSHIP).first())["id"]
    await bulk_cases(url, township_id, cases)
    # the cases whose detail is read: registered through the service, so each has its event
    ids = [c["id"] for c in await Case.select(Case.id).where(Case.township == township_id).order_by(Case.id).limit(200)]
    return {"token": token, "township_id": township_id, "detail_ids": ids}


def _rows(township_id: int, count: int):
    base = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
    statuses = ["clue", "investigating", "decided", "closed", "archived"]
    for n in range(count):
        yield (township_id, "general", statuses[n % 5], "urban", "patrol", f"批量案件 {n}：横村路占道经营", "横村路",
               base + dt.timedelta(minutes=n), "{}", "{}", 1, base, base)


COLUMNS = ("township", "procedure", "status", "field", "source", "summary", "place", "found_at", "reporter", "facts",
           "version", "created_at", "updated_at")


async def bulk_cases(url: str, township_id: int, count: int) -> None:
    if url.startswith("sqlite"):
        import sqlite3

        connection = sqlite3.connect(url[len("sqlite:///"):])
        quoted = ", ".join(f'"{c}"' for c in COLUMNS)
        with connection:
            connection.executemany(f"INSERT INTO enforcement_case ({quoted}) VALUES ({', '.join('?' * len(COLUMNS))})",
                                   ((*r[:7], r[7].isoformat(), *r[8:11], r[11].isoformat(), r[12].isoformat())
                                    for r in _rows(township_id, count)))
        connection.close()
        return
    import asyncpg

    connection = await asyncpg.connect(url)
    try:
        await connection.copy_records_to_table("enforcement_case", records=list(_rows(township_id, count)),
                                               columns=list(COLUMNS))
        await connection.execute("ANALYZE")
    finally:
        await connection.close()


# -- measuring ----------------------------------------------------------------------------------
def measure(client: httpx.Client, requests: list, server: int, db_pids: list[int]) -> tuple[float, float]:
    pids = [server, *db_pids]
    before, start = cpu_seconds(pids), time.perf_counter()
    for method, path, kwargs in requests:
        response = client.request(method, path, **kwargs)
        if response.status_code >= 400:
            raise SystemExit(f"{method} {path}: {response.status_code} {response.text}")
    wall = time.perf_counter() - start
    return (cpu_seconds(pids) - before) / len(requests) * 1000, len(requests) / wall


def operations(world: dict, n: int) -> dict[str, tuple[list, list]]:
    auth = {"headers": {"Authorization": f"Bearer {world['token']}"}}
    tid = world["township_id"]
    found = "2026-11-20T09:00:00+08:00"
    clue = {"field": "urban", "source": "patrol", "summary": "巡查发现横村路占道经营", "found_at": found}
    ids = world["detail_ids"]
    pick = random.Random(7)
    detail_ids = [pick.choice(ids) for _ in range(n)]
    return {
        "create clue": ([("POST", f"/townships/{TOWNSHIP}/cases", {**auth, "json": clue})] * n,
                        [("POST", "/bench/baseline/clue", {"json": {**clue, "township_id": tid}})] * n),
        "case detail": ([("GET", f"/townships/{TOWNSHIP}/cases/{i}", auth) for i in detail_ids],
                        [("GET", f"/bench/baseline/cases/{i}", {"params": {"township_id": tid}}) for i in detail_ids]),
        "list page": ([("GET", f"/townships/{TOWNSHIP}/cases", {**auth, "params": {"limit": 50}})] * n,
                      [("GET", "/bench/baseline/cases", {"params": {"township_id": tid, "limit": 50}})] * n),
    }


def run_engine(name: str, url: str, args, home: Path) -> dict:
    env = {**os.environ, "ZHIFA_DATABASE_URL": url, "ZHIFA_HOME": str(home)}
    os.environ.update({"ZHIFA_DATABASE_URL": url, "ZHIFA_HOME": str(home)})
    print(f"[{name}] 准备数据库：迁移、演示数据、{args.cases:,} 件案件……", flush=True)
    world = asyncio.run(prepare(url, args.cases))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "server:make_app", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                httpx.get(f"{base}/schema/openapi.json", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        db_pids = postgres_pids() if name == "postgresql" else []
        results: dict[str, dict[str, list[float]]] = {}
        with httpx.Client(base_url=base, timeout=30) as client:
            ops = operations(world, args.requests)
            for ours, baseline in ops.values():  # warm up both
                measure(client, ours[:20], server.pid, db_pids)
                measure(client, baseline[:20], server.pid, db_pids)
            for round_ in range(args.rounds):
                for op, (ours, baseline) in ops.items():
                    cpu, rps = measure(client, ours, server.pid, db_pids)
                    bcpu, brps = measure(client, baseline, server.pid, db_pids)
                    slot = results.setdefault(op, {"cpu": [], "rps": [], "bcpu": [], "brps": []})
                    slot["cpu"].append(cpu)
                    slot["rps"].append(rps)
                    slot["bcpu"].append(bcpu)
                    slot["brps"].append(brps)
                print(f"[{name}] 第 {round_ + 1}/{args.rounds} 轮完成", flush=True)
        return {op: {k: statistics.median(v) for k, v in slot.items()} for op, slot in results.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)


def postgres_url() -> str | None:
    import asyncpg

    async def create() -> str | None:
        try:
            admin = await asyncpg.connect(PG_ADMIN, timeout=3)
        except (OSError, asyncpg.PostgresError, asyncio.TimeoutError):
            return None
        try:
            await admin.execute("DROP DATABASE IF EXISTS zhifa_bench WITH (FORCE)")
            await admin.execute("CREATE DATABASE zhifa_bench")
        finally:
            await admin.close()
        return PG_ADMIN.rsplit("/", 1)[0] + "/zhifa_bench"

    return asyncio.run(create())


def report(all_results: dict[str, dict]) -> None:
    print()
    print(f"{'引擎':<12}{'操作':<14}{'CPU/请求 ms':>12}{'基线 ms':>10}{'比值':>8}{'目标':>7}{'请求/秒':>10}{'基线/秒':>10}")
    for engine, results in all_results.items():
        for op, r in results.items():
            ratio = r["cpu"] / r["bcpu"]
            ok = "✓" if ratio <= TARGETS[op] else "✗"
            print(f"{engine:<12}{op:<14}{r['cpu']:>12.3f}{r['bcpu']:>10.3f}{ratio:>7.2f}×{'≤' + str(TARGETS[op]) + ok:>7}"
                  f"{r['rps']:>10.0f}{r['brps']:>10.0f}")
    if {"sqlite", "postgresql"} <= set(all_results):
        print()
        for op in TARGETS:
            ratio = all_results["sqlite"][op]["cpu"] / all_results["postgresql"][op]["cpu"]
            print(f"SQLite / PostgreSQL CPU per request, {op}: {ratio:.2f}× (target ≤ 1.5×) {'✓' if ratio <= 1.5 else '✗'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=300, help="requests per measurement")
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    results = {}
    home = Path(tempfile.mkdtemp(prefix="zhifa-bench-"))
    try:
        if "sqlite" in args.engines:
            results["sqlite"] = run_engine("sqlite", f"sqlite:///{home / 'bench.sqlite3'}", args, home)
        if "postgresql" in args.engines:
            url = postgres_url()
            if url is None:
                print("PostgreSQL 不可达（127.0.0.1:5432），只测 SQLite")
            else:
                results["postgresql"] = run_engine("postgresql", url, args, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    report(results)


if __name__ == "__main__":
    main()

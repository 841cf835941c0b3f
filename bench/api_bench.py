"""API benchmark: CPU per request of zhifa against a minimal app doing the same work, on one database.

    .venv/bin/python bench/api_bench.py                       # SQLite and PostgreSQL (when reachable), 10,000 cases
    .venv/bin/python bench/api_bench.py --cases 100000 --rounds 5 --engines sqlite

For each engine it builds a database (migrations, the demo county, ``--cases`` cases for 横村镇
inserted in bulk, and ``--timelines`` cases walked through the procedure by zhifa's own services, so
each has a timeline of five events: clue, filing extension, filing, evidence preserved, collective
discussion), then starts two servers side by side over that same database, each its own process on
the same stack (uvicorn, httptools, uvloop):

- ``zhifa serve`` — the product as shipped (middleware, guard, services, Piccolo);
- ``bench/minimal_app.py`` — a bare Litestar app doing the same work per request (see its docstring):
  a bearer-token check against zhifa's token table; create = one transaction inserting the case and
  its event, the township's chain head read and the event's HMAC computed as zhifa does; detail =
  the case and its timeline; list = one keyset page of 50.

Operations, both servers asked the same requests (same paths, same token, same detail ids):

- create:  POST /townships/{code}/cases           (a clue)
- detail:  GET  /townships/{code}/cases/{id}      (over the timeline cases, random order)
- list:    GET  /townships/{code}/cases?limit=50

**CPU per request** = the server process's CPU (every thread: ``/proc/<pid>/task/*/schedstat``, first
field, nanoseconds on CPU — aiosqlite runs statements on worker threads) plus, on PostgreSQL, the CPU
of that server's own backends only, found in ``pg_stat_activity`` by the ``application_name`` its DSN
sets (``zhifa_bench_zhifa`` / ``zhifa_bench_minimal``), read the same way. The bench's own client and
its monitoring connection, other sessions and PostgreSQL's shared processes (WAL writer,
checkpointer) are not counted. Each round measures every operation on both servers in ``--blocks``
blocks, the servers alternating block by block and the order alternating per round. The figures are
medians over ``--rounds`` rounds (at least 3); the ratio zhifa / minimal per operation and engine is
the median of the rounds' own ratios (both figures of a round come from the same stretch of time),
against the targets of issue 16 (create ≤ 1.5×, detail ≤ 1.3×, list ≤ 1.3×), and zhifa SQLite /
zhifa PostgreSQL for the same request (SQLite ≤ 1×).

At the end the township's chain is verified with zhifa's audit service: the minimal app's events
extend zhifa's chain and must verify (a check that it did the same work). Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import secrets
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
BIN = Path(sys.executable).parent
TOWNSHIP = "330122100"
CST = dt.timezone(dt.timedelta(hours=8))
PG_ADMIN = os.environ.get("ZHIFA_BENCH_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/test")
TARGETS = {"create": 1.5, "detail": 1.3, "list": 1.3}
SERVERS = ("zhifa", "minimal")
APP_NAME = {"zhifa": "zhifa_bench_zhifa", "minimal": "zhifa_bench_minimal"}


# -- CPU at nanosecond resolution ---------------------------------------------------------------
def _ns(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (FileNotFoundError, ProcessLookupError, ValueError, IndexError):
        return None


def snapshot(server_pid: int, backends: list[int]) -> dict[tuple[str, int], int]:
    """ns on CPU of every thread of the server and of each backend: {(kind, id): ns}."""
    found = {}
    try:
        tasks = list(Path(f"/proc/{server_pid}/task").iterdir())
    except FileNotFoundError:
        raise SystemExit(f"server {server_pid} is gone")
    for task in tasks:
        ns = _ns(task / "schedstat")
        if ns is not None:
            found[("thread", int(task.name))] = ns
    for pid in backends:
        ns = _ns(Path(f"/proc/{pid}/schedstat"))
        if ns is not None:
            found[("backend", pid)] = ns
    return found


class Monitor:
    """The bench's own connection to PostgreSQL, to find each server's backends by application_name."""

    def __init__(self, url: str | None) -> None:
        self.loop = asyncio.new_event_loop()
        self.connection = None
        if url is not None:
            import asyncpg

            self.connection = self.loop.run_until_complete(asyncpg.connect(with_app_name(url, "zhifa_bench_monitor")))

    def backends(self, server: str) -> list[int]:
        if self.connection is None:
            return []
        rows = self.loop.run_until_complete(self.connection.fetch(
            "SELECT pid FROM pg_stat_activity WHERE application_name = $1", APP_NAME[server]))
        return [r["pid"] for r in rows]

    def close(self) -> None:
        if self.connection is not None:
            self.loop.run_until_complete(self.connection.close())
        self.loop.close()


class Server:
    def __init__(self, name: str, command: list[str], env: dict, monitor: Monitor) -> None:
        self.name, self.monitor = name, monitor
        self.port = free_port()
        self.process = subprocess.Popen([*command, "--port", str(self.port)], env=env, cwd=ROOT)
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=60)
        for _ in range(300):
            if self.process.poll() is not None:
                raise SystemExit(f"{name} server exited with {self.process.returncode}")
            try:
                self.client.get("/ready")
                return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise SystemExit(f"{name} server did not start")

    def measure(self, requests: list) -> tuple[int, float, int]:
        """ns of CPU over the requests (server threads + its own backends), wall seconds, backends seen."""
        pid = self.process.pid
        backends = self.monitor.backends(self.name)
        before, start = snapshot(pid, backends), time.perf_counter()
        for method, path, kwargs in requests:
            response = self.client.request(method, path, **kwargs)
            if response.status_code >= 400:
                raise SystemExit(f"{self.name}: {method} {path}: {response.status_code} {response.text[:500]}")
        wall = time.perf_counter() - start
        backends = sorted(set(backends) | set(self.monitor.backends(self.name)))
        after = snapshot(pid, backends)
        lost = [key for key in before if key not in after]
        if lost:
            print(f"  ! {self.name}: {len(lost)} threads/backends ended during the measurement ({lost[:3]}…): "
                  "their CPU is missing from this figure", flush=True)
        spent = sum(ns - before.get(key, 0) for key, ns in after.items())
        return spent, wall, sum(1 for k in after if k[0] == "backend")

    def stop(self) -> None:
        self.client.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def with_app_name(url: str, name: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}application_name={name}"


# -- building the database ----------------------------------------------------------------------
async def prepare(url: str, cases: int, timelines: int) -> dict:
    from zhifa.core.bootstrap import open_database
    from zhifa.core.db.database import current_engine
    from zhifa.core.db.tables import Township
    from zhifa.core.services import auth
    from zhifa.core.services.demo import load_demo

    await open_database(url, migrate=True)
    engine = current_engine()
    if engine.engine_type == "postgres":
        await engine.start_connection_pool(min_size=1, max_size=2)
    elif hasattr(engine, "open"):
        await engine.open()
    try:
        await load_demo()
        token = (await auth.issue_token("hc-officer1")).token
        township_id = (await Township.select(Township.id).where(Township.code == TOWNSHIP).first())["id"]
        await bulk_cases(url, township_id, cases)
        started = time.perf_counter()
        ids = [await timeline_case(n) for n in range(timelines)]
        print(f"  {timelines} timeline cases walked through the procedure in {time.perf_counter() - started:.1f} s",
              flush=True)
        if engine.engine_type == "postgres":
            await Township.raw("ANALYZE")
    finally:
        if engine.engine_type == "postgres":
            await engine.close_connection_pool()
        elif hasattr(engine, "close"):
            await engine.close()
    return {"token": token, "township_id": township_id, "detail_ids": ids}


async def timeline_case(n: int) -> int:
    """A clue walked through zhifa's procedure: five events (registered, extension, filed, evidence, discussion)."""
    from zhifa.core.schemas.cases import ClueCreate
    from zhifa.core.services import cases
    from zhifa.core.services.procedure import perform

    found = dt.date.today() - dt.timedelta(days=7)
    day = lambda k: found + dt.timedelta(days=k)  # noqa: E731
    case = await cases.register_clue(TOWNSHIP, ClueCreate(
        field="urban", power="URBAN-CF-004", source="patrol", summary=f"巡查发现横村路广告牌未经许可设置（{n}）",
        place="横村路 18 号", found_at=dt.datetime.combine(found, dt.time(9, 30), tzinfo=CST)), actor="hc-officer1")
    steps = [("approve_filing_extension", 1, "hc-captain", {"reason": "需要现场勘验"}),
             ("file_case", 2, "hc-captain", {"officers": ["hc-officer1", "hc-officer2"]}),
             ("preserve_evidence", 3, "hc-head", {"items": "广告牌一块，现场照片三张"}),
             ("collective_discussion", 4, "hc-head",
              {"attendees": ["镇长", "分管副镇长", "执法队长"], "conclusion": "继续调查，补充当事人询问笔录"})]
    for action, k, actor, data in steps:
        await perform(TOWNSHIP, case.id, action, data, actor=actor, on=day(k))
    return case.id


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
        with connection:  # timestamps as Piccolo stores them: UTC, str()
            connection.executemany(f"INSERT INTO enforcement_case ({quoted}) VALUES ({', '.join('?' * len(COLUMNS))})",
                                   ((*r[:7], str(r[7]), *r[8:11], str(r[11]), str(r[12]))
                                    for r in _rows(township_id, count)))
        connection.close()
        return
    import asyncpg

    connection = await asyncpg.connect(url)
    try:
        await connection.copy_records_to_table("enforcement_case", records=list(_rows(township_id, count)),
                                               columns=list(COLUMNS))
    finally:
        await connection.close()


async def verify_chain(url: str) -> str:
    from zhifa.core.bootstrap import open_database
    from zhifa.core.services import audit

    await open_database(url)
    report = (await audit.verify(TOWNSHIP))[0]
    if report.first_break is not None:
        return f"BROKEN at {report.first_break.seq}: {report.first_break.message}"
    return f"intact, {report.events:,} events"


# -- measuring ----------------------------------------------------------------------------------
def operations(world: dict, n: int, found_at: str) -> dict[str, list]:
    auth = {"headers": {"Authorization": f"Bearer {world['token']}"}}
    clue = {"field": "urban", "source": "patrol", "summary": "巡查发现横村路占道经营", "place": "横村路",
            "found_at": found_at}
    pick = random.Random(7)
    detail_ids = [pick.choice(world["detail_ids"]) for _ in range(n)]
    return {
        "create": [("POST", f"/townships/{TOWNSHIP}/cases", {**auth, "json": clue})] * n,
        "detail": [("GET", f"/townships/{TOWNSHIP}/cases/{i}", auth) for i in detail_ids],
        "list": [("GET", f"/townships/{TOWNSHIP}/cases", {**auth, "params": {"limit": 50}})] * n,
    }


def same_answers(servers: dict[str, Server], world: dict) -> None:
    """Both servers answer the same cases: the same timeline, the same page."""
    headers = {"Authorization": f"Bearer {world['token']}"}
    case_id = world["detail_ids"][0]
    details = {n: s.client.get(f"/townships/{TOWNSHIP}/cases/{case_id}", headers=headers).json()
               for n, s in servers.items()}
    seqs = {n: [e["seq"] for e in d["timeline"]] for n, d in details.items()}
    pages = {n: [c["id"] for c in s.client.get(f"/townships/{TOWNSHIP}/cases", headers=headers,
                                               params={"limit": 50}).json()["items"]]
             for n, s in servers.items()}
    if seqs["zhifa"] != seqs["minimal"] or len(seqs["zhifa"]) < 3 or pages["zhifa"] != pages["minimal"]:
        raise SystemExit(f"the servers disagree: timelines {seqs}, pages {pages}")
    print(f"  both servers: case {case_id} has {len(seqs['zhifa'])} events; the same page of 50", flush=True)


def run_engine(name: str, url: str, args, home: Path) -> dict:
    print(f"[{name}] building the database: migrations, demo county, {args.cases:,} cases, "
          f"{args.timelines} timeline cases…", flush=True)
    world = asyncio.run(prepare(url, args.cases, args.timelines))
    monitor = Monitor(url if name == "postgresql" else None)
    base_env = {**os.environ, "ZHIFA_HOME": str(home)}
    urls = {s: url if name == "sqlite" else with_app_name(url, APP_NAME[s]) for s in SERVERS}
    commands = {"zhifa": [str(BIN / "zhifa"), "serve", "--database-url", urls["zhifa"]],
                "minimal": [sys.executable, str(ROOT / "minimal_app.py")]}
    servers: dict[str, Server] = {}
    try:
        for s in SERVERS:
            servers[s] = Server(s, commands[s], {**base_env, "ZHIFA_DATABASE_URL": urls[s]}, monitor)
        same_answers(servers, world)
        found_at = dt.datetime.combine(dt.date.today() - dt.timedelta(days=1), dt.time(9), tzinfo=CST).isoformat()
        ops = operations(world, args.requests, found_at)
        for requests in ops.values():  # warm up both: plans, caches, the token cache
            for server in servers.values():
                server.measure(requests[:30])
        results: dict[str, dict[str, list]] = {op: {f"{s}_{k}": [] for s in SERVERS for k in ("cpu", "rps")}
                                               for op in ops}
        backends = {s: 0 for s in SERVERS}
        for round_ in range(args.rounds):
            order = SERVERS if round_ % 2 == 0 else SERVERS[::-1]
            for op, requests in ops.items():
                # the round's requests in blocks, the servers alternating block by block: a change of the
                # machine's load (2 shared cores) falls on both
                spent, walls = {s: 0 for s in SERVERS}, {s: 0.0 for s in SERVERS}
                size = -(-len(requests) // args.blocks)
                for start in range(0, len(requests), size):
                    for s in order:
                        ns, wall, seen = servers[s].measure(requests[start:start + size])
                        spent[s] += ns
                        walls[s] += wall
                        backends[s] = max(backends[s], seen)
                for s in SERVERS:
                    results[op][f"{s}_cpu"].append(spent[s] / len(requests) / 1000)
                    results[op][f"{s}_rps"].append(len(requests) / walls[s])
            line = "  ".join(f"{op} {r['zhifa_cpu'][-1]:,.0f}/{r['minimal_cpu'][-1]:,.0f} µs"
                             for op, r in results.items())
            print(f"[{name}] round {round_ + 1}/{args.rounds} (zhifa/minimal): {line}", flush=True)
        if name == "postgresql":
            print(f"[{name}] backends counted: zhifa {backends['zhifa']}, minimal {backends['minimal']}", flush=True)
    finally:
        for server in servers.values():
            server.stop()
        monitor.close()
    print(f"[{name}] chain after the run: {asyncio.run(verify_chain(url))}", flush=True)
    summary = {}
    for op, slot in results.items():
        summary[op] = {k: statistics.median(v) for k, v in slot.items()}
        # each round's two figures come from the same blocks of time: the ratio is taken per round, then the median
        summary[op]["ratio"] = statistics.median(z / m for z, m in zip(slot["zhifa_cpu"], slot["minimal_cpu"]))
        summary[op]["ratios"] = [z / m for z, m in zip(slot["zhifa_cpu"], slot["minimal_cpu"])]
    return summary


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


def report(all_results: dict[str, dict], args) -> None:
    print(f"\nCPU µs per request (server + its own database backends), medians over {args.rounds} rounds × "
          f"{args.requests} requests, {args.cases:,} cases; ratio = median of the rounds' zhifa/minimal ratios")
    print(f"{'engine':<11}{'operation':<10}{'zhifa µs':>10}{'minimal µs':>12}{'ratio':>8}{'target':>9}"
          f"{'zhifa req/s':>13}{'minimal req/s':>15}")
    for engine, results in all_results.items():
        for op, r in results.items():
            ratio = r["ratio"]
            mark = "✓" if ratio <= TARGETS[op] else "✗"
            print(f"{engine:<11}{op:<10}{r['zhifa_cpu']:>10,.0f}{r['minimal_cpu']:>12,.0f}{ratio:>7.2f}×"
                  f"{'≤ ' + str(TARGETS[op]) + '× ' + mark:>9}{r['zhifa_rps']:>13,.0f}{r['minimal_rps']:>15,.0f}"
                  f"   rounds {' '.join(f'{x:.2f}' for x in r['ratios'])}")
    if {"sqlite", "postgresql"} <= set(all_results):
        print("\nzhifa SQLite / zhifa PostgreSQL, CPU per request (target ≤ 1×):")
        for op in TARGETS:
            ratio = all_results["sqlite"][op]["zhifa_cpu"] / all_results["postgresql"][op]["zhifa_cpu"]
            print(f"  {op:<8}{all_results['sqlite'][op]['zhifa_cpu']:>8,.0f} / "
                  f"{all_results['postgresql'][op]['zhifa_cpu']:>6,.0f} µs = {ratio:.2f}× {'✓' if ratio <= 1 else '✗'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000, help="bulk cases in the township (default 10,000)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds, at least 3 (default 3)")
    parser.add_argument("--requests", type=int, default=300, help="requests per measurement (default 300)")
    parser.add_argument("--blocks", type=int, default=3, help="blocks per round, servers alternating (default 3)")
    parser.add_argument("--timelines", type=int, default=60, help="cases with a timeline, read by detail (default 60)")
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    if args.rounds < 3:
        parser.error("--rounds: medians need at least 3 rounds")
    os.environ.setdefault("ZHIFA_CHAIN_KEY", secrets.token_hex(32))  # one key for the bench and both servers
    results = {}
    home = Path(tempfile.mkdtemp(prefix="zhifa-bench-"))
    os.environ["ZHIFA_HOME"] = str(home)
    try:
        for engine in ("sqlite", "postgresql"):
            if engine[:6] not in args.engines:
                continue
            url = f"sqlite:///{home / 'bench.sqlite3'}" if engine == "sqlite" else postgres_url()
            if url is None:
                print(f"PostgreSQL not reachable ({PG_ADMIN}): skipped")
                continue
            try:
                results[engine] = run_engine(engine, url, args, home)
            except SystemExit as exc:  # one engine failing (a server that would not start) still reports the other
                print(f"[{engine}] failed: {exc}", flush=True)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    report(results, args)


if __name__ == "__main__":
    main()

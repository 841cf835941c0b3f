"""``audit verify`` against a plain scan of the same events: CPU, wall time and peak memory.

    .venv/bin/python bench/audit_bench.py                    # 1,000,000 events on SQLite, 3 rounds
    .venv/bin/python bench/audit_bench.py --events 200000 --rounds 5

It builds one SQLite database (migrations, the demo county, then ``--events`` sealed events for
横村镇 over ``--events / 10`` cases whose rows agree with them, inserted in bulk), then for each round
runs, each in a fresh process so that its peak memory is its own:

- ``scan``    every event row of the township read through zhifa's engine in the same keyset batches
  (the baseline: the reading ``audit verify`` cannot avoid);
- ``sqlite3`` the same rows through the standard library's cursor (for reference);
- ``verify``  ``zhifa.core.services.audit.verify`` for 横村镇: seals, links, case rows.

It prints per round and as medians: CPU seconds (the process's own; SQLite runs inside it), wall
seconds, peak resident memory (ru_maxrss) and its growth over the process after imports, and the
ratio verify / scan. Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOWNSHIP = "330122100"
KEY = "5a" * 32
EVENTS_PER_CASE = 10
STATUSES = ["clue", "filed", "investigated", "noticed", "reviewed", "decided", "served", "paid", "executed", "closed"]


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "ZHIFA_HOME": str(home), "ZHIFA_DATABASE_URL": f"sqlite:///{home}/zhifa.sqlite3",
            "ZHIFA_CHAIN_KEY": KEY}


async def _prepare_demo(home: Path) -> None:
    from zhifa.core.db import database
    from zhifa.core.services.demo import load_demo

    database.configure(f"sqlite:///{home}/zhifa.sqlite3")
    await database.migrate()
    await load_demo()


def build(home: Path, events: int) -> None:
    """The demo county, then ``events`` sealed events in bulk for 横村镇 with agreeing case rows."""
    from zhifa.core.services.events import event_hash

    asyncio.run(_prepare_demo(home))
    conn = sqlite3.connect(home / "zhifa.sqlite3")
    township_id, = conn.execute("SELECT id FROM township WHERE code = ?", (TOWNSHIP,)).fetchone()
    seq, prev = conn.execute("SELECT seq, hash FROM case_event WHERE township = ? ORDER BY seq DESC LIMIT 1",
                             (township_id,)).fetchone()
    key = bytes.fromhex(KEY)
    start = dt.datetime(2026, 3, 2, 1, 30, tzinfo=dt.timezone.utc)
    cases = events // EVENTS_PER_CASE
    now = start.isoformat()
    first_case = (conn.execute("SELECT COALESCE(MAX(id), 0) FROM enforcement_case").fetchone()[0]) + 1
    conn.executemany(
        "INSERT INTO enforcement_case (id, township, procedure, status, field, source, summary, place, found_at, "
        "reporter, facts, version, created_at, updated_at) VALUES (?, ?, 'general', 'closed', 'urban', 'patrol', "
        "'批量基准案件', '横村镇', ?, '{}', '{}', 1, ?, ?)",
        [(first_case + i, township_id, now, now, now) for i in range(cases)])
    rows = []
    for i in range(cases * EVENTS_PER_CASE):
        case_id, step = first_case + i // EVENTS_PER_CASE, i % EVENTS_PER_CASE
        seq += 1
        kind = "clue_registered" if step == 0 else "action"
        payload = {"on": "2026-03-02", "action": STATUSES[step], "to": STATUSES[step],
                   "input": {"reasons": "基准事件", "note": "x" * 40}}
        moment = start + dt.timedelta(seconds=i)
        digest = event_hash(township=TOWNSHIP, seq=seq, case_id=case_id, kind=kind, actor_id=None,
                            occurred_at=moment, place="横村镇", payload=payload, prev_hash=prev, key=key)
        rows.append((township_id, seq, case_id, kind, None, moment.isoformat(), "横村镇",
                     json.dumps(payload, ensure_ascii=False), prev, digest))
        prev = digest
        if len(rows) == 50_000:
            conn.executemany("INSERT INTO case_event (township, seq, \"case\", kind, actor, occurred_at, place, "
                             "payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            rows.clear()
    if rows:
        conn.executemany("INSERT INTO case_event (township, seq, \"case\", kind, actor, occurred_at, place, "
                         "payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _engine_scan(home: Path) -> int:
    from zhifa.core.db import database
    from zhifa.core.db.queries.events import EVENT_COLUMNS
    from zhifa.core.db.tables import Event, Township
    from zhifa.core.services import events

    database.configure(f"sqlite:///{home}/zhifa.sqlite3")
    township = await Township.select(Township.id).where(Township.code == TOWNSHIP).first()
    count, after = 0, 0
    while True:
        rows = await Event.raw(
            f"SELECT {EVENT_COLUMNS} FROM case_event WHERE township = {{}} AND seq > {{}} ORDER BY seq "
            f"LIMIT {{}}", township["id"], after, events.STREAM_BATCH)
        count += len(rows)
        if len(rows) < events.STREAM_BATCH:
            return count
        after = rows[-1]["seq"]


async def _verify(home: Path) -> int:
    from zhifa.core.db import database
    from zhifa.core.services import audit

    database.configure(f"sqlite:///{home}/zhifa.sqlite3")
    [report] = await audit.verify(TOWNSHIP)
    assert report.intact, report
    return report.events


def _sqlite3_scan(home: Path) -> int:
    conn = sqlite3.connect(home / "zhifa.sqlite3")
    township_id, = conn.execute("SELECT id FROM township WHERE code = ?", (TOWNSHIP,)).fetchone()
    count = 0
    for _ in conn.execute('SELECT seq, kind, "case", actor, occurred_at, place, payload, prev_hash, hash '
                          "FROM case_event WHERE township = ? ORDER BY seq", (township_id,)):
        count += 1
    return count


def measure(kind: str, home: Path) -> None:
    """One measurement, in this (fresh) process; prints a JSON line."""
    import zhifa.core.services.audit  # noqa: F401  (imports counted before the measurement)

    before = _rss_mb()
    cpu, wall = time.process_time(), time.perf_counter()
    if kind == "scan":
        count = asyncio.run(_engine_scan(home))
    elif kind == "verify":
        count = asyncio.run(_verify(home))
    else:
        count = _sqlite3_scan(home)
    print(json.dumps({"kind": kind, "events": count, "cpu_s": time.process_time() - cpu,
                      "wall_s": time.perf_counter() - wall, "peak_mb": _rss_mb(), "growth_mb": _rss_mb() - before}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--measure", choices=["scan", "verify", "sqlite3"], help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure, args.home)
        return
    with tempfile.TemporaryDirectory(prefix="zhifa-audit-bench-") as folder:
        home = Path(folder)
        os.environ.update(_env(home))
        started = time.perf_counter()
        build(home, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - started:.1f} s", flush=True)
        results: dict[str, list[dict]] = {"scan": [], "sqlite3": [], "verify": []}
        for round_ in range(args.rounds):
            for kind in (["scan", "verify", "sqlite3"] if round_ % 2 == 0 else ["verify", "scan", "sqlite3"]):
                done = subprocess.run([sys.executable, __file__, "--measure", kind, "--home", str(home)],
                                      env=_env(home), capture_output=True, text=True, check=True)
                result = json.loads(done.stdout.strip().splitlines()[-1])
                results[kind].append(result)
                print(f"round {round_ + 1} {kind:8} cpu {result['cpu_s']:7.2f} s  wall {result['wall_s']:7.2f} s  "
                      f"peak {result['peak_mb']:7.1f} MB  (+{result['growth_mb']:.1f} MB)", flush=True)
        median = {k: {m: statistics.median(r[m] for r in v) for m in ("cpu_s", "wall_s", "peak_mb", "growth_mb")}
                  for k, v in results.items()}
        for kind, values in median.items():
            print(f"median   {kind:8} cpu {values['cpu_s']:7.2f} s  wall {values['wall_s']:7.2f} s  "
                  f"peak {values['peak_mb']:7.1f} MB  (+{values['growth_mb']:.1f} MB)")
        print(f"ratio verify / scan (CPU): {median['verify']['cpu_s'] / median['scan']['cpu_s']:.2f}x; "
              f"(wall): {median['verify']['wall_s'] / median['scan']['wall_s']:.2f}x; "
              f"verify / sqlite3 cursor (CPU): {median['verify']['cpu_s'] / median['sqlite3']['cpu_s']:.2f}x")


if __name__ == "__main__":
    main()

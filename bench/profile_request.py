"""Where one zhifa request's time goes: pyinstrument over many requests of one operation, in process.

    .venv/bin/pip install pyinstrument          # into the venv only; not a project dependency
    .venv/bin/python bench/profile_request.py --op detail
    .venv/bin/python bench/profile_request.py --op create --engine postgresql --html /tmp/create.html

Builds a database as ``bench/api_bench.py`` does (the demo county, ``--cases`` bulk cases, timeline
cases walked through the procedure), then drives zhifa's ASGI app in process (``httpx.ASGITransport``:
Litestar's middleware, guard, handler and encoding — not uvicorn and httptools, which the minimal
app shares) ``--requests`` times for one operation under pyinstrument, and prints the call tree and
the top functions by their share of the sampled time (the event loop's own thread; on SQLite the
statements themselves run on aiosqlite's worker threads, outside the samples). Not part of the tests.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import secrets
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import api_bench  # noqa: E402


def top_functions(session, count: int) -> list[tuple[float, str]]:
    """Total (inclusive) time per function of zhifa, Litestar or a driver, once per stack, as a share of all."""
    root = session.root_frame()
    total = root.time if root is not None else 0.0
    inclusive: dict[str, float] = defaultdict(float)

    def walk(frame, seen: frozenset) -> None:
        key = f"{frame.function} ({Path(frame.file_path or '?').name}:{frame.line_no})"
        if key not in seen and frame.file_path and ("zhifa" in frame.file_path or "site-packages" in frame.file_path):
            inclusive[key] += frame.time
            seen = seen | {key}
        for child in frame.children:
            walk(child, seen)

    if root is not None:
        walk(root, frozenset())
    return sorted(((t / total, k) for k, t in inclusive.items()), reverse=True)[:count] if total else []


async def profile(url: str, op: str, n: int, args):
    from pyinstrument import Profiler
    from zhifa.api.app import create_app

    world = await api_bench.prepare(url, args.cases, args.timelines)
    found_at = dt.datetime.combine(dt.date.today() - dt.timedelta(days=1), dt.time(9), tzinfo=api_bench.CST)
    requests = api_bench.operations(world, n, found_at.isoformat())[op]
    app = create_app(url)
    async with app.lifespan() if hasattr(app, "lifespan") else _lifespan(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
            for method, path, kwargs in requests[:20]:  # warm: caches, plans
                (await client.request(method, path, **kwargs)).raise_for_status()
            profiler = Profiler(interval=0.0005, async_mode="disabled")
            profiler.start()
            for method, path, kwargs in requests:
                response = await client.request(method, path, **kwargs)
                if response.status_code >= 400:
                    raise SystemExit(f"{method} {path}: {response.status_code} {response.text[:300]}")
            session = profiler.stop()
    return profiler, session


class _lifespan:
    def __init__(self, app) -> None:
        self.app = app

    async def __aenter__(self):
        for hook in self.app.on_startup:
            await hook()

    async def __aexit__(self, *exc):
        for hook in self.app.on_shutdown:
            await hook()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--op", choices=["create", "detail", "list"], default="detail")
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--timelines", type=int, default=20)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--html", help="also write pyinstrument's HTML report here")
    args = parser.parse_args()
    os.environ.setdefault("ZHIFA_CHAIN_KEY", secrets.token_hex(32))
    home = tempfile.mkdtemp(prefix="zhifa-profile-")
    os.environ["ZHIFA_HOME"] = home
    url = f"sqlite:///{home}/profile.sqlite3" if args.engine == "sqlite" else api_bench.postgres_url()
    if url is None:
        raise SystemExit("PostgreSQL not reachable")
    profiler, session = asyncio.run(profile(url, args.op, args.requests, args))
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    if args.html:
        Path(args.html).write_text(profiler.output_html())
    print(f"top functions of {args.op} on {args.engine} (inclusive share of sampled time, {args.requests} requests):")
    for share, name in top_functions(session, args.top):
        print(f"  {share:6.1%}  {name}")


if __name__ == "__main__":
    main()

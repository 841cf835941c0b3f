"""Real databases for every test: SQLite always, PostgreSQL when a server is reachable.

``database_url`` is parametrised over both engines. Each test gets an empty, fully migrated
database: SQLite by copying a file migrated once per session; PostgreSQL by truncating a
database (``zhifa_test``) migrated once per session. Nothing is mocked.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import asyncpg
import pytest
from zhifa.core.db import database
from zhifa.core.db.tables import CORE_TABLES
from zhifa.core.registry import reset_host

PG_ADMIN_URL = os.environ.get("ZHIFA_TEST_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/test")
# One database per test session, so two runs on one machine never collide.
PG_DB = f"zhifa_test_{os.getpid()}"


def _pg_url() -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + PG_DB


async def _pg_admin(statement: str) -> bool:
    try:
        conn = await asyncpg.connect(PG_ADMIN_URL, timeout=3)
    except (OSError, asyncpg.PostgresError, asyncio.TimeoutError):
        return False
    try:
        await conn.execute(statement)
    finally:
        await conn.close()
    return True


async def _pg_prepare() -> str | None:
    """Create a fresh database for this session; None when no PostgreSQL is reachable."""
    if not await _pg_admin(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)"):
        return None
    await _pg_admin(f"CREATE DATABASE {PG_DB}")
    return _pg_url()


async def _migrate(url: str) -> None:
    database.configure(url)
    await database.migrate()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    asyncio.run(_migrate(f"sqlite:///{path}"))
    return path


@pytest.fixture(scope="session")
def postgres_url():
    if os.environ.get("ZHIFA_TEST_SKIP_POSTGRES"):
        yield None
        return
    url = asyncio.run(_pg_prepare())
    if url is None:
        yield None
        return
    asyncio.run(_migrate(url))
    yield url
    asyncio.run(_pg_admin(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)"))


async def _truncate(url: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        names = ", ".join(f'"{t._meta.tablename}"' for t in CORE_TABLES)
        await conn.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    finally:
        await conn.close()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, tmp_path, monkeypatch, sqlite_template) -> str:
    """An empty migrated database, configured for services and for CLI runs."""
    return empty_database(request, tmp_path, monkeypatch, sqlite_template)


def empty_database(request, home: Path, patch: pytest.MonkeyPatch, sqlite_template: Path) -> str:
    """A fresh SQLite copy in ``home``, or the session's PostgreSQL database emptied; configured."""
    if request.param == "sqlite":
        path = home / "zhifa.sqlite3"
        shutil.copy(sqlite_template, path)
        url = f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("postgres_url")
        if url is None:
            pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
        asyncio.run(_truncate(url))
    patch.setenv("ZHIFA_DATABASE_URL", url)
    patch.setenv("ZHIFA_HOME", str(home))
    database.configure(url)
    return url


@pytest.fixture
def today(monkeypatch):
    """Set the day the core's clock calls today (Asia/Shanghai, 10:00): ``today("2026-12-21")``.

    Rules compare legal dates with today (nothing may be dated in the future), so a test about
    late December or a later year sets the clock rather than waiting for the date.
    """
    import datetime as dt

    from zhifa.core import clock

    def set_today(day: str) -> dt.date:
        local = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10, 0), tzinfo=dt.timezone(dt.timedelta(hours=8)))
        monkeypatch.setattr(clock, "now_utc", lambda: local.astimezone(dt.timezone.utc))
        return local.date()

    return set_today


@pytest.fixture(autouse=True)
def no_loaded_calendar_years():
    """Holiday years a test loaded stay in its database, never in the next test's process state."""
    from zhifa.core.calendar import sources

    sources.reset()
    yield
    sources.reset()


@pytest.fixture(autouse=True)
def fresh_plugin_host(request):
    """Plugins load lazily per process; give each test its own start-up.

    Tests marked ``shared_host`` (the API's) share one host, as one running server does.
    """
    if request.node.get_closest_marker("shared_host"):
        yield
        return
    reset_host()
    yield
    reset_host()


from .api_support import api, module_api  # noqa: E402,F401  (the live API's fixtures)

PLUGIN_PACKAGES = Path(__file__).parent / "plugin_packages"


@pytest.fixture(scope="session")
def test_plugin_dir(tmp_path_factory) -> Path:
    """The packages under tests/plugin_packages, really installed (pip) into a target folder."""
    import subprocess
    import sys

    target = tmp_path_factory.mktemp("site")
    packages = sorted(str(p) for p in PLUGIN_PACKAGES.iterdir() if (p / "pyproject.toml").exists())
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--target", str(target), *packages],
        check=True,
    )
    return target


@pytest.fixture
def install_test_plugins(test_plugin_dir, monkeypatch):
    """Put the installed test plugins on the path; ``ZHIFA_LOAD_PLUGINS`` picks which load."""
    import importlib

    def use(*names: str) -> None:
        monkeypatch.syspath_prepend(str(test_plugin_dir))
        importlib.invalidate_caches()
        if names:
            builtins = "urban,market,ecology,agri,culture,region-anhui,region-guangdong,region-neimenggu,region-zhejiang"
            monkeypatch.setenv("ZHIFA_LOAD_PLUGINS", ",".join([builtins, *names]))
        reset_host()

    return use


@pytest.fixture
def append_only_triggers_dropped(database_url):
    """What someone with direct database access could do; the triggers come back afterwards."""
    from piccolo.engine.sqlite import SQLiteEngine
    from zhifa.core.db.piccolo_migrations import zhifa_core_0002_keys_and_append_only as migration
    from zhifa.core.db.tables import Township

    db = Township._meta.db
    sqlite = isinstance(db, SQLiteEngine)
    drops = (["DROP TRIGGER case_event_no_update", "DROP TRIGGER case_event_no_delete"]
             if sqlite else ["DROP TRIGGER case_event_append_only ON case_event"])
    for statement in drops:
        asyncio.run(db.run_ddl(statement))
    yield
    for statement in migration.SQLITE if sqlite else migration.POSTGRES[1:]:
        asyncio.run(db.run_ddl(statement))

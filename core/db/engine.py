"""Database engines from URLs, and switching every table to one engine at run time."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine
from zhifa.core.db.errors import DatabaseURLError
from zhifa.core.db.postgres_pool import PooledPostgresEngine
from zhifa.core.db.sqlite_persistent import PersistentSQLiteEngine


def engine_from_url(url: str, base: Path | None = None) -> Engine:
    """``sqlite:///relative.sqlite3``, ``sqlite:////abs/path.sqlite3`` or ``postgresql://…``."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = url[len("sqlite:///") :] if url.startswith("sqlite:///") else ""
        if not path:
            raise DatabaseURLError(f"SQLite 数据库地址 {url} 缺少文件路径，应为 sqlite:///文件名")
        file = Path(path)
        if not file.is_absolute() and base is not None:
            file = base / file
        # One writer at a time: wait for the lock instead of failing at once.
        return PersistentSQLiteEngine(path=str(file), timeout=30)
    if parsed.scheme in ("postgres", "postgresql"):
        # Pool connections released without asyncpg's server-side reset query (core.db.postgres_pool).
        return PooledPostgresEngine(config={"dsn": url}, extensions=())
    raise DatabaseURLError(f"不支持的数据库地址 {url}：请使用 sqlite:/// 或 postgresql://")


def describe(engine: Engine) -> str:
    if isinstance(engine, SQLiteEngine):
        return f"SQLite {engine.path}"
    parsed = urlparse(engine.config.get("dsn", ""))
    netloc = parsed.netloc
    if parsed.password:  # never print a password
        netloc = netloc.replace(f":{parsed.password}@", ":***@")
    return f"PostgreSQL {parsed._replace(netloc=netloc).geturl()}"

"""One write transaction per service operation, taking the write lock up front.

SQLite: BEGIN IMMEDIATE, so two writers never both read then fail on commit.
PostgreSQL: an ordinary transaction; per-township sequences lock the township row.
"""

from __future__ import annotations

from piccolo.engine.sqlite import SQLiteEngine, TransactionType
from zhifa.core.db.tables import Township


def engine():
    return Township._meta.db


def write_transaction():
    db = engine()
    if isinstance(db, SQLiteEngine):
        return db.transaction(transaction_type=TransactionType.immediate)
    return db.transaction()


async def lock_township(township_id: int) -> None:
    """Serialise per-township sequences (event chain, case numbers) on PostgreSQL."""
    if not isinstance(engine(), SQLiteEngine):
        await Township.raw("SELECT id FROM township WHERE id = {} FOR UPDATE", township_id)


def json_param() -> str:
    """How a JSON value is written in raw SQL: PostgreSQL needs the cast, SQLite stores text."""
    return "{}" if isinstance(engine(), SQLiteEngine) else "CAST({} AS json)"

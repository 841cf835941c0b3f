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
        await Township.select(Township.id).where(Township.id == township_id).lock_rows("UPDATE")

"""One write transaction per service operation, taking the write lock up front.

SQLite: BEGIN IMMEDIATE, so two writers never both read then fail on commit; the database's one
write lock serialises every writer, townships and event chains included.

PostgreSQL: an ordinary (READ COMMITTED) transaction whose first lock is the township's lock: a
transaction-scoped advisory lock keyed ``(TOWNSHIP_LOCK, township id)``. It guards the
township's event chain (the head read and the append) and its gap-free sequences (case and
document numbers, directory versions). Every write that appends an event or takes a number takes
it first — ``write_transaction(township_id)``, or ``lock_township`` right after a plain read of
the township — so one order holds everywhere: township lock, then rows. An advisory lock does not
conflict with the KEY SHARE row locks that foreign-key checks take on the township row (which is
how the earlier ``SELECT … FOR UPDATE`` of that row deadlocked), and it is released with the
transaction (safe under a transaction-pooling proxy). A write over several townships locks them in
ascending id (``lock_townships``). See docs/decisions.md.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager

from piccolo.engine.sqlite import SQLiteEngine, TransactionType
from zhifa.core.db.tables import Township

log = logging.getLogger(__name__)

#: The first key of zhifa's advisory locks ('zh'); the second is the township's id.
TOWNSHIP_LOCK = 0x7A68

#: The townships whose lock the current transaction holds: (transaction, ids).
_held: contextvars.ContextVar[tuple[object, frozenset[int]]] = contextvars.ContextVar(
    "zhifa_township_locks", default=(None, frozenset()))


def engine():
    return Township._meta.db


@asynccontextmanager
async def write_transaction(township_id: int | None = None) -> AsyncIterator[object]:
    """The operation's write transaction; with ``township_id``, that township's lock is its first statement."""
    db = engine()
    if isinstance(db, SQLiteEngine):
        async with db.transaction(transaction_type=TransactionType.immediate) as transaction:
            yield transaction
        return
    async with db.transaction() as transaction:
        if township_id is not None:
            await lock_township(township_id)
        yield transaction


def holds_lock(township_id: int) -> bool:
    """Whether the current transaction already holds the township's lock (always so on SQLite)."""
    db = engine()
    if isinstance(db, SQLiteEngine):
        return True
    transaction, ids = _held.get()
    return transaction is not None and transaction is db.current_transaction.get() and township_id in ids


async def lock_township(township_id: int) -> None:
    """Take the township's lock for the rest of the transaction (PostgreSQL; SQLite already holds its one).

    Taking it again in the same transaction costs nothing: the transaction remembers it.
    """
    await lock_townships([township_id])


async def lock_townships(township_ids: Iterable[int]) -> None:
    """Several townships' locks, in ascending id, so two writers over many townships never deadlock."""
    db = engine()
    if isinstance(db, SQLiteEngine):
        return
    current = db.current_transaction.get()
    transaction, ids = _held.get()
    held = ids if transaction is current and current is not None else frozenset()
    wanted = sorted(set(township_ids) - held)
    if not wanted:
        return
    if held and min(wanted) < max(held):
        log.warning("乡镇锁未按编号升序获取（已持有 %s，又取 %s）", sorted(held), wanted)
    for township_id in wanted:
        await Township.raw("SELECT pg_advisory_xact_lock({}, {})", TOWNSHIP_LOCK, township_id)
    if current is not None:
        _held.set((current, held | frozenset(wanted)))


async def lock_all_townships() -> None:
    """Every township's lock, in ascending id: for the rare write that touches many townships' chains."""
    if isinstance(engine(), SQLiteEngine):
        return
    rows = await Township.raw("SELECT id FROM township ORDER BY id")
    await lock_townships(r["id"] for r in rows)

"""SQLite with long-lived connections, for a running server.

Piccolo's ``SQLiteEngine`` opens a new connection for every query outside a transaction, and one
per transaction. Opening a connection (plus its worker thread) costs several times the query
itself. While a server runs, this engine keeps:

- one *reader* connection for every query outside a transaction (SQLite in WAL mode lets it read
  while a writer writes), and
- one *writer* connection, handed to one transaction at a time under an ``asyncio.Lock`` —
  SQLite allows a single writer anyway, so queuing here costs nothing and saves a connection.

Outside ``open()``/``close()`` (the CLI, one-shot scripts) it behaves exactly like the base
engine. Connections belong to the event loop that opened them; ``close()`` must run before the
loop ends, because aiosqlite's worker threads would otherwise keep the process alive.
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiosqlite
from piccolo.engine.sqlite import SQLiteEngine, SQLiteTransaction, TransactionType, dict_factory


class _PooledTransaction(SQLiteTransaction):
    """A transaction on the engine's writer connection, holding the writer lock throughout."""

    async def __aenter__(self):
        if self._parent is not None:
            return self._parent
        engine: PersistentSQLiteEngine = self.engine  # type: ignore[assignment]
        await engine._writer_lock.acquire()
        try:
            self.connection = engine._writer
            await self.begin()
        except BaseException:
            engine._writer_lock.release()
            raise
        self.context = self.engine.current_transaction.set(self)
        return self

    async def __aexit__(self, exception_type, exception, traceback) -> bool:
        try:
            if self._parent:
                return exception_type is None
            if exception:
                if not self._rolled_back:
                    await self.rollback()
            elif not self._committed and not self._rolled_back:
                await self.commit()
            self.engine.current_transaction.reset(self.context)
            return exception is None
        finally:
            if self._parent is None:
                self.engine._writer_lock.release()  # type: ignore[attr-defined]


class PersistentSQLiteEngine(SQLiteEngine):
    __slots__ = ("_reader", "_writer", "_writer_lock")

    def __init__(self, path: str = "piccolo.sqlite", **kwargs: Any) -> None:
        super().__init__(path=path, **kwargs)
        self._reader: aiosqlite.Connection | None = None
        self._writer: aiosqlite.Connection | None = None
        self._writer_lock = asyncio.Lock()

    @property
    def is_open(self) -> bool:
        return self._reader is not None

    async def _connect(self) -> aiosqlite.Connection:
        connection = await aiosqlite.connect(**self.connection_kwargs)
        connection.row_factory = dict_factory  # type: ignore[assignment]
        await self._execute(connection, "PRAGMA foreign_keys = 1", None)
        return connection

    async def open(self) -> None:
        """Switch to WAL and open the reader and writer connections."""
        if self.is_open:
            return
        self._writer = await self._connect()
        await self._execute(self._writer, "PRAGMA journal_mode = WAL", None)
        self._reader = await self._connect()
        self._writer_lock = asyncio.Lock()

    async def close(self) -> None:
        reader, writer, self._reader, self._writer = self._reader, self._writer, None, None
        for connection in (reader, writer):
            if connection is not None:
                await connection.close()

    def transaction(self, transaction_type: TransactionType = TransactionType.deferred, allow_nested: bool = True):
        if not self.is_open:
            return super().transaction(transaction_type=transaction_type, allow_nested=allow_nested)
        return _PooledTransaction(engine=self, transaction_type=transaction_type, allow_nested=allow_nested)

    async def _run_in_new_connection(self, query: str, args: list[Any] | None = None, query_type: str = "generic",
                                     table=None):
        if self._reader is None:
            return await super()._run_in_new_connection(query, args, query_type, table)
        # Outside a transaction: a plain statement on the reader connection, in autocommit mode.
        # A write outside a transaction goes through the writer, so two writers never race.
        connection = self._reader if _is_read(query) else None
        if connection is None:
            async with self._writer_lock:
                return await self._execute(self._writer, query, args)
        return await self._execute(connection, query, args)

    async def _run_in_existing_connection(self, connection, query: str, args: list[Any] | None = None,
                                          query_type: str = "generic", table=None):
        if connection is self._writer and connection is not None:
            return await self._execute(connection, query, args)  # foreign_keys is already on
        return await super()._run_in_existing_connection(connection, query, args, query_type, table)

    @staticmethod
    async def _execute(connection: aiosqlite.Connection, query: str, args: list[Any] | None):
        # One trip to the connection's worker thread per statement: ``execute_fetchall`` executes and
        # fetches there, and the cursor ends with that call (``execute`` + ``fetchall`` + the
        # cursor's exit would be three trips, each a thread switch and a wake-up of the loop).
        return await connection.execute_fetchall(query, args or [])


def _is_read(query: str) -> bool:
    return query.lstrip()[:6].upper() == "SELECT"

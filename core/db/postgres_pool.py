"""PostgreSQL through an asyncpg pool whose release sends nothing to the server.

Piccolo's ``PostgresEngine`` takes a pool connection for every query outside a transaction and one
per transaction — that is already one connection per transaction. What costs is asyncpg's default
release: it runs ``SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL`` on the
server every time, a round trip and some 50 µs of backend CPU per query.

This engine releases with asyncpg's client-side reset only (asyncpg still rolls back a transaction
left open and drops listeners before calling ``reset``). That is safe because zhifa leaves no
session state on a connection: its advisory locks are transaction-scoped (``pg_advisory_xact_lock``
in ``core.db``), it never LISTENs, never SETs a session variable, and opens cursors only inside
transactions, which close them. ``tests/test_db_round_trips.py`` checks that a released connection
carries nothing into the next use.
"""

from __future__ import annotations

from typing import Any

from piccolo.engine.postgres import PostgresEngine


async def release_connection(connection: Any) -> None:
    """The pool's reset hook: nothing on the server (asyncpg already rolled back, client side)."""


class PooledPostgresEngine(PostgresEngine):
    async def start_connection_pool(self, **kwargs: Any) -> None:
        kwargs.setdefault("reset", release_connection)
        await super().start_connection_pool(**kwargs)

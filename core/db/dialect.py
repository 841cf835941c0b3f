"""What differs between SQLite and PostgreSQL in zhifa's raw statements, and how their values come back.

The raw statements (``zhifa.core.db.queries``) ask here for the few SQL fragments that are spelled
differently on the two engines, and read their rows' values through here: SQLite hands dates,
instants and JSON back as text, PostgreSQL (asyncpg) dates and instants as values and JSON as text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
from piccolo.engine.sqlite import SQLiteEngine
from zhifa.core.db.tables import Township


def sqlite() -> bool:
    """The tables run on SQLite (else PostgreSQL)."""
    return isinstance(Township._meta.db, SQLiteEngine)


def json_param() -> str:
    """How a JSON value is written in raw SQL: PostgreSQL needs the cast, SQLite stores text."""
    return "{}" if sqlite() else "CAST({} AS json)"


def json_text(column: str, key: str) -> str:
    """The text of one top-level key of a JSON column, extracted by the database."""
    return f"json_extract({column}, '$.{key}')" if sqlite() else f"{column}->>'{key}'"


def ints_of_json_param() -> str:
    """A subquery yielding the integers of one JSON-array parameter."""
    if sqlite():
        return "SELECT value FROM json_each({})"
    return "SELECT (jsonb_array_elements_text({}::jsonb))::bigint"


def unindexed() -> str:
    """Prefix of a column SQLite's planner must not pick an index for (its unary +); nothing on PostgreSQL."""
    return "+" if sqlite() else ""


def json_value(value: Any, empty: str = "{}") -> Any:
    """A JSON column's value: text (or bytes) decoded, ``empty`` standing for empty text; anything else as it is."""
    if isinstance(value, (str, bytes)):
        return msgspec.json.decode(value or empty)
    return value


def json_source(value: Any) -> Any:
    """A JSON column for a reader that takes text or builtins (``casefile.load``): text and builtins as they
    are, bytes decoded, NULL as an empty object."""
    if isinstance(value, (str, dict)):
        return value
    return msgspec.json.decode(value) if value else {}


def as_date(value: Any) -> dt.date:
    """A date column (SQLite: ISO text)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def as_datetime(value: Any) -> dt.datetime:
    """An instant column (SQLite: ISO text)."""
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value

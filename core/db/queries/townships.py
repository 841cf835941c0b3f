"""Reading a township by its code (every request asks this), with a user of it in the same statement."""

from __future__ import annotations

from zhifa.core.db import dialect
from zhifa.core.db.tables import AppUser, Township


async def township_by_code(code: str) -> dict | None:
    """The township's row (``settings`` decoded), or None."""
    # Raw SQL: every request asks this, and Piccolo's query building costs more than the query.
    rows = await Township.raw(
        "SELECT id, code, name, county_code, short_name, settings FROM township WHERE code = {}", code)
    row = rows[0] if rows else None
    if row is not None:
        row["settings"] = dialect.json_value(row["settings"])
    return row


async def township_and_user(code: str, username: str) -> dict | None:
    """The township's row (without settings) and ``actor_id`` / ``actor_township`` of the user ``username``
    (None when there is no such user, whichever township it belongs to), in one statement; None for no township."""
    rows = await Township.raw(
        "SELECT t.id, t.code, t.name, t.county_code, t.short_name, u.id AS actor_id, u.township AS actor_township "
        "FROM township t LEFT JOIN app_user u ON u.username = {} WHERE t.code = {}", username, code)
    return rows[0] if rows else None


async def user_by_name(username: str) -> dict | None:
    """``id`` and ``township`` of the user ``username``, whichever township it belongs to; None for no such user."""
    rows = await AppUser.raw("SELECT id, township FROM app_user WHERE username = {}", username)
    return rows[0] if rows else None

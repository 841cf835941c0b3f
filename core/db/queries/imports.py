"""The case import's statements: the township's earlier imports, what its rows may name, and the batch row."""

from __future__ import annotations

import datetime as dt

from zhifa.core.db import dialect
from zhifa.core.db.tables import AppUser, Case, CaseImport, Party


async def prior_import(township_id: int, file_sha256: str) -> dict | None:
    """The township's earlier import of the same file (``id``, ``cases``, ``imported_at`` as an instant), or None."""
    rows = await CaseImport.raw(
        "SELECT id, cases, imported_at FROM case_import WHERE township = {} AND file_sha256 = {}", township_id,
        file_sha256)
    if not rows:
        return None
    return {**rows[0], "imported_at": dialect.as_datetime(rows[0]["imported_at"])}


async def insert_import(*, township_id: int, file_name: str, file_sha256: str, cases: int, first_seq: int,
                        last_seq: int, imported_by: int | None, imported_at: dt.datetime) -> int:
    """The import's batch row; its id."""
    inserted = await CaseImport.raw(
        "INSERT INTO case_import (township, file_name, file_sha256, cases, first_seq, last_seq, imported_by, "
        "imported_at) VALUES ({}, {}, {}, {}, {}, {}, {}, {}) RETURNING id",
        township_id, file_name, file_sha256, cases, first_seq, last_seq, imported_by, imported_at)
    return inserted[0]["id"]


async def user_ids(township_id: int) -> dict[str, int]:
    """The township's users: username → id."""
    return {r["username"]: r["id"] for r in await AppUser.raw(
        "SELECT id, username FROM app_user WHERE township = {}", township_id)}


async def party_ids(township_id: int) -> dict[str, int]:
    """The township's parties: identifier → id."""
    return {r["identifier"]: r["id"] for r in await Party.raw(
        "SELECT id, identifier FROM party WHERE township = {}", township_id)}


async def case_numbers(township_id: int) -> set[str]:
    """The case numbers the township has given."""
    return {r["number"] for r in await Case.raw(
        "SELECT number FROM enforcement_case WHERE township = {} AND number IS NOT NULL", township_id)}

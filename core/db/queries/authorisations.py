"""A township's authorisation rows (asked by every case action)."""

from __future__ import annotations

from zhifa.core.db.tables import Authorisation


async def authorisations_of(township_id: int) -> list[dict]:
    """Every grant and withdrawal of the township, by id."""
    return await Authorisation.raw(
        "SELECT id, kind, field, power, basis, document_no, valid_from, valid_to, revoked_on, department "
        "FROM authorisation WHERE township = {} ORDER BY id", township_id)

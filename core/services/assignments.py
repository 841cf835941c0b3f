"""承办人: which officers a case is assigned to, kept queryable beside the case file."""

from __future__ import annotations

from zhifa.core.db.tables import AppUser, CaseOfficer
from zhifa.core.services.scope import owned_by


async def assign(township_id: int, case_id: int, usernames: list[str]) -> None:
    """Replace the case's officers (inside the caller's transaction)."""
    await CaseOfficer.delete().where(owned_by(CaseOfficer, township_id) & (CaseOfficer.case == case_id))
    if not usernames:
        return
    users = await AppUser.select(AppUser.id, AppUser.username).where(AppUser.username.is_in(list(usernames)))
    ids = {u["username"]: u["id"] for u in users}
    rows = [CaseOfficer(township=township_id, case=case_id, user=ids[name]) for name in dict.fromkeys(usernames)
            if name in ids]
    if rows:
        await CaseOfficer.insert(*rows)

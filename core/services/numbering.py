"""Gap-free numbers per township, year and kind (立案编号 now; 文书文号 with the documents issue).

Call inside the operation's write transaction: the township row is locked on PostgreSQL and
SQLite holds its write lock, so concurrent filings get consecutive numbers and a rolled-back
filing gives its number back.
"""

from __future__ import annotations

from zhifa.core.db.tables import CaseSequence
from zhifa.core.db.transaction import lock_township
from zhifa.core.services.scope import owned_by


async def next_number(township_id: int, year: int, kind: str) -> int:
    await lock_township(township_id)
    row = await CaseSequence.select(CaseSequence.id, CaseSequence.last_value).where(
        owned_by(CaseSequence, township_id) & (CaseSequence.year == year) & (CaseSequence.kind == kind)
    ).first()
    if row is None:
        await CaseSequence(township=township_id, year=year, kind=kind, last_value=1).save()
        return 1
    value = row["last_value"] + 1
    await CaseSequence.update({CaseSequence.last_value: value}).where(CaseSequence.id == row["id"])
    return value


def case_number(short_name: str, year: int, value: int) -> str:
    """e.g. 横综执立〔2026〕12号 (GB/T 9704: year in 六角括号, no 第, no zero padding)."""
    return f"{short_name}立〔{year}〕{value}号"

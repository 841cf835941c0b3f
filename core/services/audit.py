"""Verify the whole-process record: walk each township's hash chain and report the first break,
then compare every case row with what its events say (``zhifa.core.services.case_replay``)."""

from __future__ import annotations

import msgspec
from zhifa.core.db.tables import Township
from zhifa.core.services.case_replay import CaseMismatch, mismatches
from zhifa.core.services.events import ChainBreak, events_of, verify_chain


class ChainReport(msgspec.Struct, kw_only=True):
    township: str
    events: int
    intact: bool
    first_break: ChainBreak | None = None
    cases: list[CaseMismatch] = []  # case rows that disagree with their events


async def verify(township_code: str | None = None) -> list[ChainReport]:
    query = Township.select(Township.id, Township.code).order_by(Township.code)
    if township_code:
        query = query.where(Township.code == township_code)
    reports = []
    for township in await query:
        chain = await events_of(township["id"])
        broken = verify_chain(township["code"], chain)
        rows = await mismatches(township["id"], chain) if broken is None else []
        reports.append(ChainReport(township=township["code"], events=len(chain), intact=broken is None and not rows,
                                   first_break=broken, cases=rows))
    return reports

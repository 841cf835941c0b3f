"""Verify the whole-process record: walk each township's hash chain and report the first break,
then compare every case row with what its events say (``zhifa.core.services.case_replay``)."""

from __future__ import annotations

import msgspec
from zhifa.core.db.tables import Township
from zhifa.core.services.case_replay import CaseMismatch, mismatches
from zhifa.core.services import checkpoints as cp
from zhifa.core.services.events import ChainBreak, events_of, walk_chain


class ChainReport(msgspec.Struct, kw_only=True):
    township: str
    events: int
    intact: bool
    first_break: ChainBreak | None = None
    cases: list[CaseMismatch] = []  # case rows that disagree with their events
    unsealed: int = 0  # events recorded before the chain was keyed
    checkpoint: list[str] = []  # what the chain contradicts in the county's checkpoint


async def verify(township_code: str | None = None, checkpoints: list[cp.Checkpoint] | None = None) -> list[ChainReport]:
    query = Township.select(Township.id, Township.code).order_by(Township.code)
    if township_code:
        query = query.where(Township.code == township_code)
    kept = {point.township: point for point in checkpoints or []}
    reports = []
    for township in await query:
        chain = await events_of(township["id"])
        walk = walk_chain(township["code"], chain)
        rows = await mismatches(township["id"], chain) if walk.first_break is None else []
        point = kept.get(township["code"])
        against = cp.problems(point, chain, walk.sealed_from) if point is not None else []
        reports.append(ChainReport(
            township=township["code"], events=len(chain), intact=walk.first_break is None and not rows and not against,
            first_break=walk.first_break, cases=rows, unsealed=walk.unsealed, checkpoint=against))
    return reports

"""Verify the whole-process record: walk each township's hash chain and report the first break,
then compare every case row with what its events say (``zhifa.core.services.case_replay``).

The chain is streamed (``events.stream_events``, batches by seq) through one walker, one case
replay and the checkpoint's count: memory holds three values per case, never the events.
"""

from __future__ import annotations

import msgspec
from zhifa.core.db.tables import Township
from zhifa.core.services.case_replay import CaseMismatch, CaseReplay
from zhifa.core.services import checkpoints as cp
from zhifa.core.services.events import ChainBreak, ChainWalker, stream_events


class ChainReport(msgspec.Struct, kw_only=True):
    township: str
    events: int
    intact: bool
    first_break: ChainBreak | None = None
    cases: list[CaseMismatch] = []  # case rows that disagree with their events
    unsealed: int = 0  # events recorded before the chain was keyed
    checkpoint: list[str] = []  # what the chain contradicts in the county's checkpoint


async def verify(township_code: str | None = None, checkpoints: list[cp.Checkpoint] | None = None, *,
                 county_code: str | None = None) -> list[ChainReport]:
    """Every township's chain (or one; or those of one county, as the HTTP route asks for its caller)."""
    query = Township.select(Township.id, Township.code).order_by(Township.code)
    if township_code:
        query = query.where(Township.code == township_code)
    if county_code is not None:
        query = query.where(Township.county_code == county_code)
    kept = {point.township: point for point in checkpoints or []}
    reports = []
    for township in await query:
        point = kept.get(township["code"])
        walker, replay, count, head_at_point = ChainWalker(township["code"]), CaseReplay(), 0, None
        async for event in stream_events(township["id"]):
            if walker.feed(event):
                replay.feed(event)
            count += 1
            if point is not None and count == point.events:
                head_at_point = event.hash
        walk = walker.result()
        rows = await replay.mismatches(township["id"]) if walk.first_break is None else []
        against = cp.problems(point, count, head_at_point, walk.sealed_from) if point is not None else []
        reports.append(ChainReport(
            township=township["code"], events=count, intact=walk.first_break is None and not rows and not against,
            first_break=walk.first_break, cases=rows, unsealed=walk.unsealed, checkpoint=against))
    return reports

"""Checkpoints of each township's chain: its length and head, sealed, for the county to keep elsewhere.

A chain proves that no event inside it was altered, but deleting its newest events (or all of
them) leaves a shorter chain that is still intact. A checkpoint — (township, number of events,
head hash, first sealed event), HMAC-sealed with the chain key — taken regularly and kept outside
the township's database (``zhifa audit checkpoint --out FILE``) lets ``zhifa audit verify
--checkpoint FILE`` find a truncated chain, deleted newest events and a re-computed chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

import msgspec
from zhifa.core import clock
from zhifa.core.db.tables import Township
from zhifa.core.services.chain_key import chain_key
from zhifa.core.services.events import ChainWalker, stream_events


class Checkpoint(msgspec.Struct, kw_only=True):
    township: str
    events: int
    head: str
    sealed_from: int | None
    at: dt.datetime
    mac: str = ""


def _mac(point: Checkpoint, key: bytes) -> str:
    body = msgspec.json.encode(msgspec.structs.replace(point, mac=""), order="sorted")
    return hmac.new(key, body, hashlib.sha256).hexdigest()


async def take(township_code: str | None = None) -> list[Checkpoint]:
    query = Township.select(Township.id, Township.code).order_by(Township.code)
    if township_code:
        query = query.where(Township.code == township_code)
    key, points = chain_key(), []
    for township in await query:
        walker, count, head = ChainWalker(township["code"], key), 0, ""
        async for event in stream_events(township["id"]):
            walker.feed(event)
            count, head = count + 1, event.hash
        point = Checkpoint(township=township["code"], events=count, head=head, sealed_from=walker.sealed_from,
                           at=clock.now_utc())
        points.append(msgspec.structs.replace(point, mac=_mac(point, key)))
    return points


def problems(point: Checkpoint, count: int, head_at_point: str | None, sealed_from: int | None) -> list[str]:
    """What the chain as it is now contradicts in the checkpoint (Chinese); [] when it agrees.

    ``count``: the events there are now; ``head_at_point``: the hash of event number ``point.events``.
    """
    if not hmac.compare_digest(_mac(point, chain_key()), point.mac):
        return [f"{point.township} 的检查点签名不符：检查点被改动，或不是用本部署的密钥生成的"]
    if count < point.events:
        return [f"{point.township} 现有事件 {count} 条，少于 {point.at:%Y-%m-%d %H:%M} UTC 检查点记录的 "
                f"{point.events} 条：第 {count + 1} 号起的事件被删除"]
    if point.events and head_at_point != point.head:
        return [f"{point.township} 的第 {point.events} 号事件与检查点记录的不符：此前的事件被改动后重新计算了哈希"]
    if point.sealed_from is not None and sealed_from != point.sealed_from:
        return [f"{point.township} 的签名起点（第 {sealed_from} 号）与检查点（第 {point.sealed_from} 号）不符"]
    return []

"""The whole-process record (全过程记录): an append-only hash chain of events per township.

Each event's hash covers its content and the previous event's hash, so altering, inserting or
deleting any event breaks the chain from that point; ``verify_chain`` finds the first break.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from typing import Any, AsyncIterator, Collection, Iterable

import msgspec
from zhifa.core.db.queries import events as queries
from zhifa.core.db.transaction import holds_lock, lock_township
from zhifa.core.schemas.cases import EventRead
from zhifa.core.services.chain_key import chain_key

GENESIS = "0" * 64
log = logging.getLogger(__name__)


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("事件时间必须带时区")
    return moment.astimezone(dt.timezone.utc)


def event_hash(
    *, township: str, seq: int, case_id: int | None, kind: str, actor_id: int | None,
    occurred_at: dt.datetime, place: str, payload: dict[str, Any], prev_hash: str, key: bytes | None = None,
) -> str:
    """HMAC-SHA256 under the deployment's chain key; plain SHA-256 (``key`` None) for events
    recorded before the chain was keyed."""
    content = _hashed(township, seq, case_id, kind, actor_id, occurred_at, place, payload, prev_hash)
    if key is None:
        return hashlib.sha256(content).hexdigest()
    return hmac.new(key, content, hashlib.sha256).hexdigest()


def _hashed(township, seq, case_id, kind, actor_id, occurred_at, place, payload, prev_hash) -> bytes:
    """The bytes an event's hash covers: its fields as canonical JSON (keys sorted, the instant in UTC)."""
    return msgspec.json.encode({
        "township": township, "seq": seq, "case": case_id, "kind": kind, "actor": actor_id,
        "occurred_at": _utc(occurred_at).isoformat(), "place": place, "payload": payload, "prev_hash": prev_hash,
    }, order="sorted")


async def append_event(
    *, township_id: int, township_code: str, kind: str, case_id: int | None = None,
    actor_id: int | None = None, place: str = "", payload: dict[str, Any] | None = None,
    occurred_at: dt.datetime | None = None,
) -> EventRead:
    """Append one event; call inside the operation's write transaction."""
    # Normalise to JSON builtins first, so the stored payload hashes the same when read back.
    data = msgspec.json.decode(msgspec.json.encode(payload or {}))
    moment = _utc(occurred_at or dt.datetime.now(dt.timezone.utc))
    last = await _lock_and_read_head(township_id)
    seq, prev = (last["seq"] + 1, last["hash"]) if last and last["seq"] is not None else (1, GENESIS)
    digest = event_hash(
        township=township_code, seq=seq, case_id=case_id, kind=kind, actor_id=actor_id,
        occurred_at=moment, place=place, payload=data, prev_hash=prev, key=chain_key(),
    )
    # Raw SQL: one event per action, and Piccolo's insert building costs more than the insert.
    await queries.insert_event(
        township_id=township_id, seq=seq, case_id=case_id, kind=kind, actor_id=actor_id, occurred_at=moment,
        place=place, payload_json=msgspec.json.encode(data).decode(), prev_hash=prev, digest=digest,
    )
    return EventRead(
        seq=seq, kind=kind, case_id=case_id, actor_id=actor_id, occurred_at=moment, place=place,
        payload=data, prev_hash=prev, hash=digest,
    )


async def _lock_and_read_head(township_id: int) -> dict | None:
    """The chain's last event, read with the township's lock held so no one appends meanwhile.

    SQLite's BEGIN IMMEDIATE already holds the only write lock. On PostgreSQL the write took the
    township's lock first (``write_transaction(township_id)``); a write that did not takes it here,
    late but still before the head is read. The head is read by its own statement, after the lock:
    under READ COMMITTED that statement's snapshot includes every append committed before the lock
    was granted (a locking read joined to the head would see the head as it was when it began waiting).
    """
    if not holds_lock(township_id):
        log.warning("写入乡镇 %s 的事件前未先取乡镇锁：在此补取", township_id)
        await lock_township(township_id)
    return await queries.chain_head(township_id)


async def chain_head(township_id: int) -> tuple[int, str]:
    """The chain's last seq and hash (0 and the genesis hash for an empty chain), read under the township's lock."""
    last = await _lock_and_read_head(township_id)
    return (last["seq"], last["hash"]) if last and last["seq"] is not None else (0, GENESIS)


class ChainSealer:
    """Seals events written in bulk (``zhifa import cases``): each one's hash chains on the one before,
    from the head read under the township's lock (``chain_head``), exactly as ``append_event`` would.

    The payload must already be JSON builtins (str, int, None, lists, dicts), so it hashes the same
    when it is read back.
    """

    def __init__(self, township_code: str, head_seq: int, head_hash: str, key: bytes | None = None) -> None:
        self.township, self.seq, self.head = township_code, head_seq, head_hash
        self._keyed = hmac.new(key if key is not None else chain_key(), digestmod=hashlib.sha256)

    def seal(self, *, case_id: int | None, kind: str, actor_id: int | None, occurred_at: dt.datetime, place: str,
             payload: dict[str, Any]) -> tuple[int, str, str]:
        """The next event's (seq, prev_hash, hash)."""
        self.seq += 1
        prev = self.head
        sealed = self._keyed.copy()
        sealed.update(_hashed(self.township, self.seq, case_id, kind, actor_id, occurred_at, place, payload, prev))
        self.head = sealed.hexdigest()
        return self.seq, prev, self.head


def _read(row: dict) -> EventRead:
    return EventRead(
        seq=row["seq"], kind=row["kind"], case_id=row["case"], actor_id=row["actor"],
        occurred_at=row["occurred_at"], place=row["place"], payload=row["payload"],
        prev_hash=row["prev_hash"], hash=row["hash"],
    )


async def events_of(township_id: int, case_id: int | None = None) -> list[EventRead]:
    """A township's events (or one case's), in order. Raw SQL: this is every case page's hot path."""
    return [_read(r) for r in await queries.events_of(township_id, case_id)]


async def legal_dates(township_id: int, case_id: int, kinds: Collection[str]) -> list[tuple[str, dt.date]]:
    """Kind and legal date (the payload's ``on``) of each event of one case of the given kinds, in order.

    Only the date is read out of the payload (the database extracts it), not the whole payload.
    """
    return [(kind, dt.date.fromisoformat(on)) for kind, on in await queries.legal_dates(township_id, case_id)
            if kind in kinds and on]


class ChainBreak(msgspec.Struct, kw_only=True):
    seq: int
    problem: str  # altered | inserted_or_deleted | sequence_gap | unsealed
    message: str


class ChainWalk(msgspec.Struct, kw_only=True):
    first_break: ChainBreak | None
    unsealed: int = 0  # events before the chain was keyed (plain SHA-256), all at its start
    sealed_from: int | None = None  # the first event sealed with the key


class ChainWalker:
    """The chain walked one event at a time (constant memory): order, links, and each event's seal.

    An unsealed event after a sealed one is a forgery. ``feed`` answers False from the first break on;
    ``count`` and ``head`` are the events read so far and the last one's hash.
    """

    def __init__(self, township_code: str, key: bytes | None = None) -> None:
        self.township, self.key = township_code, key if key is not None else chain_key()
        self.first_break: ChainBreak | None = None
        self.unsealed, self.sealed_from, self.count, self.head = 0, None, 0, GENESIS
        self._keyed = hmac.new(self.key, digestmod=hashlib.sha256)  # copied per event: the key is set up once

    def _broken(self, seq: int, problem: str, message: str) -> bool:
        self.first_break = ChainBreak(seq=seq, problem=problem, message=message)
        return False

    def feed(self, event: EventRead) -> bool:
        if self.first_break is not None:
            return False
        expected = self.count + 1
        if event.seq != expected:
            return self._broken(expected, "sequence_gap", f"第 {expected} 号事件缺失（下一条为第 {event.seq} 号）")
        if event.prev_hash != self.head:
            return self._broken(event.seq, "inserted_or_deleted",
                                f"第 {event.seq} 号事件的前序哈希与上一事件不符：其前有事件被插入、删除或改动")
        content = _hashed(self.township, event.seq, event.case_id, event.kind, event.actor_id, event.occurred_at,
                          event.place, event.payload, event.prev_hash)  # once, for both checks
        sealed = self._keyed.copy()
        sealed.update(content)
        if hmac.compare_digest(sealed.hexdigest(), event.hash):
            self.sealed_from = self.sealed_from or event.seq
        elif hashlib.sha256(content).hexdigest() == event.hash:
            if self.sealed_from is not None:
                return self._broken(event.seq, "unsealed",
                                    f"第 {event.seq} 号事件没有部署密钥的签名，却在已签名的事件之后：事件被改动后重新计算了哈希")
            self.unsealed += 1
        else:
            return self._broken(event.seq, "altered", f"第 {event.seq} 号事件的内容已被改动")
        self.count, self.head = event.seq, event.hash
        return True

    def result(self) -> ChainWalk:
        return ChainWalk(first_break=self.first_break, unsealed=self.unsealed, sealed_from=self.sealed_from)


def walk_chain(township_code: str, events: Iterable[EventRead], key: bytes | None = None) -> ChainWalk:
    """Walk the chain: order, links, and each event's seal (an unsealed event after a sealed one is a forgery)."""
    walker = ChainWalker(township_code, key)
    for event in events:
        if not walker.feed(event):
            break
    return walker.result()


STREAM_BATCH = 5000


async def stream_events(township_id: int, *, batch: int | None = None) -> AsyncIterator[EventRead]:
    """A township's events in order, read in batches by seq (keyset): memory stays flat at any length."""
    batch, after = batch or STREAM_BATCH, 0
    while True:
        rows = await queries.events_after(township_id, after, batch)
        for row in rows:
            yield _read(row)
        if len(rows) < batch:
            return
        after = rows[-1]["seq"]


def verify_chain(township_code: str, events: list[EventRead]) -> ChainBreak | None:
    """The first event where the chain is broken, or None when it is intact."""
    return walk_chain(township_code, events).first_break

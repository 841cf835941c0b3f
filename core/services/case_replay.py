"""Case rows against their events: what the record says a case is, and what its row says.

The event chain is tamper-evident; the case row is not, so a row edited in the database (status,
number, amount) would go unseen. Replaying each case's events gives its status (the last action's
``to``), its number (the filing's) and its decided amount (the last decision's input); ``audit
verify`` reports every row that disagrees.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import msgspec
from zhifa.core.db.tables import Case
from zhifa.core.schemas.cases import EventRead
from zhifa.core.services.scope import owned_by

_DECISIONS = ("decide", "decide_on_spot")
CASE_BATCH = 2000  # case rows read at a time


class CaseMismatch(msgspec.Struct, kw_only=True):
    case_id: int
    field: str  # status | number | amount | missing_events
    row: str
    events: str
    message: str


def _amount(value) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


class CaseReplay:
    """Each case's status, number and decided amount as its events say, fed one event at a time.

    Holds three values per case, never the events: ``audit verify`` streams a chain of any length.
    """

    def __init__(self) -> None:
        self.states: dict[int, list] = {}  # case id → [status, number, amount]

    def feed(self, event: EventRead) -> None:
        if event.case_id is None:
            return
        state = self.states.get(event.case_id)
        if state is None:
            state = self.states[event.case_id] = [None, None, None]
        payload = event.payload
        if event.kind == "clue_registered":
            state[0] = "clue"
        if "to" in payload:
            state[0] = payload["to"]
        if payload.get("number"):
            state[1] = payload["number"]
        if event.kind in _DECISIONS:
            state[2] = _amount((payload.get("input") or {}).get("amount"))
        elif event.kind == "case_imported":  # imported history (zhifa import cases): its decision as the row gave it
            state[2] = _amount((payload.get("decision") or {}).get("amount"))

    async def mismatches(self, township_id: int) -> list[CaseMismatch]:
        """Every case row of the township (read in batches by id) that disagrees with its events."""
        found: list[CaseMismatch] = []
        batch = CASE_BATCH
        after = 0
        while True:
            rows = await Case.select(Case.id, Case.status, Case.number, Case.facts).where(
                owned_by(Case, township_id) & (Case.id > after)).order_by(Case.id).limit(batch).output(load_json=True)
            for row in rows:
                found.extend(self._compare(row))
            if len(rows) < batch:
                return found
            after = rows[-1]["id"]

    def _compare(self, row: dict) -> list[CaseMismatch]:
        state = self.states.get(row["id"])
        if state is None:
            return [CaseMismatch(case_id=row["id"], field="missing_events", row=row["status"], events="",
                                 message=f"案件 {row['id']} 在全过程记录中没有任何事件")]
        facts = row["facts"] if isinstance(row["facts"], dict) else msgspec.json.decode(row["facts"] or "{}")
        decided = _amount((facts.get("decision") or {}).get("amount"))
        found = []
        for field, in_row, in_events in (("status", row["status"], state[0]), ("number", row["number"], state[1]),
                                         ("amount", decided, state[2])):
            if in_row != in_events:
                found.append(CaseMismatch(
                    case_id=row["id"], field=field, row=str(in_row), events=str(in_events),
                    message=f"案件 {row['id']} 的{_NAMES[field]}为「{in_row}」，与全过程记录（「{in_events}」）不符"))
        return found


async def mismatches(township_id: int, chain: list[EventRead]) -> list[CaseMismatch]:
    """Case rows against a chain already read (the whole list)."""
    replay = CaseReplay()
    for event in chain:
        replay.feed(event)
    return await replay.mismatches(township_id)


_NAMES = {"status": "状态", "number": "立案编号", "amount": "决定罚款金额"}

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

_DECISIONS = ("decide", "decide_on_spot")


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


def _replayed(events: list[EventRead]) -> dict[str, object]:
    state: dict[str, object] = {"status": None, "number": None, "amount": None}
    for event in events:
        payload = event.payload
        if event.kind == "clue_registered":
            state["status"] = "clue"
        if "to" in payload:
            state["status"] = payload["to"]
        if payload.get("number"):
            state["number"] = payload["number"]
        if event.kind in _DECISIONS:
            state["amount"] = _amount((payload.get("input") or {}).get("amount"))
    return state


async def mismatches(township_id: int, chain: list[EventRead]) -> list[CaseMismatch]:
    rows = await Case.select(Case.id, Case.status, Case.number, Case.facts).where(
        Case.township == township_id).order_by(Case.id).output(load_json=True)
    by_case: dict[int, list[EventRead]] = {}
    for event in chain:
        if event.case_id is not None:
            by_case.setdefault(event.case_id, []).append(event)
    found = []
    for row in rows:
        events = by_case.get(row["id"], [])
        if not events:
            found.append(CaseMismatch(case_id=row["id"], field="missing_events", row=row["status"], events="",
                                      message=f"案件 {row['id']} 在全过程记录中没有任何事件"))
            continue
        state = _replayed(events)
        facts = row["facts"] if isinstance(row["facts"], dict) else msgspec.json.decode(row["facts"] or "{}")
        decided = _amount((facts.get("decision") or {}).get("amount"))
        for field, in_row, in_events in (("status", row["status"], state["status"]),
                                         ("number", row["number"], state["number"]),
                                         ("amount", decided, state["amount"])):
            if in_row != in_events:
                found.append(CaseMismatch(
                    case_id=row["id"], field=field, row=str(in_row), events=str(in_events),
                    message=f"案件 {row['id']} 的{_NAMES[field]}为「{in_row}」，与全过程记录（「{in_events}」）不符"))
    return found


_NAMES = {"status": "状态", "number": "立案编号", "amount": "决定罚款金额"}

"""Which powers a township may exercise on a date — pure logic over authorisation records.

A *grant* gives a whole field (``power`` empty) or one power, with its basis (委托 entrusted /
赋权 conferred), the authorising document and validity dates. A *withdrawal* (上收) takes one
power back from a field-wide grant. A record is in force on a date when the date lies within
its validity and before its revocation. Records are never deleted.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

import msgspec


class Basis(str, Enum):
    entrusted = "entrusted"  # 委托: acts in the entrusting department's name (第20–21条)
    conferred = "conferred"  # 赋权: acts in the township's own name (第24条)


BASIS_NAMES = {Basis.entrusted: "委托", Basis.conferred: "赋权"}


class Grant(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    kind: str  # grant | withdrawal
    field: str
    power: str | None
    basis: Basis | None
    document_no: str
    valid_from: dt.date
    valid_to: dt.date | None = None
    revoked_on: dt.date | None = None
    department: int | None = None

    def in_force(self, on: dt.date) -> bool:
        if on < self.valid_from or (self.valid_to is not None and on > self.valid_to):
            return False
        return self.revoked_on is None or on < self.revoked_on

    def covers(self, field: str, power: str) -> bool:
        return self.field == field and (self.power is None or self.power == power)


def effective_grant(grants: list[Grant], field: str, power: str, on: dt.date) -> Grant | None:
    """The grant under which ``power`` may be used on ``on``, or None.

    A withdrawal in force wins; otherwise the most specific grant in force (a power grant over
    a field grant, then the latest), whose basis and document the case will carry.
    """
    in_force = [g for g in grants if g.in_force(on) and g.covers(field, power)]
    if any(g.kind == "withdrawal" for g in in_force):
        return None
    candidates = [g for g in in_force if g.kind == "grant"]
    if not candidates:
        return None
    return max(candidates, key=lambda g: (g.power is not None, g.valid_from, g.id))


def enabled_fields(grants: list[Grant], on: dt.date) -> set[str]:
    """Fields with at least one grant in force on ``on`` (their plugins take part in hooks)."""
    return {g.field for g in grants if g.kind == "grant" and g.in_force(on)}

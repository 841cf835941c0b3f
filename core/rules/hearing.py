"""Whether the party has a hearing right (第63条): 较大数额 by issuer, region, party and date, or a heavy kind."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from zhifa.core.catalogue.model import HearingThreshold

#: Penalty kinds that carry a hearing right whatever the amount (第63条第1款第2-4项).
HEAVY_KINDS = frozenset(
    {"lower_qualification", "revoke_licence", "suspend_business", "close", "restrict_employment"}
)


def applicable_threshold(
    thresholds: list[HearingThreshold], *, township_code: str, power: str | None, party_kind: str, on: dt.date
) -> HearingThreshold | None:
    """The most specific threshold in force: the longest matching region prefix wins over national."""
    candidates = [
        t for t in thresholds
        if township_code.startswith(t.region)
        and t.party.value in ("any", party_kind)
        and t.valid_from <= on and (t.valid_to is None or on <= t.valid_to)
        and (not t.powers or power in t.powers)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda t: (len(t.region), t.party.value != "any", t.valid_from))


def hearing_right(threshold: HearingThreshold | None, amount: Decimal | None, penalties: list[str]) -> bool:
    if HEAVY_KINDS & set(penalties):
        return True
    if threshold is None or amount is None:
        return False
    return amount >= threshold.amount if threshold.inclusive else amount > threshold.amount

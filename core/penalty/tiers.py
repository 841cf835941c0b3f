"""Choosing the discretion standard (裁量基准, 行政处罚法 第三十四条) and its tier.

The standard is the one in force on the decision date for the power version applied, the fine's
situation and the party (a party-specific standard before one for any party; the latest to take
effect if several). The tier is the officer's; when none is given it follows the circumstances
(指导意见 第十条、第十七条): heavier → the highest fining tier, lighter → the lowest fining tier,
both or neither → the 一般 tier (code ``ordinary`` or name 一般), else the middle one. A tier that
imposes no fine (``fine = false``) has its own facts and is never chosen automatically.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from zhifa.core.catalogue.model import (
    DiscretionStandard,
    PartyScope,
    Power,
    StatutoryFine,
    Tier,
)
from zhifa.core.penalty.amounts import tier_range
from zhifa.core.penalty.model import GUIDANCE, Range
from zhifa.core.rules.refusal import Refusal, Refused

TIER_RULE = f"{GUIDANCE}第十条、第十七条"


def standard_on(
    registry, power: Power, situation: str, party: PartyScope, on: dt.date
) -> DiscretionStandard | None:
    """The published standard in force on a date; an example split (``example = true``) is never one."""
    candidates = [
        s
        for s in registry.standards_for(power.code, on)
        if s.situation == situation and s.party in (party, PartyScope.any) and not s.example
    ]
    exact = [s for s in candidates if s.party == party] or candidates
    return max(exact, key=lambda s: s.valid_from) if exact else None


def examples_for(registry, power: Power, situation: str, party: PartyScope, on: dt.date) -> list[str]:
    """Codes of example standards a township would otherwise have: shown to catalogue maintainers, never applied."""
    return [s.code for s in registry.standards_for(power.code, on)
            if s.example and s.situation == situation and s.party in (party, PartyScope.any)]


def _severity(standard: DiscretionStandard, fine: StatutoryFine | None, bases, units) -> tuple[Decimal, Decimal]:
    """How heavy a standard is: the highest and lowest amounts its fining tiers allow."""
    if fine is None:
        return (Decimal(0), Decimal(0))
    ranges = [tier_range(fine, t, bases, units)[0] for t in standard.tiers if t.fine]
    ranges = [r for r in ranges if r is not None]
    if not ranges:
        return (Decimal(0), Decimal(0))
    return (max(r.max for r in ranges), min(r.min for r in ranges))


def pick_standard(
    registry, power: Power, situation: str, party: PartyScope, on: dt.date,
    *, act_date: dt.date | None = None, fine: StatutoryFine | None = None, bases=None, units=None,
) -> tuple[DiscretionStandard | None, str]:
    """The standard to apply and why: 从旧兼从轻 between the versions in force at the act and at the decision.

    The standard in force when the act was done applies, unless the one in force at the decision
    is lighter (a lower highest amount, or on an equal one a lower lowest) — 行政处罚法 第三十七条
    applied to the standard as 国办发〔2022〕27号 asks standards to be applied.
    """
    at_decision = standard_on(registry, power, situation, party, on)
    at_act = standard_on(registry, power, situation, party, act_date) if act_date else None
    if at_act is None or at_decision is None or at_act.code == at_decision.code:
        return at_decision or at_act, ""
    old, new = _severity(at_act, fine, bases or {}, units), _severity(at_decision, fine, bases or {}, units)
    if new < old:
        return at_decision, (f"裁量基准从旧兼从轻：行为时适用{at_act.name}（{at_act.code}），作出决定时施行的"
                             f"{at_decision.name}（{at_decision.code}）较轻，适用较轻的基准")
    return at_act, (f"裁量基准从旧兼从轻：适用行为时的{at_act.name}（{at_act.code}），作出决定时施行的"
                    f"{at_decision.code}不轻于行为时的基准")


def _order(fine: StatutoryFine, tiers: list[Tier], bases, units) -> list[Tier]:
    def key(tier: Tier) -> tuple[Decimal, Decimal]:
        r, _ = tier_range(fine, tier, bases, units)
        return (r.min, r.max) if r else (Decimal(-1), Decimal(-1))

    return sorted(tiers, key=key)


def pick_tier(
    standard: DiscretionStandard,
    fine: StatutoryFine | None,
    tier_code: str | None,
    direction: str,
    bases: dict[str, Decimal],
    units: Decimal | None,
) -> tuple[Tier, str]:
    """The tier and a Chinese sentence saying how it was chosen."""
    if tier_code is not None:
        for tier in standard.tiers:
            if tier.code == tier_code:
                return tier, f"执法人员选定“{tier.name}”阶次"
        codes = "、".join(f"{t.code}（{t.name}）" for t in standard.tiers)
        raise Refused(
            Refusal("penalty.tier_unknown", f"裁量基准 {standard.code} 没有阶次 {tier_code}，可选：{codes}")
        )
    fining = [t for t in standard.tiers if t.fine]
    if not fining:
        tier = standard.tiers[0]
        return tier, f"裁量基准只有不处罚款的阶次，适用“{tier.name}”阶次"
    ordered = _order(fine, fining, bases, units) if fine is not None else fining
    if direction == "lighter":
        tier, why = ordered[0], "具有从轻、减轻情节，适用最低的罚款阶次"
    elif direction == "heavier":
        tier, why = ordered[-1], "具有从重情节，适用最高的罚款阶次"
    else:
        named = [t for t in ordered if t.code == "ordinary" or "一般" in t.name]
        tier = named[0] if named else ordered[(len(ordered) - 1) // 2]
        why = (
            "从轻、从重情节并存，综合考量后适用一般阶次"
            if direction == "mixed"
            else "没有从轻、从重情节，适用一般阶次"
        )
    return tier, f"未选定裁量阶次：{why}“{tier.name}”（{TIER_RULE}）"


def envelope(standard: DiscretionStandard, fine: StatutoryFine, bases, units):
    """The lowest and highest amounts the standard's tiers allow (local fines: the only amounts known)."""
    ranges = [tier_range(fine, t, bases, units)[0] for t in standard.tiers]
    ranges = [r for r in ranges if r is not None]
    if not ranges:
        return None
    return Range(min(r.min for r in ranges), max(r.max for r in ranges))

"""Which version of a provision applies: 从旧兼从轻 (行政处罚法 第三十七条).

“实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。但是，作出行政处罚决定时，法律、法规、
规章已被修改或者废止，且新的规定处罚较轻或者不认为是违法的，适用新的规定。”

Versions of one provision are catalogue powers linked by ``Power.succeeds`` (new → old). The
version in force on the act date is compared with the one in force on the decision date; the
decision-time one applies only if it is lighter: a lower statutory maximum in yuan for the same
situation and party, or on an equal maximum a lower minimum. Where a version does not know the
situation (e.g. the old 大气法 fined only 情节严重的), its ``default`` fine stands in; a version
with no fine for the situation counts as 0–0 yuan. No version in force at decision time: the act
is no longer punishable only when the last version is marked ``repealed`` (with the text that
repealed it); a version that merely ends, with no successor catalogued, is refused
(``penalty.successor_missing``) — a revision is not a repeal.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from zhifa.core.catalogue.model import PartyScope, Power, StatutoryFine
from zhifa.core.catalogue.validate import matching_fine
from zhifa.core.penalty.amounts import span, statutory_range
from zhifa.core.penalty.model import APL, Range
from zhifa.core.rules.refusal import Refusal, Refused

ART_37 = f"{APL}第三十七条"


def in_force(power: Power, on: dt.date) -> bool:
    return power.valid_from <= on and (power.valid_to is None or on <= power.valid_to)


def version_chain(registry, power_code: str) -> list[Power]:
    """Every version linked to ``power_code`` through ``succeeds`` (either direction), oldest first."""
    if power_code not in registry.powers:
        raise Refused(Refusal("penalty.power_unknown", f"执法事项 {power_code} 不在执法事项目录中"))
    found: dict[str, Power] = {}
    todo = [power_code]
    while todo:
        code = todo.pop()
        if code in found or code not in registry.powers:
            continue
        power = found[code] = registry.powers[code]
        todo.append(power.succeeds)
        todo.extend(p.code for p in registry.powers.values() if p.succeeds == code)
    return sorted(found.values(), key=lambda p: p.valid_from)


def version_on(chain: list[Power], on: dt.date) -> Power | None:
    """The version in force on a date (the latest to take effect, should two overlap)."""
    active = [p for p in chain if in_force(p, on)]
    return active[-1] if active else None


def provision(power: Power) -> str:
    cited = power.penalised or power.basis
    return f"{cited.law}{cited.article}" if cited else power.name


def fine_in_chain(
    power: Power, chain: list[Power], situation: str, party: PartyScope
) -> tuple[StatutoryFine | None, str]:
    """The fine of ``power`` for a situation; falls back to ``default`` when only other versions know it."""
    if any(f.situation == situation for f in power.fines):
        return matching_fine(power, situation, party), situation
    if any(d.situation == situation for d in power.direct):  # punished directly with other kinds, no fine
        return None, situation
    known = any(f.situation == situation for p in chain for f in p.fines)
    if situation != "default" and not known:
        raise Refused(
            Refusal("penalty.situation_unknown", f"执法事项 {power.code} 没有“{situation}”这一罚款情形")
        )
    if situation != "default" and any(f.situation == "default" for f in power.fines):
        return matching_fine(power, "default", party), "default"
    return None, situation


def _range(power, chain, situation, party, bases, units) -> Range | None:
    """The statutory range in yuan; 0–0 with no fine; None when it cannot be computed."""
    fine, _ = fine_in_chain(power, chain, situation, party)
    if fine is None:
        return Range(Decimal("0.00"), Decimal("0.00"))
    try:
        r, _ = statutory_range(fine, bases, units)
    except Refused:
        return None
    return r


def applicable_version(
    registry,
    power_code: str,
    act_date: dt.date,
    decision_date: dt.date,
    *,
    situation: str = "default",
    party_kind: str | None = None,
    bases: dict[str, Decimal] | None = None,
    units: Decimal | None = None,
) -> tuple[Power | None, str]:
    """The version to apply and why (Chinese); ``(None, reason)`` when the act is no longer punishable.

    Without ``party_kind`` the decision-time version must be no heavier for citizens and
    organisations alike and lighter for one. Without the bases a multiple or percentage fine
    needs, the versions cannot be compared and the act-time version applies (the reason says so).
    """
    chain = version_chain(registry, power_code)
    at_act = version_on(chain, act_date)
    if at_act is None:
        raise Refused(
            Refusal(
                "penalty.no_version_at_act",
                f"违法行为发生时（{act_date}）目录中没有施行的“{registry.powers[power_code].name}”规定，"
                "无法确定行为时的法律依据",
            )
        )
    at_decision = version_on(chain, decision_date)
    if at_decision is None:
        latest = chain[-1]
        if latest.repealed:
            return None, (
                f"行为时的规定已废止：{provision(latest)}已于 {latest.valid_to} 失效（{latest.repealed_by}），作出处罚决定时"
                f"（{decision_date}）已没有对该行为给予行政处罚的规定，依照{ART_37}不再处罚"
            )
        raise Refused(
            Refusal(
                "penalty.successor_missing",
                f"{provision(latest)}已于 {latest.valid_to} 失效，目录未标明废止，也没有收录修订后的规定："
                f"无法依照{ART_37}比较新旧规定的轻重。请在目录中补录修订后的规定（succeeds 指向 {latest.code}），"
                "或在确属废止时标明 repealed 和废止依据",
            )
        )
    if at_decision.code == at_act.code:
        return at_act, f"适用行为时的规定：{provision(at_act)}（行为时与作出处罚决定时施行的是同一规定）"
    parties = [PartyScope(party_kind)] if party_kind else [PartyScope.citizen, PartyScope.organisation]
    old = [_range(at_act, chain, situation, p, bases or {}, units) for p in parties]
    new = [_range(at_decision, chain, situation, p, bases or {}, units) for p in parties]
    if any(r is None for r in old + new):
        return at_act, (
            f"适用行为时的规定：{provision(at_act)}（作出处罚决定时已施行{provision(at_decision)}，"
            f"但缺少罚款计算基数，未能比较新旧规定轻重；补充基数后须重新计算，{ART_37}）"
        )
    keys_old = [(r.max, r.min) for r in old]
    keys_new = [(r.max, r.min) for r in new]
    lighter = all(n <= o for n, o in zip(keys_new, keys_old)) and any(
        n < o for n, o in zip(keys_new, keys_old)
    )
    compared = (
        f"行为时{provision(at_act)}罚款 {'、'.join(span(r) for r in old)}，"
        f"决定时{provision(at_decision)}罚款 {'、'.join(span(r) for r in new)}"
    )
    if lighter:
        return at_decision, f"适用决定时较轻的规定：{compared}，新的规定处罚较轻，依照{ART_37}适用新的规定"
    return at_act, f"适用行为时的规定：{compared}，新的规定处罚不轻于旧的规定，依照{ART_37}从旧"

"""The penalty recommendation: version → no-penalty grounds → statutory fine → standard → tier → amount.

1. 从旧兼从轻 (行政处罚法 第三十七条, ``versions``); for a continuing act the law at its end applies
   (as for 继续犯, 最高人民检察院 高检发释字〔1998〕6号, by analogy).
2. 不予处罚: limitation (第三十六条, computed), under 14 (第三十条), mental illness (第三十一条),
   no fault (第三十三条第二款), minor and corrected (第三十三条第一款), first violation where the
   field's list in force on the decision date names the power (第三十三条第一款后段).
3. The statutory fine for the situation and party, in yuan (``amounts``).
4. The standard in force on the decision date and its tier (``tiers``), the tier's range in yuan.
5. The recommended amount: the tier's lower bound when only lighter circumstances are present,
   its upper bound when only heavier ones are, otherwise its midpoint rounded to the whole yuan.
   Without a standard, only a fixed statutory amount (min = max) is recommended.
"""

from __future__ import annotations

import datetime as dt

import msgspec
from zhifa.core.catalogue.model import PartyScope, PowerKind
from zhifa.core.penalty.amounts import (
    midpoint,
    money,
    span,
    statutory_range,
    tier_range,
    yuan,
)
from zhifa.core.penalty.checks import check_chosen
from zhifa.core.vocabulary import PARTY_KINDS
from zhifa.core.penalty.circumstances import direction as direction_of
from zhifa.core.penalty.circumstances import (
    factor_lines,
    limitation_expired,
    limitation_text,
    no_penalty_ground,
    read_circumstances,
)
from zhifa.core.penalty.model import LIGHTER, PenaltyFacts, Recommendation
from zhifa.core.penalty.tiers import envelope, examples_for, pick_standard, pick_tier
from zhifa.core.penalty.versions import (
    applicable_version,
    fine_in_chain,
    provision,
    version_chain,
    version_on,
)
from zhifa.core.rules.refusal import Refusal, Refused

__all__ = ["check_chosen", "limitation_expired", "money", "recommend"]

MITIGATION_NOTE = (
    "具有从轻、减轻情节，可以在法定最低限以下决定罚款（减轻），须书面说明理由并经集体讨论"
    "（行政处罚法第三十条至第三十二条）"
)


def _check_facts(facts: PenaltyFacts) -> None:
    if facts.party_kind not in ("citizen", "organisation"):
        message = f"当事人类型 {facts.party_kind} 应为 citizen 或 organisation"
        raise Refused(Refusal("penalty.party_kind_unknown", message))
    problems = []
    if facts.decision_date < facts.act_date:
        problems.append(f"处罚决定日期 {facts.decision_date} 早于违法行为日期 {facts.act_date}")
    if facts.act_ended is not None and not facts.act_date <= facts.act_ended <= facts.decision_date:
        problems.append(f"违法行为终了日期 {facts.act_ended} 应在行为开始与处罚决定之间")
    if facts.discovered_on is not None and not facts.act_date <= facts.discovered_on <= facts.decision_date:
        problems.append(f"发现日期 {facts.discovered_on} 应在违法行为日期与处罚决定之间")
    if problems:
        raise Refused([Refusal("penalty.dates_invalid", p) for p in problems])


def recommend(registry, facts: PenaltyFacts | dict) -> Recommendation:
    """The recommendation for these facts; raises ``Refused`` for facts it cannot compute from."""
    if isinstance(facts, dict):
        try:
            facts = msgspec.convert(facts, PenaltyFacts, strict=False)
        except msgspec.ValidationError as exc:
            raise Refused(Refusal("penalty.facts_invalid", f"案件事实格式不正确：{exc}")) from None
    _check_facts(facts)
    recommendation = _recommend(registry, facts)
    notices = law_notices(registry, recommendation.power, facts.decision_date)
    return msgspec.structs.replace(recommendation, law_notices=notices) if notices else recommendation


def law_notices(registry, power_code: str, on: dt.date) -> list[str]:
    """What the officer must check: the provision's law was replaced on or before ``on`` (FieldInfo.law_changes)."""
    field = registry.power_field.get(power_code)
    power = registry.powers.get(power_code)
    if field is None or power is None:
        return []
    cited = {p.law for p in (power.violated, power.penalised, power.basis) if p is not None}
    return [
        f"{c.law}{'已' if c.verified else '据报道已'}由{c.replaced_by}自 {c.effective} 起取代（{c.source}），"
        f"目录尚未录入{c.replaced_by}的相应条文：作出决定前须核对现行有效的依据"
        for c in registry.catalogues[field].field.law_changes if c.law in cited and c.effective <= on
    ]


def _recommend(registry, facts: PenaltyFacts) -> Recommendation:
    chain = version_chain(registry, facts.power)
    if registry.powers[facts.power].kind != PowerKind.penalty:
        raise Refused(Refusal("penalty.not_penalty_power", f"执法事项 {facts.power} 不是行政处罚事项"))
    found = read_circumstances(facts)
    codes = {p.code for p in chain}
    act_time = facts.act_ended or facts.act_date
    power, version_reason = applicable_version(
        registry, facts.power, act_time, facts.decision_date, situation=facts.situation,
        party_kind=facts.party_kind, bases=facts.bases, units=facts.units,
    )
    factors = factor_lines(registry, codes, facts, found)
    base = {"version_reason": version_reason, "situation": facts.situation, "factors": factors}
    if power is None:
        return Recommendation(
            outcome="no_penalty", power=version_on(chain, act_time).code, no_penalty_ground="repealed",
            no_penalty_text=version_reason, reasons=[version_reason, *factors], **base,
        )
    reasons = [version_reason]
    ground = no_penalty_ground(registry, power, codes, facts, found)
    if ground is not None:
        return Recommendation(
            outcome="no_penalty", power=power.code, no_penalty_ground=ground[0], no_penalty_text=ground[1],
            reasons=[*reasons, ground[1], *factors], **base,
        )
    reasons.append(f"未超过追责时效：{limitation_text(power, facts)}")
    return _penalty(registry, power, chain, facts, found, reasons, base)


def _penalty(registry, power, chain, facts, found, reasons, base) -> Recommendation:
    party = PartyScope(facts.party_kind)
    fine, situation = fine_in_chain(power, chain, facts.situation, party)
    base["situation"] = situation
    mitigation = any(c in LIGHTER for c in found)
    common = {"power": power.code, "mitigation_available": mitigation, **base}
    if fine is None:
        text = f"所适用的规定（{provision(power)}）对该情形未规定罚款"
        if not power.penalties:
            return Recommendation(
                outcome="no_penalty", no_penalty_ground="no_penalty_provided",
                no_penalty_text=f"{text}，也未规定其他行政处罚，不予行政处罚",
                reasons=[*reasons, f"{text}，也未规定其他行政处罚", *base["factors"]], **common,
            )
        kinds = [k.value for k in power.penalties]
        return Recommendation(
            outcome="penalty", fine_allowed=False, penalties=kinds,
            reasons=[*reasons, f"{text}，只给予其他种类的行政处罚", *base["factors"]], **common,
        )
    stat, stat_text = statutory_range(fine, facts.bases, facts.units)
    who = PARTY_KINDS[facts.party_kind]
    label = fine.situation_text or ("一般情形" if situation == "default" else situation)
    reasons.append(f"法定罚款（{label}，当事人为{who}）：{stat_text}" + ("，罚款为可以并处" if fine.optional else ""))
    act_time = facts.act_ended or facts.act_date
    standard, chosen = pick_standard(registry, power, situation, party, facts.decision_date, act_date=act_time,
                                     fine=fine, bases=facts.bases, units=facts.units)
    common["examples_ignored"] = examples_for(registry, power, situation, party, facts.decision_date)
    if standard is None:
        return _without_standard(power, fine, stat, facts, reasons, common)
    if chosen:
        reasons.append(chosen)
    dirn = direction_of(found)
    tier, how = pick_tier(standard, fine, facts.tier, dirn, facts.bases, facts.units)
    trange, ttext = tier_range(fine, tier, facts.bases, facts.units)
    if stat is None:
        stat = envelope(standard, fine, facts.bases, facts.units)
        if stat is None and tier.fine:
            raise Refused(_local_refusal(power))
        if stat is not None:
            reasons.append(f"法律未规定罚款数额，以裁量基准各阶次的数额 {span(stat)} 作为罚款幅度")
    reasons.append(f"裁量基准：{standard.name}（{standard.source}）")
    reasons.append(f"{how}；适用情形：{tier.facts.rstrip('。')}；{ttext}")
    amount = None
    if trange is not None:
        if dirn == "lighter":
            amount, rule = trange.min, "具有从轻情节，取阶次下限"
        elif dirn == "heavier":
            amount, rule = trange.max, "具有从重情节，取阶次上限"
        else:
            amount, rule = midpoint(trange), "取阶次幅度中间值，取整到元"
        reasons.append(f"建议罚款 {yuan(amount)}（{rule}）")
    if mitigation:
        reasons.append(MITIGATION_NOTE)
    penalties = [k.value for k in (tier.penalties or power.penalties)]
    return Recommendation(
        outcome="penalty", standard=standard.code, standard_source=standard.source, tier=tier.code,
        tier_name=tier.name, tier_facts=tier.facts, statutory_range=stat, tier_range=trange,
        recommended_amount=amount, fine_optional=fine.optional, fine_allowed=tier.fine, penalties=penalties,
        reasons=[*reasons, *base["factors"]], **common,
    )


def _local_refusal(power) -> Refusal:
    return Refusal(
        "penalty.local_amount",
        f"执法事项 {power.code} 的罚款数额由地方性法规或者规章规定，目录未录入数额，也没有规定数额的裁量基准，无法计算",
    )


def _without_standard(power, fine, stat, facts, reasons, common) -> Recommendation:
    if facts.tier is not None:
        message = f"执法事项 {power.code} 在 {facts.decision_date} 没有施行的裁量基准，不能选定阶次 {facts.tier}"
        raise Refused(Refusal("penalty.no_standard", message))
    if stat is None:
        raise Refused(_local_refusal(power))
    amount = money(stat.min) if stat.min == stat.max else None
    reasons.append(
        f"执法事项 {power.code} 在 {facts.decision_date} 没有施行的裁量基准，在法定幅度 {span(stat)} 内裁量并说明理由"
        + (f"；法定罚款为固定数额，建议罚款 {yuan(amount)}" if amount is not None else "")
    )
    if common["mitigation_available"]:
        reasons.append(MITIGATION_NOTE)
    return Recommendation(
        outcome="penalty", statutory_range=stat, recommended_amount=amount, fine_optional=fine.optional,
        penalties=[k.value for k in power.penalties], reasons=[*reasons, *common["factors"]], **common,
    )

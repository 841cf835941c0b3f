"""The rules on the amount an officer chooses, checked against the recommendation.

* Above the statutory maximum: never (行政处罚法 第四条、第三十八条第一款: 没有依据的行政处罚无效).
* Below the statutory minimum is 减轻 (第三十条至第三十二条): only with a ground that permits it,
  written reasons and collective discussion (第五十七条第二款; 指导意见 第八条、第十条).
* Outside the tier but inside the statute, or a fine where the tier imposes none, or no fine
  where the tier imposes one: written reasons (第三十四条; 指导意见 第八条).
* A mandatory fine (并处, not 可以并处) cannot be left out except as 减轻 on the same conditions.
* Amounts are yuan to the fen: at most two decimal places. Range ends are inside: the tier
  maximum is in the tier, the maximum plus 0.01 is outside.
"""

from __future__ import annotations

from decimal import Decimal

from zhifa.core.penalty.amounts import money
from zhifa.core.penalty.model import APL, GUIDANCE, Chosen, Recommendation
from zhifa.core.rules.refusal import Refusal

CENT = Decimal("0.01")


def _shown(amount: Decimal) -> str:
    """The amount as typed when it has more than two decimals, else to the fen."""
    return f"{amount:f}" if amount != amount.quantize(CENT) else f"{money(amount)}"


def _mitigation(rec: Recommendation, chosen: Chosen, what: str) -> list[Refusal]:
    refusals = []
    if not chosen.reasons.strip():
        refusals.append(
            Refusal("penalty.below_minimum_needs_reasons", f"{what}属于减轻处罚，须书面说明减轻的理由（{GUIDANCE}第八条）")
        )
    if not chosen.collective_discussion:
        refusals.append(
            Refusal(
                "penalty.below_minimum_needs_collective_discussion",
                f"{what}属于减轻处罚，须经行政机关负责人集体讨论决定（{APL}第五十七条第二款；{GUIDANCE}第八条）",
            )
        )
    if not rec.mitigation_available:
        refusals.append(
            Refusal(
                "penalty.mitigation_not_available",
                f"{what}属于减轻处罚，但本案没有认定依法可以减轻处罚的情节（{APL}第三十条至第三十二条）",
            )
        )
    return refusals


def check_chosen(rec: Recommendation, chosen: Chosen) -> list[Refusal]:
    """Every rule the chosen amount breaks; empty when it may be decided."""
    amount = None if chosen.amount is None else Decimal(chosen.amount)
    fined = amount is not None and amount != 0
    if rec.outcome == "no_penalty":
        if fined or chosen.penalties:
            return [
                Refusal(
                    "penalty.no_penalty_outcome",
                    f"本案依法不予行政处罚（{rec.no_penalty_text or rec.version_reason}），不能决定罚款或者其他处罚",
                )
            ]
        return []
    refusals: list[Refusal] = []
    if amount is not None and amount != amount.quantize(CENT):
        refusals.append(Refusal("penalty.not_rounded", f"罚款 {_shown(amount)} 元不是精确到分的金额（最多两位小数）"))
    if amount is not None and amount < 0:
        refusals.append(Refusal("penalty.amount_negative", f"罚款 {_shown(amount)} 元不能为负数"))
        return refusals
    stat, tier = rec.statutory_range, rec.tier_range
    has_reasons = bool(chosen.reasons.strip())
    if fined and stat is None:
        refusals.append(
            Refusal(
                "penalty.above_statutory_max",
                f"罚款 {_shown(amount)} 元没有法定依据：所适用的规定对该情形未规定罚款（{APL}第四条、第三十八条）",
            )
        )
        return refusals
    if fined and amount > stat.max:
        refusals.append(
            Refusal(
                "penalty.above_statutory_max",
                f"罚款 {_shown(amount)} 元超出法定上限 {money(stat.max)} 元（{APL}第四条、第三十八条：超出法定幅度的罚款没有依据）",
            )
        )
    elif fined and amount < stat.min:
        refusals.extend(
            _mitigation(rec, chosen, f"罚款 {_shown(amount)} 元低于法定下限 {money(stat.min)} 元，")
        )
    elif fined and not rec.fine_allowed and not has_reasons:
        refusals.append(
            Refusal(
                "penalty.fine_not_allowed",
                f"所适用的“{rec.tier_name}”阶次不处罚款，决定罚款 {_shown(amount)} 元须书面说明理由（{GUIDANCE}第八条）",
            )
        )
    elif fined and tier is not None and not tier.contains(amount) and not has_reasons:
        refusals.append(
            Refusal(
                "penalty.outside_tier_needs_reasons",
                f"罚款 {_shown(amount)} 元超出“{rec.tier_name}”阶次幅度 {money(tier.min)}–{money(tier.max)} 元，"
                f"须书面说明理由（{APL}第三十四条；{GUIDANCE}第八条）",
            )
        )
    if not fined and stat is not None and stat.max > 0:
        if not rec.fine_optional:
            mitigated = has_reasons and chosen.collective_discussion and rec.mitigation_available
            if not mitigated:
                refusals.append(
                    Refusal(
                        "penalty.fine_required",
                        f"法律规定应当并处罚款（法定幅度 {money(stat.min)}–{money(stat.max)} 元），"
                        "不处罚款只能作为减轻处罚，须有减轻情节、书面理由并经集体讨论",
                    )
                )
        elif tier is not None and not has_reasons:
            refusals.append(
                Refusal(
                    "penalty.outside_tier_needs_reasons",
                    f"“{rec.tier_name}”阶次应处罚款 {money(tier.min)}–{money(tier.max)} 元，不处罚款须书面说明理由"
                    f"（{GUIDANCE}第八条）",
                )
            )
    return refusals

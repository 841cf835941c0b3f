"""What the penalty engine is told (``PenaltyFacts``) and what it answers (``Recommendation``).

Circumstances are the grounds of 行政处罚法 (2021) 第30–33、36条 and of the market-regulation
guidance (《市场监管总局关于规范市场监督管理行政处罚裁量权的指导意见》, 国市监法规〔2022〕2号,
“指导意见”) 第14–17条, which the other fields follow by analogy. Amounts are Decimal yuan.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum

import msgspec
from zhifa.core.schemas import money
from zhifa.core.schemas.money import Money, Quantity

APL = "《中华人民共和国行政处罚法》"
GUIDANCE = "《市场监管总局关于规范市场监督管理行政处罚裁量权的指导意见》（国市监法规〔2022〕2号）"


class Circumstance(str, Enum):
    """A circumstance an officer establishes (or the engine computes) that moves the penalty."""

    # 不予处罚
    minor_corrected = "minor_corrected"
    first_violation = "first_violation"
    no_fault = "no_fault"
    under_14 = "under_14"
    mental_illness = "mental_illness"
    limitation = "limitation"  # computed from the dates, never claimed
    # 应当从轻或者减轻
    aged_14_to_18 = "aged_14_to_18"
    eliminated_harm = "eliminated_harm"
    coerced = "coerced"
    confessed = "confessed"
    meritorious = "meritorious"
    # 可以从轻或者减轻
    partial_capacity = "partial_capacity"
    cooperative = "cooperative"
    minor_role = "minor_role"
    # 从重
    repeat_within_year = "repeat_within_year"
    obstruction = "obstruction"
    destroyed_evidence = "destroyed_evidence"
    serious_consequences = "serious_consequences"
    emergency_breach = "emergency_breach"


C = Circumstance

CIRCUMSTANCE_NAMES: dict[Circumstance, str] = {
    C.minor_corrected: "违法行为轻微并及时改正，没有造成危害后果",
    C.first_violation: "初次违法且危害后果轻微并及时改正",
    C.no_fault: "当事人有证据足以证明没有主观过错",
    C.under_14: "不满十四周岁的未成年人",
    C.mental_illness: "精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为",
    C.limitation: "违法行为在法定期限内未被发现",
    C.aged_14_to_18: "已满十四周岁不满十八周岁的未成年人",
    C.eliminated_harm: "主动消除或者减轻违法行为危害后果",
    C.coerced: "受他人胁迫或者诱骗实施违法行为",
    C.confessed: "主动供述行政机关尚未掌握的违法行为",
    C.meritorious: "配合行政机关查处违法行为有立功表现",
    C.partial_capacity: "尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人",
    C.cooperative: "积极配合调查，如实陈述违法事实并主动提供证据材料",
    C.minor_role: "在共同违法行为中起次要或者辅助作用",
    C.repeat_within_year: "一年内因同一种违法行为受过行政处罚",
    C.obstruction: "拒绝、阻碍执法或者对举报人、执法人员打击报复",
    C.destroyed_evidence: "伪造、隐匿、毁灭证据",
    C.serious_consequences: "违法行为造成严重危害后果",
    C.emergency_breach: "在突发事件期间违反突发事件应对措施",
}

CIRCUMSTANCE_BASIS: dict[Circumstance, str] = {
    C.minor_corrected: f"{APL}第三十三条第一款",
    C.first_violation: f"{APL}第三十三条第一款",
    C.no_fault: f"{APL}第三十三条第二款",
    C.under_14: f"{APL}第三十条",
    C.mental_illness: f"{APL}第三十一条",
    C.limitation: f"{APL}第三十六条",
    C.aged_14_to_18: f"{APL}第三十条",
    C.eliminated_harm: f"{APL}第三十二条第一项",
    C.coerced: f"{APL}第三十二条第二项",
    C.confessed: f"{APL}第三十二条第三项",
    C.meritorious: f"{APL}第三十二条第四项",
    C.partial_capacity: f"{APL}第三十一条",
    C.cooperative: f"{GUIDANCE}第十四条",
    C.minor_role: f"{GUIDANCE}第十四条",
    C.repeat_within_year: f"{GUIDANCE}第十六条",
    C.obstruction: f"{GUIDANCE}第十六条",
    C.destroyed_evidence: f"{GUIDANCE}第十六条",
    C.serious_consequences: f"{GUIDANCE}第十六条",
    C.emergency_breach: f"{APL}第四十九条；{GUIDANCE}第十五条",
}

NO_PENALTY = frozenset(
    {C.minor_corrected, C.first_violation, C.no_fault, C.under_14, C.mental_illness, C.limitation}
)
MANDATORY_LIGHTER = frozenset({C.aged_14_to_18, C.eliminated_harm, C.coerced, C.confessed, C.meritorious})
OPTIONAL_LIGHTER = frozenset({C.partial_capacity, C.cooperative, C.minor_role})
LIGHTER = MANDATORY_LIGHTER | OPTIONAL_LIGHTER
HEAVIER = frozenset(
    {C.repeat_within_year, C.obstruction, C.destroyed_evidence, C.serious_consequences, C.emergency_breach}
)
CITIZEN_ONLY = frozenset({C.under_14, C.aged_14_to_18, C.mental_illness, C.partial_capacity})


def effect_of(circumstance: Circumstance) -> str:
    """The legal effect of a circumstance, in the words the decision document prints."""
    if circumstance in NO_PENALTY:
        return "可以不予行政处罚" if circumstance is C.first_violation else "不予行政处罚"
    if circumstance in MANDATORY_LIGHTER:
        return "应当从轻或者减轻行政处罚"
    if circumstance in OPTIONAL_LIGHTER:
        return "可以从轻或者减轻行政处罚"
    return "应当从重处罚" if circumstance is C.emergency_breach else "可以从重处罚"


class PenaltyFacts(msgspec.Struct, kw_only=True):
    """The established facts a recommendation is computed from."""

    power: str
    act_date: dt.date
    decision_date: dt.date
    party_kind: str  # "citizen" | "organisation"
    party_birth_date: dt.date | None = None
    act_ended: dt.date | None = None  # continuing act: limitation (and the law in time) from its end
    discovered_on: dt.date | None = None  # None: the decision date is taken (favours the party)
    harmful_consequences: bool = False
    situation: str = "default"
    bases: dict[str, Money] = {}  # keyed by StatutoryFine.base: goods_value, construction_cost …
    units: Quantity | None = None  # per_unit forms
    tier: str | None = None  # the officer's tier; None: chosen from the circumstances
    circumstances: list[str] = []

    def __post_init__(self) -> None:
        money.check(self)  # the calculator's body and a case's 调查终结 facts: money, or 400 naming the field


class Range(msgspec.Struct, frozen=True):
    """An amount range in yuan, both ends inclusive."""

    min: Decimal
    max: Decimal

    def contains(self, amount: Decimal) -> bool:
        return self.min <= amount <= self.max


class Recommendation(msgspec.Struct, kw_only=True):
    """The engine's answer; ``reasons`` is what the decision document prints."""

    outcome: str  # "penalty" | "no_penalty"
    power: str  # the version applied (从旧兼从轻)
    version_reason: str
    no_penalty_ground: str | None = None
    no_penalty_text: str = ""
    standard: str | None = None
    standard_source: str = ""
    situation: str = "default"
    tier: str | None = None
    tier_name: str = ""
    tier_facts: str = ""
    statutory_range: Range | None = None
    tier_range: Range | None = None
    recommended_amount: Decimal | None = None
    fine_optional: bool = False
    fine_allowed: bool = True
    penalties: list[str] = []
    factors: list[str] = []
    mitigation_available: bool = False
    reasons: list[str] = []
    # example standards (示例) the catalogue has for this power and situation: never applied; the township
    # needs its own published standard (a regional pack, or one loaded with `zhifa catalogue apply`)
    examples_ignored: list[str] = []
    # laws the applied provision cites that were replaced by the decision date without the catalogue holding
    # the replacement (FieldInfo.law_changes): shown to officers and reviewers, never printed on a document
    law_notices: list[str] = []


class Chosen(msgspec.Struct, kw_only=True):
    """What the officer decides: the amount and, where required, the written reasons."""

    amount: Decimal | None
    reasons: str = ""
    collective_discussion: bool = False
    penalties: list[str] = []

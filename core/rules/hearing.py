"""Whether the party has a hearing right (行政处罚法 第六十三条), decided in one place.

A hearing is offered for 较大数额罚款 and 没收较大数额违法所得、没收较大价值非法财物 (the fine and
the value confiscated count together toward the threshold, 第63条第1款第1、2项), and whatever the
amount for the heavier kinds (降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业, and
责令限期拆除 as 其他较重的行政处罚, 第63条第1款第3-6项).

The threshold is the most specific one in force where the township is. Where none applies to a
township for the field, the right is never denied for want of configuration: the hearing is
offered, and the missing threshold is reported to the platform admin as a finding.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import msgspec
from zhifa.core.catalogue.model import HearingThreshold

APL_63 = "《中华人民共和国行政处罚法》第六十三条"

#: Penalty kinds that carry a hearing right whatever the amount.
HEAVY_KINDS = frozenset(
    {"lower_qualification", "revoke_licence", "suspend_business", "close", "restrict_employment", "demolish"}
)


class HearingOffer(msgspec.Struct, frozen=True, kw_only=True):
    offered: bool
    reason: str  # Chinese, for the case file and the notice's reviewer
    threshold: str | None = None  # code of the threshold applied
    missing_threshold: bool = False  # no threshold applies where the township is: offered, and reported


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


def _yuan(value: Decimal) -> str:
    return f"{value:,.2f} 元"


def hearing_offer(
    thresholds: list[HearingThreshold], *, township_code: str, power: str | None, party_kind: str, on: dt.date,
    amount: Decimal | None, confiscated: Decimal | None = None, penalties: list[str] = (),
) -> HearingOffer:
    heavy = sorted(HEAVY_KINDS & set(penalties))
    if heavy:
        return HearingOffer(offered=True, reason=f"拟作出较重的行政处罚（{'、'.join(heavy)}），当事人有权要求听证（{APL_63}）")
    value = (amount or Decimal(0)) + (confiscated or Decimal(0))
    if value <= 0:
        return HearingOffer(offered=False, reason="拟作出的处罚不含罚款、没收，也不属于较重的行政处罚，不适用听证")
    threshold = applicable_threshold(thresholds, township_code=township_code, power=power, party_kind=party_kind, on=on)
    counted = f"罚款与没收价值合计 {_yuan(value)}" if confiscated else f"罚款 {_yuan(value)}"
    if threshold is None:
        return HearingOffer(
            offered=True, missing_threshold=True,
            reason=f"本乡镇所在地区未配置该领域的听证“较大数额”标准，不因缺少配置剥夺听证权利：{counted}，告知听证（{APL_63}）",
        )
    reached = value >= threshold.amount if threshold.inclusive else value > threshold.amount
    compare = "达到" if threshold.inclusive else "超过"
    return HearingOffer(
        offered=reached, threshold=threshold.code,
        reason=f"{counted}，{'已' if reached else '未'}{compare}{threshold.issuer}规定的较大数额 {_yuan(threshold.amount)}"
               f"（{threshold.basis}）",
    )




def proposal_offer(thresholds: list[HearingThreshold], *, township_code: str, power: str | None,
                   party_kind: str | None, on: dt.date, proposal) -> HearingOffer:
    """The offer the investigation's proposal gives: what the notice records and its document says."""
    return hearing_offer(thresholds, township_code=township_code, power=power, party_kind=party_kind or "citizen",
                         on=on, amount=proposal.amount, confiscated=proposal.confiscated_value,
                         penalties=list(proposal.penalties))

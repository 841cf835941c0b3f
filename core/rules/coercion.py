"""行政强制措施 (查封、扣押): only under a coercive power the township holds that day, whose catalogue entry
provides the measure (行政强制法第十条), never by entrustment (第十七条第一款), and only one of the case's own
field (第十七条第二款: 与行政处罚权有关的行政强制措施).

The service names the power in ``ctx.data.coercive`` (``CoerciveFacts``): the code the seizure is taken
(or extended) under, its catalogue entry as the township's region sees it, its field and the grant it rests
on that day; with no code named (the empty form of a dry run), the coercive powers of the case's field the
township holds that day. No I/O here.
"""

from __future__ import annotations

from typing import Any

import msgspec
from zhifa.core.catalogue.model import MeasureKind, PowerKind
from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal

#: The seize action's ``kind`` as the catalogue's measure (行政强制法第九条第二项、第三项).
MEASURE_OF_KIND = {"seal": MeasureKind.seal_up, "seize": MeasureKind.detain}
MEASURE_NAMES = {
    MeasureKind.seal_up: "查封", MeasureKind.detain: "扣押", MeasureKind.isolate: "隔离",
    MeasureKind.demolish: "强制拆除", MeasureKind.perform_for: "代履行",
}


class CoerciveFacts(msgspec.Struct, kw_only=True):
    code: str = ""  # the coercive power named (seize) or recorded on the seizure (extend_seizure)
    kind: str = "seize"  # seal | seize
    power: Any = None  # its Power in the township's region, or None (not in the catalogue there)
    field: str | None = None  # the power's field
    grant: Any = None  # the Grant it rests on that day, or None
    held: list[Any] = []  # no code named: (Power, Grant) of the case's field held that day
    legacy: bool = False  # a seizure recorded before seizures named their power: nothing to check it against


def _entrusted(grant) -> bool:
    return grant is not None and grant.basis is not None and grant.basis.value == "entrusted"


def _provides(power, measure: MeasureKind) -> bool:
    return any(m.kind is measure for m in power.measures)


def measure_provided(ctx: ActionContext) -> list[Refusal]:
    """The seizure names a coercive power of the case's field that the township holds that day, not by
    entrustment, and whose catalogue entry provides this measure."""
    facts: CoerciveFacts | None = ctx.data.coercive
    if facts is None or facts.legacy:
        return []
    if not facts.code:  # the empty form: is there any power this township could seal or seize under today?
        if any(not _entrusted(g) and _provides(p, m) for p, g in facts.held for m in MEASURE_OF_KIND.values()):
            return []
        field = ctx.data.field_name or ctx.field
        return [Refusal(
            "coercive.not_authorised",
            f"本乡镇在 {ctx.on} 没有以赋权方式承接{field}领域中规定查封、扣押的行政强制措施事项，不得实施查封、扣押"
            "（行政强制法第十条、第十七条）",
        )]
    measure = MEASURE_OF_KIND.get(facts.kind)
    if measure is None:  # decoding holds the kind to the vocabulary; nothing else reaches here
        return []
    name = MEASURE_NAMES[measure]
    power = facts.power
    if power is None or power.kind is not PowerKind.coercive:
        return [Refusal(
            "coercive.not_a_coercive_power",
            f"{facts.code} 不是适用于本乡镇的行政强制措施事项（应填写本领域 -QZ- 事项的编码），"
            f"查封、扣押须依据法律、法规规定的行政强制措施（行政强制法第十条）",
        )]
    refusals: list[Refusal] = []
    if facts.field != ctx.field:
        fields = ctx.data.field_names
        refusals.append(Refusal(
            "coercive.other_field",
            f"{power.code}（{power.name}）属于{fields.get(facts.field, facts.field)}领域，本案属于"
            f"{fields.get(ctx.field, ctx.field)}领域；只能实施与本案行政处罚权有关的行政强制措施（行政强制法第十七条第二款）",
        ))
    if facts.grant is None:
        refusals.append(Refusal(
            "coercive.not_authorised",
            f"行政强制措施事项 {power.code}（{power.name}）在 {ctx.on} 未授权本乡镇行使"
            "（未赋权、已上收或者不在有效期内），不得实施",
        ))
    elif _entrusted(facts.grant) and not _entrusted(ctx.data.grant):  # else said once for the case's own power
        refusals.append(Refusal(
            "coercion.entrusted",
            f"行政强制措施事项 {power.code} 系以委托方式承接；行政强制措施权不得委托，"
            "受委托组织不得实施查封、扣押（行政强制法第十七条第一款）",
        ))
    if not _provides(power, measure):
        provided = "、".join(MEASURE_NAMES[m.kind] for m in power.measures) or "无"
        basis = f"{power.basis.law}{power.basis.article}" if power.basis else power.name
        refusals.append(Refusal(
            "coercive.measure_not_provided",
            f"{basis}（{power.code}）规定的行政强制措施是{provided}，没有规定{name}；"
            f"行政强制措施由法律、法规规定（行政强制法第十条），不得{name}",
        ))
    return refusals

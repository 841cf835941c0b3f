"""The simple procedure (简易程序, 第51-53条) and on-the-spot collection (第68条)."""

from __future__ import annotations

from decimal import Decimal

from zhifa.core.catalogue.model import PartyScope, PenaltyKind, PowerKind
from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal, Refused

LIMITS = {"citizen": Decimal("200"), "organisation": Decimal("3000")}
ON_SPOT_COLLECTION_LIMIT = Decimal("100")


def within_simple_limits(ctx: ActionContext) -> list[Refusal]:
    data = ctx.data.input
    if data.amount is None:
        return [] if data.warning else [Refusal("simple.no_penalty", "当场处罚须为警告或者罚款")]
    kind = ctx.data.party_kind or "citizen"
    limit = LIMITS[kind]
    if data.amount <= limit:
        return []
    who = "公民" if kind == "citizen" else "法人或者其他组织"
    return [Refusal(
        "simple.amount_too_high",
        f"简易程序只适用于对{who}处以 {limit} 元以下罚款或者警告（第五十一条），拟罚 {data.amount} 元应适用普通程序",
    )]


def field_of_power(ctx: ActionContext) -> list[Refusal]:
    """The case's field is the power's: a power of another field is not decided under this one."""
    power_field = ctx.data.power_field
    field = ctx.data.input.field
    if ctx.data.power is None or power_field is None or field == power_field:
        return []
    names = ctx.data.field_names
    return [Refusal(
        "simple.field_mismatch",
        f"执法事项 {ctx.power} 属于{names.get(power_field, power_field)}领域，不能作为{names.get(field, field)}领域的案件当场处罚",
    )]


def _cited(power) -> str:
    cited = power.penalised or power.basis
    return f"{cited.law}{cited.article}" if cited else power.name


def provision_allows(ctx: ActionContext) -> list[Refusal]:
    """The same kind and range rules as the general procedure (行政处罚法 第四条、第三十八条): a warning only
    where the provision provides one; a fine only where it provides one, inside its statutory range for the
    party (``zhifa.core.penalty``), below the minimum only as 减轻 on a recorded ground with written reasons."""
    power = ctx.data.power
    if power is None:
        return []  # power.not_authorised
    if power.kind != PowerKind.penalty:
        return [Refusal("simple.not_penalty_power", f"执法事项 {power.code} 不是行政处罚事项，不能当场处罚")]
    data = ctx.data.input
    refusals = []
    if data.warning and PenaltyKind.warning not in power.penalties:
        refusals.append(Refusal(
            "simple.kind_not_provided",
            f"{_cited(power)}未规定警告，不能给予警告（行政处罚法第四条、第三十八条：没有依据的行政处罚无效）",
        ))
    if data.amount is not None:
        refusals.extend(_fine_in_range(ctx, power, data))
    return refusals


def _fine_in_range(ctx: ActionContext, power, data) -> list[Refusal]:
    from zhifa.core.penalty.amounts import money, statutory_range
    from zhifa.core.penalty.versions import fine_in_chain

    party = PartyScope(ctx.data.party_kind or "citizen")
    try:
        fine, situation = fine_in_chain(power, [power], data.situation, party)
    except Refused as exc:
        return exc.refusals
    if fine is None:
        known = "、".join(sorted({f"{f.situation}（{f.situation_text or f.situation}）" for f in power.fines}))
        return [Refusal(
            "simple.fine_not_provided",
            f"{_cited(power)}对该情形未规定罚款，不能罚款（行政处罚法第四条、第三十八条）"
            + (f"；规定罚款的情形：{known}" if known else ""),
        )]
    try:
        stat, _ = statutory_range(fine, {}, None)
    except Refused:
        stat = None
    if stat is None:
        return [Refusal(
            "simple.amount_not_fixed",
            f"{_cited(power)}的罚款须按{fine.base_text or fine.unit or '地方性法规、规章规定的数额'}计算，"
            "当场处罚无法核对法定幅度，应当适用普通程序",
        )]
    who = "公民" if party == PartyScope.citizen else "法人或者其他组织"
    if data.amount > stat.max:
        return [Refusal(
            "simple.above_statutory_max",
            f"罚款 {data.amount} 元超出{_cited(power)}对{who}规定的上限 {money(stat.max)} 元"
            "（行政处罚法第四条、第三十八条：超出法定幅度的罚款没有依据）",
        )]
    if data.amount < stat.min:
        return _mitigated(ctx, data, f"罚款 {data.amount} 元低于{_cited(power)}对{who}规定的下限 {money(stat.min)} 元，")
    return []


def _mitigated(ctx: ActionContext, data, what: str) -> list[Refusal]:
    """减轻 (第三十条至第三十二条) on the spot: a lighter ground recorded and the reasons written on the form."""
    from zhifa.core.penalty.circumstances import read_circumstances
    from zhifa.core.penalty.model import LIGHTER, PenaltyFacts

    facts = PenaltyFacts(
        power=ctx.power, act_date=data.act_date, decision_date=ctx.on,
        party_kind=ctx.data.party_kind or "citizen", party_birth_date=ctx.data.party_birth_date,
        circumstances=list(data.circumstances),
    )
    try:
        found = read_circumstances(facts)
    except Refused as exc:
        return exc.refusals
    refusals = []
    if not any(c in LIGHTER for c in found):
        refusals.append(Refusal(
            "simple.below_statutory_min",
            f"{what}只能作为减轻处罚，但没有记录依法可以从轻、减轻处罚的情节（行政处罚法第三十条至第三十二条）",
        ))
    elif not data.reasons.strip():
        refusals.append(Refusal(
            "simple.mitigation_needs_reasons",
            f"{what}属于减轻处罚，须在当场处罚决定书中写明减轻的理由",
        ))
    return refusals


def statement_heard(ctx: ActionContext) -> list[Refusal]:
    if ctx.data.input.statement_heard:
        return []
    return [Refusal("simple.statement_not_heard", "当场处罚前应当告知当事人违法事实、理由、依据和权利，并听取陈述、申辩（第四十四、四十五条）")]


def on_spot_collection_allowed(ctx: ActionContext) -> list[Refusal]:
    data = ctx.data.input
    if not data.collect_on_spot or data.hard_to_pay_later:
        return []
    if data.amount is not None and data.amount <= ON_SPOT_COLLECTION_LIMIT:
        return []
    return [Refusal(
        "simple.on_spot_collection",
        f"当场收缴罚款仅限 100 元以下或者不当场收缴事后难以执行的情形（第六十八条），本案罚款 {data.amount} 元",
    )]

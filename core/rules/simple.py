"""The simple procedure (简易程序, 第51-53条) and on-the-spot collection (第68条)."""

from __future__ import annotations

from decimal import Decimal

from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal

LIMITS = {"citizen": Decimal("200"), "organisation": Decimal("3000")}
ON_SPOT_COLLECTION_LIMIT = Decimal("100")


def within_simple_limits(ctx: ActionContext) -> list[Refusal]:
    data = ctx.data["input"]
    if data.amount is None:
        return [] if data.warning else [Refusal("simple.no_penalty", "当场处罚须为警告或者罚款")]
    kind = ctx.data.get("party_kind") or "citizen"
    limit = LIMITS[kind]
    if data.amount <= limit:
        return []
    who = "公民" if kind == "citizen" else "法人或者其他组织"
    return [Refusal(
        "simple.amount_too_high",
        f"简易程序只适用于对{who}处以 {limit} 元以下罚款或者警告（第五十一条），拟罚 {data.amount} 元应适用普通程序",
    )]


def statement_heard(ctx: ActionContext) -> list[Refusal]:
    if ctx.data["input"].statement_heard:
        return []
    return [Refusal("simple.statement_not_heard", "当场处罚前应当告知当事人违法事实、理由、依据和权利，并听取陈述、申辩（第四十四、四十五条）")]


def on_spot_collection_allowed(ctx: ActionContext) -> list[Refusal]:
    data = ctx.data["input"]
    if not data.collect_on_spot or data.hard_to_pay_later:
        return []
    if data.amount is not None and data.amount <= ON_SPOT_COLLECTION_LIMIT:
        return []
    return [Refusal(
        "simple.on_spot_collection",
        f"当场收缴罚款仅限 100 元以下或者不当场收缴事后难以执行的情形（第六十八条），本案罚款 {data.amount} 元",
    )]

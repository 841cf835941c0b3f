"""The penalty recommendation for a case: the township's plugins recommend, then adjust, in order."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
from zhifa.core.procedure.casefile import CaseFile
from zhifa.core.rules.context import ActionContext
from zhifa.core.services.errors import Invalid


def penalty_facts(context: ActionContext, given: dict[str, Any], party_kind: str | None,
                  birth_date: dt.date | None, file: CaseFile):
    from zhifa.core.penalty import PenaltyFacts

    merged = {
        **given, "power": context.power, "decision_date": context.on, "party_kind": party_kind or "citizen",
        "party_birth_date": birth_date, "act_date": given.get("act_date") or file.act_date,
    }
    if merged["act_date"] is None:
        raise Invalid("penalty.act_date_required", "计算处罚须写明违法行为发生日期")
    try:
        return msgspec.convert(merged, PenaltyFacts, strict=False)
    except msgspec.ValidationError as exc:
        raise Invalid("penalty.facts", f"裁量事实有误：{exc}") from exc


def recommendation_for(hooks, context: ActionContext, data, party_kind, birth_date, file: CaseFile):
    """``zhifa_recommend_penalty`` (first answer wins), then each ``zhifa_adjust_recommendation``."""
    if data.outcome != "penalty":
        return None
    facts = penalty_facts(context, data.facts, party_kind, birth_date, file)
    recommendation = hooks.zhifa_recommend_penalty(context=context, facts=facts)
    # pluggy calls the last registered first; adjustments chain in that same order
    for impl in reversed(hooks.zhifa_adjust_recommendation.get_hookimpls()):
        kwargs = {"context": context, "recommendation": recommendation}
        adjusted = impl.function(**{k: v for k, v in kwargs.items() if k in impl.argnames})
        if adjusted is not None:
            recommendation = adjusted
    return recommendation

"""The penalty recommendation for a case: the township's plugins recommend, then adjust, in order."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
from zhifa.core.procedure.casefile import CaseFile
from zhifa.core.rules import gates
from zhifa.core.rules.context import ActionContext, CaseFacts
from zhifa.core.schemas.money import MoneyInvalid
from zhifa.core.services.errors import Invalid


def penalty_facts(context: ActionContext, given: dict[str, Any], party_kind: str | None,
                  birth_date: dt.date | None, file: CaseFile):
    from zhifa.core.penalty import PenaltyFacts

    merged = {
        **given, "power": context.power, "decision_date": context.on, "party_kind": party_kind or "citizen",
        "party_birth_date": birth_date, "act_date": given.get("act_date") or file.act_date,
    }
    found_at = getattr(context.case, "found_at", None)
    if merged.get("discovered_on") is None and found_at is not None:  # 发现之日: the case's found_at (第三十六条)
        from zhifa.core.clock import local_date

        merged["discovered_on"] = local_date(found_at)
    if merged["act_date"] is None:
        raise Invalid("penalty.act_date_required", "计算处罚须写明违法行为发生日期")
    try:
        return msgspec.convert(merged, PenaltyFacts, strict=False)
    except MoneyInvalid as exc:  # named as the action's body names it: facts.bases.goods_value
        raise exc.within("facts") from None
    except msgspec.ValidationError as exc:
        raise Invalid("penalty.facts", f"裁量事实有误：{exc}") from exc


def recommendation_for(hooks, context: ActionContext, data, party_kind, birth_date, file: CaseFile):
    """``zhifa_recommend_penalty`` (first answer wins), then each ``zhifa_adjust_recommendation``."""
    if data.outcome != "penalty":
        return None
    facts = penalty_facts(context, data.facts, party_kind, birth_date, file)
    return run_recommendation(hooks, context, facts)


def run_recommendation(hooks, context: ActionContext, facts):
    recommendation = hooks.zhifa_recommend_penalty(context=context, facts=facts)
    # pluggy calls the last registered first; adjustments chain in that same order
    for impl in reversed(hooks.zhifa_adjust_recommendation.get_hookimpls()):
        kwargs = {"context": context, "recommendation": recommendation}
        adjusted = impl.function(**{k: v for k, v in kwargs.items() if k in impl.argnames})
        if adjusted is not None:
            recommendation = adjusted
    return recommendation


async def preview(township_code: str, facts) -> Any:
    """The recommendation for facts given directly (the 裁量 calculator), as the township's plugins see it.

    Refused, like filing, when the power is not authorised to the township on the decision date.
    """
    from zhifa.core.registry import get_host
    from zhifa.core.rules.refusal import Refused
    from zhifa.core.services import authorisations
    from zhifa.core.services.townships import get_township_row

    township = await get_township_row(township_code)
    registry = get_host().registry
    field = registry.power_field.get(facts.power)
    if field is None:
        from zhifa.core.services.errors import NotFound

        raise NotFound("power.not_found", f"未找到执法事项 {facts.power}")
    on = facts.decision_date
    enabled = await authorisations.fields_enabled(township["id"], on)
    grant = await authorisations.grant_for(township, field, facts.power, on)
    context = ActionContext(action="recommend", township=township_code, on=on, field=field, power=facts.power,
                            data=CaseFacts(enabled_fields=frozenset(enabled), grant=grant))
    if refusals := gates.power_authorised(context):  # refused, like filing, when not authorised that day
        raise Refused(refusals)
    return run_recommendation(get_host().hooks_for_fields(enabled), context, facts)

"""The core's own behaviour, registered through the same hooks as every plugin (``trylast``)."""

from __future__ import annotations

from zhifa.core.hookspecs import hookimpl
from zhifa.core.penalty.engine import recommend
from zhifa.core.penalty.model import PenaltyFacts, Recommendation
from zhifa.core.registry import get_host
from zhifa.core.rules import gates
from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal


@hookimpl(trylast=True)
def zhifa_check_action(context: ActionContext) -> list[Refusal]:
    from zhifa.core.procedure import check

    return gates.check(context) + check.check(context)


@hookimpl(trylast=True)
def zhifa_recommend_penalty(context: ActionContext, facts: PenaltyFacts) -> Recommendation:
    return recommend(get_host().registry.in_region(context.township), facts)

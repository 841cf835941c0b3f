"""The core's check of a procedure action: the state allows it, the actor's role, then its gates."""

from __future__ import annotations

from zhifa.core.procedure.actions import ACTIONS
from zhifa.core.procedure.states import STATUS_NAMES, Status
from zhifa.core.rules import people
from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal


def check(ctx: ActionContext) -> list[Refusal]:
    spec = ACTIONS.get(ctx.action)
    if spec is None:
        return []
    status = Status(ctx.data.status)
    if status not in spec.sources:
        return [Refusal(
            "case.wrong_state",
            f"案件处于「{STATUS_NAMES[status]}」阶段，不能进行「{spec.title}」",
        )]
    refusals = people.actor_has_role(*spec.roles)(ctx) if spec.roles else []
    if not refusals and people.acting_in_officer_capacity(ctx, spec.roles):
        refusals = people.actor_certified(ctx)
    missing = [r for need in spec.needs for r in need(ctx)]
    if missing:  # the gates would have nothing to look at
        return refusals + missing
    for gate in spec.gates:
        refusals.extend(gate(ctx))
    return refusals

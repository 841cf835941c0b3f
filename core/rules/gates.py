"""Gates checked before an action. Each takes the ``ActionContext`` and returns refusals.

Services gather the facts a gate needs into ``context.data`` (no I/O here); the core's default
plugin calls ``check`` through the ``zhifa_check_action`` hook, so plugins add their own gates
beside these.
"""

from __future__ import annotations

from typing import Callable

from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal

Gate = Callable[[ActionContext], list[Refusal]]


def field_enabled(ctx: ActionContext) -> list[Refusal]:
    if ctx.field in ctx.data.enabled_fields:
        return []
    return [Refusal("field.not_enabled", f"本乡镇在 {ctx.on} 未获授权办理 {ctx.data.field_name or ctx.field} 领域的案件")]


def power_authorised(ctx: ActionContext) -> list[Refusal]:
    """A power used for a new case must be authorised to the township and in force that day."""
    if ctx.power is None:
        return []
    if ctx.data.grant is not None:
        return []
    return [
        Refusal(
            "power.not_authorised",
            f"执法事项 {ctx.power} 在 {ctx.on} 未授权本乡镇行使（未赋权/委托、已上收或不在有效期内）",
        )
    ]


GATES: dict[str, tuple[Gate, ...]] = {
    "register_clue": (field_enabled, power_authorised),
}


def check(ctx: ActionContext) -> list[Refusal]:
    refusals: list[Refusal] = []
    for gate in GATES.get(ctx.action, ()):
        refusals.extend(gate(ctx))
    return refusals

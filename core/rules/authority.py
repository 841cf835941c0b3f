"""Whose power is used: authorised that day (授权), in force, and coercion never under entrustment."""

from __future__ import annotations

from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal


def power_named(ctx: ActionContext) -> list[Refusal]:
    if ctx.power is None:
        return [Refusal("case.power_required", "立案前必须明确适用的执法事项")]
    return []


def no_coercion_under_entrustment(ctx: ActionContext) -> list[Refusal]:
    """行政强制法第十七条: coercive measures cannot be entrusted."""
    grant = ctx.data.get("grant")
    if grant is not None and grant.basis is not None and grant.basis.value == "entrusted":
        return [Refusal(
            "coercion.entrusted",
            "本案执法事项系受委托行使，受委托组织不得实施查封、扣押等行政强制措施（行政强制法第十七条）",
        )]
    if grant is None:
        return [Refusal("power.not_authorised", f"执法事项 {ctx.power} 在 {ctx.on} 未授权本乡镇行使")]
    return []


def two_stage_not_corrected(ctx: ActionContext) -> list[Refusal]:
    """Two-stage offences: file only after an order to correct, a re-check, and no correction."""
    power = ctx.data.get("power")
    if power is None or not power.two_stage:
        return []
    correction = ctx.data["file"].correction
    if correction is None or correction.corrected is None:
        return [Refusal("case.correction_first", f"{power.name}须先责令改正并复查，逾期不改正的方可立案处罚")]
    if correction.corrected:
        return [Refusal("case.corrected_in_time", "当事人已在期限内改正，依法不予立案处罚")]
    return []

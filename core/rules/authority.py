"""Whose power is used: authorised that day (授权), in force, and coercion never under entrustment."""

from __future__ import annotations

from zhifa.core.catalogue.model import PENALTY_NAMES
from zhifa.core.rules import gates
from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal


def power_named(ctx: ActionContext) -> list[Refusal]:
    if ctx.power is None:
        return [Refusal("case.power_required", "立案前必须明确适用的执法事项")]
    return []


def no_coercion_under_entrustment(ctx: ActionContext) -> list[Refusal]:
    """行政强制法第十七条: coercive measures cannot be entrusted."""
    grant = ctx.data.grant
    if grant is not None and grant.basis is not None and grant.basis.value == "entrusted":
        return [Refusal(
            "coercion.entrusted",
            "本案执法事项系受委托行使，受委托组织不得实施查封、扣押等行政强制措施（行政强制法第十七条）",
        )]
    return gates.power_authorised(ctx)  # the one refusal of a power not authorised that day


def _failed_to_correct(ctx: ActionContext) -> bool:
    correction = ctx.data.file.correction
    return correction is not None and correction.corrected is False


def _punishable_at_once(power) -> bool:
    return bool(power.immediate_penalties or power.direct)


def two_stage_not_corrected(ctx: ActionContext) -> list[Refusal]:
    """Two-stage offences: file only after an order to correct, a re-check, and no correction — unless the
    catalogue says the law imposes something at once (``immediate_penalties``) or punishes a circumstance
    directly (``direct``); what may then be decided is held by ``two_stage_penalties_allowed``."""
    power = ctx.data.power
    if power is None or not power.two_stage or _punishable_at_once(power):
        return []
    correction = ctx.data.file.correction
    if correction is None or correction.corrected is None:
        return [Refusal("case.correction_first", f"{power.name}须先责令改正并复查，逾期不改正的方可立案处罚")]
    if correction.corrected:
        return [Refusal("case.corrected_in_time", "当事人已在期限内改正，依法不予立案处罚")]
    return []


def _decided(ctx: ActionContext) -> tuple[str, object, list[str]]:
    """The situation, the fine and the other kinds this decision imposes (当场处罚 or 作出决定)."""
    data = ctx.data.input
    if ctx.action == "decide_on_spot":
        return data.situation, data.amount, ["warning"] if data.warning else []
    proposal = ctx.data.file.proposal
    situation = ((proposal.recommendation or {}) if proposal else {}).get("situation") or "default"
    return situation, data.amount, list(data.penalties)


def _direct_text(power) -> str:
    return "；".join(f"“{d.text}”" for d in power.direct)


def two_stage_penalties_allowed(ctx: ActionContext) -> list[Refusal]:
    """Before a failure to correct, a two-stage offence gets only what the law imposes at once: the kinds of
    ``immediate_penalties`` and, in a circumstance of ``direct`` (情节严重的), the kinds it attaches and the fine
    ``fines`` has for it."""
    power = ctx.data.power
    if power is None or not power.two_stage or _failed_to_correct(ctx):
        return []
    if ctx.action == "decide" and ctx.data.input.kind != "penalty":
        return []
    situation, amount, kinds = _decided(ctx)
    direct = next((d for d in power.direct if d.situation == situation), None)
    allowed = {k.value for k in power.immediate_penalties} | {k.value for k in (direct.penalties if direct else [])}
    fined_directly = direct is not None and any(f.situation == situation for f in power.fines)
    cited = power.penalised.law + power.penalised.article if power.penalised else power.name
    hint = f"（{_direct_text(power)}：不经责令改正即可处罚，须在调查终结时认定该情形）" if power.direct else ""
    refusals = []
    if amount is not None and not fined_directly:
        refusals.append(Refusal(
            "decision.fine_after_failure_to_correct",
            f"{cited}规定责令改正后拒不改正的才处罚款，本案未经责令改正并复查确认逾期未改正，不得罚款"
            + ("" if direct else hint),
        ))
    later = [PENALTY_NAMES.get(k, k) for k in kinds if k not in allowed]
    if later:
        refusals.append(Refusal(
            "decision.penalty_after_failure_to_correct",
            f"{cited}规定的{'、'.join(later)}须在责令改正后拒不改正时（或者法定可以直接处罚的情形）才能给予，"
            f"本案未经责令改正并复查确认逾期未改正"
            + (f"；现在可以给予的只有：{'、'.join(PENALTY_NAMES[k] for k in sorted(allowed))}" if allowed else "")
            + ("" if direct else hint),
        ))
    return refusals

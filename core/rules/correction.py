"""The order to correct that a decision makes (行政处罚法第二十八条第一款: 实施行政处罚，应当责令当事人改正或者
限期改正违法行为), and its re-check: the decision names what is to be corrected and by when; after the
time limit the officers re-check; a case with an order not re-checked, or found not corrected with no
next step recorded, is not closed."""

from __future__ import annotations

from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal


def order_is_stated(ctx: ActionContext) -> list[Refusal]:
    """决定: an order to correct with a time limit says what is to be corrected."""
    data = ctx.data.input
    if data.correct_by is not None and not data.correction.strip():
        return [Refusal("correction.content_required", "责令限期改正须写明改正的内容（correction）")]
    if data.correction.strip() and data.correct_by is None:
        return [Refusal("correction.deadline_required", "责令限期改正须写明改正期限（correct_by）")]
    return []


def ordered_by_the_decision(ctx: ActionContext) -> list[Refusal]:
    decision = ctx.data.file.decision
    if decision is None or decision.correction is None:
        return [Refusal("correction.not_ordered", "本案决定没有责令限期改正，无需复查")]
    return []


def recheck_after_the_time_limit(ctx: ActionContext) -> list[Refusal]:
    correction = ctx.data.file.decision.correction
    refusals = []
    if correction.rechecked_on is not None:
        refusals.append(Refusal("correction.rechecked", f"已于 {correction.rechecked_on} 复查"))
    if ctx.on <= correction.deadline:
        refusals.append(Refusal("correction.deadline_running",
                                f"改正期限至 {correction.deadline} 届满，期限届满后方可复查"))
    if not ctx.data.input.corrected and not ctx.data.input.follow_up.strip():
        refusals.append(Refusal("correction.follow_up_required",
                                "复查未改正的，须写明后续处理（follow_up，如另案立案查处、依法强制执行）"))
    return refusals


def rechecked_before_closing(ctx: ActionContext) -> list[Refusal]:
    """结案: the decision's order to correct has been re-checked."""
    decision = ctx.data.file.decision
    correction = decision.correction if decision else None
    if correction is not None and correction.rechecked_on is None:
        return [Refusal("correction.not_rechecked",
                        f"决定责令于 {correction.deadline} 前改正，尚未复查（recheck_decision_correction），不能结案")]
    return []

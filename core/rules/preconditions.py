"""What an action needs to exist in the case file before its gates can even be asked.

These run before the action's gates; when one refuses, the gates are not asked (they would have
nothing to look at).
"""

from __future__ import annotations

from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal


def correction_ordered(ctx: ActionContext) -> list[Refusal]:
    if ctx.data.file.correction is None:
        return [Refusal("correction.not_ordered", "尚未责令改正，无从复查")]
    return []


def _indexed(items: list, index: int, code: str, what: str) -> list[Refusal]:
    if 0 <= index < len(items):
        return []
    if not items:
        return [Refusal(code, f"本案没有{what}")]
    return [Refusal(code, f"本案没有第 {index + 1} 项{what}（共 {len(items)} 项，index 从 0 起）")]


def preservation_exists(ctx: ActionContext) -> list[Refusal]:
    return _indexed(ctx.data.file.preservations, ctx.data.input.index, "preservation.not_found", "先行登记保存")


def seizure_exists(ctx: ActionContext) -> list[Refusal]:
    return _indexed(ctx.data.file.seizures, ctx.data.input.index, "seizure.not_found", "查封、扣押")


def something_to_execute(ctx: ActionContext) -> list[Refusal]:
    if ctx.data.file.execution is None and ctx.data.file.demolition is None:
        return [Refusal("execution.nothing_to_execute", "本案决定没有需要执行的罚没款项")]
    return []

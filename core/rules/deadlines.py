"""Gates on time: filing, evidence preservation, seizure, hearing, the 90-day clock, limitation.

Working-day and calendar-day periods come from ``zhifa.core.calendar`` (domain.md "Counting days");
a township's configured lengths override the defaults.
"""

from __future__ import annotations

import datetime as dt

from zhifa.core.calendar import Excluded, Extension, deadline, decision_deadline
from zhifa.core.procedure.casefile import CaseFile
from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal


def _overrides(ctx: ActionContext) -> dict[str, int]:
    settings = ctx.data.settings
    return dict(settings.periods) if settings else {}


def clock_inputs(file: CaseFile) -> tuple[list[Extension], list[Excluded]]:
    extensions = [Extension(days=e.days, approved_on=e.approved_on, approver=e.approver) for e in file.extensions]
    excluded = [Excluded(start=i.start, end=i.end, reason=i.reason) for i in file.excluded]
    return extensions, excluded


def decision_due(filed_on: dt.date, file: CaseFile, on: dt.date) -> dt.date:
    extensions, excluded = clock_inputs(file)
    return decision_deadline(filed_on, extensions, excluded, on=on)


def fixed_decision_due(status: str, filed_on: dt.date | None, file: CaseFile) -> dt.date | None:
    """The 90-day clock's last day where it is fixed — kept on the case row, indexed, for the overdue list.

    None where the clock is not running (not filed, decided, closed …) or where it depends on the day
    asked (an excluded period still open, e.g. 中止): those are computed on the day they are listed.
    """
    from zhifa.core.procedure.states import CLOCK_RUNNING

    if filed_on is None or status not in {s.value for s in CLOCK_RUNNING} or any(i.end is None for i in file.excluded):
        return None
    return decision_due(filed_on, file, None)


def filing_in_time(ctx: ActionContext) -> list[Refusal]:
    """Decide whether to file within 15 working days of finding the clue (extendable by 15)."""
    found = ctx.data.found_on
    last = deadline("filing_decision", found, _overrides(ctx))
    if ctx.data.file.filing_extension is not None:
        last = deadline("filing_extension", last, _overrides(ctx))
    if ctx.on <= last:
        return []
    return [Refusal("filing.deadline_passed", f"线索于 {found} 发现，应在 {last} 前决定是否立案；已超期，须先经批准延长")]


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def within_limitation(ctx: ActionContext) -> list[Refusal]:
    """第三十六条: not discovered within 2 years (5 where life, health or finance and harm) — no penalty."""
    file: CaseFile = ctx.data.file
    start = ctx.data.act_ended or file.act_date
    if start is None:
        return []
    power = ctx.data.power
    five = power is not None and power.five_year_limitation and ctx.data.harmful_consequences
    years = 5 if five else 2
    found = ctx.data.found_on
    if found <= add_years(start, years):
        return []
    return [Refusal(
        "case.limitation_expired",
        f"违法行为于 {start} 发生（或终了），至 {found} 发现已超过 {years} 年，不再给予行政处罚（第三十六条）",
    )]


def preservation_decided_in_time(ctx: ActionContext) -> list[Refusal]:
    """第五十六条: a handling decision within 7 working days of registering the evidence."""
    item = ctx.data.file.preservations[ctx.data.input.index]
    last = deadline("evidence_preservation", item.registered_on, _overrides(ctx))
    if ctx.on <= last:
        return []
    return [Refusal("preservation.late", f"先行登记保存于 {item.registered_on}，应在 {last}（七个工作日）内作出处理决定")]


def seizure_within_limits(ctx: ActionContext) -> list[Refusal]:
    days = ctx.data.input.days
    if 1 <= days <= 30:
        return []
    return [Refusal("seizure.too_long", f"查封、扣押的期限不得超过三十日（行政强制法第二十五条），申请 {days} 日")]


def seizure_extension_allowed(ctx: ActionContext) -> list[Refusal]:
    item = ctx.data.file.seizures[ctx.data.input.index]
    days = ctx.data.input.days
    if item.extended_days == 0 and 1 <= days <= 30:
        return []
    return [Refusal("seizure.extension", "查封、扣押只能延长一次，且延长期限不得超过三十日（行政强制法第二十五条）")]


#: The longest one extension of the decision clock may be. The law leaves the length to departmental rules
#: (市场监管: thirty days with the head's approval, then a reasonable period decided collectively), so the
#: gate refuses only what cannot be such a period: no day, fewer, or more than a year at once.
MAX_DECISION_EXTENSION_DAYS = 365


def decision_extension_within_limits(ctx: ActionContext) -> list[Refusal]:
    """An extension of the 90-day clock is a whole number of days, 1 to ``MAX_DECISION_EXTENSION_DAYS``.

    Zero or negative days were recorded and left the case unreadable (the clock refuses them, 500 on
    every read); a count of days past the calendar's end did the same (400 on every read).
    """
    days = ctx.data.input.days
    if 1 <= days <= MAX_DECISION_EXTENSION_DAYS:
        return []
    shown = str(days) if len(str(days)) <= 20 else f"{str(days)[:20]}…（{len(str(days))} 位数）"
    return [Refusal("decision.extension_days",
                    f"「days」延长办案期限应为 1 至 {MAX_DECISION_EXTENSION_DAYS} 日（整数），收到 {shown}")]


def hearing_requested_in_time(ctx: ActionContext) -> list[Refusal]:
    notice = ctx.data.file.notice
    if not notice.hearing_offered:
        return [Refusal("hearing.not_available", "本案拟作出的处罚不属于应当告知听证权利的情形")]
    last = deadline("hearing_request", notice.served_on, _overrides(ctx))
    if ctx.on <= last:
        return []
    return [Refusal("hearing.request_late", f"告知书于 {notice.served_on} 送达，应在 {last}（五个工作日）内提出听证申请")]


def hearing_notified_in_time(ctx: ActionContext) -> list[Refusal]:
    """第六十四条: notify the time and place at least 7 working days before the hearing."""
    earliest = deadline("hearing_notice", ctx.on, _overrides(ctx))
    hearing_on = ctx.data.input.hearing_on
    if hearing_on >= earliest:
        return []
    return [Refusal("hearing.notice_too_short", f"于 {ctx.on} 通知的听证最早只能在 {earliest} 举行（听证七日前通知），拟定 {hearing_on}")]


def decided_in_time(ctx: ActionContext) -> list[Refusal]:
    """第六十条: decide within 90 days of filing, plus approved extensions and excluded periods."""
    filed_on = ctx.data.filed_on
    due = decision_due(filed_on, ctx.data.file, ctx.on)
    if ctx.on <= due:
        return []
    return [Refusal("decision.overdue", f"立案于 {filed_on}，应在 {due} 前作出决定（第六十条）；已超期，须先经批准延长")]

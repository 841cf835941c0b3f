"""Gates of forced demolition (强制拆除) after a served 限期拆除 decision.

行政强制法第四十四条: a building, structure or facility to be demolished by force is first the
subject of a public notice (公告) giving the party a time limit to demolish it; only when the party
has neither applied for reconsideration nor sued within the statutory periods (60 days, 行政复议法
第二十条; six months, 行政诉讼法第四十六条, both from service) and has not demolished may the
authority demolish by force. The forced-execution procedure then runs: 催告 in writing with a time
limit (第三十五条), the party's statement and defence (第三十六条), and a decision on forced
execution (第三十七条) — or, for an obligation another can perform, a decision on 代履行 naming the
performer and the estimated cost (第五十条、第五十一条). It is not carried out on a statutory holiday
(第四十三条; nor at night, which the record states).
"""

from __future__ import annotations

import datetime as dt

from zhifa.core.calendar import court_application_opens
from zhifa.core.calendar.sources import day_status
from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal

WAYS = {"forced": "强制拆除", "substitute": "代履行"}


def _demolition(ctx: ActionContext):
    return ctx.data.file.demolition


def demolition_ordered(ctx: ActionContext) -> list[Refusal]:
    """A decision to demolish within a time limit (责令限期拆除), served (precondition)."""
    file = ctx.data.file
    if file.decision is None or "demolish" not in file.decision.penalties or file.demolition is None:
        return [Refusal("demolition.not_ordered", "本案没有已送达的责令限期拆除决定，不能进行强制拆除程序（行政强制法第四十四条）")]
    return []


def announced_once(ctx: ActionContext) -> list[Refusal]:
    if _demolition(ctx).announced_on is not None:
        return [Refusal("demolition.announced", f"本案已于 {_demolition(ctx).announced_on} 公告限期自行拆除")]
    return []


def announced(ctx: ActionContext) -> list[Refusal]:
    if _demolition(ctx).announced_on is None:
        return [Refusal("demolition.not_announced",
                        "强制拆除前，应当先予公告，限期当事人自行拆除（行政强制法第四十四条）")]
    return []


def _after(ctx: ActionContext, by: dt.date | None, code: str, message: str) -> list[Refusal]:
    """Refused on or before ``by`` (a time limit given to the party): ``message`` names it."""
    return [Refusal(code, message.format(by=by))] if by is not None and ctx.on <= by else []


def self_demolition_period_over(ctx: ActionContext) -> list[Refusal]:
    """催告 only once the notice's time limit to demolish oneself has passed."""
    return _after(ctx, _demolition(ctx).demolish_by, "demolition.self_period_running",
                  "公告限期当事人于 {by} 前自行拆除，期限届满后方可催告（行政强制法第四十四条）")


def remedy_periods_over(ctx: ActionContext) -> list[Refusal]:
    """第四十四条: only after the reconsideration and litigation periods ran out with no remedy pending."""
    file = ctx.data.file
    refusals = []
    opens = court_application_opens(file.service.served_on)
    if ctx.on < opens:
        refusals.append(Refusal(
            "demolition.remedy_periods_running",
            f"当事人申请行政复议（六十日）、提起行政诉讼（六个月）的期限至 {opens - dt.timedelta(days=1)} 届满，"
            f"期限内不得强制拆除，即 {opens} 起方可进行（行政强制法第四十四条）"))
    pending = [r for r in _demolition(ctx).remedies if r.end is None]
    if pending:
        name = {"reconsideration": "行政复议", "litigation": "行政诉讼"}
        refusals.append(Refusal(
            "demolition.remedy_pending",
            f"当事人已于 {pending[0].start} 提起{name.get(pending[0].reason, pending[0].reason)}，尚未审结，不得强制拆除"
            "（行政强制法第四十四条）"))
    return refusals


def demand_served(ctx: ActionContext) -> list[Refusal]:
    if _demolition(ctx).demand_served_on is None:
        return [Refusal("demolition.no_demand", "作出强制执行决定前，应当事先以书面形式催告当事人履行义务（行政强制法第三十五条）")]
    return []


def demand_period_over(ctx: ActionContext) -> list[Refusal]:
    """第三十七条: the party failed to perform by the demand's time limit."""
    return _after(ctx, _demolition(ctx).perform_by, "demolition.demand_period_running",
                  "催告书限当事人于 {by} 前履行，逾期仍不履行的，方可作出强制执行决定（行政强制法第三十七条）")


def not_decided(ctx: ActionContext) -> list[Refusal]:
    d = _demolition(ctx)
    if d.decided_on is not None:
        return [Refusal("demolition.decided", f"本案已于 {d.decided_on} 作出{WAYS.get(d.way, d.way)}决定")]
    return []


def decided(ctx: ActionContext) -> list[Refusal]:
    d = _demolition(ctx)
    if d.decided_on is None:
        return [Refusal("demolition.not_decided", "尚未作出强制拆除或者代履行决定（行政强制法第三十七条、第五十一条）")]
    if d.carried_out_on is not None:
        return [Refusal("demolition.carried_out", f"已于 {d.carried_out_on} 实施完毕")]
    return []


def finished_before_closing(ctx: ActionContext) -> list[Refusal]:
    """结案: a decided forced demolition or 代履行 is carried out first."""
    d = ctx.data.file.demolition
    if d is not None and d.decided_on is not None and d.carried_out_on is None:
        return [Refusal("demolition.not_carried_out",
                        f"已于 {d.decided_on} 作出{WAYS.get(d.way, d.way)}决定，尚未实施（carry_out_demolition），不能结案")]
    return []


def statutory_holiday(day: dt.date) -> str:
    """The holiday's name when ``day`` is a statutory holiday (法定节假日) day off; "" otherwise."""
    status = day_status(day)
    if status.working or not status.note or status.note.startswith("可能"):
        return ""
    return status.note


def not_on_a_statutory_holiday(ctx: ActionContext) -> list[Refusal]:
    """第四十三条: 不得在夜间或者法定节假日实施行政强制执行 (the planned day too, when the decision names one)."""
    planned = getattr(ctx.data.input, "carry_out_on", None)
    day = planned if planned is not None else (ctx.on if ctx.action == "carry_out_demolition" else None)
    if day is not None and (holiday := statutory_holiday(day)):
        return [Refusal("demolition.statutory_holiday",
                        f"{day} 是法定节假日（{holiday}），不得实施行政强制执行（行政强制法第四十三条）")]
    return []

"""Payment and enforcement: due dates, the late-payment surcharge, instalments, court application.

Law: 行政处罚法第66条 (deferral/instalments with approval), 第67条 (pay within 15 days of
service), 第72条 (加处罚款 of 3% of the fine per day, never more than the fine; with deferral the
court-application period starts when the deferral ends), 第73条第3款 (no surcharge while
复议 or 诉讼 is pending); 行政强制法第35条 (催告书), 第45条 (surcharge told to the party),
第53条 (apply to court only once the 复议 and 诉讼 periods have run out, and within 3 months
after; 行诉法解释第156条), 第54条 (apply only after 10 working days from service of the 催告书).

Conventions:
- Surcharge day 1 is the day after ``due``; the due day itself is free. Days in ``paused``
  intervals (both ends inclusive, open ones running to ``on``) are not counted.
- The surcharge is computed exactly as fine × 3% × days, capped at the fine, and only then
  quantized to 0.01 yuan with ROUND_HALF_UP (no per-day rounding).
- The court-application window opens the day after the later of the party's reconsideration
  (60 days) and litigation (6 months) periods, each rolled forward past a closing holiday and,
  in a provisional year, taken on the party's side (the latest it could end), or the day after
  an approved deferral if that is later.
- The court-application period starts at the end of the party's litigation period (6 months
  after service, rolled forward if it ends on a holiday), or at the end of an approved deferral
  or instalment plan if that is later; its own last day is not rolled forward.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import msgspec
from zhifa.core.calendar.decision_clock import Excluded, merged_intervals
from zhifa.core.calendar.periods import add_months, deadline, period
from zhifa.core.calendar.sources import Side
from zhifa.core.calendar.workdays import require_date

SURCHARGE_RATE = Decimal("0.03")
_CENT = Decimal("0.01")


def _money(value: object, name: str) -> Decimal:
    if not isinstance(value, Decimal):
        raise TypeError(f"{name}必须是 Decimal，收到 {type(value).__name__}")
    if not value.is_finite() or value < 0:
        raise ValueError(f"{name}必须是非负的有限金额，收到 {value}")
    return value


def payment_due(served_on: dt.date) -> dt.date:
    """Last day to pay the fine: 15 days after service, rolled past a closing holiday."""
    return deadline("payment", served_on)


def surcharge_days(due: dt.date, on: dt.date, paused: Sequence[Excluded] = ()) -> int:
    """Surcharge days: days after ``due`` up to and including ``on``, less paused days; never negative."""
    require_date(due, "缴款期限届满日")
    require_date(on, "计算日期")
    if on <= due:
        return 0
    days = (on - due).days
    for start, end in merged_intervals(paused, on):
        start, end = max(start, due + dt.timedelta(days=1)), min(end, on)
        if end >= start:
            days -= (end - start).days + 1
    return max(days, 0)


def surcharge(fine: Decimal, due: dt.date, on: dt.date, paused: Sequence[Excluded] = ()) -> Decimal:
    """加处罚款 owed on ``on``: fine × 3% × days, capped at the fine, to the cent."""
    _money(fine, "罚款金额")
    amount = min(fine * SURCHARGE_RATE * surcharge_days(due, on, paused), fine)
    return amount.quantize(_CENT, rounding=ROUND_HALF_UP)


class Instalment(msgspec.Struct, frozen=True):
    """One instalment of an approved 分期缴纳 plan (行政处罚法第66条)."""

    due: dt.date
    amount: Decimal


def check_instalments(fine: Decimal, instalments: Sequence[Instalment]) -> list[str]:
    """Problems (Chinese) with an instalment plan; [] when it is sound."""
    _money(fine, "罚款金额")
    if not instalments:
        return ["分期缴纳计划至少应有一期"]
    problems: list[str] = []
    for i, item in enumerate(instalments, start=1):
        if not isinstance(item.amount, Decimal) or not item.amount.is_finite():
            problems.append(f"第{i}期金额必须是 Decimal 金额")
            continue
        if item.amount <= 0:
            problems.append(f"第{i}期金额必须大于零，现为{item.amount}元")
        elif item.amount != item.amount.quantize(_CENT):
            problems.append(f"第{i}期金额{item.amount}元精确到分以下，金额只能到分")
        if i > 1 and item.due <= instalments[i - 2].due:
            problems.append(f"第{i}期缴纳日{item.due}应晚于第{i - 1}期缴纳日{instalments[i - 2].due}")
    if not problems:
        total = sum((item.amount for item in instalments), Decimal(0))
        if total != fine:
            problems.append(f"各期金额合计{total}元，与罚款金额{fine}元不符")
    return problems


def earliest_court_application(demand_served_on: dt.date) -> dt.date:
    """First day the authority may apply to court: the day after 10 working days from the 催告书's service."""
    return deadline("demand_before_court", demand_served_on) + dt.timedelta(days=1)


def court_application_opens(decision_served_on: dt.date, *, deferred_until: dt.date | None = None) -> dt.date:
    """First day the 复议 and 诉讼 periods (and any deferral) allow a court application (行政强制法第53条).

    Until the party's periods have run out the party may still seek a remedy, so the window opens
    the day after the later of the two, counted on the party's side.
    """
    ends = [deadline("reconsideration", decision_served_on), deadline("litigation", decision_served_on)]
    if deferred_until is not None:
        ends.append(require_date(deferred_until, "延期或分期缴纳届满日"))
    return max(ends) + dt.timedelta(days=1)


def court_application_deadline(decision_served_on: dt.date, *, deferred_until: dt.date | None = None) -> dt.date:
    """Last day to apply to court: 3 months after the litigation period (or a later deferral) ends.

    This is a limit on the authority, so in a provisional year the litigation period's end is
    taken on the authority's side (the earliest it could be).
    """
    start = deadline("litigation", decision_served_on, side=Side.authority)
    if deferred_until is not None:
        start = max(start, require_date(deferred_until, "延期或分期缴纳届满日"))
    return add_months(start, period("court_application").length)

"""The working-day calendar (工作日历): weekends, statutory holidays and 调休.

Short periods count working days only: 行政处罚法第85条 ("二日""三日""五日""七日" are working
days, statutory holidays excluded) and 行政强制法第69条 (periods of ten days or less). Whether a
day is a working day follows the State Council's annual holiday notice (国务院办公厅关于节假日
安排的通知), including make-up working days (调休上班日, e.g. Sunday 2025-09-28). Each year comes
from the first source that covers it (``zhifa.core.calendar.sources``): the deployment's loaded
notice, the maintained ``chinesecalendar`` package, or — for a year nobody has published yet —
the provisional rule, counted on the ``side`` that is safe for the period. No date is ever
"not covered": a computation always answers, and :func:`zhifa.core.calendar.periods.due`
says whether the answer is provisional (暂定).

Counting rule: the day a period starts is not counted (民法典第201条; 民事诉讼法第85条
"期间开始的时和日，不计算在期间内").
"""

from __future__ import annotations

import datetime as dt

from zhifa.core.calendar.sources import Side, working

_ONE_DAY = dt.timedelta(days=1)


class CalendarNotCovered(Exception):
    """Kept for plugins written against earlier versions; the layered calendar never raises it."""

    def __init__(self, day: dt.date) -> None:
        self.year = day.year
        self.day = day
        super().__init__(f"工作日历未覆盖{day.year}年（{day.isoformat()}）")


def require_date(value: object, name: str = "日期") -> dt.date:
    """Accept a plain ``date`` only: a ``datetime`` would hide a time-zone question."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise TypeError(f"{name}必须是 datetime.date（本地法定日期），收到 {type(value).__name__}")
    return value


def is_working_day(day: dt.date, side: Side = Side.authority) -> bool:
    """True on a working day: a weekday that is not a holiday, or a make-up working day.

    ``side`` only matters in a provisional year (see :class:`~zhifa.core.calendar.sources.Side`).
    """
    require_date(day)
    return working(day, side)


def add_working_days(start: dt.date, n: int, side: Side = Side.authority) -> dt.date:
    """The n-th working day after ``start``; ``start`` itself never counts. ``n`` >= 1."""
    require_date(start, "起算日")
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"工作日数必须是不小于1的整数，收到 {n!r}")
    day, counted = start, 0
    while counted < n:
        day += _ONE_DAY
        if working(day, side):
            counted += 1
    return day


def working_days_after(start: dt.date, end: dt.date, side: Side = Side.authority) -> int:
    """Number of working days d with start < d <= end (0 when end <= start).

    Counting how late the authority is, the default side counts the most possible working days.
    """
    require_date(start, "起算日")
    require_date(end, "截止日")
    # by ordinal: ``day + 1`` past 9999-12-31 is no date
    return sum(working(dt.date.fromordinal(n), side) for n in range(start.toordinal() + 1, end.toordinal() + 1))


def first_working_day_on_or_after(day: dt.date, side: Side = Side.party) -> dt.date:
    """``day`` itself if it is a working day, else the next working day.

    Used to roll a party's last day past a rest day (民法典第203条), so the default side is the party's.
    """
    require_date(day)
    while not working(day, side):
        day += _ONE_DAY
    return day

"""The official working-day calendar (工作日历): weekends, statutory holidays and 调休.

Short periods count working days only: 行政处罚法第85条 ("二日""三日""五日""七日" are working
days, statutory holidays excluded) and 行政强制法第69条 (periods of ten days or less). Whether a
day is a working day follows the State Council's annual holiday notice (国务院办公厅关于节假日
安排的通知), including make-up working days (调休上班日, e.g. Sunday 2025-09-28), read from the
maintained ``chinese_calendar`` package — never from a hand-typed list. A date outside that
package's data raises :class:`CalendarNotCovered`; upgrade ``chinesecalendar`` once the State
Council publishes the next year's notice (usually in November).

Counting rule: the day a period starts is not counted (民法典第201条; 民事诉讼法第85条
"期间开始的时和日，不计算在期间内").
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar

_ONE_DAY = dt.timedelta(days=1)


class CalendarNotCovered(Exception):
    """The official holiday data does not cover this date's year."""

    def __init__(self, day: dt.date) -> None:
        self.year = day.year
        self.day = day
        super().__init__(
            f"工作日历未覆盖{day.year}年（{day.isoformat()}）：chinese_calendar 尚无该年国务院节假日安排数据，"
            "请升级 chinesecalendar 包后再计算工作日期限"
        )


def require_date(value: object, name: str = "日期") -> dt.date:
    """Accept a plain ``date`` only: a ``datetime`` would hide a time-zone question."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise TypeError(f"{name}必须是 datetime.date（本地法定日期），收到 {type(value).__name__}")
    return value


def is_working_day(day: dt.date) -> bool:
    """True on a working day: a weekday that is not a holiday, or an official make-up working day."""
    require_date(day)
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError as exc:  # the package's signal for a year it has no data for
        raise CalendarNotCovered(day) from exc


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The n-th working day after ``start``; ``start`` itself never counts. ``n`` >= 1."""
    require_date(start, "起算日")
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"工作日数必须是不小于1的整数，收到 {n!r}")
    day, counted = start, 0
    while counted < n:
        day += _ONE_DAY
        if is_working_day(day):
            counted += 1
    return day


def working_days_after(start: dt.date, end: dt.date) -> int:
    """Number of working days d with start < d <= end (0 when end <= start)."""
    require_date(start, "起算日")
    require_date(end, "截止日")
    count, day = 0, start + _ONE_DAY
    while day <= end:
        if is_working_day(day):
            count += 1
        day += _ONE_DAY
    return count


def first_working_day_on_or_after(day: dt.date) -> dt.date:
    """``day`` itself if it is a working day, else the next working day."""
    require_date(day)
    while not is_working_day(day):
        day += _ONE_DAY
    return day

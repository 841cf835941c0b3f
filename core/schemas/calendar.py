"""The working-day calendar as it crosses the API and the CLI."""

from __future__ import annotations

import datetime as dt

import msgspec


class CalendarDay(msgspec.Struct, kw_only=True):
    day: dt.date
    working: bool  # 是否工作日（暂定年份：按无调休计；不确定的日子见 note）
    source: str  # deployment | official | provisional
    note: str = ""  # 节日名称、调休上班，或暂定年份中可能调休的说明


class CalendarYearRead(msgspec.Struct, kw_only=True):
    year: int
    source: str  # deployment（本地加载）| official（官方数据包）| provisional（暂定）
    source_name: str
    notice: str  # 所依据的通知文号、数据包版本或暂定规则
    provisional: bool
    loaded_by: str = ""
    loaded_at: dt.datetime | None = None
    days: list[CalendarDay] = []


class DeadlineChange(msgspec.Struct, kw_only=True):
    """A running deadline recomputed because a year's holiday data arrived."""

    case_id: int
    township: str
    number: str | None
    code: str
    name: str
    old: dt.date
    new: dt.date
    provisional_before: bool
    provisional_after: bool
    protects: str


class RecomputeReport(msgspec.Struct, kw_only=True):
    cases_examined: int = 0  # open cases with a provisional deadline
    cases_changed: int = 0
    records_changed: int = 0  # referrals (乡呼县应) and inspection results whose stored time limit moved
    changes: list[DeadlineChange] = []
    newly_overdue: list[DeadlineChange] = []  # deadlines that moved into the past (see ``protects``)


class CalendarLoadResult(msgspec.Struct, kw_only=True):
    year: int
    source: str
    forced: bool
    differs: list[dt.date] = []  # days contradicting the official package (loaded only when forced)
    recompute: RecomputeReport

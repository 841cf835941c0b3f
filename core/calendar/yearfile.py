"""A year file: the State Council's holiday notice as data, checked before it is loaded.

The format (TOML; dates as TOML dates or ISO strings)::

    year = 2027
    source = "国办发明电〔2026〕N号"          # the notice it transcribes
    holidays = [2027-01-01, 2027-02-06, …]  # rest days (放假), weekends inside a holiday may be listed
    workdays = [2027-02-14, …]              # make-up working days (调休上班), Saturdays or Sundays

A day is a working day when it is a make-up working day, or a weekday that is not a rest day.
Checked here: every date lies in the year; no date is both; make-up days fall on weekends; every
statutory holiday of 《全国年节及纪念日放假办法》 is a rest day; the source is named. Whether the
year contradicts the official package is :func:`differences` (refused unless forced).
"""

from __future__ import annotations

import datetime as dt
import tomllib

import msgspec
from zhifa.core.calendar.sources import YearData, package_status

FIRST_YEAR, LAST_YEAR = 2004, 2200


class YearFileInvalid(ValueError):
    """A year file that cannot be loaded; ``problems`` are Chinese, one per mistake."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("；".join(problems))


class YearFile(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    year: int
    source: str
    holidays: list[dt.date] = []
    workdays: list[dt.date] = []


def parse(text: str) -> YearFile:
    """Decode a year file; every mistake named."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise YearFileInvalid([f"日历文件不是有效的 TOML：{exc}"]) from None
    try:
        data = msgspec.convert(raw, YearFile, strict=False)
    except msgspec.ValidationError as exc:
        raise YearFileInvalid([f"日历文件格式有误：{exc}（应有 year、source、holidays、workdays）"]) from None
    problems = check(data)
    if problems:
        raise YearFileInvalid(problems)
    return data


def check(data: YearFile) -> list[str]:
    from zhifa.core.calendar.provisional import statutory_holidays

    if not FIRST_YEAR <= data.year <= LAST_YEAR:
        return [f"年份 {data.year} 超出可加载范围（{FIRST_YEAR}–{LAST_YEAR}）"]
    problems: list[str] = []
    if not data.source.strip():
        problems.append("source 不能为空：请写明所依据的国务院办公厅通知文号")
    for name, days in (("holidays", data.holidays), ("workdays", data.workdays)):
        outside = sorted(d for d in days if d.year != data.year)
        if outside:
            problems.append(f"{name} 中的日期不在 {data.year} 年：{_dates(outside)}")
    both = sorted(set(data.holidays) & set(data.workdays))
    if both:
        problems.append(f"以下日期既是放假日又是调休上班日：{_dates(both)}")
    weekday_workdays = sorted(d for d in data.workdays if d.weekday() < 5)
    if weekday_workdays:
        problems.append(f"调休上班日应为周六或周日，以下日期是工作日本身：{_dates(weekday_workdays)}")
    statutory = statutory_holidays(data.year)
    working = sorted(d for d in statutory if d in set(data.workdays) or (d.weekday() < 5 and d not in set(data.holidays)))
    if working:
        named = "、".join(f"{d.isoformat()}（{statutory[d]}）" for d in working)
        problems.append(f"以下日期是《全国年节及纪念日放假办法》规定的法定节日，必须放假：{named}")
    return problems


def year_data(data: YearFile, *, loaded_by: str = "", loaded_at: dt.datetime | None = None) -> YearData:
    return YearData(year=data.year, holidays=frozenset(data.holidays), workdays=frozenset(data.workdays),
                    source=data.source.strip(), loaded_by=loaded_by, loaded_at=loaded_at)


def differences(data: YearData) -> list[dt.date]:
    """Days on which ``data`` and the official package disagree ([] when the package lacks the year)."""
    day, found = dt.date(data.year, 1, 1), []
    while day.year == data.year:
        official = package_status(day)
        if official is not None and official != data.is_working(day):
            found.append(day)
        day += dt.timedelta(days=1)
    return found


def _dates(days: list[dt.date], limit: int = 10) -> str:
    shown = "、".join(d.isoformat() for d in days[:limit])
    return shown + (f" 等 {len(days)} 天" if len(days) > limit else "")

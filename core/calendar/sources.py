"""Where each year's holiday data comes from: three layers, first match wins, each day tagged.

1. **Deployment** (``本地加载``): a year the deployment loaded with ``zhifa calendar load FILE``
   from the State Council's notice (国务院办公厅关于××年部分节假日安排的通知), stored in the
   database (table ``calendar_year``) so every server process and the CLI see the same data;
   ``zhifa.core.services.calendar`` installs the stored years here.
2. **Official** (``官方数据包``): the maintained ``chinesecalendar`` package (2004 up to the
   newest year it publishes).
3. **Provisional** (``暂定``): for a year no source covers, the rule of
   ``zhifa.core.calendar.provisional`` — weekends plus the statutory holidays of
   《全国年节及纪念日放假办法》 — with the days the State Council's notice could still change
   counted the way that is safe for the period in question (see :class:`Side`).

Everything here is in memory and pure; the database layer only calls :func:`install`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from enum import Enum

import chinese_calendar
import msgspec


class Source(str, Enum):
    deployment = "deployment"  # 本地加载的国务院通知
    official = "official"  # chinesecalendar 官方数据包
    provisional = "provisional"  # 暂定：周末与法定节日，调休未公布


SOURCE_NAMES = {Source.deployment: "本地加载", Source.official: "官方数据包", Source.provisional: "暂定"}


class Side(str, Enum):
    """Which way a still-unknown day is counted in a provisional year.

    ``party``: the fewest possible working days — a period that protects the party (reply,
    defence, hearing request, payment, reconsideration, litigation, a lead time before the
    authority may act) then never ends earlier than the official schedule could make it.
    ``authority``: the most possible working days — a limit on the authority (filing decision,
    preservation decision, service, publication) then never ends later.
    """

    party = "party"
    authority = "authority"


class YearData(msgspec.Struct, frozen=True, kw_only=True):
    """One year's holiday schedule: rest days and make-up working days, and where it came from."""

    year: int
    holidays: frozenset[dt.date]  # 放假日（可含周末）
    workdays: frozenset[dt.date] = frozenset()  # 调休上班日（周六、周日）
    source: str  # e.g. 国办发明电〔2026〕N号
    loaded_by: str = ""
    loaded_at: dt.datetime | None = None

    def is_working(self, day: dt.date) -> bool:
        return day in self.workdays or (day.weekday() < 5 and day not in self.holidays)


class DayStatus(msgspec.Struct, frozen=True):
    day: dt.date
    working: bool
    source: Source
    note: str = ""  # the holiday's name, or why a provisional day is uncertain


_HOLIDAY_NAMES = {h.value: h.chinese for h in chinese_calendar.Holiday}
_deployment: dict[int, YearData] = {}
_hidden_official: set[int] = set()
_generation = [0]


def install(years: Iterable[YearData]) -> None:
    """Replace the deployment's loaded years (called by the database layer)."""
    _deployment.clear()
    _deployment.update({y.year: y for y in years})


def reset() -> None:
    """Forget the loaded years: another database was configured, so they must be read again."""
    _deployment.clear()
    _generation[0] += 1


def generation() -> int:
    return _generation[0]


def installed() -> dict[int, YearData]:
    return dict(_deployment)


@contextlib.contextmanager
def official_hidden(*years: int) -> Iterator[None]:
    """Act as if the official package had no data for ``years`` (ground-truth tests, what-ifs)."""
    before = set(_hidden_official)
    _hidden_official.update(years)
    try:
        yield
    finally:
        _hidden_official.clear()
        _hidden_official.update(before)


@functools.cache
def _package_covers(year: int) -> bool:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:  # the year after 9999 is asked about for 9999's late December
        return False
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 30))
    except NotImplementedError:
        return False
    return True


def official_covers(year: int) -> bool:
    return year not in _hidden_official and _package_covers(year)


def year_source(year: int) -> Source:
    if year in _deployment:
        return Source.deployment
    if official_covers(year):
        return Source.official
    return Source.provisional


def is_provisional(year: int) -> bool:
    return year_source(year) is Source.provisional


def _year_end_uncertain(day: dt.date) -> bool:
    """A late-December day the *next* year's notice may still change (its 元旦 调休, e.g. the
    2019 notice made 2018-12-29 a working Saturday and 12-31 a rest day) while that notice is
    not out: such a day of a covered year is counted as in a provisional year."""
    if day.month != 12 or day.day < 20 or not is_provisional(day.year + 1):
        return False
    from zhifa.core.calendar import provisional

    year = provisional.provisional_year(day.year)
    return day in year.maybe_rest or day in year.maybe_work


def any_provisional(first: dt.date, last: dt.date) -> bool:
    """True when a day in [first, last] is counted by the provisional rule."""
    for y in range(first.year, last.year + 1):
        if is_provisional(y):
            return True
        if is_provisional(y + 1) and last >= dt.date(y, 12, 20):
            start, end = max(first, dt.date(y, 12, 20)), min(last, dt.date(y, 12, 31))
            if any(_year_end_uncertain(start + dt.timedelta(days=i)) for i in range((end - start).days + 1)):
                return True
    return False


def _provisional_working(day: dt.date, side: Side) -> bool:
    from zhifa.core.calendar import provisional

    year = provisional.provisional_year(day.year)
    if side is Side.party:
        return day.weekday() < 5 and day not in year.statutory and day not in year.maybe_rest
    return day not in year.statutory and (day.weekday() < 5 or day in year.maybe_work)


def working(day: dt.date, side: Side) -> bool:
    """Whether ``day`` counts as a working day, from the first source that covers its year."""
    if _year_end_uncertain(day):
        return _provisional_working(day, side)
    data = _deployment.get(day.year)
    if data is not None:
        return data.is_working(day)
    if official_covers(day.year):
        return chinese_calendar.is_workday(day)
    return _provisional_working(day, side)


def package_status(day: dt.date) -> bool | None:
    """The official package's answer for ``day``, or None when it has no data for the year."""
    return chinese_calendar.is_workday(day) if _package_covers(day.year) else None


def day_status(day: dt.date) -> DayStatus:
    """What a day is and why: for provisional years, 'uncertain' days say which way they may go."""
    source = Source.provisional if _year_end_uncertain(day) else year_source(day.year)
    if source is Source.deployment:
        data = _deployment[day.year]
        note = "调休上班" if day in data.workdays else ("放假" if day in data.holidays else "")
        return DayStatus(day, data.is_working(day), source, note)
    if source is Source.official:
        _, name = chinese_calendar.get_holiday_detail(day)
        note = _HOLIDAY_NAMES.get(name, name or "")
        if chinese_calendar.is_workday(day) and day.weekday() >= 5:
            note = f"{note}调休上班" if note else "调休上班"
        return DayStatus(day, chinese_calendar.is_workday(day), source, note)
    from zhifa.core.calendar import provisional

    year = provisional.provisional_year(day.year)
    if day in year.statutory:
        return DayStatus(day, False, source, "法定节日")
    if day in year.maybe_rest:
        return DayStatus(day, True, source, "可能调休放假：当事人期限按休息日、机关期限按工作日计")
    if day in year.maybe_work:
        return DayStatus(day, False, source, "可能调休上班：机关期限按工作日、当事人期限按休息日计")
    return DayStatus(day, day.weekday() < 5, source, "")

"""The deployment's holiday years: load a notice, show a year, keep every process in step.

Loaded years live in the table ``calendar_year`` so every server process and the CLI see the
same data; each process holds them in memory (``zhifa.core.calendar.sources``) and re-reads the
table at most every ``REFRESH_SECONDS`` (the API checks before each request, the CLI at start).
Loading a year recomputes, in the same transaction, every running deadline that rested on
provisional data (``zhifa.core.services.deadline_recompute``).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from importlib.metadata import PackageNotFoundError, version

import msgspec
from zhifa.core import clock
from zhifa.core.calendar import sources, yearfile
from zhifa.core.calendar.sources import SOURCE_NAMES, Source, YearData
from zhifa.core.db.tables import CalendarYear
from zhifa.core.db.transaction import write_transaction
from zhifa.core.schemas.calendar import CalendarDay, CalendarLoadResult, CalendarYearRead, RecomputeReport
from zhifa.core.services import deadline_recompute
from zhifa.core.services.errors import Conflict, Invalid

log = logging.getLogger(__name__)

REFRESH_SECONDS = 5.0
_checked = {"at": float("-inf"), "generation": -1}


def _decode(raw) -> list:
    return msgspec.json.decode(raw) if isinstance(raw, (str, bytes)) else list(raw or [])


def _row_data(row: dict) -> YearData:
    return YearData(
        year=row["year"], source=row["source"], loaded_by=row["loaded_by"], loaded_at=row["loaded_at"],
        holidays=frozenset(dt.date.fromisoformat(d) for d in _decode(row["holidays"])),
        workdays=frozenset(dt.date.fromisoformat(d) for d in _decode(row["workdays"])),
    )


async def refresh(*, max_age: float = REFRESH_SECONDS) -> None:
    """Install the stored years unless this process read them less than ``max_age`` seconds ago."""
    now = time.monotonic()
    if now - _checked["at"] < max_age and _checked["generation"] == sources.generation():
        return
    try:
        rows = await CalendarYear.select(CalendarYear.year, CalendarYear.holidays, CalendarYear.workdays,
                                         CalendarYear.source, CalendarYear.loaded_by, CalendarYear.loaded_at)
    except Exception as exc:  # a database not yet migrated to 0009 has no loaded years to read
        if "calendar_year" not in str(exc):
            raise
        log.warning("数据库尚无 calendar_year 表（请运行 zhifa init 迁移）；只使用官方数据包与暂定规则")
        rows = []
    sources.install(_row_data(r) for r in rows)
    _checked.update(at=now, generation=sources.generation())


async def load_year(text: str, *, actor: str, force: bool = False) -> CalendarLoadResult:
    """Load a year file (see ``zhifa.core.calendar.yearfile``) and recompute what depended on it."""
    try:
        data = yearfile.year_data(yearfile.parse(text), loaded_by=actor, loaded_at=clock.now_utc())
    except yearfile.YearFileInvalid as exc:
        raise Invalid("calendar.file_invalid", str(exc)) from None
    differs = yearfile.differences(data)
    if differs and not force:
        shown = "、".join(d.isoformat() for d in differs[:20]) + (f" 等 {len(differs)} 天" if len(differs) > 20 else "")
        raise Conflict("calendar.contradicts_package",
                       f"{data.year} 年的日历与官方数据包（chinesecalendar）不一致，相差的日期：{shown}。"
                       "核实通知后如确需以本文件为准（如国务院临时调整），请加 --force")
    await refresh(max_age=0)
    before = sources.installed()
    after = {**before, data.year: data}
    async with write_transaction():
        await CalendarYear.delete().where(CalendarYear.year == data.year)
        await CalendarYear.insert(CalendarYear(
            year=data.year, holidays=sorted(d.isoformat() for d in data.holidays),
            workdays=sorted(d.isoformat() for d in data.workdays), source=data.source,
            differs=[d.isoformat() for d in differs], loaded_by=actor, loaded_at=data.loaded_at))
        try:
            report = await deadline_recompute.recompute(
                lambda: sources.install(after.values()), source=f"{data.year}年：{data.source}", actor=actor)
        except BaseException:
            sources.install(before.values())
            raise
    _checked.update(at=time.monotonic(), generation=sources.generation())
    return CalendarLoadResult(year=data.year, source=data.source, forced=bool(differs), differs=differs,
                              recompute=report)


async def recompute_now(*, actor: str) -> RecomputeReport:
    """Re-run the recomputation with the data now installed (after upgrading the package)."""
    await refresh(max_age=0)
    async with write_transaction():
        return await deadline_recompute.recompute(lambda: None, source="按当前日历数据重新计算", actor=actor)


def _package_version() -> str:
    try:
        return f"chinesecalendar {version('chinesecalendar')}"
    except PackageNotFoundError:
        return "chinesecalendar"


async def show_year(year: int) -> CalendarYearRead:
    if not yearfile.FIRST_YEAR <= year <= yearfile.LAST_YEAR:
        raise Invalid("calendar.year", f"年份 {year} 超出工作日历的范围（{yearfile.FIRST_YEAR}–{yearfile.LAST_YEAR}）")
    await refresh()
    source = sources.year_source(year)
    loaded = sources.installed().get(year)
    notice = {Source.deployment: loaded.source if loaded else "", Source.official: _package_version(),
              Source.provisional: "暂定规则：周末与《全国年节及纪念日放假办法》法定节日；调休待国务院通知公布"}[source]
    day, days = dt.date(year, 1, 1), []
    while day.year == year:
        status = sources.day_status(day)
        days.append(CalendarDay(day=day, working=status.working, source=status.source.value, note=status.note))
        day += dt.timedelta(days=1)
    return CalendarYearRead(
        year=year, source=source.value, source_name=SOURCE_NAMES[source], notice=notice,
        provisional=source is Source.provisional, loaded_by=loaded.loaded_by if loaded else "",
        loaded_at=loaded.loaded_at if loaded else None, days=days)

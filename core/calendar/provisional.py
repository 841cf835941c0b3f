"""The provisional working-day rule (暂定工作日规则) for a year whose holiday notice is not published.

Until the State Council publishes a year's notice (国务院办公厅关于某年部分节假日安排的通知), nobody
knows which weekdays it will make rest days (调休放假) nor which weekends make-up working days
(调休上班). What *is* known is the law itself and how past notices placed their bridging days. This
module turns that into two calendars that bracket every notice the State Council has plausibly
issued: ``is_working_day_fewest`` (the fewest possible working days — count a *party's* period
with it and it never ends earlier than officially) and ``is_working_day_most`` (the most possible
working days — count a limit on the *authority* with it and it never ends later). Pure, no I/O.

Statutory days (the law, not a guess)
    《全国年节及纪念日放假办法》第二条 "全体公民放假的节日", in the text in force on each day:

    ==================  ====================================  =============================================
    in force            text                                  第二条
    ==================  ====================================  =============================================
    1949-12-23          政务院1949年12月23日发布               新年1; 春节3 (正月初一至初三); 劳动节1; 国庆2 (10月1日、2日)
    1999-09-18          国务院令第270号 (1999-09-18, 自发布之日)  新年1; 春节3 (初一至初三); 劳动节3 (5月1日至3日); 国庆3
    2008-01-01          国务院令第513号 (2007-12-14)            新年1; 春节3 (除夕、初一、初二); 清明1; 劳动节1; 端午1; 中秋1; 国庆3
    2014-01-01          国务院令第644号 (2013-12-11)            春节3 (正月初一、初二、初三); otherwise as 513号
    2025-01-01          国务院令第795号 (2024-11-10)            元旦1; 春节4 (除夕、正月初一至初三); 清明1; 劳动节2 (5月1日、2日);
                                                              端午1; 中秋1; 国庆3 (10月1日至3日) — 13 days
    ==================  ====================================  =============================================

    (Texts checked against published copies of each order; 除夕 is the last day of 腊月, the 29th or
    30th, i.e. the day before 正月初一.) 第六条: "全体公民放假的假日，如果适逢周六、周日，应当在
    工作日补假" — a statutory day on a weekend moves a rest day onto a nearby weekday (补假); the
    windows below always hold the nearest free weekday before and after every weekend statutory
    day (checked for 2027–2100), so 补假 is covered. 795号 adds 第七条: holidays may be joined into longer breaks by 调休, and "法定节假日
    假期前后连续工作一般不超过6天" — one reason make-up Saturdays/Sundays can sit a week or more
    from the festival (2025-10-11, 2026-02-28, 2026-09-20).

    Lunar dates (正月初一, 端午 = 五月初五, 中秋 = 八月十五) and the 清明 solar term come from
    ``lunar_python`` (the 寿星万年历 astronomical algorithm), only its lunar/solar-term conversion —
    never its holiday tables. It is trusted for ``LUNAR_YEARS`` (1901–2100; results outside the
    known ranges of each festival are rejected too). Nearest-to-midnight 清明 moments there: 2071
    (00:10) and 2100 (00:43, where ``chinese_calendar``'s approximate formula says April 4 instead
    of the computed April 5). For any other year — or if the library fails — nothing is raised:
    the lunar festivals are left out of ``statutory`` and instead *every* weekday of their whole
    possible date range (春节 with 初一 anywhere in 01-21..02-20, 清明 04-04..04-06, 端午
    05-27..06-26, 中秋 09-07..10-08, the extremes over 1901–2100) plus the windows is
    ``maybe_rest``, and every weekend there ``maybe_work`` (``ProvisionalYear.degraded``). Both
    predicates stay safe, only wider (the tests check this degraded rule on 2019–2026 too).

Windows (how far from a festival a notice moves days), measured, not guessed
    From ``chinese_calendar``'s official data 2008–2026 (every year of the 513/644/795 texts that
    the package covers), every weekday the notice made a rest day (not statutory) and every
    weekend it made a working day was attributed to the festival the notice lists it under and
    measured in calendar days before that festival's first statutory day or after its last one.
    Maxima (rest before, rest after, work before, work after) and the years that set them:

    ======  ==================================================================================
    元旦    1 (2018)   2 (2011, 2012, 2013, 2022)   3 (2018)   5 (2013)
    春节    1 (2015, 2017–2022)   4 (2008, 2010, 2011, 2013, 2014, 2020, 2024–2026)
            6 (2017, 2020, 2024)   9 (2026)
    清明节  2 (2012)   2 (2009, 2014, 2020)   4 (2012)   3 (2013, 2018, 2024)
    劳动节  2 (2013)   4 (2020, 2021)   8 (2023)   10 (2024)
    端午节  2 (2010, 2013)   2 (2015, 2025)   4 (2010, 2013)   3 (2009, 2016, 2020, 2023)
    中秋节  1 (2021, 2024)   2 (2010, 2022)   3 (2010, 2021, 2024)   3 (2010, 2013, 2016)
    国庆节  2 (2008)   5 (2009, 2020, 2025)   11 (2026)   9 (2013, 2019, 2024)
    ======  ==================================================================================

    ``WINDOWS`` = these maxima + ``REST_MARGIN`` (1 day) for rest windows and + ``WORK_MARGIN``
    (2 days) for work windows; a day is uncertain if it lies in the window of *any* festival.
    Leave-one-year-out (windows from 2008–2026 without year Y, the bracket checked on Y's official
    calendar) misses no day in 2019–2026 (nor in 2009–2026). With work margin 1 it would miss 2
    days (2024-05-11, 劳动节 +10 against a previous +8; 2026-09-20, 11 days before 国庆 and 5
    before 中秋, previously at most 5 and 3), with no margins 4. Windows measured only on earlier
    years (2008..Y-1 → Y, an honest forecast) miss 1 day in 2019–2026: 2020-05-05 (rest) of the
    first five-day 劳动节 since 2007 (with the ``NEXT_WEEKEND`` floor below; 2 days without it). Expect a new notice to break a window
    now and then: this rule is a stop-gap until the notice is loaded, not a substitute. A known
    gap for 2027: 春节's statutory days are Fri 02-05..Mon 02-08; a break to 02-12/13 with the
    make-up day on the next Saturday (the 2025–2026 habit) would put it on 02-20, 12 days after
    初三, outside the measured 11-day work window — closed by ``NEXT_WEEKEND`` (work windows reach
    at least 8 days past the farthest possible rest day). The same windows cover the 黄金周 years 2004–2007
    (270号 text) with no miss.
    The 2020 Spring Festival extension (国办发明电〔2020〕1号, to 2020-02-02) needs no exception:
    its extra weekday 2020-01-31 is 4 days after 初三, like the ordinary breaks of 2024–2026.
    2025-09-03 (抗战胜利80周年) was an ordinary working day in the data; nothing to except.

``EXCEPTIONS``
    One-off changes that are not festival 调休 are named, not absorbed into the windows: the
    2015-09-03 抗战胜利70周年纪念日 holiday (国发明电〔2015〕1号: 9月3日放假, 9月4日调休, 9月6日
    上班). They are the only days of 2004–2026 outside the bracket.

Band width (what the uncertainty costs)
    Counting N working days after every start date of 2019-01-01..2026-11-30, N in {2, 3, 5, 7,
    10, 15, 20}, as if no notice were published (20 237 periods), against the official end:

    =====  ==========================  ==========================
    N      fewest ends later: avg/max  most ends earlier: avg/max
    =====  ==========================  ==========================
    2      0.85 / 19                   0.37 / 10
    5      1.24 / 20                   0.75 / 10
    10     2.03 / 20                   1.58 / 11
    20     3.81 / 20                   3.28 / 15
    all    1.95 / 20                   1.43 / 15 (1.83 / 17 with ``NEXT_WEEKEND``, as shipped)
    =====  ==========================  ==========================

    The band (fewest end − most end) averages 3.38 calendar days, at most 25, and 61 % of periods
    have no band at all, with the measured windows; as shipped (``NEXT_WEEKEND``) 3.78, at most 27,
    53 % without a band. The per-row figures above are for the measured windows. The worst cases end just before a break: 20 working days from 2021-08-31 end
    officially on 2021-09-28, but with the fewest-calendar only on 2021-10-18, because every weekday
    from 中秋 to well after 国庆 might have been a rest day. (Margins cost: with no margin at all
    the averages would be 1.18 and 1.20.) Years before 2004 are not checked against any data.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import NamedTuple

import msgspec
from lunar_python import Lunar, Solar

__all__ = [
    "EXCEPTIONS", "LUNAR_YEARS", "MEASURED", "REST_MARGIN", "WINDOWS", "WORK_MARGIN",
    "ProvisionalYear", "Window", "build_year", "is_working_day_fewest", "is_working_day_most",
    "provisional_year", "statutory_holidays",
]

_DAY = dt.timedelta(days=1)
_LAST_ORDINAL = dt.date.max.toordinal()

NEW_YEAR, SPRING, QINGMING, LABOUR, DRAGON_BOAT, MID_AUTUMN, NATIONAL = (
    "元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节",
)

LUNAR_YEARS = range(1901, 2101)
"""Years whose lunar dates are taken from ``lunar_python``; other years degrade (see module doc)."""


class Window(NamedTuple):
    """Calendar days before a festival's first / after its last statutory day."""

    rest_before: int
    rest_after: int
    work_before: int
    work_after: int


MEASURED: dict[str, Window] = {  # maxima over the official data 2008–2026, see the module docstring
    NEW_YEAR: Window(1, 2, 3, 5),
    SPRING: Window(1, 4, 6, 9),
    QINGMING: Window(2, 2, 4, 3),
    LABOUR: Window(2, 4, 8, 10),
    DRAGON_BOAT: Window(2, 2, 4, 3),
    MID_AUTUMN: Window(1, 2, 3, 3),
    NATIONAL: Window(2, 5, 11, 9),
}
REST_MARGIN = 1
WORK_MARGIN = 2
#: A make-up working day may fall on the weekend after the break however long the break is:
#: 国务院令第795号第七条 keeps work before and after a holiday to about six days, so the notice puts
#: the make-up day within the week after the break (2025-02-08, 2026-02-28). A work window therefore
#: reaches at least this many days past the farthest possible rest day — this closes the 2027 春节
#: gap named above (a break to 02-12/13 and a make-up Saturday 02-20) at a cost of about 0.4 days
#: on the authority's side on average (docs/calendar.md).
NEXT_WEEKEND = 8
WINDOWS: dict[str, Window] = {
    name: Window(m.rest_before + REST_MARGIN, m.rest_after + REST_MARGIN,
                 max(m.work_before + WORK_MARGIN, m.rest_before + REST_MARGIN + NEXT_WEEKEND),
                 max(m.work_after + WORK_MARGIN, m.rest_after + REST_MARGIN + NEXT_WEEKEND))
    for name, m in MEASURED.items()
}

EXCEPTIONS: dict[dt.date, str] = {
    dt.date(2015, 9, 3): "抗战胜利70周年纪念日全国放假1天（国发明电〔2015〕1号），非节日调休",
    dt.date(2015, 9, 4): "抗战胜利70周年纪念日调休放假（国发明电〔2015〕1号）",
    dt.date(2015, 9, 6): "抗战胜利70周年纪念日调休上班（星期日，国发明电〔2015〕1号）",
}
"""Official one-off changes outside the provisional bracket, by design (not festival 调休)."""


class _Revision(NamedTuple):
    """One text of 《全国年节及纪念日放假办法》第二条 and the day it took effect."""

    in_force: dt.date
    source: str
    spring: tuple[int, ...]  # days relative to 正月初一 (-1 = 除夕)
    labour: tuple[int, ...]  # days of May
    national: tuple[int, ...]  # days of October
    lunar_festivals: bool  # 清明、端午、中秋 are statutory


_REVISIONS = (
    _Revision(dt.date(1949, 12, 23), "政务院1949年12月23日发布", (0, 1, 2), (1,), (1, 2), False),
    _Revision(dt.date(1999, 9, 18), "国务院令第270号", (0, 1, 2), (1, 2, 3), (1, 2, 3), False),
    _Revision(dt.date(2008, 1, 1), "国务院令第513号", (-1, 0, 1), (1,), (1, 2, 3), True),
    _Revision(dt.date(2014, 1, 1), "国务院令第644号", (0, 1, 2), (1,), (1, 2, 3), True),
    _Revision(dt.date(2025, 1, 1), "国务院令第795号", (-1, 0, 1, 2), (1, 2), (1, 2, 3), True),
)

# Where each lunar anchor can fall (month, day), over 1901–2100: used to reject nonsense and to degrade.
_ANCHOR_RANGE = {
    "chuyi": ((1, 21), (2, 20)), "qingming": ((4, 4), (4, 6)),
    "duanwu": ((5, 27), (6, 26)), "zhongqiu": ((9, 7), (10, 8)),
}


class _Anchors(NamedTuple):
    """正月初一, 清明, 端午, 中秋 of one Gregorian year (each always falls in that year)."""

    chuyi: dt.date
    qingming: dt.date
    duanwu: dt.date
    zhongqiu: dt.date


def _date(solar: Solar) -> dt.date:
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


@functools.cache
def _anchors(year: int) -> _Anchors | None:
    """The lunar anchors from ``lunar_python``, or None when the year is not trusted."""
    if year not in LUNAR_YEARS:
        return None
    try:
        anchors = _Anchors(
            chuyi=_date(Lunar.fromYmd(year, 1, 1).getSolar()),
            qingming=next(dt.date(year, 4, d) for d in range(1, 11)
                          if Solar.fromYmd(year, 4, d).getLunar().getJieQi() == "清明"),
            duanwu=_date(Lunar.fromYmd(year, 5, 5).getSolar()),
            zhongqiu=_date(Lunar.fromYmd(year, 8, 15).getSolar()),
        )
    except Exception:  # noqa: BLE001 - a library failure degrades the year, never fails a deadline
        return None
    for name, (low, high) in _ANCHOR_RANGE.items():
        if not dt.date(year, *low) <= getattr(anchors, name) <= dt.date(year, *high):
            return None
    return anchors


def _revision_on(day: dt.date) -> _Revision:
    in_force = [r for r in _REVISIONS if r.in_force <= day]
    return in_force[-1] if in_force else _REVISIONS[0]


def _spans(year: int, rev: _Revision, anchors: _Anchors | None) -> dict[str, tuple[list[dt.date], dt.date, dt.date]]:
    """Per festival of ``rev`` in ``year``: its statutory days and the span its windows hang on.

    The span is the first..last statutory day; for a lunar festival of a degraded year there are
    no statutory days and the span is every date the festival could fall on.
    """
    fixed = {
        NEW_YEAR: [dt.date(year, 1, 1)],
        LABOUR: [dt.date(year, 5, d) for d in rev.labour],
        NATIONAL: [dt.date(year, 10, d) for d in rev.national],
    }
    lunar = {SPRING: ("chuyi", rev.spring)}
    if rev.lunar_festivals:
        lunar |= {QINGMING: ("qingming", (0,)), DRAGON_BOAT: ("duanwu", (0,)), MID_AUTUMN: ("zhongqiu", (0,))}
    out = {name: (days, days[0], days[-1]) for name, days in fixed.items()}
    for name, (anchor, offsets) in lunar.items():
        if anchors is not None:
            days = [getattr(anchors, anchor) + k * _DAY for k in offsets]
            out[name] = (days, days[0], days[-1])
        else:
            low, high = _ANCHOR_RANGE[anchor]
            out[name] = ([], dt.date(year, *low) + offsets[0] * _DAY, dt.date(year, *high) + offsets[-1] * _DAY)
    return out


class _Festival(NamedTuple):
    name: str
    statutory: list[dt.date]  # empty for a lunar festival of a degraded year
    first: dt.date  # the span the windows hang on
    last: dt.date
    source: str


def _festivals(year: int) -> list[_Festival]:
    """The festivals of ``year``, each statutory day under the text in force on that day."""
    anchors = _anchors(year)
    out = []
    for rev in _REVISIONS:
        for name, (days, first, last) in _spans(year, rev, anchors).items():
            kept = [d for d in days if _revision_on(d) is rev]
            if kept:
                out.append(_Festival(name, kept, kept[0], kept[-1], rev.source))
            elif not days and _revision_on(first) is rev:  # degraded lunar festival
                out.append(_Festival(name, [], first, last, rev.source))
    return out


def statutory_holidays(year: int) -> dict[dt.date, str]:
    """The days of ``year`` that 《全国年节及纪念日放假办法》第二条 itself makes rest days, with the festival's name.

    Only the law: no 调休, no 补假, no one-off notice. A day of two festivals (中秋 on 10月1日,
    as in 2020) is named "国庆节、中秋节" and counted once. In a degraded year (outside ``LUNAR_YEARS``)
    the lunar festivals are missing, because their dates are not known.
    """
    days: dict[dt.date, str] = {}
    for f in _festivals(year):
        for d in f.statutory:
            days[d] = f"{days[d]}、{f.name}" if d in days else f.name  # 中秋 can fall on 10月1日至3日
    return dict(sorted(days.items()))


class ProvisionalYear(msgspec.Struct, frozen=True):
    """The provisional calendar of one year: certain rest days and the two uncertain sets.

    ``statutory``: rest days by the law itself. ``maybe_rest``: weekdays (not statutory) that a
    notice could plausibly make rest days (调休放假, 补假). ``maybe_work``: Saturdays and Sundays
    (not statutory) that a notice could plausibly make working days (调休上班). All dates lie in
    ``year``. ``basis`` names the text(s) of the 放假办法 applied; ``degraded`` is True when the
    lunar festivals' dates were not computed (outside ``LUNAR_YEARS``).
    """

    year: int
    statutory: frozenset[dt.date]
    maybe_rest: frozenset[dt.date]
    maybe_work: frozenset[dt.date]
    basis: str
    degraded: bool


def _window(first: dt.date, last: dt.date, before: int, after: int) -> list[dt.date]:
    """The days ``before`` days ahead of ``first`` and ``after`` days past ``last`` (span excluded)."""
    ordinals = [*range(first.toordinal() - before, first.toordinal()),
                *range(last.toordinal() + 1, last.toordinal() + after + 1)]
    return [dt.date.fromordinal(o) for o in ordinals if 1 <= o <= _LAST_ORDINAL]


@functools.cache
def provisional_year(year: int) -> ProvisionalYear:
    """The provisional calendar of ``year`` (festivals of the neighbouring years count: 元旦 reaches back into December)."""
    return build_year(year, WINDOWS)


def build_year(year: int, windows: dict[str, Window]) -> ProvisionalYear:
    """``provisional_year`` with other windows (uncached): for the leave-one-year-out check."""
    statutory = frozenset(statutory_holidays(year))
    rest: set[dt.date] = set()
    work: set[dt.date] = set()
    sources: list[str] = []
    for y in (year - 1, year, year + 1):
        if not dt.MINYEAR <= y <= dt.MAXYEAR:
            continue
        for f in _festivals(y):
            w = windows[f.name]
            rest.update(_window(f.first, f.last, w.rest_before, w.rest_after))
            work.update(_window(f.first, f.last, w.work_before, w.work_after))
            if not f.statutory:  # degraded lunar festival: it, and its 调休, could be on any day of the span
                span = {f.first + k * _DAY for k in range((f.last - f.first).days + 1)}
                rest |= span
                work |= span
            if y == year and f.source not in sources:
                sources.append(f.source)
    in_year = {d for d in rest | work if d.year == year and d not in statutory}
    return ProvisionalYear(
        year=year,
        statutory=statutory,
        maybe_rest=frozenset(d for d in in_year & rest if d.weekday() < 5),
        maybe_work=frozenset(d for d in in_year & work if d.weekday() >= 5),
        basis="；".join(sources),
        degraded=_anchors(year) is None,
    )


def _require_date(day: object) -> dt.date:
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise TypeError(f"日期必须是 datetime.date（本地法定日期），收到 {type(day).__name__}")
    return day


def is_working_day_fewest(day: dt.date) -> bool:
    """Party side (当事人的期限): a working day on *every* plausible notice — a weekday neither statutory nor maybe-rest."""
    p = provisional_year(_require_date(day).year)
    return day.weekday() < 5 and day not in p.statutory and day not in p.maybe_rest


def is_working_day_most(day: dt.date) -> bool:
    """Authority side (机关的期限): a working day on *some* plausible notice — not statutory, and a weekday or maybe-work."""
    p = provisional_year(_require_date(day).year)
    return day not in p.statutory and (day.weekday() < 5 or day in p.maybe_work)

"""The provisional working-day rule against the State Council's official data (chinese_calendar).

W_fewest ⊆ W_official ⊆ W_most for every year the package covers, the law's statutory days, and
the measurements that the windows and the module docstring rest on (maxima, leave-one-year-out,
band widths) — recomputed here from the package, so the docstring cannot drift from the data.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict

import chinese_calendar
import pytest

from zhifa.core.calendar import provisional as P
from zhifa.core.calendar.provisional import (
    EXCEPTIONS,
    MEASURED,
    NEXT_WEEKEND,
    REST_MARGIN,
    WINDOWS,
    WORK_MARGIN,
    Window,
    is_working_day_fewest,
    is_working_day_most,
    provisional_year,
    statutory_holidays,
)

_DAY = dt.timedelta(days=1)
_OFFICIAL_YEARS = range(2004, 2027)  # every year chinese_calendar has data for
_MEASURED_YEARS = range(2008, 2027)  # the years of the 513/644/795 texts the windows are measured on
_PACKAGE_NAMES = {
    "New Year's Day": P.NEW_YEAR, "Spring Festival": P.SPRING, "Tomb-sweeping Day": P.QINGMING,
    "Labour Day": P.LABOUR, "Dragon Boat Festival": P.DRAGON_BOAT, "Mid-autumn Festival": P.MID_AUTUMN,
    "National Day": P.NATIONAL, "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


def _days(year: int):
    day = dt.date(year, 1, 1)
    while day.year == year:
        yield day
        day += _DAY


def _violations(year: int, fewest=is_working_day_fewest, most=is_working_day_most) -> set[dt.date]:
    """Days of ``year`` breaking W_fewest ⊆ W_official ⊆ W_most."""
    out = set()
    for day in _days(year):
        official = chinese_calendar.is_workday(day)
        if (fewest(day) and not official) or (official and not most(day)):
            out.add(day)
    return out


def _bracket_misses(year: int, windows) -> list[dt.date]:
    """Days of ``year`` outside the bracket when the provisional calendar is built with ``windows``."""
    p = P.build_year(year, windows)

    def fewest(day):
        return day.weekday() < 5 and day not in p.statutory and day not in p.maybe_rest

    def most(day):
        return day not in p.statutory and (day.weekday() < 5 or day in p.maybe_work)

    return sorted(_violations(year, fewest, most) - set(EXCEPTIONS))


def test_fewest_and_most_calendars_bracket_every_official_year_except_the_named_one_offs():
    violated = set().union(*(_violations(y) for y in _OFFICIAL_YEARS))
    assert violated == set(EXCEPTIONS), sorted(violated ^ set(EXCEPTIONS))


def test_bracket_holds_for_2019_to_2026_without_any_exception():
    assert all(not _violations(y) for y in range(2019, 2027))
    assert not any(2019 <= d.year <= 2026 for d in EXCEPTIONS)


def test_every_statutory_day_is_an_official_rest_day_of_its_festival():
    for year in _MEASURED_YEARS:
        for day, names in statutory_holidays(year).items():
            on, package_name = chinese_calendar.get_holiday_detail(day)
            assert on and not chinese_calendar.is_workday(day), day
            if package_name is None:  # the package names only days the notice lists (2012-06-23 端午, a Saturday)
                assert day.weekday() >= 5, day
            else:
                assert _PACKAGE_NAMES[package_name] in names.split("、"), (day, names, package_name)


def test_chuxi_is_statutory_from_2025_and_qingming_follows_the_solar_term():
    assert statutory_holidays(2025)[dt.date(2025, 1, 28)] == P.SPRING  # 除夕 (腊月廿九)
    assert statutory_holidays(2026)[dt.date(2026, 2, 16)] == P.SPRING  # 除夕 (腊月廿九)
    assert [d for d, n in statutory_holidays(2026).items() if n == P.SPRING] == [
        dt.date(2026, 2, 16), dt.date(2026, 2, 17), dt.date(2026, 2, 18), dt.date(2026, 2, 19)]
    qingming = {y: [d for d, n in statutory_holidays(y).items() if n == P.QINGMING] for y in range(2019, 2027)}
    assert qingming == {
        2019: [dt.date(2019, 4, 5)], 2020: [dt.date(2020, 4, 4)], 2021: [dt.date(2021, 4, 4)],
        2022: [dt.date(2022, 4, 5)], 2023: [dt.date(2023, 4, 5)], 2024: [dt.date(2024, 4, 4)],
        2025: [dt.date(2025, 4, 4)], 2026: [dt.date(2026, 4, 5)],
    }


def test_each_year_uses_the_text_in_force_2024_revision_from_2025():
    assert dt.date(2025, 5, 2) in statutory_holidays(2025)
    assert dt.date(2024, 5, 2) not in statutory_holidays(2024)
    assert dt.date(2024, 2, 9) not in statutory_holidays(2024)  # 除夕 2024 under 644号
    assert dt.date(2014, 1, 30) not in statutory_holidays(2014)  # 除夕 2014 under 644号
    assert dt.date(2013, 2, 9) in statutory_holidays(2013)  # 除夕 2013 under 513号
    assert dt.date(2007, 5, 3) in statutory_holidays(2007)  # 劳动节 3 days under 270号
    assert provisional_year(2025).basis == "国务院令第795号"
    assert provisional_year(2024).basis == "国务院令第644号"
    # 1999: 劳动节 under the 1949 text (1 day), 国庆 under 270号 of 1999-09-18 (3 days)
    assert [d for d in statutory_holidays(1999) if d.month in (5, 10)] == [
        dt.date(1999, 5, 1), dt.date(1999, 10, 1), dt.date(1999, 10, 2), dt.date(1999, 10, 3)]


def test_statutory_day_count_is_what_the_law_says():
    def law_count(year):  # 中秋 on 10月1日至3日 shares a day with 国庆
        zhongqiu = [d for d, n in statutory_holidays(year).items() if P.MID_AUTUMN in n]
        return (13 if year >= 2025 else 11) - (zhongqiu[0].month == 10 and zhongqiu[0].day <= 3)

    for year in range(2008, 2101):
        p = provisional_year(year)
        assert not p.degraded and len(p.statutory) == law_count(year), year
    assert len(provisional_year(2027).statutory) == 13
    assert len(provisional_year(2028).statutory) == 12  # 中秋 2028-10-03


def test_every_year_to_2100_builds_with_all_dates_inside_the_year():
    for year in range(1996, 2101):
        p = provisional_year(year)
        assert not p.degraded, year
        assert all(d.year == year for d in p.statutory | p.maybe_rest | p.maybe_work)
        assert all(d.weekday() < 5 for d in p.maybe_rest) and all(d.weekday() >= 5 for d in p.maybe_work)
        assert not (p.statutory & (p.maybe_rest | p.maybe_work))


def test_bu_jia_a_weekend_statutory_day_leaves_the_adjacent_weekdays_maybe_rest():
    """第六条 补假: the Friday before and the Monday after a weekend statutory day may become rest days."""
    for year in range(2027, 2101):
        statutory = statutory_holidays(year)
        for day in (d for d in statutory if d.weekday() >= 5):
            before, after = day, day
            while before in statutory or before.weekday() >= 5:
                before -= _DAY
            while after in statutory or after.weekday() >= 5:
                after += _DAY
            for weekday in (before, after):
                assert not is_working_day_fewest(weekday) and is_working_day_most(weekday), (day, weekday)


def test_december_carries_the_next_years_new_year_window():
    p = provisional_year(2027)  # 元旦 2028 is a Saturday: 补假 Friday 2027-12-31 is possible
    assert dt.date(2027, 12, 31) in p.maybe_rest
    assert not is_working_day_fewest(dt.date(2027, 12, 31)) and is_working_day_most(dt.date(2027, 12, 31))


def test_years_the_lunar_library_cannot_handle_degrade_without_raising():
    for year in (1900, 2101, 2500, 1, 9999):
        p = provisional_year(year)
        assert p.degraded
        assert {n for n in statutory_holidays(year).values()} <= {P.NEW_YEAR, P.LABOUR, P.NATIONAL}
    assert dt.date(2101, 2, 1) in provisional_year(2101).maybe_rest  # could be 春节


def test_a_failing_lunar_library_degrades_the_year(monkeypatch):
    class Broken:
        @staticmethod
        def fromYmd(*args):
            raise RuntimeError("no lunar data")

    monkeypatch.setattr(P, "Lunar", Broken)
    assert P._anchors.__wrapped__(2030) is None


def test_degraded_years_still_bracket_the_official_calendar(monkeypatch):
    monkeypatch.setattr(P, "_anchors", lambda year: None)
    for year in range(2019, 2027):
        assert P.build_year(year, WINDOWS).degraded
        assert not _bracket_misses(year, WINDOWS), year


def test_predicates_refuse_datetimes():
    with pytest.raises(TypeError):
        is_working_day_fewest(dt.datetime(2027, 1, 4, 9))
    with pytest.raises(TypeError):
        is_working_day_most("2027-01-04")


# ---- the measurements behind WINDOWS (module docstring) -----------------------------------------

def _blocks(year):
    """Festival name -> [(first, last) statutory day] for year-1..year+1."""
    out = defaultdict(list)
    for y in (year - 1, year, year + 1):
        days = defaultdict(list)
        for day, names in statutory_holidays(y).items():
            for name in names.split("、"):
                days[name].append(day)
        for name, ds in days.items():
            out[name].append((min(ds), max(ds)))
    return out


def _observed(year):
    """(festival, 'rest'|'work', signed offset, date) of every official 调休 day of ``year``.

    A rest weekday that is not statutory, or a working Saturday/Sunday, attributed to the festival
    the notice lists it under; the offset is in calendar days before its first statutory day
    (negative) or after its last. Days of festivals outside the law (2015's one-off) get None.
    """
    statutory, blocks, out = statutory_holidays(year), _blocks(year), []
    for day in _days(year):
        official = chinese_calendar.is_workday(day)
        kind = "rest" if day.weekday() < 5 and not official and day not in statutory else (
            "work" if day.weekday() >= 5 and official else None)
        if kind is None:
            continue
        name = _PACKAGE_NAMES[chinese_calendar.get_holiday_detail(day)[1]]
        if name not in blocks:
            out.append((name, kind, None, day))
            continue
        first, last = min(blocks[name], key=lambda b: min(abs((day - b[0]).days), abs((day - b[1]).days)))
        out.append((name, kind, (day - first).days if day < first else (day - last).days, day))
    return out


_OBSERVED = {}


def _observed_cached(year):
    if year not in _OBSERVED:
        _OBSERVED[year] = _observed(year)
    return _OBSERVED[year]


def _maxima(years) -> dict[str, Window]:
    m = defaultdict(lambda: [0, 0, 0, 0])
    for year in years:
        for name, kind, offset, _ in _observed_cached(year):
            if offset is not None:
                i = (0 if kind == "rest" else 2) + (offset > 0)
                m[name][i] = max(m[name][i], abs(offset))
    return {name: Window(*v) for name, v in m.items()}


def _with_margins(maxima: dict[str, Window]) -> dict[str, Window]:
    return {name: Window(m.rest_before + REST_MARGIN, m.rest_after + REST_MARGIN,
                         max(m.work_before + WORK_MARGIN, m.rest_before + REST_MARGIN + NEXT_WEEKEND),
                         max(m.work_after + WORK_MARGIN, m.rest_after + REST_MARGIN + NEXT_WEEKEND))
            for name, m in maxima.items()}


def test_windows_are_the_measured_maxima_plus_the_margins():
    assert _maxima(_MEASURED_YEARS) == MEASURED
    assert WINDOWS == _with_margins(MEASURED)
    one_offs = {day for y in _OFFICIAL_YEARS for name, _, offset, day in _observed_cached(y) if offset is None}
    assert one_offs == set(EXCEPTIONS)


def test_leave_one_year_out_2019_to_2026_misses_no_day_and_a_past_only_forecast_misses_one():
    # windows measured without year Y, checked on Y's official calendar
    missed = [d for y in range(2019, 2027)
              for d in _bracket_misses(y, _with_margins(_maxima(y2 for y2 in _MEASURED_YEARS if y2 != y)))]
    assert missed == [], missed
    # windows measured only on 2008..Y-1: what a forecast of year Y would have got
    forecast = [d for y in range(2019, 2027) for d in _bracket_misses(y, _with_margins(_maxima(range(2008, y))))]
    assert forecast == [dt.date(2020, 5, 5)], forecast


def _end(start, n, is_working):
    day, counted = start, 0
    while counted < n:
        day += _DAY
        counted += is_working(day)
    return day


def test_band_width_of_working_day_periods_2019_to_2026(capsys):
    late, early, band = [], [], []
    start = dt.date(2019, 1, 1)
    while start <= dt.date(2026, 11, 30):
        for n in (2, 3, 5, 7, 10, 15, 20):
            fewest, most = _end(start, n, is_working_day_fewest), _end(start, n, is_working_day_most)
            if fewest.year > 2026:
                continue
            official = _end(start, n, chinese_calendar.is_workday)
            assert most <= official <= fewest, (start, n)
            late.append((fewest - official).days)
            early.append((official - most).days)
            band.append((fewest - most).days)
        start += _DAY
    summary = (f"periods={len(band)} fewest later than official: avg {statistics.mean(late):.2f} max {max(late)}; "
               f"most earlier: avg {statistics.mean(early):.2f} max {max(early)}; "
               f"band: avg {statistics.mean(band):.2f} max {max(band)}; "
               f"no band: {sum(b == 0 for b in band) / len(band):.0%}")
    with capsys.disabled():
        print("\nprovisional band:", summary)
    # the numbers quoted in the module docstring
    assert len(band) == 20237
    assert (round(statistics.mean(late), 2), max(late), round(statistics.mean(early), 2), max(early),
            round(statistics.mean(band), 2), max(band)) == (1.95, 20, 1.83, 17, 3.78, 27), summary

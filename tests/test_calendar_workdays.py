"""The working-day calendar follows the State Council holiday notices, 调休 included."""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.calendar.workdays import (
    CalendarNotCovered,
    add_working_days,
    first_working_day_on_or_after,
    is_working_day,
    working_days_after,
)

D = dt.date


def _last_covered_year() -> int:
    year = 2026
    while True:
        try:
            is_working_day(D(year + 1, 6, 1))
        except CalendarNotCovered:
            return year
        year += 1


def test_national_day_2025_holidays_are_not_working_days():
    assert [is_working_day(D(2025, 10, d)) for d in range(1, 9)] == [False] * 8


def test_national_day_2025_make_up_weekend_days_are_working_days():
    assert is_working_day(D(2025, 9, 28)) is True  # Sunday 调休
    assert is_working_day(D(2025, 10, 11)) is True  # Saturday 调休


def test_ordinary_weekend_is_not_a_working_day_but_ordinary_weekday_is():
    assert is_working_day(D(2025, 10, 18)) is False  # Saturday
    assert is_working_day(D(2025, 10, 19)) is False  # Sunday
    assert is_working_day(D(2025, 10, 17)) is True  # Friday


def test_working_days_across_national_day_2025_count_make_up_days_and_skip_holiday():
    # Sep 28 (Sun), 29, 30, Oct 9, 10, 11 (Sat)
    assert working_days_after(D(2025, 9, 26), D(2025, 10, 12)) == 6
    assert working_days_after(D(2025, 9, 30), D(2025, 10, 8)) == 0


def test_add_working_days_skips_national_day_2025():
    assert add_working_days(D(2025, 9, 30), 1) == D(2025, 10, 9)
    assert add_working_days(D(2025, 9, 26), 1) == D(2025, 9, 28)
    assert add_working_days(D(2025, 9, 26), 6) == D(2025, 10, 11)
    assert add_working_days(D(2025, 9, 26), 7) == D(2025, 10, 13)


def test_start_day_is_never_counted():
    assert add_working_days(D(2025, 9, 29), 1) == D(2025, 9, 30)
    assert working_days_after(D(2025, 9, 29), D(2025, 9, 29)) == 0
    assert working_days_after(D(2025, 9, 29), D(2025, 9, 30)) == 1


def test_working_days_after_is_zero_when_end_not_after_start():
    assert working_days_after(D(2025, 10, 13), D(2025, 10, 10)) == 0


def test_spring_festival_2026_is_covered_with_its_make_up_saturdays():
    assert [is_working_day(D(2026, 2, d)) for d in range(15, 24)] == [False] * 9
    assert is_working_day(D(2026, 2, 14)) is True  # Saturday 调休
    assert is_working_day(D(2026, 2, 28)) is True  # Saturday 调休
    assert is_working_day(D(2026, 2, 24)) is True


def test_working_days_across_spring_festival_2026():
    # Feb 14 (Sat), 24, 25, 26, 27, 28 (Sat)
    assert working_days_after(D(2026, 2, 13), D(2026, 2, 28)) == 6
    assert add_working_days(D(2026, 2, 13), 2) == D(2026, 2, 24)
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 14)


def test_first_working_day_on_or_after_returns_day_itself_when_working():
    assert first_working_day_on_or_after(D(2025, 9, 28)) == D(2025, 9, 28)
    assert first_working_day_on_or_after(D(2025, 10, 13)) == D(2025, 10, 13)


def test_first_working_day_on_or_after_skips_holiday_and_weekend():
    assert first_working_day_on_or_after(D(2025, 10, 1)) == D(2025, 10, 9)
    assert first_working_day_on_or_after(D(2025, 10, 12)) == D(2025, 10, 13)


def test_year_after_the_data_raises_calendar_not_covered_naming_the_year():
    with pytest.raises(CalendarNotCovered, match="2100年") as info:
        is_working_day(D(2100, 1, 4))
    assert info.value.year == 2100
    assert "chinesecalendar" in str(info.value)


def test_year_before_the_data_raises_calendar_not_covered():
    with pytest.raises(CalendarNotCovered, match="2003年"):
        is_working_day(D(2003, 12, 31))


def test_counting_past_the_end_of_the_data_raises_calendar_not_covered():
    last = _last_covered_year()
    assert add_working_days(D(last, 12, 1), 1) <= D(last, 12, 31)
    with pytest.raises(CalendarNotCovered, match=f"{last + 1}年"):
        add_working_days(D(last, 12, 20), 15)


def test_n_must_be_at_least_one():
    with pytest.raises(ValueError, match="不小于1"):
        add_working_days(D(2025, 10, 13), 0)
    assert add_working_days(D(2025, 10, 13), 1) == D(2025, 10, 14)


def test_datetime_is_refused_as_a_legal_date():
    with pytest.raises(TypeError, match="datetime.date"):
        is_working_day(dt.datetime(2025, 10, 13, 9, 0))

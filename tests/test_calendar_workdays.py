"""The working-day calendar follows the State Council holiday notices, 调休 included."""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.calendar import due, sources
from zhifa.core.calendar.sources import Side, Source
from zhifa.core.calendar.workdays import (
    add_working_days,
    first_working_day_on_or_after,
    is_working_day,
    working_days_after,
)

D = dt.date


def _last_covered_year() -> int:
    year = 2026
    while sources.official_covers(year + 1):
        year += 1
    return year


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


def test_a_year_no_source_covers_is_answered_by_the_provisional_rule():
    assert sources.year_source(2100) is Source.provisional
    assert is_working_day(D(2100, 3, 9)) is True  # an ordinary Tuesday
    assert is_working_day(D(2100, 3, 13)) is False  # an ordinary Saturday
    assert is_working_day(D(2100, 10, 1), Side.authority) is False  # 国庆节 is a rest day whatever the notice says


def test_a_year_before_the_package_data_is_answered_too():
    assert sources.year_source(2003) is Source.provisional
    assert is_working_day(D(2003, 12, 31)) is True


def test_counting_past_the_end_of_the_data_answers_and_is_marked_provisional():
    last = _last_covered_year()
    inside = due("filing_decision", D(last, 11, 2))
    across = due("filing_decision", D(last, 12, 20))
    assert inside.provisional is False
    assert across.on.year == last + 1 and across.provisional is True


def test_n_must_be_at_least_one():
    with pytest.raises(ValueError, match="不小于1"):
        add_working_days(D(2025, 10, 13), 0)
    assert add_working_days(D(2025, 10, 13), 1) == D(2025, 10, 14)


def test_datetime_is_refused_as_a_legal_date():
    with pytest.raises(TypeError, match="datetime.date"):
        is_working_day(dt.datetime(2025, 10, 13, 9, 0))

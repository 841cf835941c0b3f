"""The 90-day decision clock (行政处罚法第60条): extensions, excluded periods, overdue."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest
from zhifa.core.calendar.decision_clock import (
    Excluded,
    Extension,
    check_extensions,
    days_left,
    decision_deadline,
    excluded_days,
    is_overdue,
)

D = dt.date
FILED = D(2025, 1, 1)
PLAIN = D(2025, 4, 1)  # 2025-01-01 + 90 days
HEARING = Excluded(D(2025, 2, 10), D(2025, 2, 19), "hearing")  # 10 days


def test_plain_clock_is_ninety_calendar_days_after_filing():
    assert decision_deadline(FILED) == PLAIN
    assert days_left(FILED, [], [], FILED) == 90


def test_clock_does_not_roll_forward_over_holiday():
    assert decision_deadline(D(2025, 7, 3)) == D(2025, 10, 1)


def test_thirty_day_extension_moves_deadline_by_thirty():
    ext = Extension(30, D(2025, 3, 20), "张局长", "案情复杂")
    assert decision_deadline(FILED, [ext]) == D(2025, 5, 1)


def test_two_extensions_add_up():
    exts = [Extension(30, D(2025, 3, 20)), Extension(15, D(2025, 4, 25))]
    assert decision_deadline(FILED, exts) == D(2025, 5, 16)


def test_ten_day_hearing_moves_deadline_by_exactly_ten():
    assert excluded_days([HEARING], until=D(2025, 12, 31)) == 10
    assert decision_deadline(FILED, [], [HEARING]) == PLAIN + dt.timedelta(days=10)


def test_one_day_interval_counts_one_day():
    one = Excluded(D(2025, 2, 10), D(2025, 2, 10), "hearing")
    assert excluded_days([one], until=D(2025, 2, 10)) == 1
    assert decision_deadline(FILED, [], [one]) == D(2025, 4, 2)


def test_overlapping_intervals_are_not_double_counted():
    testing = Excluded(D(2025, 2, 15), D(2025, 2, 24), "testing")  # overlaps the hearing by 5 days
    assert excluded_days([HEARING, testing], until=D(2025, 12, 31)) == 15
    assert decision_deadline(FILED, [], [testing, HEARING]) == PLAIN + dt.timedelta(days=15)


def test_contained_and_touching_intervals_merge():
    inner = Excluded(D(2025, 2, 12), D(2025, 2, 13), "testing")
    touching = Excluded(D(2025, 2, 20), D(2025, 2, 21), "public_notice")
    assert excluded_days([HEARING, inner, touching], until=D(2025, 12, 31)) == 12


def test_open_interval_counts_up_to_and_including_on():
    testing = Excluded(D(2025, 3, 1), None, "testing")
    assert excluded_days([testing], until=D(2025, 3, 5)) == 5
    assert excluded_days([testing], until=D(2025, 3, 1)) == 1
    assert decision_deadline(FILED, [], [testing], on=D(2025, 3, 5)) == PLAIN + dt.timedelta(days=5)


def test_open_interval_starting_after_on_counts_nothing():
    testing = Excluded(D(2025, 3, 10), None, "testing")
    assert excluded_days([testing], until=D(2025, 3, 9)) == 0
    assert decision_deadline(FILED, [], [testing], on=D(2025, 3, 9)) == PLAIN


def test_open_interval_without_on_is_refused():
    with pytest.raises(ValueError, match="须提供计算日期"):
        decision_deadline(FILED, [], [Excluded(D(2025, 3, 1), None, "suspension")])


def test_overdue_on_day_after_deadline_but_not_on_deadline():
    assert is_overdue(FILED, [], [], PLAIN) is False
    assert is_overdue(FILED, [], [], PLAIN + dt.timedelta(days=1)) is True
    assert days_left(FILED, [], [], PLAIN) == 0
    assert days_left(FILED, [], [], PLAIN + dt.timedelta(days=1)) == -1


def test_overdue_boundary_moves_with_hearing_and_extension():
    ext = [Extension(30, D(2025, 3, 20))]
    last = D(2025, 5, 11)  # 90 + 30 + 10
    assert decision_deadline(FILED, ext, [HEARING]) == last
    assert is_overdue(FILED, ext, [HEARING], last) is False
    assert is_overdue(FILED, ext, [HEARING], last + dt.timedelta(days=1)) is True


def test_open_testing_period_keeps_case_from_becoming_overdue():
    testing = Excluded(D(2025, 3, 1), None, "testing")
    assert is_overdue(FILED, [], [testing], D(2025, 4, 20)) is False
    assert days_left(FILED, [], [testing], D(2025, 4, 20)) == 32  # 90 + 51 excluded days - 109


def test_exclusion_after_clock_expired_does_not_revive_it():
    late = Excluded(D(2025, 4, 5), D(2025, 4, 10), "hearing")
    assert decision_deadline(FILED, [], [late]) == PLAIN
    assert is_overdue(FILED, [], [late], D(2025, 4, 2)) is True


def test_exclusion_starting_the_day_after_deadline_does_not_count_but_on_deadline_does():
    after = Excluded(PLAIN + dt.timedelta(days=1), PLAIN + dt.timedelta(days=5), "hearing")
    on_last = Excluded(PLAIN, PLAIN + dt.timedelta(days=4), "hearing")
    assert decision_deadline(FILED, [], [after]) == PLAIN
    assert decision_deadline(FILED, [], [on_last]) == PLAIN + dt.timedelta(days=5)


def test_days_before_filing_are_not_excluded():
    early = Excluded(D(2024, 12, 25), D(2025, 1, 3), "testing")  # only Jan 2 and 3 fall after filing
    assert excluded_days([early], until=D(2025, 1, 3)) == 10
    assert decision_deadline(FILED, [], [early]) == PLAIN + dt.timedelta(days=2)


def test_configured_decision_length_is_used():
    assert decision_deadline(FILED, overrides={"decision": 60}) == D(2025, 3, 2)


def test_interval_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="早于开始日"):
        Excluded(D(2025, 2, 10), D(2025, 2, 9), "hearing")


def test_extension_must_have_positive_days():
    with pytest.raises(ValueError, match="正整数"):
        Extension(0, D(2025, 3, 20))


def test_excluded_decodes_from_json_with_open_end():
    item = msgspec.json.decode(b'{"start":"2025-03-01","end":null,"reason":"testing"}', type=Excluded)
    assert item == Excluded(D(2025, 3, 1), None, "testing")


def test_extension_approved_on_deadline_is_accepted_but_after_is_refused():
    assert check_extensions(FILED, [Extension(30, PLAIN)]) == []
    problems = check_extensions(FILED, [Extension(30, PLAIN + dt.timedelta(days=1))])
    assert len(problems) == 1 and "已届满" in problems[0]

"""Payment, 加处罚款 and court enforcement dates (行政处罚法第66-73条, 行政强制法第53-54条)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from zhifa.core.calendar.decision_clock import Excluded
from zhifa.core.calendar.execution import (
    SURCHARGE_RATE,
    Instalment,
    check_instalments,
    court_application_deadline,
    earliest_court_application,
    payment_due,
    surcharge,
    surcharge_days,
)

D = dt.date
DUE = D(2025, 3, 18)
THOUSAND = Decimal(1000)


def day(n: int) -> dt.date:
    return DUE + dt.timedelta(days=n)


def test_payment_due_is_fifteen_days_after_service():
    assert payment_due(D(2025, 3, 3)) == DUE


def test_payment_due_rolls_past_national_day():
    assert payment_due(D(2025, 9, 16)) == D(2025, 10, 9)


def test_no_surcharge_on_or_before_due_day():
    assert surcharge_days(DUE, DUE) == 0
    assert surcharge_days(DUE, day(-3)) == 0
    assert surcharge(THOUSAND, DUE, DUE) == Decimal("0.00")


def test_surcharge_is_three_percent_on_the_day_after_due():
    assert SURCHARGE_RATE == Decimal("0.03")
    assert surcharge_days(DUE, day(1)) == 1
    assert surcharge(THOUSAND, DUE, day(1)) == Decimal("30.00")


def test_surcharge_on_day_33_is_990_and_day_34_is_capped_at_the_fine():
    assert surcharge(THOUSAND, DUE, day(33)) == Decimal("990.00")
    assert surcharge(THOUSAND, DUE, day(34)) == Decimal("1000.00")
    assert surcharge(THOUSAND, DUE, day(400)) == Decimal("1000.00")


def test_paused_days_during_reconsideration_are_not_counted():
    review = Excluded(day(5), day(14), "reconsideration")  # 10 days
    assert surcharge_days(DUE, day(20), [review]) == 10
    assert surcharge(THOUSAND, DUE, day(20), [review]) == Decimal("300.00")


def test_open_pause_runs_to_on_and_pause_before_due_is_ignored():
    suit = Excluded(day(11), None, "litigation")
    before = Excluded(day(-10), day(0), "other")
    assert surcharge_days(DUE, day(20), [suit, before]) == 10
    assert surcharge_days(DUE, day(10), [suit]) == 10


def test_pause_straddling_due_day_counts_only_days_after_due():
    review = Excluded(day(-5), day(3), "reconsideration")
    assert surcharge_days(DUE, day(10), [review]) == 7


def test_surcharge_days_never_negative_when_fully_paused():
    assert surcharge_days(DUE, day(10), [Excluded(day(1), day(30), "litigation")]) == 0


def test_decimal_exactness_rounds_the_product_half_up():
    assert surcharge(Decimal("333.33"), DUE, day(1)) == Decimal("10.00")  # 9.9999
    assert surcharge(Decimal("1.50"), DUE, day(1)) == Decimal("0.05")  # 0.045, half-up not half-even
    assert surcharge(Decimal("333.33"), DUE, day(7)) == Decimal("70.00")  # 69.9993
    assert surcharge(Decimal("333.33"), DUE, day(1)).as_tuple().exponent == -2


def test_cap_for_odd_fine_is_the_fine_itself():
    assert surcharge(Decimal("333.33"), DUE, day(34)) == Decimal("333.33")


def test_float_fine_is_refused():
    with pytest.raises(TypeError, match="Decimal"):
        surcharge(1000.0, DUE, day(1))  # type: ignore[arg-type]


def test_sound_instalment_plan_has_no_problems():
    plan = [Instalment(D(2025, 4, 1), Decimal("400.00")), Instalment(D(2025, 5, 1), Decimal("600.00"))]
    assert check_instalments(THOUSAND, plan) == []


def test_instalments_that_do_not_sum_to_the_fine_are_refused():
    plan = [Instalment(D(2025, 4, 1), Decimal("400.00")), Instalment(D(2025, 5, 1), Decimal("599.99"))]
    assert check_instalments(THOUSAND, plan) == ["各期金额合计999.99元，与罚款金额1000元不符"]


def test_instalment_amount_must_be_positive_and_dates_strictly_increasing():
    plan = [
        Instalment(D(2025, 4, 1), Decimal("1000.00")),
        Instalment(D(2025, 4, 1), Decimal(0)),
    ]
    problems = check_instalments(THOUSAND, plan)
    assert len(problems) == 2
    assert "第2期金额必须大于零" in problems[0]
    assert "第2期缴纳日2025-04-01应晚于第1期" in problems[1]


def test_empty_instalment_plan_is_refused():
    assert check_instalments(THOUSAND, []) == ["分期缴纳计划至少应有一期"]


def test_earliest_court_application_is_day_after_ten_working_days_from_demand():
    # served Fri 2025-09-26: Sep 28, 29, 30, Oct 9, 10, 11, 13, 14, 15, 16 -> Oct 16 is the 10th
    assert earliest_court_application(D(2025, 9, 26)) == D(2025, 10, 17)
    assert earliest_court_application(D(2025, 10, 13)) == D(2025, 10, 28)


def test_court_application_deadline_is_three_months_after_litigation_period():
    assert court_application_deadline(D(2025, 8, 31)) == D(2026, 5, 28)  # litigation ends 2026-02-28


def test_court_application_deadline_starts_from_rolled_litigation_end():
    assert court_application_deadline(D(2025, 4, 1)) == D(2026, 1, 9)  # litigation ends 2025-10-09


def test_court_application_deadline_starts_from_a_later_deferral_end():
    assert court_application_deadline(D(2025, 4, 1), deferred_until=D(2026, 3, 31)) == D(2026, 6, 30)
    assert court_application_deadline(D(2025, 4, 1), deferred_until=D(2025, 6, 1)) == D(2026, 1, 9)

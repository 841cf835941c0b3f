"""Legal periods: lengths, units, working-day counting, roll-forward and month arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.calendar.periods import (
    CONFIGURABLE,
    PERIODS,
    Unit,
    UnknownPeriod,
    add_months,
    check_overrides,
    deadline,
    hearing_notice_in_time,
    in_time,
    period,
)
from zhifa.core.calendar import due, sources

D = dt.date

EXPECTED = {
    "filing_decision": (15, Unit.working_days), "filing_extension": (15, Unit.working_days),
    "evidence_preservation": (7, Unit.working_days), "defence_reply": (5, Unit.working_days),
    "hearing_request": (5, Unit.working_days), "hearing_notice": (7, Unit.working_days),
    "decision": (90, Unit.calendar_days), "decision_extension": (30, Unit.calendar_days),
    "service": (7, Unit.working_days), "public_notice_service": (30, Unit.calendar_days),
    "payment": (15, Unit.calendar_days),
    "seizure": (30, Unit.calendar_days), "seizure_extension": (30, Unit.calendar_days),
    "reconsideration": (60, Unit.calendar_days), "litigation": (6, Unit.months),
    "publication_penalty": (7, Unit.working_days), "publication_other": (20, Unit.working_days),
    "publication_withdrawal": (3, Unit.working_days), "demand_before_court": (10, Unit.working_days),
    "court_application": (3, Unit.months), "simple_filing": (3, Unit.working_days),
    "criminal_transfer_decision": (3, Unit.calendar_days), "fine_handover": (2, Unit.working_days),
}


def test_period_table_has_exactly_the_agreed_codes_lengths_and_units():
    assert {c: (p.length, p.unit) for c, p in PERIODS.items()} == EXPECTED
    assert all(p.code == c and p.name for c, p in PERIODS.items())
    assert all(any(w in p.basis for w in ("法第", "规定", "国办发")) for p in PERIODS.values())


def test_only_party_periods_roll_forward():
    assert {c for c, p in PERIODS.items() if p.roll_forward} == {"payment", "reconsideration", "litigation"}


def test_hearing_request_on_fifth_working_day_after_pre_holiday_notice_is_in_time():
    # notice Fri 2025-09-26: Sep 28 (Sun 调休), 29, 30, Oct 9, 10
    assert deadline("hearing_request", D(2025, 9, 26)) == D(2025, 10, 10)
    assert in_time("hearing_request", D(2025, 9, 26), D(2025, 10, 10)) is True


def test_hearing_request_on_sixth_working_day_is_late():
    assert in_time("hearing_request", D(2025, 9, 26), D(2025, 10, 11)) is False


def test_hearing_notice_exactly_seven_working_days_before_is_sufficient():
    # notice 2025-09-30: Oct 9, 10, 11, 13, 14, 15, 16
    assert deadline("hearing_notice", D(2025, 9, 30)) == D(2025, 10, 16)
    assert hearing_notice_in_time(D(2025, 9, 30), D(2025, 10, 16)) is True
    assert hearing_notice_in_time(D(2025, 9, 30), D(2025, 10, 20)) is True


def test_hearing_notice_six_working_days_before_is_too_short():
    assert hearing_notice_in_time(D(2025, 9, 30), D(2025, 10, 15)) is False


def test_in_time_refuses_the_hearing_notice_lead_time():
    with pytest.raises(ValueError, match="hearing_notice_in_time"):
        in_time("hearing_notice", D(2025, 9, 30), D(2025, 10, 16))


def test_evidence_preservation_decision_on_seventh_working_day_in_time_eighth_late():
    # registered Mon 2025-09-29: Sep 30, Oct 9, 10, 11, 13, 14, 15
    assert deadline("evidence_preservation", D(2025, 9, 29)) == D(2025, 10, 15)
    assert in_time("evidence_preservation", D(2025, 9, 29), D(2025, 10, 15)) is True
    assert in_time("evidence_preservation", D(2025, 9, 29), D(2025, 10, 16)) is False


def test_payment_fifteen_calendar_days_on_an_ordinary_working_day():
    assert deadline("payment", D(2025, 3, 3)) == D(2025, 3, 18)
    assert in_time("payment", D(2025, 3, 3), D(2025, 3, 18)) is True
    assert in_time("payment", D(2025, 3, 3), D(2025, 3, 19)) is False


def test_payment_rolls_forward_when_fifteenth_day_is_national_day():
    assert deadline("payment", D(2025, 9, 16)) == D(2025, 10, 9)
    assert in_time("payment", D(2025, 9, 16), D(2025, 10, 9)) is True
    assert in_time("payment", D(2025, 9, 16), D(2025, 10, 10)) is False


def test_payment_rolls_forward_over_an_ordinary_sunday():
    assert deadline("payment", D(2025, 6, 7)) == D(2025, 6, 23)


def test_payment_does_not_roll_when_fifteenth_day_is_a_make_up_saturday():
    assert deadline("payment", D(2025, 9, 26)) == D(2025, 10, 11)


def test_decision_clock_does_not_roll_forward_over_holiday():
    assert deadline("decision", D(2025, 7, 3)) == D(2025, 10, 1)


def test_reconsideration_sixty_days_plain_and_rolled():
    assert deadline("reconsideration", D(2025, 6, 2)) == D(2025, 8, 1)
    assert deadline("reconsideration", D(2025, 8, 2)) == D(2025, 10, 9)
    assert deadline("reconsideration", D(2025, 3, 3)) == D(2025, 5, 6)  # May 2 falls in Labour Day


def test_litigation_six_months_clamps_to_month_end():
    assert deadline("litigation", D(2025, 3, 31)) == D(2025, 9, 30)
    assert deadline("litigation", D(2023, 8, 31)) == D(2024, 2, 29)  # leap year


def test_litigation_month_end_on_make_up_saturday_does_not_roll():
    assert deadline("litigation", D(2025, 8, 31)) == D(2026, 2, 28)


def test_litigation_rolls_forward_from_national_day():
    assert deadline("litigation", D(2025, 4, 1)) == D(2025, 10, 9)


def test_litigation_from_2026_08_31_clamps_to_2027_02_28_and_rolls_to_monday_even_before_2027_is_published():
    assert add_months(D(2026, 8, 31), 6) == D(2027, 2, 28)  # a Sunday
    with sources.official_hidden(2027):
        provisional = due("litigation", D(2026, 8, 31))
    assert provisional.on == D(2027, 3, 1) and provisional.provisional is True


def test_add_months_keeps_the_corresponding_day_and_crosses_years():
    assert add_months(D(2025, 1, 30), 1) == D(2025, 2, 28)
    assert add_months(D(2025, 11, 15), 3) == D(2026, 2, 15)
    assert add_months(D(2025, 12, 31), 6) == D(2026, 6, 30)


def test_criminal_transfer_decision_counts_calendar_days():
    assert deadline("criminal_transfer_decision", D(2025, 9, 30)) == D(2025, 10, 3)


def test_fine_handover_and_withdrawal_count_working_days():
    assert deadline("fine_handover", D(2025, 9, 30)) == D(2025, 10, 10)
    assert deadline("publication_withdrawal", D(2025, 9, 30)) == D(2025, 10, 11)


def test_configurable_period_can_be_overridden():
    assert period("defence_reply", {"defence_reply": 3}).length == 3
    assert deadline("defence_reply", D(2025, 9, 26), {"defence_reply": 3}) == D(2025, 9, 30)
    assert deadline("defence_reply", D(2025, 9, 26)) == D(2025, 10, 10)
    assert deadline("publication_penalty", D(2025, 10, 13), {"publication_penalty": 20}) == D(2025, 11, 10)


def test_override_of_another_code_leaves_this_period_alone():
    assert period("hearing_request", {"defence_reply": 3}).length == 5


def test_statutory_period_cannot_be_overridden():
    assert "hearing_request" not in CONFIGURABLE
    with pytest.raises(ValueError, match="法定期限"):
        period("hearing_request", {"hearing_request": 3})


def test_override_must_be_a_positive_integer():
    with pytest.raises(ValueError, match="不小于1"):
        period("defence_reply", {"defence_reply": 0})
    assert period("defence_reply", {"defence_reply": 1}).length == 1


def test_unknown_code_raises_unknown_period_which_is_a_key_error():
    with pytest.raises(UnknownPeriod, match="未知期限代码"):
        period("no_such_period")
    with pytest.raises(KeyError):
        deadline("no_such_period", D(2025, 1, 1))


def test_check_overrides_lists_every_problem():
    problems = check_overrides({"defence_reply": 3, "payment": 10, "nope": 5, "decision": -1})
    assert len(problems) == 3
    assert any("payment" in p and "法定期限" in p for p in problems)
    assert any("nope" in p for p in problems)
    assert check_overrides({"defence_reply": 3, "decision": 60}) == []


def test_deadline_refuses_datetime_start():
    with pytest.raises(TypeError):
        deadline("payment", dt.datetime(2025, 3, 3, 10, 0))

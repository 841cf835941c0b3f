"""From investigation to decision: notice, defence, hearing, legal review, discussion, the clock."""

from __future__ import annotations

from decimal import Decimal

import pytest
from zhifa.core.calendar import add_working_days
from zhifa.core.services.demo import load_demo

from .helpers import run
from .procedure_helpers import OFFICERS, act, clue, d, file_of, party_id, refused

FUMES = "ECO-CF-003"  # 餐饮油烟 5,000–50,000; 横村镇 holds it by entrustment


@pytest.fixture
def county(database_url):
    run(load_demo())


def investigated(found: str, filed: str, concluded: str, party: str = "张三", amount: str = "20000", **flags) -> int:
    case = clue("ecology", FUMES, found)
    act(case, "file_case", filed, "hc-captain", officers=OFFICERS, party_id=party_id(party), act_date=found)
    act(case, "conclude_investigation", concluded, "hc-officer1", facts={}, amount=amount, **flags)
    return case


@pytest.fixture
def noticed(county) -> int:
    """A citizen's 20,000-yuan case whose notice is served on 2025-09-26, just before National Day."""
    case = investigated("2025-09-15", "2025-09-16", "2025-09-22")
    act(case, "serve_notice", "2025-09-26", "hc-officer1")
    return case


def test_the_notice_records_the_hearing_right_and_the_reply_deadline(noticed):
    notice = file_of(noticed).notice
    assert notice.hearing_offered  # 生态环境 citizen threshold 5,000 (inclusive)
    assert notice.amount == Decimal("20000")
    assert str(notice.reply_deadline) == "2025-10-10"  # 5 working days across the holiday


def test_a_hearing_requested_on_the_fifth_working_day_across_national_day_is_in_time(noticed):
    assert str(add_working_days(d("2025-09-26"), 5)) == "2025-10-10"
    assert act(noticed, "request_hearing", "2025-10-10", "hc-officer1").status == "hearing"


def test_a_hearing_requested_on_the_sixth_working_day_is_late(noticed):
    # 2025-10-11 is a Saturday worked in lieu of the holiday (调休): the 6th working day
    assert refused(noticed, "request_hearing", "2025-10-11", "hc-officer1") == ["hearing.request_late"]


def test_the_hearing_is_notified_at_least_seven_working_days_ahead_by_a_host_who_did_not_investigate(noticed):
    act(noticed, "request_hearing", "2025-10-09", "hc-officer1")
    earliest = add_working_days(d("2025-10-10"), 7)
    too_soon = add_working_days(d("2025-10-10"), 6)
    assert refused(noticed, "schedule_hearing", "2025-10-10", "hc-head", hearing_on=str(too_soon), host="hc-captain") == [
        "hearing.notice_too_short"]
    assert refused(noticed, "schedule_hearing", "2025-10-10", "hc-head", hearing_on=str(earliest), host="hc-officer1") == [
        "hearing.host_is_investigator"]
    act(noticed, "schedule_hearing", "2025-10-10", "hc-head", hearing_on=str(earliest), host="hc-captain")
    assert file_of(noticed).hearing.scheduled_for == earliest


def test_no_decision_while_a_requested_hearing_is_pending(noticed):
    act(noticed, "request_hearing", "2025-10-09", "hc-officer1")
    act(noticed, "legal_review", "2025-10-09", "hc-legal", passed=True, opinion="事实清楚")
    assert "case.wrong_state" in refused(noticed, "decide", "2025-10-20", "hc-head", amount="20000")


def test_hearing_time_does_not_count_against_the_decision_clock(noticed):
    act(noticed, "request_hearing", "2025-10-09", "hc-officer1")
    act(noticed, "schedule_hearing", "2025-10-10", "hc-head", hearing_on="2025-10-21", host="hc-captain")
    act(noticed, "hold_hearing", "2025-10-21", "hc-head", record="当事人到场陈述")
    [interval] = file_of(noticed).excluded
    assert (str(interval.start), str(interval.end)) == ("2025-10-09", "2025-10-21")
    from zhifa.core.rules.deadlines import decision_due

    # filed 2025-09-16 + 90 days = 2025-12-15, plus the 13 hearing days
    assert str(decision_due(d("2025-09-16"), file_of(noticed), d("2025-12-20"))) == "2025-12-28"


def test_no_decision_before_the_reply_period_ends_unless_the_party_waived(noticed):
    act(noticed, "legal_review", "2025-09-29", "hc-legal", passed=True, opinion="事实清楚，证据确凿")
    assert refused(noticed, "decide", "2025-10-10", "hc-head", amount="20000") == ["decision.reply_period_running"]
    assert act(noticed, "decide", "2025-10-11", "hc-head", amount="20000").status == "decided"


def test_a_waiver_lets_the_decision_come_at_once(noticed):
    act(noticed, "legal_review", "2025-09-29", "hc-legal", passed=True, opinion="同意")
    act(noticed, "waive_rights", "2025-09-29", "hc-officer1")
    assert act(noticed, "decide", "2025-09-29", "hc-head", amount="20000").status == "decided"


def test_a_case_that_could_go_to_hearing_needs_a_passed_legal_review(noticed):
    act(noticed, "waive_rights", "2025-09-29", "hc-officer1")
    assert refused(noticed, "decide", "2025-09-30", "hc-head", amount="20000") == ["decision.legal_review_missing"]
    act(noticed, "legal_review", "2025-09-30", "hc-legal", passed=False, opinion="证据不足")
    assert refused(noticed, "decide", "2025-09-30", "hc-head", amount="20000") == ["decision.legal_review_failed"]


def test_only_a_qualified_reviewer_who_did_not_investigate_reviews(noticed):
    assert refused(noticed, "legal_review", "2025-09-29", "hc-officer1", passed=True, opinion="x") == [
        "role.required", "review.reviewer_unqualified", "review.reviewer_is_investigator"]


def test_no_heavier_penalty_after_the_party_defended(noticed):
    act(noticed, "record_defence", "2025-09-29", "hc-officer1", summary="已安装净化设备")
    act(noticed, "legal_review", "2025-09-29", "hc-legal", passed=True, opinion="同意")
    assert refused(noticed, "decide", "2025-10-13", "hc-head", amount="20000.01") == ["decision.heavier_than_notice"]
    assert refused(noticed, "decide", "2025-10-13", "hc-head", amount="20000", penalties=["suspend_business"]) == [
        "decision.heavier_than_notice"]
    assert act(noticed, "decide", "2025-10-13", "hc-head", amount="19000").status == "decided"


def test_an_amount_outside_the_tier_needs_written_reasons(county):
    case = investigated("2026-03-02", "2026-03-03", "2026-03-10", party="桐庐县横村镇好味道餐饮店", amount="40000")
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    # 一般 tier 18,500–36,500; 36,500 is inside, 36,500.01 outside
    assert refused(case, "decide", "2026-03-12", "hc-head", amount="36500.01") == ["penalty.outside_tier_needs_reasons"]
    assert act(case, "decide", "2026-03-12", "hc-head", amount="36500.01", reasons="油烟直排居民窗口，影响恶劣").status == "decided"


def test_a_complex_case_is_decided_by_collective_discussion(county):
    case = investigated("2026-03-02", "2026-03-03", "2026-03-10", party="桐庐县横村镇好味道餐饮店", complex_case=True)
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    act(case, "legal_review", "2026-03-11", "hc-legal", passed=True, opinion="同意")
    assert refused(case, "decide", "2026-03-12", "hc-head", amount="20000") == ["decision.discussion_missing"]
    act(case, "collective_discussion", "2026-03-12", "hc-head", attendees=["镇长", "分管副镇长", "执法队长"], conclusion="同意")
    assert act(case, "decide", "2026-03-12", "hc-head", amount="20000").status == "decided"


def test_the_decision_is_due_ninety_days_after_filing_unless_extended(county):
    case = investigated("2026-01-02", "2026-01-05", "2026-01-20", party="桐庐县横村镇好味道餐饮店")
    act(case, "serve_notice", "2026-01-21", "hc-officer1")
    act(case, "waive_rights", "2026-01-21", "hc-officer1")
    assert refused(case, "decide", "2026-04-06", "hc-head", amount="20000") == ["decision.overdue"]  # day 91
    act(case, "extend_decision_deadline", "2026-04-01", "hc-head", days=30, reason="案情复杂")
    assert act(case, "decide", "2026-04-06", "hc-head", amount="20000").status == "decided"


def test_the_ninetieth_day_is_still_in_time(county):
    case = investigated("2026-01-02", "2026-01-05", "2026-01-20", party="桐庐县横村镇好味道餐饮店")
    act(case, "serve_notice", "2026-01-21", "hc-officer1")
    act(case, "waive_rights", "2026-01-21", "hc-officer1")
    assert act(case, "decide", "2026-04-05", "hc-head", amount="20000").status == "decided"


def test_a_township_that_keeps_large_fines_with_the_county_hands_them_back(county):
    from zhifa.core.db.tables import Township

    run(Township.update({Township.settings: {"hand_back_organisation": "20000"}}).where(Township.code == "330122100"))
    case = investigated("2026-03-02", "2026-03-03", "2026-03-10", party="桐庐县横村镇好味道餐饮店")
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    assert refused(case, "decide", "2026-03-12", "hc-head", amount="20000") == ["decision.hand_back_required"]
    assert act(case, "decide", "2026-03-12", "hc-head", amount="19999.99", reasons="从轻").status == "decided"
    back = investigated("2026-03-02", "2026-03-03", "2026-03-10", party="桐庐县横村镇好味道餐饮店")
    assert act(back, "hand_back", "2026-03-11", "hc-head", department="ecology-eco", reason="较大数额").status == "handed_back"

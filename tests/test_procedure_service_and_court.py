"""Service of the decision (行政处罚法第61条, 民事诉讼法第87-95条) and the court-application window
(行政强制法第53-54条), through the procedure service on the demo county, both engines."""

from __future__ import annotations

import pytest
from zhifa.core.services import case_search
from zhifa.core.services.demo import load_demo
from zhifa.core.services.findings import findings

from .helpers import run
from .procedure_helpers import HENGCUN, OFFICERS, act, clue, d, file_of, party_id, refused

COURT = "桐庐县人民法院"


@pytest.fixture
def county(database_url):
    run(load_demo())


@pytest.fixture
def decided(county) -> int:
    """A 20,000-yuan decision on the shop, made on Thursday 2026-03-12."""
    case = clue("ecology", "ECO-CF-003", "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("桐庐县横村镇好味道餐饮店"),
        act_date="2026-03-01")
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount="20000")
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    act(case, "decide", "2026-03-12", "hc-head", amount="20000")
    return case


def _served_and_demanded(case: int) -> int:
    act(case, "serve_decision", "2026-03-13", "hc-officer1", recipient="王五")
    act(case, "serve_demand", "2026-04-01", "hc-officer1")
    return case


# ── 行政强制法第53条: only once the 复议 and 诉讼 periods have run out, within three months after ──


def test_court_application_is_refused_while_the_reconsideration_and_litigation_periods_run(decided):
    case = _served_and_demanded(decided)
    # the case: served 2026-03-13, applied 2026-04-20 (reconsideration open until 05-12)
    assert refused(case, "apply_to_court", "2026-04-20", "hc-head", court=COURT) == ["execution.remedy_periods_running"]
    # six months after 03-13 is Sunday 09-13: the party's litigation period runs to Monday 09-14
    assert refused(case, "apply_to_court", "2026-09-14", "hc-head", court=COURT) == ["execution.remedy_periods_running"]
    act(case, "apply_to_court", "2026-09-15", "hc-head", court=COURT)
    assert file_of(case).execution.court_applied_on == d("2026-09-15")


def test_court_application_is_allowed_on_the_last_day_of_the_three_months_and_refused_the_day_after(decided, today):
    today("2026-12-15")
    case = _served_and_demanded(decided)
    # three months from the end of the litigation period (2026-09-14): 2026-12-14
    assert refused(case, "apply_to_court", "2026-12-15", "hc-head", court=COURT) == ["execution.too_late"]
    act(case, "apply_to_court", "2026-12-14", "hc-head", court=COURT)


def test_the_court_window_counts_from_the_day_a_public_notice_is_deemed_served(decided):
    act(decided, "serve_decision", "2026-03-13", "hc-officer1", method="public_notice", recipient="公告（横村镇公告栏）")
    act(decided, "serve_demand", "2026-05-06", "hc-officer1")
    # deemed served 2026-04-12; six months later 10-12 (Monday) ends the litigation period
    assert refused(decided, "apply_to_court", "2026-10-12", "hc-head", court=COURT) == ["execution.remedy_periods_running"]
    act(decided, "apply_to_court", "2026-10-13", "hc-head", court=COURT)


# ── 民事诉讼法第95条: 公告送达 is deemed done 30 days after the notice ──


def test_a_public_notice_is_deemed_served_thirty_days_later_so_payment_is_due_on_the_45th_day(decided):
    act(decided, "serve_decision", "2026-03-13", "hc-officer1", method="public_notice", recipient="公告（横村镇公告栏）")
    service = file_of(decided).service
    assert (service.on, service.served_on) == (d("2026-03-13"), d("2026-04-12"))
    assert file_of(decided).execution.due == d("2026-04-27")  # 45 days after the notice, a Monday
    # paid on the 45th day: no surcharge, the case closes on the fine alone
    act(decided, "record_payment", "2026-04-27", "hc-officer1", amount="20000")
    assert act(decided, "close", "2026-04-28", "hc-captain").status == "closed"


def test_after_a_public_notice_the_surcharge_runs_from_the_46th_day(decided):
    act(decided, "serve_decision", "2026-03-13", "hc-officer1", method="public_notice", recipient="公告（横村镇公告栏）")
    act(decided, "record_payment", "2026-04-28", "hc-officer1", amount="20000")  # one day late: 600 yuan owed
    assert refused(decided, "close", "2026-04-29", "hc-captain") == ["close.unpaid"]
    act(decided, "record_payment", "2026-04-28", "hc-officer1", amount="600")
    assert act(decided, "close", "2026-04-29", "hc-captain").status == "closed"


def test_the_case_deadlines_count_the_remedies_from_the_deemed_date(decided):
    act(decided, "serve_decision", "2026-03-13", "hc-officer1", method="public_notice", recipient="公告")
    due = {x.code: x.due for x in run(case_search.case_detail(HENGCUN, decided)).deadlines}
    assert due["payment"] == d("2026-04-27")
    assert due["reconsideration"] == d("2026-06-11")  # 60 days after 04-12
    assert due["litigation"] == d("2026-10-12")


def test_a_decision_served_by_post_counts_from_the_date_on_the_receipt(decided):
    assert refused(decided, "serve_decision", "2026-03-13", "hc-officer1", method="post", recipient="王五") == [
        "service.receipt_date_missing"]
    assert refused(decided, "serve_decision", "2026-03-13", "hc-officer1", method="post", recipient="王五",
                   received_on="2026-03-12") == ["date.before_previous_step"]
    act(decided, "serve_decision", "2026-03-13", "hc-officer1", method="post", recipient="王五", received_on="2026-03-16")
    service = file_of(decided).service
    assert (service.method, service.served_on) == ("post", d("2026-03-16"))
    assert file_of(decided).execution.due == d("2026-03-31")


def test_a_receipt_date_is_only_for_post_and_electronic_service(decided):
    assert refused(decided, "serve_decision", "2026-03-13", "hc-officer1", recipient="王五", received_on="2026-03-13") == [
        "service.received_on_not_applicable"]
    act(decided, "serve_decision", "2026-03-13", "hc-officer1", method="left", recipient="王五（拒收，留置于经营场所）")
    assert file_of(decided).service.served_on == d("2026-03-13")


# ── 行政处罚法第61条: served within 7 working days of the decision ──


def test_a_decision_may_be_served_on_the_seventh_working_day_without_reasons(decided):
    # decided Thursday 2026-03-12: the 7th working day after is Monday 03-23
    act(decided, "serve_decision", "2026-03-23", "hc-officer1", recipient="王五")
    assert [f for f in run(findings(county_code="330122")) if f.case_id == decided] == []


def test_a_decision_served_after_seven_working_days_needs_reasons_and_is_reported(decided):
    assert refused(decided, "serve_decision", "2026-03-24", "hc-officer1", recipient="王五") == [
        "service.late_without_reasons"]
    act(decided, "serve_decision", "2026-03-24", "hc-officer1", recipient="王五", late_reasons="当事人外出，多次上门未遇")
    assert file_of(decided).service.late_reasons == "当事人外出，多次上门未遇"
    found = [f for f in run(findings(county_code="330122")) if f.case_id == decided]
    assert [(f.code, f.step, f.on) for f in found] == [("service.late", "serve_decision", d("2026-03-24"))]
    assert "当事人外出" in found[0].message and "2026-03-23" in found[0].message

"""A decision orders the violation corrected with a time limit (行政处罚法第二十八条第一款), its document says
so, and the order is re-checked after the time limit before the case is closed (issue 14: a decided
order to correct was never re-checked)."""

from __future__ import annotations

from .procedure_helpers import act, file_of, refused
from .test_documents import county, fumes_clue, investigated, photographed, render  # noqa: F401  (county is a fixture)


def decided_with_an_order_to_correct() -> int:
    case = fumes_clue()
    investigated(case)
    photographed(case)
    act(case, "legal_review", "2026-03-10", "hc-legal", passed=True, opinion="事实清楚，证据确凿，程序合法，适用依据正确")
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    assert refused(case, "decide", "2026-03-12", "hc-head", amount="20000", correct_by="2026-03-31") == [
        "correction.content_required"]
    act(case, "decide", "2026-03-12", "hc-head", amount="20000", correction="安装油烟净化设施并保持正常使用",
        correct_by="2026-03-31")
    return case


def test_the_decision_orders_the_correction_and_its_time_limit(county):
    case = decided_with_an_order_to_correct()
    decision = render(case, "decision", "2026-03-12")
    decision.shows("第二十八条第一款", "责令当事人安装油烟净化设施并保持正常使用，并于2026年3月31日前改正违法行为")


def test_the_order_is_rechecked_after_its_time_limit_and_before_closing(county):
    case = decided_with_an_order_to_correct()
    act(case, "serve_decision", "2026-03-13", "hc-officer1", recipient="张三")
    act(case, "record_payment", "2026-03-20", "hc-officer1", amount="20000", receipt="回执")
    assert refused(case, "close", "2026-03-31", "hc-captain") == ["correction.not_rechecked"]
    assert refused(case, "recheck_decision_correction", "2026-03-31", "hc-officer1", corrected=True) == [
        "correction.deadline_running"]
    assert refused(case, "recheck_decision_correction", "2026-04-01", "hc-officer1", corrected=False) == [
        "correction.follow_up_required"]
    act(case, "recheck_decision_correction", "2026-04-01", "hc-officer1", corrected=False,
        follow_up="逾期未改正，已另案立案查处")
    assert file_of(case).decision.correction.follow_up == "逾期未改正，已另案立案查处"
    assert refused(case, "recheck_decision_correction", "2026-04-02", "hc-officer1", corrected=True) == [
        "correction.rechecked"]
    act(case, "close", "2026-04-02", "hc-captain")

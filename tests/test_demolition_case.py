"""The commonest township case: 违法建设 → 责令限期拆除 → 公告 → the remedy periods → 催告 → 强制拆除 or
代履行 (行政强制法第四十四条、第三十五至三十八条、第四十三条、第五十至五十一条), on the demo data, with
every document rendered and the gates refusing on the wrong side of each boundary."""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.calendar import court_application_opens
from zhifa.core.rules import Refused

from .procedure_helpers import HENGCUN, OFFICERS, act, d, file_of, party_id, refused
from .test_documents import county, decided, fumes_clue, render  # noqa: F401  (county is a fixture)
from .test_documents_fields import clue

PARTY = "杭州富春建设工程有限公司"


def served_demolition_order(found: str = "2026-01-05") -> int:
    """A 乡村建设规划 case (城乡规划法第六十五条: the township's own power) decided and served on 2026-02-03."""
    case = clue(HENGCUN, "urban", "URBAN-CF-002", "当事人未取得乡村建设规划许可证，在横村镇白鹤村建设二层砖混房屋一幢",
                "横村镇白鹤村3组", found=found, party=PARTY)
    act(case, "order_correction", "2026-01-06", "hc-officer1", deadline="2026-01-16", content="停止建设，限期改正")
    act(case, "recheck_correction", "2026-01-19", "hc-officer1", corrected=False)
    act(case, "file_case", "2026-01-19", "hc-captain", officers=OFFICERS, party_id=party_id(PARTY), act_date="2026-01-04")
    act(case, "conclude_investigation", "2026-01-26", "hc-officer1", facts={}, penalties=["demolish"],
        reasons="逾期未改正，依法限期拆除")
    act(case, "legal_review", "2026-01-27", "hc-legal", passed=True, opinion="事实清楚，证据确凿，程序合法，适用依据正确")
    act(case, "serve_notice", "2026-01-28", "hc-officer1")
    act(case, "waive_rights", "2026-01-28", "hc-officer1")
    act(case, "decide", "2026-02-02", "hc-head", penalties=["demolish"], reasons="逾期未改正，依法限期拆除")
    order = render(case, "urban.demolition_order", "2026-02-02", deadline="2026年2月20日")
    order.shows("限期拆除决定书", "横综执拆决字〔2026〕第1号", "于2026年2月20日前自行拆除")
    act(case, "serve_decision", "2026-02-03", "hc-officer1", recipient="赵六")
    return case


def message(case: int, action: str, on: str, actor: str, **data) -> list[str]:
    with pytest.raises(Refused) as info:
        act(case, action, on, actor, **data)
    return [r.message for r in info.value.refusals]


def test_a_demolition_case_runs_from_clue_to_forced_demolition_with_every_document(county):
    case = served_demolition_order()
    assert refused(case, "serve_demolition_demand", "2026-02-10", "hc-officer1", perform_by="2026-02-20") == [
        "demolition.not_announced", "demolition.remedy_periods_running"]
    act(case, "announce_demolition", "2026-02-10", "hc-head", demolish_by="2026-02-28", place="白鹤村村务公开栏")
    notice = render(case, "demolition_notice", "2026-02-10")
    notice.shows("公\u3000\u3000告", "横综执拆告字〔2026〕第1号", "杭州富春建设工程有限公司", "横村镇白鹤村3组",
                 "《限期拆除决定书》（横综执拆决字〔2026〕第1号）", "2026年2月3日送达", "于2026年2月28日前自行拆除",
                 "第四十四条", "白鹤村村务公开栏", "横村镇人民政府")

    # the remedy periods: 60 days to apply for reconsideration, six months to sue, from service on 2026-02-03
    opens = court_application_opens(d("2026-02-03"))
    assert opens == d("2026-08-04")  # the six months end on 2026-08-03
    day_before = str(opens - dt.timedelta(days=1))
    assert message(case, "serve_demolition_demand", day_before, "hc-officer1", perform_by="2026-08-20") == [
        "当事人申请行政复议（六十日）、提起行政诉讼（六个月）的期限至 2026-08-03 届满，期限内不得强制拆除，即 2026-08-04 起方可进行"
        "（行政强制法第四十四条）"]
    act(case, "serve_demolition_demand", str(opens), "hc-officer1", perform_by="2026-08-14")
    demand = render(case, "demolition_demand", str(opens))
    demand.shows("催告书", "横综执拆催字〔2026〕第1号", "于2026年8月14日前", "第三十五条", "第三十六条", "陈述和申辩")

    # 第三十七条: only once the demand's time limit has passed; 第四十三条: not on a statutory holiday
    assert refused(case, "decide_forced_demolition", "2026-08-14", "hc-head") == ["demolition.demand_period_running"]
    assert message(case, "decide_forced_demolition", "2026-08-17", "hc-head", carry_out_on="2026-10-01") == [
        "2026-10-01 是法定节假日（国庆节），不得实施行政强制执行（行政强制法第四十三条）"]
    act(case, "decide_forced_demolition", "2026-08-17", "hc-head", carry_out_on="2026-10-12",
        statement="当事人提出房屋系自住，经复核，违法事实清楚，不予采纳")
    decision = render(case, "forced_demolition_decision", "2026-08-17")
    decision.shows("强制拆除决定书", "横综执强拆决字〔2026〕第1号", "当事人：杭州富春建设工程有限公司",
                   "（横综执拆催字〔2026〕第1号）", "经催告逾期仍不履行", "当事人提出房屋系自住", "第三十七条、第四十四条",
                   "《中华人民共和国城乡规划法》第六十五条", "于2026年10月12日实施", "强制拆除不在夜间",
                   "六十日内向桐庐县人民政府申请行政复议", "2026年8月17日")
    for rendered in (notice, demand, decision):
        assert rendered.document.blanks == [], (rendered.document.template, rendered.document.blanks)

    assert refused(case, "close", "2026-09-30", "hc-captain") == ["demolition.not_carried_out"]
    assert refused(case, "carry_out_demolition", "2026-10-02", "hc-head", report="拆除二层砖混房屋一幢") == [
        "demolition.statutory_holiday"]
    act(case, "carry_out_demolition", "2026-10-12", "hc-head", report="上午9时至下午4时拆除二层砖混房屋一幢，当事人到场")
    act(case, "close", "2026-10-13", "hc-captain")
    assert file_of(case).demolition.carried_out_on == d("2026-10-12")


def test_a_pending_lawsuit_holds_demolition_and_the_substitute_performance_decision_names_performer_and_cost(county):
    case = served_demolition_order()
    act(case, "announce_demolition", "2026-02-10", "hc-head", demolish_by="2026-02-28")
    act(case, "record_remedy", "2026-03-02", "hc-officer1", kind="litigation")
    assert message(case, "serve_demolition_demand", "2026-08-10", "hc-officer1", perform_by="2026-08-20") == [
        "当事人已于 2026-03-02 提起行政诉讼，尚未审结，不得强制拆除（行政强制法第四十四条）"]
    act(case, "record_remedy", "2026-08-10", "hc-officer1", kind="litigation", ended=True)  # judgment: the order upheld
    act(case, "serve_demolition_demand", "2026-08-11", "hc-officer1", perform_by="2026-08-21")
    act(case, "decide_substitute_performance", "2026-08-24", "hc-head", performer="桐庐县某拆除工程有限公司",
        budget="18000.00", carry_out_on="2026-09-01")
    decision = render(case, "substitute_performance_decision", "2026-08-24")
    decision.shows("代履行决定书", "横综执代履决字〔2026〕第1号", "桐庐县某拆除工程有限公司", "壹万捌仟元整（18,000.00元）",
                   "第五十条、第五十一条", "代履行三日前", "于2026年9月1日实施")
    assert decision.document.blanks == []
    assert refused(case, "decide_forced_demolition", "2026-08-25", "hc-head") == ["demolition.decided"]


def test_a_decision_that_orders_no_demolition_has_no_demolition_procedure(county):
    case = fumes_clue()
    decided(case)  # a fine of 20,000 yuan: nothing to demolish
    act(case, "serve_decision", "2026-03-13", "hc-officer1", recipient="张三")
    assert message(case, "announce_demolition", "2026-03-16", "hc-head", demolish_by="2026-03-31") == [
        "本案没有已送达的责令限期拆除决定，不能进行强制拆除程序（行政强制法第四十四条）"]

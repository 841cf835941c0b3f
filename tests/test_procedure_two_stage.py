"""Two-stage offences (责令改正后拒不改正才处罚): what the law imposes at once is decided without a prior order to
correct (the catalogue's ``immediate_penalties``), and so is what it attaches to a circumstance it punishes directly
(``direct``: 情节严重的, with the provision's words — its kinds, and its fine where ``fines`` has one); every other
fine and kind waits for a re-check that found no correction."""

from __future__ import annotations

import pytest
from zhifa.core.registry import get_host
from zhifa.core.services.demo import load_demo

from .helpers import run
from .procedure_helpers import OFFICERS, ZHONGSHAN, act, clue, file_of, party_id, refused

HEALTH_CERTIFICATES = "MARKET-CF-008"  # 食安法 第一百二十六条: 责令改正，给予警告；拒不改正的，处五千元以上……
UNLICENSED = "MARKET-CF-001"  # 市场主体登记管理条例 第四十三条: 责令改正，没收违法所得；拒不改正的，处……罚款
USE_RECORDS = "AGRI-CF-007"  # 农药管理条例 第六十一条: 拒不改正或者情节严重的，处2000元以上2万元以下罚款
STORAGE = "MARKET-CF-010"  # 食安法 第一百三十二条: ……拒不改正的，责令停产停业，并处……罚款；情节严重的，吊销许可证
DISPLAY = "MARKET-CF-003"  # 营业执照未置于醒目位置: 拒不改正的 fined, nothing at once
SHOP = "桐庐县横村镇好味道餐饮店"
ZS = ["zs-officer1", "zs-officer2"]


@pytest.fixture
def county(database_url):
    run(load_demo())


def test_the_catalogue_declares_what_two_stage_offences_punish_at_once():
    powers = get_host().registry.powers
    def direct(code):
        return [(d.situation, [k.value for k in d.penalties]) for d in powers[code].direct]

    assert [k.value for k in powers[UNLICENSED].immediate_penalties] == ["confiscate_gains"]
    assert direct(UNLICENSED) == [("serious", ["close"])]
    for code in ("MARKET-CF-008", "MARKET-CF-009", "MARKET-CF-010"):
        assert [k.value for k in powers[code].immediate_penalties] == ["warning"], code
        assert powers[code].direct[0].defined_by.article == "第六十七条", code  # 食品安全法实施条例: 情节严重情形
    assert direct(HEALTH_CERTIFICATES) == [("serious", ["suspend_business", "revoke_licence"])]
    assert direct(STORAGE) == [("serious", ["revoke_licence"])]  # §132: 停产停业 goes with the fine, after the order
    assert direct("AGRI-CF-005") == [("serious", ["revoke_licence"])] and direct(USE_RECORDS) == [("serious", [])]
    for code in ("AGRI-CF-005", "AGRI-CF-007"):
        assert {f.situation for f in powers[code].fines} == {"not_corrected", "serious"}, code
    assert not powers[DISPLAY].immediate_penalties and not powers[DISPLAY].direct


def _filed(power: str, field: str = "market", party: str = SHOP, township: str | None = None) -> int:
    where = {"township": township} if township else {}
    officers, captain = (ZS, "zs-captain") if township else (OFFICERS, "hc-captain")
    case = clue(field, power, "2026-03-02", **where)
    act(case, "file_case", "2026-03-03", captain, officers=officers, party_id=party_id(party, **where),
        act_date="2026-03-01", **where)
    return case


def _notified(case: int, facts: dict, officer: str = "hc-officer1", township: str | None = None, **proposal) -> None:
    where = {"township": township} if township else {}
    act(case, "conclude_investigation", "2026-03-10", officer, facts=facts, **proposal, **where)
    act(case, "serve_notice", "2026-03-11", officer, **where)
    act(case, "waive_rights", "2026-03-11", officer, **where)
    if file_of(case, **where).notice.hearing_offered:  # 责令停产停业、责令关闭: a hearing offered, so legal review
        act(case, "legal_review", "2026-03-11", "hc-legal", passed=True, opinion="事实清楚，程序合法", **where)


def test_the_warning_for_missing_health_certificates_is_decided_without_a_prior_order_to_correct(county):
    case = _filed(HEALTH_CERTIFICATES)  # before: case.correction_first
    _notified(case, {}, penalties=["warning", "suspend_business"])
    assert refused(case, "decide", "2026-03-12", "hc-head", penalties=["warning", "suspend_business"]) == [
        "decision.penalty_after_failure_to_correct"]
    assert act(case, "decide", "2026-03-12", "hc-head", penalties=["warning"]).status == "decided"
    assert file_of(case).decision.penalties == ["warning"]


def test_the_fine_for_missing_health_certificates_waits_for_the_failure_to_correct(county):
    case = _filed(HEALTH_CERTIFICATES)
    _notified(case, {"situation": "not_corrected"}, amount="5000", penalties=["warning"])
    assert refused(case, "decide", "2026-03-12", "hc-head", amount="5000", penalties=["warning"], reasons="拒不改正") == [
        "decision.fine_after_failure_to_correct"]

    corrected_late = clue("market", HEALTH_CERTIFICATES, "2026-03-02")
    act(corrected_late, "order_correction", "2026-03-02", "hc-officer1", deadline="2026-03-05", content="立即改正")
    act(corrected_late, "recheck_correction", "2026-03-06", "hc-officer1", corrected=False)
    act(corrected_late, "file_case", "2026-03-06", "hc-captain", officers=OFFICERS, party_id=party_id(SHOP),
        act_date="2026-03-01")
    _notified(corrected_late, {"situation": "not_corrected"}, amount="5000", penalties=["warning"])
    decided = act(corrected_late, "decide", "2026-03-12", "hc-head", amount="5000", penalties=["warning"], reasons="拒不改正")
    assert decided.status == "decided"


def test_illegal_gains_of_unlicensed_business_are_confiscated_without_a_prior_order_but_not_fined(county):
    case = _filed(UNLICENSED)  # before: case.correction_first
    _notified(case, {}, penalties=["confiscate_gains", "close"], confiscated_value="800")
    assert refused(case, "decide", "2026-03-12", "hc-head", penalties=["confiscate_gains", "close"]) == [
        "decision.penalty_after_failure_to_correct"]
    assert act(case, "decide", "2026-03-12", "hc-head", penalties=["confiscate_gains"]).status == "decided"


def test_a_serious_failure_to_keep_pesticide_use_records_is_fined_directly(county):
    party = "杭州富春建设工程有限公司"
    case = _filed(USE_RECORDS, "agri", party, ZHONGSHAN)  # before: case.correction_first
    _notified(case, {"situation": "serious"}, "zs-officer1", ZHONGSHAN, amount="2000")
    assert act(case, "decide", "2026-03-12", "zs-head", ZHONGSHAN, amount="2000").status == "decided"

    not_serious = _filed(USE_RECORDS, "agri", party, ZHONGSHAN)
    _notified(not_serious, {"situation": "not_corrected"}, "zs-officer1", ZHONGSHAN, amount="2000")
    assert refused(not_serious, "decide", "2026-03-12", "zs-head", ZHONGSHAN, amount="2000") == [
        "decision.fine_after_failure_to_correct"]


def test_a_two_stage_offence_with_nothing_imposed_at_once_is_still_filed_only_after_the_failed_order(county):
    case = clue("market", DISPLAY, "2026-03-02")
    assert refused(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id(SHOP),
                   act_date="2026-03-01") == ["case.correction_first"]



def test_serious_missing_health_certificates_are_suspended_at_once_but_the_fine_still_waits(county):
    case = _filed(HEALTH_CERTIFICATES)  # before: the suspension refused whatever the circumstance
    _notified(case, {"situation": "serious"}, penalties=["warning", "suspend_business"])
    assert "decision.fine_after_failure_to_correct" in refused(
        case, "decide", "2026-03-12", "hc-head", amount="5000", penalties=["warning", "suspend_business"], reasons="情节严重")
    decided = act(case, "decide", "2026-03-12", "hc-head", penalties=["warning", "suspend_business"])
    assert decided.status == "decided" and file_of(case).decision.penalties == ["warning", "suspend_business"]


def test_serious_food_storage_failures_lose_the_licence_at_once_while_suspension_waits_for_the_failed_order(county):
    case = _filed(STORAGE)
    _notified(case, {"situation": "serious"}, penalties=["warning", "revoke_licence", "suspend_business"])
    assert refused(case, "decide", "2026-03-12", "hc-head", penalties=["warning", "revoke_licence", "suspend_business"]
                   ) == ["decision.penalty_after_failure_to_correct"]
    assert act(case, "decide", "2026-03-12", "hc-head", penalties=["warning", "revoke_licence"]).status == "decided"


def test_serious_unlicensed_business_is_closed_and_fined_without_a_prior_order(county):
    case = _filed(UNLICENSED)
    _notified(case, {"situation": "serious"}, amount="300000", penalties=["confiscate_gains", "close"],
              confiscated_value="800")
    decided = act(case, "decide", "2026-03-12", "hc-head", amount="300000", penalties=["confiscate_gains", "close"])
    assert decided.status == "decided"

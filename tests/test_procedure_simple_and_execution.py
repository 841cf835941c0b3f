"""The simple procedure's limits, and service, payment, surcharge, demand and court application."""

from __future__ import annotations

from decimal import Decimal

import pytest
from zhifa.core.services.demo import load_demo

from .helpers import run
from .procedure_helpers import OFFICERS, act, clue, file_of, party_id, refused

LITTER = "URBAN-CF-013"  # 固体废物污染环境防治法 第一百一十一条: citizen 100–500
PRICE_TAGS = "MARKET-CF-011"  # 价格违法行为行政处罚规定 第十三条: anyone 0–5,000, no warning
HEALTH_CERTIFICATES = "MARKET-CF-008"  # 食品安全法 第一百二十六条: 责令改正，给予警告 at once


@pytest.fixture
def county(database_url):
    run(load_demo())


def on_spot(amount: str | None, party: str = "张三", warning: bool = False, power: str = LITTER, field: str = "urban",
            **extra):
    case = clue(field, power, "2026-03-02")
    data = dict(field=field, power=power, officers=OFFICERS, party_id=party_id(party), summary="随意倾倒生活垃圾",
                place="横村大街", act_date="2026-03-02", warning=warning)
    data.update(extra)
    if amount is not None:
        data["amount"] = amount
    return case, data


def test_a_citizen_may_be_fined_200_yuan_on_the_spot_but_not_200_01(county):
    case, data = on_spot("200.01")
    assert refused(case, "decide_on_spot", "2026-03-02", "hc-officer1", **data) == ["simple.amount_too_high"]
    case, data = on_spot("200.00")
    assert act(case, "decide_on_spot", "2026-03-02", "hc-officer1", **data).status == "on_spot"


def test_an_organisation_may_be_fined_3000_yuan_on_the_spot_but_not_3000_01(county):
    shop = dict(party="桐庐县横村镇好味道餐饮店", power=PRICE_TAGS, field="market")
    case, data = on_spot("3000.01", **shop)
    assert refused(case, "decide_on_spot", "2026-03-02", "hc-officer1", **data) == ["simple.amount_too_high"]
    case, data = on_spot("3000.00", **shop)
    assert act(case, "decide_on_spot", "2026-03-02", "hc-officer1", **data).status == "on_spot"


def test_a_warning_alone_may_be_given_on_the_spot(county):
    case, data = on_spot(None, warning=True, party="桐庐县横村镇好味道餐饮店", power=HEALTH_CERTIFICATES, field="market")
    assert act(case, "decide_on_spot", "2026-03-02", "hc-officer1", **data).status == "on_spot"


def test_on_the_spot_collection_only_up_to_100_yuan_or_when_payment_later_is_hard(county):
    case, data = on_spot("100.01", collect_on_spot=True)
    assert refused(case, "decide_on_spot", "2026-03-02", "hc-officer1", **data) == ["simple.on_spot_collection"]
    case, data = on_spot("100.01", collect_on_spot=True, hard_to_pay_later=True)
    act(case, "decide_on_spot", "2026-03-02", "hc-officer1", **data)
    case, data = on_spot("100.00", collect_on_spot=True)
    act(case, "decide_on_spot", "2026-03-02", "hc-officer1", **data)
    assert file_of(case).execution.payments[0].amount == Decimal("100.00")


def test_the_simple_procedure_still_needs_two_certified_officers_and_a_hearing_of_the_party(county):
    case, data = on_spot("100", officers=["hc-officer1"])
    assert refused(case, "decide_on_spot", "2026-03-02", "hc-officer1", **data) == ["officer.fewer_than_two"]
    case, data = on_spot("100", statement_heard=False)
    assert refused(case, "decide_on_spot", "2026-03-02", "hc-officer1", **data) == ["simple.statement_not_heard"]


def test_an_on_the_spot_case_is_filed_with_the_authority_once_paid_and_archived(county):
    case, data = on_spot("100", collect_on_spot=True)
    act(case, "decide_on_spot", "2026-03-02", "hc-officer1", **data)
    assert act(case, "file_with_authority", "2026-03-03", "hc-officer1").status == "filed_with_authority"
    assert act(case, "archive", "2026-03-04", "hc-captain").status == "archived"


@pytest.fixture
def decided(county) -> int:
    case = clue("ecology", "ECO-CF-003", "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("桐庐县横村镇好味道餐饮店"),
        act_date="2026-03-01")
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount="20000")
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    act(case, "decide", "2026-03-12", "hc-head", amount="20000")
    return case


def test_electronic_service_needs_the_partys_consent(decided):
    assert refused(decided, "serve_decision", "2026-03-13", "hc-officer1", method="electronic", recipient="王五") == [
        "service.electronic_without_consent"]
    act(decided, "serve_decision", "2026-03-13", "hc-officer1", method="electronic", recipient="王五", electronic_consent=True)
    # 15 days after service is Saturday 2026-03-28: the party's period rolls to the next working day
    assert str(file_of(decided).execution.due) == "2026-03-30"


def test_a_case_closes_only_once_the_fine_and_any_surcharge_are_paid(decided):
    act(decided, "serve_decision", "2026-03-13", "hc-officer1", recipient="王五")
    act(decided, "record_payment", "2026-03-31", "hc-officer1", amount="20000")  # one day late: 3% surcharge, 600
    codes = refused(decided, "close", "2026-04-01", "hc-captain")
    assert codes == ["close.unpaid"]
    act(decided, "record_payment", "2026-03-31", "hc-officer1", amount="599.99")
    assert refused(decided, "close", "2026-04-01", "hc-captain") == ["close.unpaid"]
    act(decided, "record_payment", "2026-03-31", "hc-officer1", amount="0.01")
    assert act(decided, "close", "2026-04-01", "hc-captain").status == "closed"


def test_the_surcharge_pauses_while_reconsideration_is_pending(decided):
    act(decided, "serve_decision", "2026-03-13", "hc-officer1", recipient="王五")
    act(decided, "record_remedy", "2026-03-20", "hc-officer1", kind="reconsideration")
    act(decided, "record_remedy", "2026-04-30", "hc-officer1", kind="reconsideration", ended=True)
    act(decided, "record_payment", "2026-04-30", "hc-officer1", amount="20000")  # paused the whole time it was late
    assert act(decided, "close", "2026-05-04", "hc-captain").status == "closed"


def test_demand_only_after_the_payment_period_and_court_application_ten_working_days_later(decided):
    act(decided, "serve_decision", "2026-03-13", "hc-officer1", recipient="王五")
    assert refused(decided, "serve_demand", "2026-03-28", "hc-officer1") == ["execution.not_due"]
    act(decided, "serve_demand", "2026-09-10", "hc-officer1")
    # the 10th working day after 2026-09-10 is 09-23 (the remedy periods ran out on 09-14)
    assert refused(decided, "apply_to_court", "2026-09-23", "hc-head", court="桐庐县人民法院") == ["execution.too_early"]
    act(decided, "apply_to_court", "2026-09-24", "hc-head", court="桐庐县人民法院")
    assert act(decided, "close", "2026-09-25", "hc-captain").status == "closed"


def test_a_deferral_needs_the_heads_approval(decided):
    act(decided, "serve_decision", "2026-03-13", "hc-officer1", recipient="王五")
    assert refused(decided, "approve_deferral", "2026-03-20", "hc-officer1", deferred_to="2026-06-30", reason="经营困难") == [
        "role.required"]
    act(decided, "approve_deferral", "2026-03-20", "hc-head", deferred_to="2026-06-30", reason="经营困难")
    assert refused(decided, "serve_demand", "2026-06-30", "hc-officer1") == ["execution.not_due"]

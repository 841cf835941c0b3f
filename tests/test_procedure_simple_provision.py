"""The simple procedure (当场处罚) applies the provision as the general procedure does: the power authorised to
the township that day and of the case's field, only the kinds the provision provides, the amount inside the
statutory range for the party unless a recorded lighter ground allows 减轻 — and art. 51's ceiling besides."""

from __future__ import annotations

import pytest
from zhifa.core.services.demo import load_demo

from .helpers import run
from .procedure_helpers import FENSHUI, OFFICERS, act, clue, file_of, party_id, refused

LITTER = "URBAN-CF-013"  # 固废法 第一百一十一条: individuals 100–500
STRAW = "ECO-CF-001"  # 大气法 第一百一十九条第一款: 500–2,000 (entrusted to 横村镇)
PRICE_TAGS = "MARKET-CF-011"  # 价格违法行为行政处罚规定 第十三条: 5,000 or less, no warning
STALLS = "ZJURBAN-CF-003"  # 浙江省城市市容和环境卫生管理条例: 拒不改正的 50 or less (two-stage)
ZHANG, SHOP = "张三", "桐庐县横村镇好味道餐饮店"
DAY = "2026-03-02"


@pytest.fixture
def county(database_url):
    run(load_demo())


def spot(field: str, power: str, party: str, amount: str | None = None, township: str | None = None,
         clue_field: str | None = None, **extra) -> tuple[int, dict]:
    where = {"township": township} if township else {}
    case = clue(clue_field or field, None, DAY, **where)  # a clue naming no power yet
    data = dict(field=field, power=power, officers=extra.pop("officers", OFFICERS), party_id=party_id(party, **where),
                summary="当场查处", place="横村大街", act_date=DAY, **extra)
    if amount is not None:
        data["amount"] = amount
    return case, data


def test_a_citizen_is_fined_on_the_spot_no_less_than_the_provisions_minimum(county):
    case, data = spot("urban", LITTER, ZHANG, "99.99")
    assert refused(case, "decide_on_spot", DAY, "hc-officer1", **data) == ["simple.below_statutory_min"]
    case, data = spot("urban", LITTER, ZHANG, "50")  # the 50 yuan
    assert refused(case, "decide_on_spot", DAY, "hc-officer1", **data) == ["simple.below_statutory_min"]
    case, data = spot("urban", LITTER, ZHANG, "100.00")
    assert act(case, "decide_on_spot", DAY, "hc-officer1", **data).status == "on_spot"


def test_less_than_the_minimum_on_the_spot_needs_a_recorded_lighter_ground_and_written_reasons(county):
    heavier = dict(circumstances=["repeat_within_year"], reasons="多次违法")
    case, data = spot("urban", LITTER, ZHANG, "50", **heavier)
    assert refused(case, "decide_on_spot", DAY, "hc-officer1", **data) == ["simple.below_statutory_min"]
    case, data = spot("urban", LITTER, ZHANG, "50", circumstances=["eliminated_harm"])
    assert refused(case, "decide_on_spot", DAY, "hc-officer1", **data) == ["simple.mitigation_needs_reasons"]
    case, data = spot("urban", LITTER, ZHANG, "50", circumstances=["eliminated_harm"], reasons="当场主动清理了倾倒的垃圾")
    assert act(case, "decide_on_spot", DAY, "hc-officer1", **data).status == "on_spot"
    assert file_of(case).decision.reasons == "当场主动清理了倾倒的垃圾"


def test_an_organisation_is_fined_on_the_spot_no_more_than_the_provisions_maximum(county):
    case, data = spot("ecology", STRAW, SHOP, "2500")  # the issue's 2,500 yuan: under art. 51's 3,000
    assert refused(case, "decide_on_spot", DAY, "hc-officer1", **data) == ["simple.above_statutory_max"]
    case, data = spot("ecology", STRAW, SHOP, "2000.01")
    assert refused(case, "decide_on_spot", DAY, "hc-officer1", **data) == ["simple.above_statutory_max"]
    case, data = spot("ecology", STRAW, SHOP, "2000.00")
    assert act(case, "decide_on_spot", DAY, "hc-officer1", **data).status == "on_spot"


def test_art_51_ceiling_still_holds_inside_the_provisions_range(county):
    case, data = spot("market", PRICE_TAGS, ZHANG, "200.01")  # 5,000 or less under the provision
    assert refused(case, "decide_on_spot", DAY, "hc-officer1", **data) == ["simple.amount_too_high"]
    case, data = spot("market", PRICE_TAGS, ZHANG, "200.00")
    assert act(case, "decide_on_spot", DAY, "hc-officer1", **data).status == "on_spot"


def test_a_warning_is_given_on_the_spot_only_where_the_provision_provides_one(county):
    case, data = spot("market", PRICE_TAGS, SHOP, warning=True)
    assert refused(case, "decide_on_spot", DAY, "hc-officer1", **data) == ["simple.kind_not_provided"]
    case, data = spot("market", "MARKET-CF-008", SHOP, warning=True)  # 食安法 第一百二十六条: 给予警告
    assert act(case, "decide_on_spot", DAY, "hc-officer1", **data).status == "on_spot"


def test_a_township_decides_on_the_spot_only_under_a_power_authorised_to_it(county):
    fenshui = dict(township=FENSHUI, officers=["fs-officer1", "fs-officer2"])  # 分水镇: urban only, no market powers
    case, data = spot("urban", PRICE_TAGS, ZHANG, "50", **fenshui)
    codes = refused(case, "decide_on_spot", DAY, "fs-officer1", FENSHUI, **data)
    assert sorted(codes) == ["power.not_authorised", "simple.field_mismatch"]
    case, data = spot("market", PRICE_TAGS, ZHANG, "50", clue_field="urban", **fenshui)
    assert refused(case, "decide_on_spot", DAY, "fs-officer1", FENSHUI, **data) == ["power.not_authorised"]
    case, data = spot("urban", LITTER, ZHANG, "100", **fenshui)
    assert act(case, "decide_on_spot", DAY, "fs-officer1", FENSHUI, **data).status == "on_spot"


def test_the_on_the_spot_case_takes_its_field_from_the_power(county):
    case, data = spot("urban", PRICE_TAGS, ZHANG, "50")  # 横村镇 holds both fields: still not a market power of urban
    assert refused(case, "decide_on_spot", DAY, "hc-officer1", **data) == ["simple.field_mismatch"]
    case, data = spot("market", PRICE_TAGS, ZHANG, "50", clue_field="urban")  # a clue first registered as urban
    decided = act(case, "decide_on_spot", DAY, "hc-officer1", **data)
    assert (decided.field, decided.power) == ("market", PRICE_TAGS)


def test_a_two_stage_fine_is_decided_on_the_spot_only_after_the_order_to_correct_was_not_complied_with(county):
    case, data = spot("urban", STALLS, ZHANG, "50", situation="not_corrected")
    assert refused(case, "decide_on_spot", DAY, "hc-officer1", **data) == ["decision.fine_after_failure_to_correct"]
    case, data = spot("urban", STALLS, ZHANG, "50")  # the provision fines only 拒不改正的
    assert sorted(refused(case, "decide_on_spot", DAY, "hc-officer1", **data)) == [
        "decision.fine_after_failure_to_correct", "simple.fine_not_provided"]
    case, data = spot("urban", STALLS, ZHANG, "50.01", situation="not_corrected")
    act(case, "order_correction", DAY, "hc-officer1", deadline="2026-03-02", content="立即撤摊")
    act(case, "recheck_correction", "2026-03-03", "hc-officer1", corrected=False)
    assert refused(case, "decide_on_spot", "2026-03-03", "hc-officer1", **data) == ["simple.above_statutory_max"]
    act(case, "decide_on_spot", "2026-03-03", "hc-officer1", **{**data, "amount": "50.00"})
    assert file_of(case).decision.amount == 50

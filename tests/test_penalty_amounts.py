"""Every statutory fine form becomes a range in yuan, and tiers split it, from the real catalogues."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import msgspec
import pytest
from zhifa.core.penalty import PenaltyFacts, Range, money, recommend
from zhifa.core.penalty.amounts import midpoint
from zhifa.core.registry import get_host, reset_host
from zhifa.core.rules import Refused

from .catalogue_support import examples_as_published

ACT, DECIDED = dt.date(2024, 3, 1), dt.date(2024, 4, 1)


@pytest.fixture
def registry():
    reset_host()
    yield examples_as_published(get_host().registry)  # the tier mechanics, on the example splits
    reset_host()


def facts(power: str, party: str = "organisation", **kw) -> PenaltyFacts:
    return PenaltyFacts(power=power, act_date=ACT, decision_date=DECIDED, party_kind=party, **kw)


def test_money_rounds_half_up_to_the_fen():
    assert money("0.005") == D("0.01")
    assert money(D("27499.994")) == D("27499.99")
    assert money(1.1) == D("1.10")
    assert midpoint(Range(D(18500), D(36500))) == D("27500.00")
    assert midpoint(Range(D(100), D(101))) == D("101.00")  # 100.5 → 101 (half up, whole yuan)


def test_a_range_fine_is_split_30_40_30_for_cooking_fumes(registry):
    rec = recommend(registry, facts("ECO-CF-003"))
    assert rec.outcome == "penalty" and rec.power == "ECO-CF-003"
    assert rec.statutory_range == Range(D("5000.00"), D("50000.00"))
    assert (rec.standard, rec.tier, rec.tier_name) == ("ECO-CF-003-JZ1", "ordinary", "一般")
    assert rec.tier_range == Range(D("18500.00"), D("36500.00"))
    assert rec.recommended_amount == D("27500.00")
    assert rec.fine_optional is False and rec.fine_allowed is True
    assert any("没有从轻、从重情节" in line for line in rec.reasons)
    light = recommend(registry, facts("ECO-CF-003", tier="light"))
    heavy = recommend(registry, facts("ECO-CF-003", tier="heavy"))
    assert light.tier_range == Range(D("5000.00"), D("18500.00")) and light.recommended_amount == D("11750.00")
    assert heavy.tier_range == Range(D("36500.00"), D("50000.00")) and heavy.recommended_amount == D("43250.00")


def test_food_past_its_date_worth_under_ten_thousand_uses_the_floor_range(registry):
    rec = recommend(registry, facts("MARKET-CF-005", bases={"goods_value": D("9999.99")}))
    assert rec.statutory_range == Range(D("50000.00"), D("100000.00"))
    assert rec.tier_range == Range(D("65000.00"), D("85000.00"))
    assert rec.recommended_amount == D("75000.00")
    light = recommend(registry, facts("MARKET-CF-005", bases={"goods_value": D("9999.99")}, tier="light"))
    assert light.tier_range == Range(D("50000.00"), D("65000.00"))


def test_food_past_its_date_worth_ten_thousand_is_fined_ten_to_twenty_times(registry):
    rec = recommend(registry, facts("MARKET-CF-005", bases={"goods_value": D(10000)}))
    assert rec.statutory_range == Range(D("100000.00"), D("200000.00"))
    assert rec.tier_range == Range(D("130000.00"), D("170000.00"))
    assert rec.recommended_amount == D("150000.00")
    heavy = recommend(registry, facts("MARKET-CF-005", bases={"goods_value": D(10000)}, tier="heavy"))
    assert heavy.tier_range == Range(D("170000.00"), D("200000.00"))


def test_a_multiple_fine_without_its_base_is_refused(registry):
    with pytest.raises(Refused) as info:
        recommend(registry, facts("MARKET-CF-005"))
    assert info.value.codes == ["penalty.base_missing"]
    assert "货值金额" in info.value.refusals[0].message


def test_unlawful_construction_is_fined_a_percentage_of_its_cost(registry):
    rec = recommend(registry, facts("URBAN-CF-001", bases={"construction_cost": D(1000000)}))
    assert rec.statutory_range == Range(D("50000.00"), D("100000.00"))
    assert (rec.tier, rec.tier_range) == ("ordinary", Range(D("60000.00"), D("80000.00")))
    assert rec.recommended_amount == D("70000.00")
    assert rec.penalties == ["confiscate_property", "confiscate_gains"]


def test_a_percentage_of_an_odd_cost_is_rounded_to_the_fen(registry):
    rec = recommend(registry, facts("URBAN-CF-001", bases={"construction_cost": D("123456.78")}))
    assert rec.statutory_range == Range(D("6172.84"), D("12345.68"))  # 6172.839 / 12345.678
    assert rec.tier_range == Range(D("7407.41"), D("9876.54"))  # 7407.4068 / 9876.5424
    assert rec.recommended_amount == D("8642.00")  # (7407.41 + 9876.54) / 2 = 8641.975 → 8642


def test_pet_faeces_are_fined_per_pet(registry):
    rec = recommend(
        registry,
        PenaltyFacts(
            power="URBAN-CF-011", act_date=dt.date(2021, 5, 1), decision_date=dt.date(2021, 6, 1),
            party_kind="citizen", units=D(3),
        ),
    )
    assert rec.statutory_range == Range(D("600.00"), D("1500.00"))
    assert (rec.tier, rec.tier_range, rec.recommended_amount) == (
        "ordinary", Range(D("1200.00"), D("1200.00")), D("1200.00"),
    )


def test_a_per_unit_fine_without_the_count_is_refused(registry):
    with pytest.raises(Refused) as info:
        recommend(
            registry,
            PenaltyFacts(
                power="URBAN-CF-011", act_date=dt.date(2021, 5, 1), decision_date=dt.date(2021, 6, 1),
                party_kind="citizen",
            ),
        )
    assert info.value.codes == ["penalty.units_missing"]


def test_household_waste_fines_differ_for_citizens_and_organisations(registry):
    citizen = recommend(registry, facts("URBAN-CF-013", party="citizen"))
    organisation = recommend(registry, facts("URBAN-CF-013", party="organisation"))
    assert citizen.statutory_range == Range(D("100.00"), D("500.00"))
    assert (citizen.standard, citizen.tier_range) == ("URBAN-CF-013-JZ1", Range(D("200.00"), D("400.00")))
    assert citizen.recommended_amount == D("300.00")
    assert organisation.statutory_range == Range(D("50000.00"), D("500000.00"))
    assert organisation.standard == "URBAN-CF-013-JZ2"
    assert organisation.tier_range == Range(D("185000.00"), D("365000.00"))
    assert organisation.recommended_amount == D("275000.00")


def test_a_fine_left_to_local_rules_without_amounts_cannot_be_computed(registry):
    with pytest.raises(Refused) as info:
        recommend(registry, facts("URBAN-CF-019", party="citizen"))
    assert info.value.codes == ["penalty.local_amount"]


def test_a_fixed_statutory_amount_is_recommended_without_a_standard(registry):
    rec = recommend(registry, facts("URBAN-CF-017"))
    assert rec.standard is None and rec.tier is None and rec.tier_range is None
    assert rec.statutory_range == Range(D("30000.00"), D("30000.00"))
    assert rec.recommended_amount == D("30000.00")


def test_a_range_without_a_standard_has_no_recommended_amount(registry):
    rec = recommend(registry, facts("URBAN-CF-020"))
    assert rec.statutory_range == Range(D("0.00"), D("500000.00"))
    assert rec.standard is None and rec.recommended_amount is None and rec.fine_optional is True
    assert any("没有施行的裁量基准" in line for line in rec.reasons)


def test_a_tier_that_does_not_exist_or_has_no_standard_is_refused(registry):
    with pytest.raises(Refused) as info:
        recommend(registry, facts("ECO-CF-003", tier="extreme"))
    assert info.value.codes == ["penalty.tier_unknown"]
    assert "light（从轻）" in info.value.refusals[0].message
    with pytest.raises(Refused) as info:
        recommend(registry, facts("URBAN-CF-017", tier="light"))
    assert info.value.codes == ["penalty.no_standard"]


def test_a_standard_not_yet_in_force_on_the_decision_date_is_not_used(registry):
    # MARKET-CF-005-JZ1 takes effect on 2022-10-08.
    before = PenaltyFacts(
        power="MARKET-CF-005", act_date=dt.date(2022, 9, 1), decision_date=dt.date(2022, 10, 7),
        party_kind="organisation", bases={"goods_value": D(2000)},
    )
    rec = recommend(registry, before)
    assert rec.standard is None and rec.statutory_range == Range(D("50000.00"), D("100000.00"))
    on_the_day = recommend(registry, msgspec.structs.replace(before, decision_date=dt.date(2022, 10, 8)))
    assert on_the_day.standard == "MARKET-CF-005-JZ1"


def test_a_tier_with_penalties_of_its_own_lists_them(registry):
    rec = recommend(
        registry,
        PenaltyFacts(
            power="MARKET-CF-001", act_date=ACT, decision_date=DECIDED, party_kind="citizen",
            situation="serious", circumstances=["repeat_within_year"],
        ),
    )
    assert (rec.tier, rec.tier_range) == ("heavy", Range(D("380000.00"), D("500000.00")))
    assert rec.recommended_amount == D("500000.00")
    assert rec.penalties == ["close"]


def test_an_unknown_situation_or_power_is_refused(registry):
    with pytest.raises(Refused) as info:
        recommend(registry, facts("ECO-CF-003", situation="catastrophic"))
    assert info.value.codes == ["penalty.situation_unknown"]
    with pytest.raises(Refused) as info:
        recommend(registry, facts("ECO-CF-999"))
    assert info.value.codes == ["penalty.power_unknown"]
    with pytest.raises(Refused) as info:
        recommend(registry, facts("URBAN-JC-001"))
    assert info.value.codes == ["penalty.not_penalty_power"]


def test_a_local_fine_takes_its_amounts_from_the_tiers_of_a_local_standard(registry):
    # No built-in catalogue has such a standard yet (the validator caps local tiers at 0–0), so one is
    # added in memory to the real urban catalogue: a city's 绿化 standard 200–1,000 / 1,000–5,000 yuan.
    from zhifa.core.catalogue.model import DiscretionStandard, Tier
    from zhifa.core.registry import Registry

    urban = registry.catalogues["urban"]
    standard = DiscretionStandard(
        code="URBAN-CF-019-LOCAL", power="URBAN-CF-019", name="损坏城市绿化罚款裁量（示例）", source="测试用地方基准",
        valid_from=dt.date(2020, 1, 1),
        tiers=[
            Tier(code="ordinary", name="一般", facts="损坏少量花草", min=D(200), max=D(1000)),
            Tier(code="heavy", name="从重", facts="擅自砍伐树木", min=D(1000), max=D(5000)),
        ],
    )
    local = Registry()
    local.add(msgspec.structs.replace(urban, standards=[*urban.standards, standard]))
    rec = recommend(local, facts("URBAN-CF-019", party="citizen"))
    assert rec.statutory_range == Range(D("200.00"), D("5000.00"))
    assert (rec.tier, rec.tier_range, rec.recommended_amount) == ("ordinary", Range(D("200.00"), D("1000.00")), D("600.00"))
    assert any("法律未规定罚款数额" in line for line in rec.reasons)

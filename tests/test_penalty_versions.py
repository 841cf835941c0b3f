"""从旧兼从轻 (行政处罚法 第三十七条) with the real old/new provision pairs of the catalogues."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import msgspec
import pytest
from zhifa.core.penalty import PenaltyFacts, Range, applicable_version, recommend
from zhifa.core.registry import get_host, reset_host
from zhifa.core.rules import Refused

from .catalogue_support import examples_as_published


@pytest.fixture
def registry():
    reset_host()
    yield examples_as_published(get_host().registry)  # the tier mechanics, on the example splits
    reset_host()


def seeds(goods_value: str, code: str = "AGRI-CF-015") -> PenaltyFacts:
    return PenaltyFacts(
        power=code, act_date=dt.date(2021, 12, 1), decision_date=dt.date(2022, 4, 1),
        party_kind="organisation", bases={"goods_value": D(goods_value)},
    )


def test_the_builtin_new_versions_name_the_versions_they_replace(registry):
    new_versions = ("URBAN-CF-013", "MARKET-CF-001", "AGRI-CF-015", "ECO-CF-001")
    pairs = {code: registry.powers[code].succeeds for code in new_versions}
    assert pairs == {
        "URBAN-CF-013": "URBAN-CF-014",
        "MARKET-CF-001": "MARKET-CF-020",
        "AGRI-CF-015": "AGRI-CF-016",
        "ECO-CF-001": "ECO-CF-018",
    }
    for new, old in pairs.items():
        assert registry.powers[old].valid_to + dt.timedelta(days=1) == registry.powers[new].valid_from


def test_fake_seeds_worth_15000_sold_under_the_2015_law_take_the_lighter_2022_law(registry):
    # 2015 text: value ≥ 10,000 → 10–20 times = 150,000–300,000; 2022 text: value < 20,000 → 20,000–200,000.
    for code in ("AGRI-CF-015", "AGRI-CF-016"):  # either version may be named
        rec = recommend(registry, seeds("15000", code))
        assert rec.power == "AGRI-CF-015"
        assert rec.statutory_range == Range(D("20000.00"), D("200000.00"))
        assert rec.version_reason.startswith("适用决定时较轻的规定")
        assert "150000.00–300000.00 元" in rec.version_reason and "20000.00–200000.00 元" in rec.version_reason


def test_fake_seeds_worth_5000_sold_under_the_2015_law_keep_the_lighter_2015_law(registry):
    # 2015: value < 10,000 → 10,000–100,000; 2022: value < 20,000 → 20,000–200,000.
    rec = recommend(registry, seeds("5000"))
    assert rec.power == "AGRI-CF-016"
    assert rec.statutory_range == Range(D("10000.00"), D("100000.00"))
    assert rec.version_reason.startswith("适用行为时的规定")


def test_a_citizen_dumping_waste_before_september_2020_is_fined_under_the_2016_law(registry):
    rec = recommend(
        registry,
        PenaltyFacts(
            power="URBAN-CF-013", act_date=dt.date(2020, 8, 15), discovered_on=dt.date(2020, 8, 20),
            decision_date=dt.date(2020, 10, 10), party_kind="citizen",
        ),
    )
    assert rec.power == "URBAN-CF-014"
    assert rec.statutory_range == Range(D("0.00"), D("200.00"))
    assert rec.standard is None


def test_applicable_version_without_a_party_keeps_the_old_law_when_the_new_is_heavier_for_both(registry):
    power, reason = applicable_version(registry, "URBAN-CF-013", dt.date(2020, 8, 1), dt.date(2021, 1, 1))
    assert power.code == "URBAN-CF-014"
    assert "0.00–200.00 元、5000.00–50000.00 元" in reason
    assert "100.00–500.00 元、50000.00–500000.00 元" in reason


def test_an_act_under_the_new_law_is_judged_by_the_new_law(registry):
    power, reason = applicable_version(
        registry, "URBAN-CF-014", dt.date(2023, 5, 1), dt.date(2023, 6, 1), party_kind="citizen"
    )
    assert power.code == "URBAN-CF-013"
    assert reason.startswith("适用行为时的规定") and "同一规定" in reason


def test_unlicensed_business_before_2022_not_corrected_keeps_the_old_ten_thousand_cap(registry):
    rec = recommend(
        registry,
        PenaltyFacts(
            power="MARKET-CF-001", act_date=dt.date(2021, 10, 1), decision_date=dt.date(2022, 4, 1),
            party_kind="citizen", situation="not_corrected",
        ),
    )
    assert rec.power == "MARKET-CF-020" and rec.situation == "default"
    assert rec.statutory_range == Range(D("0.00"), D("10000.00"))


def test_unlicensed_business_before_2022_corrected_when_ordered_takes_the_new_law_without_a_fine(registry):
    rec = recommend(
        registry,
        PenaltyFacts(
            power="MARKET-CF-020", act_date=dt.date(2021, 10, 1), decision_date=dt.date(2022, 4, 1),
            party_kind="citizen",
        ),
    )
    assert rec.power == "MARKET-CF-001" and rec.outcome == "penalty"
    assert rec.version_reason.startswith("适用决定时较轻的规定")
    assert rec.statutory_range is None and rec.fine_allowed is False and rec.recommended_amount is None
    assert "confiscate_gains" in rec.penalties


def test_serious_straw_burning_in_2015_keeps_the_old_200_yuan_cap(registry):
    rec = recommend(
        registry,
        PenaltyFacts(
            power="ECO-CF-001", act_date=dt.date(2015, 10, 1), discovered_on=dt.date(2016, 3, 1),
            decision_date=dt.date(2016, 4, 1), party_kind="citizen", situation="serious",
        ),
    )
    assert rec.power == "ECO-CF-018"
    assert rec.statutory_range == Range(D("0.00"), D("200.00")) and rec.fine_optional is True


def test_ordinary_straw_burning_in_2015_is_not_punished_because_the_old_law_fined_only_serious_cases(registry):
    rec = recommend(
        registry,
        PenaltyFacts(
            power="ECO-CF-001", act_date=dt.date(2015, 10, 1), discovered_on=dt.date(2016, 3, 1),
            decision_date=dt.date(2016, 4, 1), party_kind="citizen",
        ),
    )
    assert (rec.outcome, rec.power, rec.no_penalty_ground) == ("no_penalty", "ECO-CF-018", "no_penalty_provided")


def test_a_provision_that_ends_without_a_catalogued_successor_is_refused_not_read_as_repealed(registry):
    # 深圳市容条例 was revised (in force 2023-09-01), not repealed: an end date is not a repeal
    facts = PenaltyFacts(
        power="URBAN-CF-011", act_date=dt.date(2023, 6, 1), discovered_on=dt.date(2023, 7, 1),
        decision_date=dt.date(2023, 9, 15), party_kind="citizen", units=D(2),
    )
    with pytest.raises(Refused) as info:
        recommend(registry, facts)
    assert info.value.codes == ["penalty.successor_missing"]
    assert "2023-08-31 失效" in str(info.value) and "不再处罚" not in str(info.value)
    # decided on the last day the provision was in force: punished under it
    last_day = msgspec.structs.replace(facts, decision_date=dt.date(2023, 8, 31))
    assert recommend(registry, last_day).outcome == "penalty"


def test_only_a_provision_marked_repealed_ends_the_case_without_penalty(registry):
    power = registry.powers["URBAN-CF-011"]
    repealed = msgspec.structs.replace(power, repealed=True, repealed_by="（测试）废止决定")
    registry.powers["URBAN-CF-011"] = repealed
    facts = PenaltyFacts(
        power="URBAN-CF-011", act_date=dt.date(2023, 6, 1), discovered_on=dt.date(2023, 7, 1),
        decision_date=dt.date(2023, 9, 15), party_kind="citizen", units=D(2),
    )
    found, reason = applicable_version(registry, "URBAN-CF-011", facts.act_date, facts.decision_date)
    assert found is None and "2023-08-31 失效（（测试）废止决定）" in reason and "不再处罚" in reason
    rec = recommend(registry, facts)
    assert (rec.outcome, rec.power, rec.no_penalty_ground) == ("no_penalty", "URBAN-CF-011", "repealed")
    assert rec.recommended_amount is None and rec.statutory_range is None


def test_an_act_before_any_catalogued_version_is_refused(registry):
    with pytest.raises(Refused) as info:
        applicable_version(registry, "URBAN-CF-013", dt.date(2010, 1, 1), dt.date(2010, 2, 1))
    assert info.value.codes == ["penalty.no_version_at_act"]

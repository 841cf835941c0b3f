"""No-penalty grounds, limitation, ages and the circumstances that move the tier."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import msgspec
import pytest
from zhifa.core.penalty import PenaltyFacts, Range, limitation_expired, recommend
from zhifa.core.penalty.circumstances import add_years, age_on
from zhifa.core.registry import get_host, reset_host
from zhifa.core.rules import Refused

from .catalogue_support import examples_as_published


@pytest.fixture
def registry():
    reset_host()
    yield examples_as_published(get_host().registry)  # the tier mechanics, on the example splits
    reset_host()


def fumes(**kw) -> PenaltyFacts:
    values = {"power": "ECO-CF-003", "party_kind": "organisation"}
    dates = {"act_date": dt.date(2022, 3, 10), "decision_date": dt.date(2024, 4, 1)}
    return PenaltyFacts(**{**values, **dates, **kw})


def waste(**kw) -> PenaltyFacts:
    values = {"power": "URBAN-CF-013", "party_kind": "citizen"}
    dates = {"act_date": dt.date(2024, 3, 1), "decision_date": dt.date(2024, 4, 1)}
    return PenaltyFacts(**{**values, **dates, **kw})


# -- limitation (第三十六条) ----------------------------------------------------------------


def test_discovery_exactly_two_years_after_the_act_is_in_time(registry):
    rec = recommend(registry, fumes(discovered_on=dt.date(2024, 3, 10)))
    assert rec.outcome == "penalty" and rec.recommended_amount == D("27500.00")
    assert any("至 2024-03-10 届满" in line for line in rec.reasons)


def test_discovery_two_years_and_a_day_after_the_act_means_no_penalty(registry):
    facts = fumes(discovered_on=dt.date(2024, 3, 11))
    assert limitation_expired(registry.powers["ECO-CF-003"], facts) is True
    rec = recommend(registry, facts)
    assert (rec.outcome, rec.no_penalty_ground) == ("no_penalty", "limitation")
    assert rec.recommended_amount is None and "第三十六条" in rec.no_penalty_text


def test_a_continuing_act_is_counted_from_its_end(registry):
    facts = fumes(act_date=dt.date(2021, 1, 1), act_ended=dt.date(2022, 3, 10), discovered_on=dt.date(2024, 3, 10))
    assert limitation_expired(registry.powers["ECO-CF-003"], facts) is False
    assert recommend(registry, facts).outcome == "penalty"


def test_without_a_discovery_date_the_decision_date_counts(registry):
    assert recommend(registry, fumes(decision_date=dt.date(2024, 3, 11))).no_penalty_ground == "limitation"


def test_five_years_apply_to_pesticide_misuse_with_harmful_consequences(registry):
    power = registry.powers["AGRI-CF-006"]
    assert power.five_year_limitation is True
    base = PenaltyFacts(
        power="AGRI-CF-006", act_date=dt.date(2019, 5, 1), discovered_on=dt.date(2024, 5, 1),
        decision_date=dt.date(2024, 6, 1), party_kind="organisation", harmful_consequences=True,
    )
    assert limitation_expired(power, base) is False
    rec = recommend(registry, base)
    assert rec.outcome == "penalty" and rec.tier_range == Range(D("70000.00"), D("90000.00"))
    assert limitation_expired(power, msgspec.structs.replace(base, discovered_on=dt.date(2024, 5, 2))) is True
    no_harm = msgspec.structs.replace(base, harmful_consequences=False)
    assert limitation_expired(power, no_harm) is True
    assert recommend(registry, no_harm).no_penalty_ground == "limitation"


def test_five_years_need_a_power_touching_life_health_or_finance(registry):
    facts = fumes(act_date=dt.date(2021, 1, 4), discovered_on=dt.date(2024, 3, 1), harmful_consequences=True)
    assert registry.powers["ECO-CF-003"].five_year_limitation is False
    assert limitation_expired(registry.powers["ECO-CF-003"], facts) is True


def test_periods_end_on_the_corresponding_day_or_the_month_end():
    assert add_years(dt.date(2022, 3, 10), 2) == dt.date(2024, 3, 10)
    assert add_years(dt.date(2020, 2, 29), 2) == dt.date(2022, 2, 28)
    assert add_years(dt.date(2020, 2, 29), 4) == dt.date(2024, 2, 29)


# -- ages (第三十条) ---------------------------------------------------------------------


def test_a_person_turns_fourteen_the_day_after_the_birthday():
    born = dt.date(2010, 5, 1)
    assert age_on(born, dt.date(2024, 5, 1)) == 13
    assert age_on(born, dt.date(2024, 5, 2)) == 14
    assert age_on(dt.date(2008, 2, 29), dt.date(2022, 2, 28)) == 13
    assert age_on(dt.date(2008, 2, 29), dt.date(2022, 3, 1)) == 14


def test_an_act_on_the_fourteenth_birthday_is_not_punished(registry):
    born, birthday = dt.date(2010, 5, 1), dt.date(2024, 5, 1)
    rec = recommend(registry, waste(party_birth_date=born, act_date=birthday, decision_date=dt.date(2024, 6, 1)))
    assert (rec.outcome, rec.no_penalty_ground) == ("no_penalty", "under_14")
    assert "第三十条" in rec.no_penalty_text


def test_an_act_the_day_after_the_fourteenth_birthday_gets_the_lighter_tier_and_mitigation(registry):
    born, next_day = dt.date(2010, 5, 1), dt.date(2024, 5, 2)
    rec = recommend(registry, waste(party_birth_date=born, act_date=next_day, decision_date=dt.date(2024, 6, 1)))
    assert rec.outcome == "penalty" and rec.mitigation_available is True
    assert (rec.tier, rec.tier_range, rec.recommended_amount) == ("light", Range(D("100.00"), D("200.00")), D("100.00"))
    assert any(line.startswith("已满十四周岁不满十八周岁") and "应当从轻或者减轻" in line for line in rec.factors)


def test_an_act_on_the_eighteenth_birthday_is_still_a_minors_act(registry):
    minor = recommend(registry, waste(party_birth_date=dt.date(2006, 3, 1)))
    adult = recommend(registry, waste(party_birth_date=dt.date(2006, 2, 28)))
    assert minor.mitigation_available is True and minor.tier == "light"
    assert adult.mitigation_available is False and adult.tier == "ordinary" and adult.factors == []


def test_a_claimed_age_contradicting_the_birth_date_is_refused(registry):
    with pytest.raises(Refused) as info:
        recommend(registry, waste(party_birth_date=dt.date(1990, 1, 1), circumstances=["under_14"]))
    assert info.value.codes == ["penalty.age_contradicts_birth_date"]


def test_circumstances_are_checked(registry):
    cases = {
        "penalty.circumstance_unknown": waste(circumstances=["bribed"]),
        "penalty.circumstance_computed": waste(circumstances=["limitation"]),
        "penalty.circumstance_not_for_party": waste(party_kind="organisation", circumstances=["aged_14_to_18"]),
        "penalty.party_kind_unknown": waste(party_kind="company"),
        "penalty.dates_invalid": waste(decision_date=dt.date(2024, 2, 1)),
    }
    for code, facts in cases.items():
        with pytest.raises(Refused) as info:
            recommend(registry, facts)
        assert info.value.codes == [code]


# -- no penalty (第三十一条、第三十三条) -------------------------------------------------------


def test_a_listed_first_violation_is_not_punished(registry):
    rec = recommend(registry, waste(circumstances=["first_violation"]))
    assert (rec.outcome, rec.no_penalty_ground) == ("no_penalty", "first_violation")
    assert "URBAN-NP-002" in rec.no_penalty_text and "可以不予行政处罚" in rec.no_penalty_text


def test_an_unlisted_first_violation_is_still_punished(registry):
    facts = fumes(power="ECO-CF-002", party_kind="citizen", act_date=dt.date(2024, 3, 1))
    rec = recommend(registry, msgspec.structs.replace(facts, circumstances=["first_violation"]))
    assert rec.outcome == "penalty" and rec.tier == "ordinary"
    assert any("不在本领域决定时施行的首违不罚清单中" in line for line in rec.factors)


def test_the_no_penalty_list_counts_from_its_own_date(registry):
    # MARKET-NP-001 (轻微免罚, 食品安全法 §124 超过保质期) is in force from 2025-02-07.
    facts = PenaltyFacts(
        power="MARKET-CF-005", act_date=dt.date(2025, 1, 10), decision_date=dt.date(2025, 2, 6),
        party_kind="citizen", bases={"goods_value": D(300)}, circumstances=["first_violation"],
    )
    assert recommend(registry, facts).outcome == "penalty"
    later = recommend(registry, msgspec.structs.replace(facts, decision_date=dt.date(2025, 2, 7)))
    assert (later.outcome, later.no_penalty_ground) == ("no_penalty", "first_violation")
    assert "MARKET-NP-001" in later.no_penalty_text


@pytest.mark.parametrize("ground", ["minor_corrected", "no_fault", "mental_illness"])
def test_mandatory_no_penalty_grounds_apply_to_any_power(registry, ground):
    rec = recommend(registry, fumes(party_kind="citizen", act_date=dt.date(2024, 3, 1), circumstances=[ground]))
    assert (rec.outcome, rec.no_penalty_ground, rec.power) == ("no_penalty", ground, "ECO-CF-003")
    assert "不予行政处罚" in rec.no_penalty_text


# -- lighter and heavier ------------------------------------------------------------------


def test_lighter_and_heavier_circumstances_together_give_the_ordinary_tier(registry):
    rec = recommend(registry, fumes(act_date=dt.date(2024, 3, 1), circumstances=["confessed", "obstruction"]))
    assert (rec.tier, rec.recommended_amount, rec.mitigation_available) == ("ordinary", D("27500.00"), True)
    assert any("综合考量" in line for line in rec.reasons)
    assert len(rec.factors) == 2 and "可以从重处罚" in rec.factors[1]


def test_an_optional_lighter_circumstance_with_the_officers_tier_takes_its_lower_bound(registry):
    rec = recommend(registry, fumes(act_date=dt.date(2024, 3, 1), tier="heavy", circumstances=["cooperative"]))
    assert (rec.tier, rec.recommended_amount, rec.mitigation_available) == ("heavy", D("36500.00"), True)


def test_emergency_breach_must_be_heavier(registry):
    rec = recommend(registry, fumes(act_date=dt.date(2024, 3, 1), circumstances=["emergency_breach"]))
    assert (rec.tier, rec.recommended_amount) == ("heavy", D("50000.00"))
    assert rec.factors[0].endswith("应当从重处罚")

"""The rules on the officer's chosen amount, at their exact boundaries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from zhifa.core.penalty import Chosen, PenaltyFacts, Range, check_chosen, recommend
from zhifa.core.registry import get_host, reset_host

from .catalogue_support import examples_as_published

ACT, DECIDED = dt.date(2024, 3, 1), dt.date(2024, 4, 1)


@pytest.fixture
def registry():
    reset_host()
    yield examples_as_published(get_host().registry)  # the tier mechanics, on the example splits
    reset_host()


def rec_for(registry, power="ECO-CF-003", **kw):
    values = {"power": power, "act_date": ACT, "decision_date": DECIDED, "party_kind": "organisation"}
    return recommend(registry, PenaltyFacts(**{**values, **kw}))


def codes(rec, amount, **kw) -> list[str]:
    chosen = Chosen(amount=None if amount is None else D(amount), **kw)
    return [r.code for r in check_chosen(rec, chosen)]


@pytest.fixture
def fumes(registry):
    rec = rec_for(registry)  # 一般 tier 18,500–36,500 of 5,000–50,000
    assert (rec.statutory_range, rec.tier_range) == (
        Range(D("5000.00"), D("50000.00")), Range(D("18500.00"), D("36500.00")),
    )
    return rec


def test_the_recommended_amount_and_the_tier_bounds_pass(fumes):
    assert codes(fumes, "27500.00") == []
    assert codes(fumes, "36500.00") == []
    assert codes(fumes, "18500.00") == []


def test_a_fen_outside_the_tier_needs_written_reasons(fumes):
    assert codes(fumes, "36500.01") == ["penalty.outside_tier_needs_reasons"]
    assert codes(fumes, "18499.99") == ["penalty.outside_tier_needs_reasons"]
    assert codes(fumes, "36500.01", reasons="油烟直排居民窗口，影响恶劣") == []
    [refusal] = check_chosen(fumes, Chosen(amount=D("36500.01")))
    assert "36500.01" in refusal.message and "18500.00–36500.00" in refusal.message


def test_the_statutory_maximum_passes_and_a_fen_more_is_always_refused(fumes):
    assert codes(fumes, "50000.00", reasons="情节特别恶劣") == []
    assert codes(fumes, "50000.01", reasons="情节特别恶劣", collective_discussion=True) == ["penalty.above_statutory_max"]
    [refusal] = check_chosen(fumes, Chosen(amount=D("50000.01")))
    assert refusal.message.startswith("罚款 50000.01 元超出法定上限 50000.00 元")


def test_below_the_minimum_without_a_ground_reasons_or_discussion_breaks_three_rules(fumes):
    assert fumes.mitigation_available is False
    assert codes(fumes, "4999.99") == [
        "penalty.below_minimum_needs_reasons",
        "penalty.below_minimum_needs_collective_discussion",
        "penalty.mitigation_not_available",
    ]
    assert codes(fumes, "4999.99", reasons="积极整改", collective_discussion=True) == ["penalty.mitigation_not_available"]
    assert codes(fumes, "5000.00") == ["penalty.outside_tier_needs_reasons"]


def test_below_the_minimum_with_a_ground_needs_reasons_and_collective_discussion(registry):
    rec = rec_for(registry, circumstances=["eliminated_harm"])
    assert rec.mitigation_available is True and rec.tier == "light"
    assert codes(rec, "3000") == [
        "penalty.below_minimum_needs_reasons",
        "penalty.below_minimum_needs_collective_discussion",
    ]
    assert codes(rec, "3000", reasons="主动消除危害后果") == ["penalty.below_minimum_needs_collective_discussion"]
    assert codes(rec, "3000", reasons="主动消除危害后果", collective_discussion=True) == []


def test_a_mandatory_fine_cannot_be_left_out_except_as_mitigation(fumes, registry):
    assert codes(fumes, None) == ["penalty.fine_required"]
    assert codes(fumes, "0") == ["penalty.fine_required"]
    mitigated = rec_for(registry, circumstances=["coerced"])
    assert codes(mitigated, None, reasons="受胁迫") == ["penalty.fine_required"]
    assert codes(mitigated, None, reasons="受胁迫", collective_discussion=True) == []


def test_a_fine_where_the_tier_imposes_none_needs_reasons(registry):
    rec = rec_for(registry, power="ECO-CF-001", party_kind="citizen", tier="no_fine")
    assert rec.fine_allowed is False and rec.tier_range is None and rec.recommended_amount is None
    assert rec.statutory_range == Range(D("500.00"), D("2000.00")) and rec.fine_optional is True
    assert codes(rec, None) == []
    assert codes(rec, "800") == ["penalty.fine_not_allowed"]
    assert codes(rec, "800", reasons="焚烧面积超过一亩") == []


def test_leaving_out_an_optional_fine_the_tier_imposes_needs_reasons(registry):
    rec = rec_for(registry, power="ECO-CF-001", party_kind="citizen")
    assert (rec.tier, rec.tier_range, rec.fine_optional) == ("ordinary", Range(D("500.00"), D("1000.00")), True)
    assert codes(rec, None) == ["penalty.outside_tier_needs_reasons"]
    assert codes(rec, None, reasons="当场熄灭，已清理现场") == []


def test_amounts_are_exact_to_the_fen(fumes):
    assert codes(fumes, "27500.001") == ["penalty.not_rounded"]
    assert codes(fumes, "27500.10") == []
    [refusal] = check_chosen(fumes, Chosen(amount=D("27500.001")))
    assert "27500.001" in refusal.message
    assert codes(fumes, "-1") == ["penalty.amount_negative"]


def test_nothing_may_be_imposed_where_the_outcome_is_no_penalty(registry):
    rec = rec_for(registry, power="URBAN-CF-013", party_kind="citizen", circumstances=["first_violation"])
    assert rec.outcome == "no_penalty"
    assert codes(rec, "100") == ["penalty.no_penalty_outcome"]
    assert codes(rec, None, penalties=["warning"]) == ["penalty.no_penalty_outcome"]
    assert codes(rec, None) == []


def test_a_fine_where_the_applied_law_provides_none_is_above_the_statutory_maximum(registry):
    rec = rec_for(
        registry, power="MARKET-CF-020", party_kind="citizen", act_date=dt.date(2021, 10, 1),
        decision_date=dt.date(2022, 4, 1),
    )
    assert rec.power == "MARKET-CF-001" and rec.statutory_range is None
    assert codes(rec, "1000") == ["penalty.above_statutory_max"]
    assert codes(rec, None) == []


def test_a_fine_without_a_standard_is_checked_against_the_statute_only(registry):
    rec = rec_for(registry, power="URBAN-CF-020")  # 可以处 50 万元以下, no standard
    assert rec.tier_range is None
    assert codes(rec, "500000.00") == []
    assert codes(rec, "500000.01") == ["penalty.above_statutory_max"]
    assert codes(rec, None) == []

"""渔业法 2025年修订（主席令第六十三号，2026-05-01 施行）: acts under the fishery powers are judged
under the revised articles, and an act before the revision decided after it under 从旧兼从轻
(行政处罚法 第三十七条). Pure engine calls over the plugin catalogue."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from zhifa.core.penalty import PenaltyFacts
from zhifa.core.penalty import recommend as penalty_engine
from zhifa.core.registry import get_host

TOWNSHIP = "330122200"
OLD_TO_NEW = {
    "AGRI-CF-008": ("AGRI-CF-023", "第七十八条第一款", D("200000")),
    "AGRI-CF-009": ("AGRI-CF-025", "第七十三条第一项", D("100000")),
    "AGRI-CF-010": ("AGRI-CF-026", "第六十九条第一款", D("200000")),
    "AGRI-CF-011": ("AGRI-CF-027", "第六十九条第二款", D("100000")),
}


def _registry():
    return get_host().registry.in_region(TOWNSHIP)


def _recommend(power, act, decided, **kw):
    return penalty_engine(_registry(), PenaltyFacts(
        power=power, act_date=act, decision_date=decided, party_kind="citizen", **kw))


@pytest.mark.parametrize("old", sorted(OLD_TO_NEW))
def test_an_act_on_2026_06_01_under_a_fishery_power_is_judged_under_the_revised_article(old):
    new, article, top = OLD_TO_NEW[old]
    rec = _recommend(old, dt.date(2026, 6, 1), dt.date(2026, 7, 1))  # the 2013 code, as an old case would cite it
    assert rec.outcome == "penalty" and rec.power == new
    assert article in rec.version_reason
    assert rec.statutory_range.max == top
    penalised = _registry().powers[new].penalised
    assert penalised.law == "《中华人民共和国渔业法》" and penalised.article == article


def test_electric_fishing_after_the_revision_has_its_own_article_and_range():
    rec = _recommend("AGRI-CF-024", dt.date(2026, 6, 1), dt.date(2026, 7, 1))
    assert rec.power == "AGRI-CF-024" and "第七十七条第一款" in rec.version_reason
    assert (rec.statutory_range.min, rec.statutory_range.max) == (D("0"), D("200000"))
    serious = _recommend("AGRI-CF-024", dt.date(2026, 6, 1), dt.date(2026, 7, 1), situation="serious")
    assert (serious.statutory_range.min, serious.statutory_range.max) == (D("200000"), D("2000000"))


@pytest.mark.parametrize("old", sorted(OLD_TO_NEW))
def test_an_act_on_2026_04_30_decided_after_the_revision_keeps_the_lighter_2013_text(old):
    rec = _recommend(old, dt.date(2026, 4, 30), dt.date(2026, 6, 15))
    assert rec.power == old  # every revised fine is heavier: 从旧
    assert "从旧" in rec.version_reason and OLD_TO_NEW[old][1] in rec.version_reason


def test_a_serious_case_before_the_revision_is_compared_with_the_2013_fine():
    rec = _recommend("AGRI-CF-010", dt.date(2026, 4, 30), dt.date(2026, 6, 15), situation="serious")
    assert rec.power == "AGRI-CF-010" and rec.statutory_range.max == D("100000")


def test_the_revised_fishery_entries_are_published_and_cite_the_2026_text():
    registry = _registry()
    for old, (new, _, _) in OLD_TO_NEW.items():
        power = registry.powers[new]
        assert power.succeeds == old and power.valid_from == dt.date(2026, 5, 1)
        assert "尚未核对录入" not in registry.powers[old].note
        assert "主席令第六十三号" in power.note

"""One worked case per field, clue to archive, with the stored computation matching the published standard."""

from __future__ import annotations

from decimal import Decimal

import pytest
from zhifa.core.registry import get_host
from zhifa.core.services.cases import case_events
from zhifa.core.services.demo import load_demo

from .helpers import run
from .procedure_helpers import HENGCUN, ZHONGSHAN, act, clue, file_of, party_id

# field, township, staff prefix, power, party, facts, expected standard, tier, tier range in yuan
WORKED = [
    ("urban", HENGCUN, "hc", "URBAN-CF-001", "杭州富春建设工程有限公司", {"bases": {"construction_cost": "1000000"}},
     "URBAN-CF-001-JZ1", "ordinary", ("60000.00", "80000.00")),
    ("market", HENGCUN, "hc", "MARKET-CF-001", "张三", {"situation": "not_corrected"},
     "MARKET-CF-001-JZ1", "ordinary", ("37000.00", "73000.00")),
    ("ecology", HENGCUN, "hc", "ECO-CF-003", "桐庐县横村镇好味道餐饮店", {},
     "ECO-CF-003-JZ1", "ordinary", ("18500.00", "36500.00")),
    ("agri", ZHONGSHAN, "zs", "AGRI-CF-006", "桐庐县横村镇好味道餐饮店", {},
     "AGRI-CF-006-JZ1", "ordinary", ("70000.00", "90000.00")),
    ("culture", ZHONGSHAN, "zs", "CULTURE-CF-017", "杭州富春建设工程有限公司", {},
     "CULTURE-CF-017-JZ1", "ordinary", ("3700.00", "7300.00")),
]


@pytest.fixture
def county(database_url):
    run(load_demo())


@pytest.mark.parametrize("field, township, p, power, party, facts, standard, tier, tier_range", WORKED,
                         ids=[w[0] for w in WORKED])
def test_a_case_runs_from_clue_to_archive(county, field, township, p, power, party, facts, standard, tier, tier_range):
    officers = [f"{p}-officer1", f"{p}-officer2"]
    case = clue(field, power, "2026-03-02", township=township)
    if get_host().registry.powers[power].two_stage:  # order to correct, re-check, not corrected
        act(case, "order_correction", "2026-03-02", f"{p}-officer1", township, deadline="2026-03-09", content="立即改正")
        act(case, "recheck_correction", "2026-03-10", f"{p}-officer1", township, corrected=False)
    act(case, "file_case", "2026-03-11", f"{p}-captain", township, officers=officers,
        party_id=party_id(party, township), act_date="2026-03-01")
    concluded = act(case, "conclude_investigation", "2026-03-18", f"{p}-officer1", township, facts=facts)
    recommendation = file_of(case, township).proposal.recommendation
    amount = Decimal(str(recommendation["recommended_amount"]))
    # the stored computation is the standard that applies in 桐庐县 — the demo county's own, loaded as an
    # overlay (core/services/demo_standards.py) in place of the catalogue's example split — tier by tier
    published = next(s for s in get_host().registry.in_region(township).catalogues[field].standards if s.code == standard)
    published_tier = next(t for t in published.tiers if t.code == tier)
    assert (recommendation["standard"], recommendation["tier"]) == (standard, tier)
    assert recommendation["tier_name"] == published_tier.name
    assert recommendation["standard_source"] == published.source
    assert (str(recommendation["tier_range"]["min"]), str(recommendation["tier_range"]["max"])) == tier_range
    assert Decimal(tier_range[0]) <= amount <= Decimal(tier_range[1])
    assert recommendation["reasons"]
    assert concluded.status == "reviewing"

    assert file_of(case, township).proposal.amount == amount  # proposed as recommended

    act(case, "serve_notice", "2026-03-19", f"{p}-officer1", township)
    act(case, "waive_rights", "2026-03-19", f"{p}-officer1", township)
    act(case, "legal_review", "2026-03-20", f"{p}-legal", township, passed=True, opinion="事实清楚，证据确凿，适用依据正确")
    act(case, "decide", "2026-03-23", f"{p}-head", township, amount=str(amount))
    act(case, "serve_decision", "2026-03-24", f"{p}-officer1", township, recipient=party)
    act(case, "record_payment", "2026-03-30", f"{p}-officer1", township, amount=str(amount), receipt="银行缴款回执")
    act(case, "close", "2026-03-31", f"{p}-captain", township)
    archived = act(case, "archive", "2026-04-01", f"{p}-captain", township)

    assert archived.status == "archived" and archived.number.endswith("〔2026〕1号")
    decision = file_of(case, township).decision
    assert decision.amount == amount and decision.recommendation["tier"] == tier
    kinds = [e.kind for e in run(case_events(township, case))]
    assert kinds[0] == "clue_registered" and kinds[-1] == "archive"
    assert {"file_case", "serve_notice", "decide", "serve_decision", "close"} <= set(kinds)

"""The court-application window (行政强制法第53-54条), through the procedure service on the demo county, both engines."""

from __future__ import annotations

import pytest
from zhifa.core.services.demo import load_demo

from .helpers import run
from .procedure_helpers import OFFICERS, act, clue, d, file_of, party_id, refused

COURT = "桐庐县人民法院"


@pytest.fixture
def county(database_url):
    run(load_demo())


@pytest.fixture
def decided(county) -> int:
    """A 20,000-yuan decision on the shop, made on Thursday 2026-03-12."""
    case = clue("ecology", "ECO-CF-003", "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("桐庐县横村镇好味道餐饮店"),
        act_date="2026-03-01")
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount="20000")
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    act(case, "decide", "2026-03-12", "hc-head", amount="20000")
    return case


def _served_and_demanded(case: int) -> int:
    act(case, "serve_decision", "2026-03-13", "hc-officer1", recipient="王五")
    act(case, "serve_demand", "2026-04-01", "hc-officer1")
    return case


# ── 行政强制法第53条: only once the 复议 and 诉讼 periods have run out, within three months after ──


def test_court_application_is_refused_while_the_reconsideration_and_litigation_periods_run(decided):
    case = _served_and_demanded(decided)
    # the case: served 2026-03-13, applied 2026-04-20 (reconsideration open until 05-12)
    assert refused(case, "apply_to_court", "2026-04-20", "hc-head", court=COURT) == ["execution.remedy_periods_running"]
    # six months after 03-13 is Sunday 09-13: the party's litigation period runs to Monday 09-14
    assert refused(case, "apply_to_court", "2026-09-14", "hc-head", court=COURT) == ["execution.remedy_periods_running"]
    act(case, "apply_to_court", "2026-09-15", "hc-head", court=COURT)
    assert file_of(case).execution.court_applied_on == d("2026-09-15")


def test_court_application_is_allowed_on_the_last_day_of_the_three_months_and_refused_the_day_after(decided, today):
    today("2026-12-15")
    case = _served_and_demanded(decided)
    # three months from the end of the litigation period (2026-09-14): 2026-12-14
    assert refused(case, "apply_to_court", "2026-12-15", "hc-head", court=COURT) == ["execution.too_late"]
    act(case, "apply_to_court", "2026-12-14", "hc-head", court=COURT)

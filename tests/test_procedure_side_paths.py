"""Suspension, criminal transfer, revocation, and the overdue list."""

from __future__ import annotations

import pytest
from zhifa.core.services.demo import load_demo

from .helpers import cli_json, run
from .procedure_helpers import HENGCUN, OFFICERS, act, clue, file_of, party_id, refused


@pytest.fixture
def filed(database_url) -> int:
    run(load_demo())
    case = clue("urban", "URBAN-CF-004", "2026-01-02")
    act(case, "file_case", "2026-01-05", "hc-captain", officers=OFFICERS, party_id=party_id("张三"))
    return case


def overdue_ids(on: str) -> list[int]:
    return [c["id"] for c in cli_json("case", "overdue", "--township", HENGCUN, "--on", on)]


def test_a_filed_case_is_overdue_on_day_91_and_not_on_day_90(filed):
    assert overdue_ids("2026-04-05") == []
    assert overdue_ids("2026-04-06") == [filed]


def test_suspension_stops_the_clock_and_resumes_where_it_was(filed):
    act(filed, "suspend", "2026-02-02", "hc-head", reason="等待鉴定结论")
    assert act(filed, "resume", "2026-02-11", "hc-head").status == "investigating"
    [interval] = file_of(filed).excluded
    assert (str(interval.start), str(interval.end), interval.reason) == ("2026-02-02", "2026-02-11", "suspension")
    assert overdue_ids("2026-04-15") == []  # 10 suspended days added
    assert overdue_ids("2026-04-16") == [filed]


def test_a_suspended_case_can_only_resume_or_terminate(filed):
    act(filed, "suspend", "2026-02-02", "hc-head", reason="当事人下落不明")
    assert refused(filed, "conclude_investigation", "2026-02-03", "hc-officer1", facts={}) == ["case.wrong_state"]
    assert act(filed, "terminate", "2026-03-01", "hc-head", reason="当事人死亡").status == "terminated"


def test_a_suspected_crime_is_transferred_to_the_judicial_organs(filed):
    assert act(filed, "transfer_to_judicial", "2026-01-20", "hc-head", organ="桐庐县公安局",
               reason="涉嫌非法经营罪").status == "criminal_transfer"
    assert refused(filed, "decide", "2026-01-21", "hc-head", amount="100") == ["case.wrong_state"]


def test_a_revoked_decision_ends_the_case(filed):
    act(filed, "conclude_investigation", "2026-01-12", "hc-officer1", facts={}, outcome="no_penalty")
    act(filed, "decide", "2026-01-13", "hc-head", kind="no_penalty_minor", reasons="违法行为轻微并及时改正，没有造成危害后果")
    assert act(filed, "revoke", "2026-02-01", "hc-head", by="桐庐县人民政府", reason="复议决定撤销").status == "revoked"

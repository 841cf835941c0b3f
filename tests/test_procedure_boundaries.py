"""Boundaries not covered elsewhere: certificate field coverage, the hearing threshold, the
township's own list of decisions that need legal review."""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.db.tables import Township
from zhifa.core.schemas.people import CertificateCreate, UserCreate
from zhifa.core.services import people
from zhifa.core.services.demo import load_demo

from .helpers import run
from .procedure_helpers import HENGCUN, OFFICERS, act, clue, file_of, party_id, refused


@pytest.fixture
def county(database_url):
    run(load_demo())


def test_a_certificate_must_cover_the_cases_field(county):
    run(people.create_user(UserCreate(username="hc-urban-only", display_name="城管队员", roles=["officer"], township=HENGCUN)))
    run(people.add_certificate("hc-urban-only", CertificateCreate(
        number="浙A100-9", fields=["urban"], issuer="浙江省人民政府", valid_from=dt.date(2024, 1, 1), valid_to=dt.date(2029, 1, 1))))
    market = clue("market", "MARKET-CF-005", "2026-03-02")
    assert refused(market, "file_case", "2026-03-03", "hc-captain", officers=["hc-officer1", "hc-urban-only"]) == [
        "officer.no_valid_certificate", "officer.fewer_than_two"]
    urban = clue("urban", "URBAN-CF-004", "2026-03-02")
    assert act(urban, "file_case", "2026-03-03", "hc-captain", officers=["hc-officer1", "hc-urban-only"]).number


@pytest.mark.parametrize("amount, offered", [("4999.99", False), ("5000.00", True)])
def test_the_hearing_right_starts_at_the_threshold(county, amount, offered):
    # 生态环境行政处罚办法: citizens from 5,000 yuan (inclusive)
    case = clue("ecology", "ECO-CF-003", "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("张三"), act_date="2026-03-01")
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount=amount)
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    assert file_of(case).notice.hearing_offered is offered


def test_a_township_can_require_legal_review_for_powers_on_its_own_list(county):
    def decide_without_review() -> list[str]:
        case = clue("urban", "URBAN-CF-004", "2026-03-02")
        act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("张三"), act_date="2026-03-01")
        act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, outcome="no_penalty")
        try:
            act(case, "decide", "2026-03-11", "hc-head", kind="no_penalty_minor", reasons="轻微并已改正")
        except Exception as exc:  # noqa: BLE001 - the refusal is what is asserted
            return exc.codes
        return []

    assert decide_without_review() == []
    run(Township.update({Township.settings: {"legal_review_powers": ["URBAN-CF-004"]}}).where(Township.code == HENGCUN))
    assert decide_without_review() == ["decision.legal_review_missing"]

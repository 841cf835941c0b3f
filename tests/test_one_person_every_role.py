"""The acting user is checked as a person (issue 12, item 5).

Before: only the two assigned officers' certificates were checked, so an officer whose certificate
ended on 2025-06-30 still recorded steps; a township admin gave one account every role, issued it
a certificate, and that account investigated, reviewed and decided one case alone.
"""

from __future__ import annotations

import pytest
from zhifa.core.services.demo import load_demo

from .api_support import HENGCUN, Api
from .helpers import run
from .procedure_helpers import OFFICERS, act, clue, refused

BILLBOARD = "URBAN-CF-004"
COST = {"bases": {"construction_cost": "50000"}}
FUMES = "ECO-CF-003"
USERS = f"/townships/{HENGCUN}/users"


@pytest.fixture
def county(database_url):
    run(load_demo())


def test_an_officer_acts_only_with_their_own_certificate_valid_that_day(county):
    # hc-officer3's certificate ran until 2025-06-30; the case's two officers hold valid ones
    case = clue("urban", BILLBOARD, "2025-06-20")
    act(case, "file_case", "2025-06-23", "hc-captain", officers=OFFICERS, act_date="2025-06-19")
    assert refused(case, "conclude_investigation", "2025-07-01", "hc-officer3", facts=COST) == [
        "officer.actor_no_valid_certificate"]
    assert act(case, "conclude_investigation", "2025-06-30", "hc-officer3", facts=COST).status == "reviewing"


def test_an_approver_approving_needs_no_certificate_of_their_own(county):
    # hc-captain files as approver; the officer capacity is what needs the certificate
    case = clue("urban", BILLBOARD, "2025-06-20")
    assert act(case, "file_case", "2025-07-01", "hc-captain", officers=OFFICERS).status == "investigating"


def test_a_township_admin_cannot_create_an_account_that_also_enforces(api: Api):
    response = api.post(USERS, "hc-admin", json={
        "username": "hc-solo", "display_name": "一人办案", "roles": ["township_admin", "officer", "township_head"],
        "password": "桐庐横村-执法2026"})
    assert response.status_code == 400 and response.json()["code"] == "user.admin_cannot_enforce", response.text


def test_certificates_are_issued_by_the_county_not_by_the_township(api: Api):
    certificate = {"number": "33010026888", "fields": ["urban"], "issuer": "我自己", "valid_from": "2026-01-01",
                   "valid_to": "2099-12-31"}
    by_township = api.post(f"{USERS}/hc-officer2/certificates", "hc-admin", json=certificate)
    assert by_township.status_code == 403 and by_township.json()["code"] == "auth.role"
    certificate["issuer"] = "桐庐县人民政府"
    assert api.post(f"{USERS}/hc-officer2/certificates", "admin", json=certificate).status_code == 201


def test_the_one_who_investigated_a_case_cannot_decide_it(api: Api):
    # hc-all (token fuzz-all) holds officer, approver, legal reviewer and township head, with a certificate
    case = api.clue("ecology", FUMES, "2026-03-02")
    api.act(case, "file_case", "2026-03-03", "hc-captain", officers=["hc-all", "hc-officer1"], act_date="2026-03-01")
    api.act(case, "conclude_investigation", "2026-03-10", "fuzz-all", facts={}, amount="20000")
    review = api.attempt(case, "legal_review", "2026-03-10", "fuzz-all", passed=True, opinion="同意")
    assert review.status_code == 422 and "review.reviewer_is_investigator" in review.text
    api.act(case, "legal_review", "2026-03-10", "hc-legal", passed=True, opinion="事实清楚，证据确凿")
    api.act(case, "serve_notice", "2026-03-11", "fuzz-all")
    api.act(case, "waive_rights", "2026-03-11", "fuzz-all")
    decided = api.attempt(case, "decide", "2026-03-12", "fuzz-all", amount="20000")
    assert decided.status_code == 422, decided.text
    assert [r["code"] for r in decided.json()["refusals"]] == ["decision.decider_not_independent"]
    assert api.act(case, "decide", "2026-03-12", "hc-head", amount="20000")["case"]["status"] == "decided"

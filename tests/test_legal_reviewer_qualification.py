"""行政处罚法第58条第2款: the 法律职业资格 is required of those who *first* take up legal review of penalty
decisions; a reviewer already reviewing before the 2021 revision took effect (2021-07-15) may review without it."""

from __future__ import annotations

import pytest
from zhifa.core.schemas.people import UserCreate
from zhifa.core.services import people
from zhifa.core.services.errors import Invalid

from .helpers import run
from .procedure_helpers import HENGCUN, act, d, file_of
from .test_documents import county, fumes_clue, investigated  # noqa: F401  (county: the fixture)


def reviewer(username: str, since: str | None, qualified: bool = False):
    return run(people.create_user(UserCreate(
        username=username, display_name=f"审核员{username[-1]}", roles=["legal_reviewer"], township=HENGCUN,
        legal_qualification=qualified, reviewing_since=d(since) if since else None, password="Zf!審核-2026-pass")))


def test_a_reviewer_reviewing_since_before_2021_07_15_may_review_without_the_qualification(county):
    user = reviewer("hc-legal-old", "2021-07-14")
    assert (user.legal_qualification, user.reviewing_since) == (False, d("2021-07-14"))
    case = fumes_clue()
    investigated(case)
    act(case, "legal_review", "2026-03-10", "hc-legal-old", passed=True, opinion="事实清楚，证据确凿")
    assert file_of(case).legal_review.reviewer == "hc-legal-old"


def test_a_reviewer_first_reviewing_from_2021_07_15_needs_the_qualification(county):
    with pytest.raises(Invalid) as info:
        reviewer("hc-legal-new", "2021-07-15")
    assert info.value.code == "user.legal_qualification_required" and "初次从事" in info.value.message
    with pytest.raises(Invalid):
        reviewer("hc-legal-none", None)
    assert reviewer("hc-legal-q", "2024-01-01", qualified=True).legal_qualification


def test_an_unqualified_reviewer_who_started_after_2021_07_15_cannot_review(county):
    from zhifa.core.db.tables import AppUser

    from .procedure_helpers import refused

    # a record written around the service (imported staff): no qualification, reviewing since 2022
    run(AppUser.update({AppUser.legal_qualification: False, AppUser.reviewing_since: d("2022-03-01")}).where(
        AppUser.username == "hc-legal"))
    case = fumes_clue()
    investigated(case)
    assert refused(case, "legal_review", "2026-03-10", "hc-legal", passed=True, opinion="同意") == [
        "review.reviewer_unqualified"]

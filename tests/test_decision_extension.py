"""An extension of the decision clock is 1 to 365 days; nothing else is recorded, and every case stays readable.

The finding (issue 12, the fuzz of ``tests/test_api_fuzz.py``, both engines): ``extend_decision_deadline``
accepted ``days`` of 0, -1 and -9223372036854775809 (200), after which reading the case answered 500
for ever (the decision clock refuses a non-positive extension); 2147483647 or 3,000,000 days were
accepted too, and the case then answered 400 ``request.out_of_range`` on every read (a date past the
calendar's end).
"""

from __future__ import annotations

import pytest

from .api_support import HENGCUN, Api
from .test_api_contract import EXAMPLES

CASES = f"/townships/{HENGCUN}/cases"
ACTION = "POST /townships/{code}/cases/{case_id}/actions/extend_decision_deadline"

pytestmark = pytest.mark.shared_host


@pytest.fixture
def investigating(api: Api):
    """A filed case, its valid extension request (30 days, by the township head) ready to send."""
    return EXAMPLES[ACTION](api)


def _extend(api: Api, call, days):
    return api.post(f"{CASES}/{call.params['case_id']}/actions/extend_decision_deadline", call.user,
                    params=call.query, headers=call.headers, json={**call.json, "days": days})


@pytest.mark.parametrize("days", [0, -1, -30, -9223372036854775809, 366, 3_000_000, 2147483647, 10**32])
def test_an_extension_of_no_day_fewer_or_more_than_a_year_is_refused_naming_days(api: Api, investigating, days):
    response = _extend(api, investigating, days)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["code"] == "decision.extension_days"
    assert "「days」" in problem["detail"] and "1 至 365 日" in problem["detail"]
    case = api.get(f"{CASES}/{investigating.params['case_id']}", "hc-head")
    assert case.status_code == 200, case.text
    assert case.headers["etag"] == investigating.headers["If-Match"]  # nothing recorded


@pytest.mark.parametrize("days", [1, 30, 365])
def test_an_extension_of_one_to_365_days_is_recorded_and_the_case_reads(api: Api, investigating, days):
    response = _extend(api, investigating, days)
    assert response.status_code == 200, response.text
    case = api.get(f"{CASES}/{investigating.params['case_id']}", "hc-head")
    assert case.status_code == 200, case.text
    assert [e["days"] for e in case.json()["file"]["extensions"]] == [days]

"""The day of a computation lies within the working-day calendar; at the calendar's far edge nothing crashes.

The finding (issue 12, the fuzz of ``tests/test_api_fuzz.py``, both engines): ``on=9999-12-30`` or
``9999-12-31`` answered 500 on ``GET /publications/overdue`` (counting working days asked whether
the year 10000 was covered) and on a publication's draft (its display period ended past 9999). Days
outside 1901-2100, the years the calendar's rule is trusted for, are now refused naming ``on``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.calendar import working_days_after

from .api_recipes import decided
from .api_support import HENGCUN, Api
from .test_api_contract import _substitute

pytestmark = pytest.mark.shared_host

OUTSIDE = ["9999-12-31", "9999-12-30", "2101-01-01", "1900-12-31", "0001-01-01"]


def test_working_days_are_counted_up_to_the_last_day_a_date_can_be():
    assert working_days_after(dt.date(9999, 12, 1), dt.date(9999, 12, 31)) in range(15, 24)


@pytest.fixture
def queued(api: Api) -> int:
    """A decided case's publication, waiting to be published (due 2026-03-23)."""
    case = api.clue("ecology", "ECO-CF-003", "2026-03-02")
    for step in decided():
        api.act(case, step.action, step.on, step.actor, **_substitute(api, step.data))
    [entry] = api.get(f"/townships/{HENGCUN}/publications", "hc-officer1", params={"case_id": case}).json()
    return entry["id"]


def _requests(publication: int):
    """(method, path, user, body) of every route computing with a day ``on``."""
    base = f"/townships/{HENGCUN}/publications/{publication}"
    return [("GET", "/publications/overdue", "jiandu", None), ("GET", f"{base}/draft", "hc-officer1", None),
            ("POST", f"{base}/publish", "hc-officer1", {"draft_digest": "0" * 64}),
            ("POST", f"{base}/withdraw", "hc-head", {"reason": "复议决定撤销"}),
            ("GET", f"/public/{HENGCUN}/publications", None, None), ("GET", f"/public/{HENGCUN}", None, None)]


@pytest.mark.parametrize("on", OUTSIDE)
def test_a_day_outside_the_calendar_is_refused_naming_on(api: Api, queued: int, on: str):
    for method, path, user, body in _requests(queued):
        response = api.request(method, path, user, params={"on": on}, json=body)
        assert response.status_code == 400, f"{method} {path}: {response.text}"
        assert response.headers["content-type"].startswith("application/problem+json")
        problem = response.json()
        assert problem["code"] == "request.date_out_of_range", problem
        assert problem["errors"] == [{"field": "on", "source": "query", "message": problem["detail"]}]
        assert "「on」" in problem["detail"] and "1901-01-01 至 2100-12-31" in problem["detail"]


def test_the_calendar_s_last_day_is_computed(api: Api, queued: int):
    overdue = api.get("/publications/overdue", "jiandu", params={"on": "2100-12-31"})
    assert overdue.status_code == 200, overdue.text
    assert [p["id"] for p in overdue.json()] == [queued] and overdue.json()[0]["working_days_overdue"] > 18000
    draft = api.get(f"/townships/{HENGCUN}/publications/{queued}/draft", "hc-officer1", params={"on": "2100-12-31"})
    assert draft.status_code == 200, draft.text
    page = api.get(f"/public/{HENGCUN}/publications", params={"on": "1901-01-01"})
    assert page.status_code == 200 and page.json()["records"] == []

"""The public disclosure page through the API: no sign-in, masked content only."""

from __future__ import annotations

import pytest
from zhifa.core.services.demo import resident_id

from .api_support import HENGCUN, Api
from .publication_helpers import PERSONAL_SUMMARY, publish_through_api

ZHANG_ID = resident_id("19850312", 41)

pytestmark = pytest.mark.shared_host


def test_the_public_page_is_served_without_sign_in_and_shows_only_masked_data(api: Api):
    # the steps of publication_helpers.decided_case, through the API (one event loop for the live app)
    case = api.clue("market", "MARKET-CF-001", "2025-09-01", summary=PERSONAL_SUMMARY.format(id=ZHANG_ID))
    api.act(case, "order_correction", "2025-09-01", "hc-officer1", deadline="2025-09-08", content="立即改正")
    api.act(case, "recheck_correction", "2025-09-09", "hc-officer1", corrected=False)
    api.act(case, "file_case", "2025-09-10", "hc-captain", officers=["hc-officer1", "hc-officer2"],
            party_id=api.party_id("张三"), act_date="2025-08-31")
    api.act(case, "conclude_investigation", "2025-09-15", "hc-officer1", facts={"situation": "not_corrected"})
    api.act(case, "serve_notice", "2025-09-16", "hc-officer1")
    api.act(case, "waive_rights", "2025-09-16", "hc-officer1")
    api.act(case, "legal_review", "2025-09-17", "hc-legal", passed=True, opinion="事实清楚")
    api.act(case, "decide", "2025-09-29", "hc-head", amount="50000.00", reasons="张三拒不改正")
    [entry] = api.get(f"/townships/{HENGCUN}/publications", "hc-captain", params={"case_id": case}).json()
    assert entry["due_on"] == "2025-10-15"  # 7 working days across National Day
    response = publish_through_api(api, entry["id"], "2025-10-15")
    assert response.status_code == 200 and response.json()["published_late"] is False

    page = api.get(f"/public/{HENGCUN}/publications", params={"on": "2025-10-16"})
    html = api.get(f"/public/{HENGCUN}", params={"on": "2025-10-16"})
    assert page.status_code == html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    [record] = page.json()["records"]
    assert record["party"]["name"] == "张*" and record["published_on"] == "2025-10-15"
    for body in (page.text, html.text):
        assert ZHANG_ID not in body and "13905711234" not in body and "64001234" not in body and "张三" not in body
    assert api.get(f"/public/{HENGCUN}/publications", params={"on": "2025-10-14"}).json()["records"] == []

    overdue = api.get("/publications/overdue", "jiandu", params={"on": "2025-10-16"})
    assert overdue.status_code == 200 and overdue.json() == []

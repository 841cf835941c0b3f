"""The public disclosure page's job (issues 15 and 17): a decision and a random-inspection result, set up
over HTTP only with operations of the published OpenAPI document, then read as the public reads them —
the JSON lists and the page in Chromium on a 390 px phone: the decision's own number (not the filing
number), amounts formatted, a viewport, no empty rows, its style sheet served by the app itself.
"""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from .api_support import HENGCUN, Api
from .publication_helpers import publish_through_api
from .web_support import PASSWORD, browser, live_server, new_page, screenshot  # noqa: F401

pytestmark = pytest.mark.shared_host

ROAD = "URBAN-CF-018"  # 擅自占用或者挖掘城市道路, conferred to 横村镇 (城市道路管理条例第四十二条)
SHOP = "桐庐县横村镇好味道餐饮店"
USERS = ("hc-aux", "hc-captain", "hc-officer1", "hc-officer2", "hc-legal", "hc-head", "hc-admin")


def _client(server) -> Api:
    client = httpx.Client(base_url=server.url, timeout=30)
    tokens = {u: client.post("/auth/login", json={"username": u, "password": PASSWORD}).json()["token"] for u in USERS}
    return Api(client, tokens)


def _operations(api: Api) -> set[str]:
    document = api.client.get("/schema/openapi.json").json()
    return {f"{method.upper()} {path}" for path, item in document["paths"].items() for method in item}


def _decided_and_published(api: Api, ops: set[str]) -> tuple[str, str]:
    """A case decided, its decision rendered (numbered) and its publication published: (filing no., decision no.)."""
    case = api.clue("urban", ROAD, "2026-03-02", user="hc-aux", summary="横村大街商铺擅自占用城市道路堆放建材",
                    place="横村大街 18 号")
    assert "POST /townships/{code}/cases/{case_id}/evidence" in ops  # the photo the decision cites (第五十九条)
    photo = api.post(f"/townships/{HENGCUN}/cases/{case}/evidence", "hc-aux", content=b"\xff\xd8\xff\xe0photo",
                     headers={"Content-Type": "image/jpeg"},
                     params={"kind": "audiovisual", "title": "占道现场照片", "captured_at": "2026-03-02T09:35:00+08:00"})
    assert photo.status_code == 201, photo.text
    steps = [("file_case", "2026-03-03", "hc-captain",
              {"officers": ["hc-officer1", "hc-officer2"], "party_id": api.party_id(SHOP), "act_date": "2026-03-01"}),
             ("conclude_investigation", "2026-03-10", "hc-officer1", {"facts": {}, "amount": "10000"}),
             ("serve_notice", "2026-03-11", "hc-officer1", {}), ("waive_rights", "2026-03-11", "hc-officer1", {}),
             ("legal_review", "2026-03-12", "hc-legal", {"passed": True, "opinion": "事实清楚，证据确凿"}),
             ("decide", "2026-03-12", "hc-head", {"amount": "10000"})]
    for name, on, user, body in steps:
        assert f"POST /townships/{{code}}/cases/{{case_id}}/actions/{name}" in ops
        api.act(case, name, on, user, **body)
    assert "POST /townships/{code}/cases/{case_id}/documents" in ops
    made = api.post(f"/townships/{HENGCUN}/cases/{case}/documents", "hc-officer1",
                    json={"template": "decision", "on": "2026-03-12"})
    assert made.status_code == 201, made.text
    assert "GET /townships/{code}/publications" in ops and "POST /townships/{code}/publications/{publication_id}/publish" in ops
    [entry] = api.get(f"/townships/{HENGCUN}/publications", "hc-officer1", params={"case_id": case}).json()
    published = publish_through_api(api, entry["id"], "2026-03-16")
    assert published.status_code == 200, published.text
    filing = api.get(f"/townships/{HENGCUN}/cases/{case}", "hc-captain").json()["case"]["number"]
    return filing, made.json()["number"]


def _inspected_and_published(api: Api, ops: set[str]) -> str:
    """双随机: a plan over the demo's market directory, drawn, one result recorded and published: the target's name."""
    base = f"/townships/{HENGCUN}/inspections"
    assert "POST /townships/{code}/inspections/plans/{plan_id}/draws" in ops
    plan = api.post(f"{base}/plans", "hc-captain", json={
        "field": "market", "title": "2026年一季度市场监管双随机抽查", "ratios": {"A": "10", "B": "10", "C": "10", "D": "100"},
        "starts_on": "2026-03-02", "ends_on": "2026-03-31"})
    assert plan.status_code == 201, plan.text
    draw = api.post(f"{base}/plans/{plan.json()['id']}/draws", "hc-captain", json={"seed": 20260302})
    assert draw.status_code == 201, draw.text
    assignment = draw.json()["assignments"][0]
    inspector = next(u for u in assignment["inspectors"] if u in api.tokens)
    result = api.post(f"{base}/draws/{draw.json()['id']}/results", inspector, json={
        "target_id": assignment["target_id"], "outcome": "no_problem", "inspected_at": "2026-03-20T10:00:00+08:00"})
    assert result.status_code == 201, result.text
    published = api.post(f"{base}/draws/{draw.json()['id']}/publish", "hc-captain", params={"on": "2026-03-20"})
    assert published.status_code == 200, published.text
    return assignment["target_name"]


def test_the_public_reads_a_decision_and_an_inspection_result_on_a_phone(live_server, browser, today):
    today("2026-03-20")
    api = _client(live_server)
    ops = _operations(api)
    filing, decision = _decided_and_published(api, ops)
    target = _inspected_and_published(api, ops)
    assert re.fullmatch(r"横综执罚决字〔2026〕第\d+号", decision) and filing != decision

    # the JSON lists, without signing in
    assert "GET /public/{township}/publications" in ops and "GET /public/{township}/inspections" in ops
    [record] = [r for r in httpx.get(f"{live_server.url}/public/{HENGCUN}/publications").json()["records"]
                if r["decision_number"] == decision]
    assert record["case_number"] == filing and record["amount"] in ("10000", "10000.00")
    results = httpx.get(f"{live_server.url}/public/{HENGCUN}/inspections").json()["publications"]
    assert any(r["target_name"] == target for p in results for r in p["results"])

    # the page, on a phone
    page = new_page(browser, live_server)
    page.goto(f"/public/{HENGCUN}")
    expect(page.get_by_role("heading", level=1)).to_have_text("横村镇行政执法决定公示")
    expect(page.locator("section.record", has_text=decision)).to_contain_text("横村镇人民政府")  # as the decision is signed
    section = page.locator("section.record", has_text=decision)
    expect(section.get_by_role("row", name=re.compile("决定书文号"))).to_contain_text(decision)
    expect(section).not_to_contain_text(filing)  # the decision's own number, not the filing number
    expect(section.get_by_role("row", name=re.compile("罚款金额"))).to_contain_text("10,000.00 元")
    cells = section.locator("td").all_inner_texts()
    assert cells and all(text.strip() for text in cells), cells  # no empty rows
    expect(page.locator("section.inspection")).to_contain_text(target)
    assert page.locator('meta[name="viewport"]').get_attribute("content").startswith("width=device-width")
    # the style sheet is the app's own and applies (the page's CSP allows this origin only)
    assert page.evaluate("getComputedStyle(document.querySelector('table')).borderCollapse") == "collapse"
    urls = page.evaluate("[...document.querySelectorAll('[src],[href]')].map(e => e.src || e.href)")
    assert urls and all(u.startswith(live_server.url) for u in urls), urls
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "public")
    page.context.close()

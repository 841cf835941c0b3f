"""The county supervisors' job through HTTP only, by operations found in the published OpenAPI document:
the county-wide case list → statistics → findings → the quarterly 案件报告 (Word, opened) → audit verification.

→ a referral (乡呼县应) sent by a township and answered by a county department user, who sees only
what is addressed to their department.

→ 双随机、一公开: each township draws; the supervisor verifies every draw of the county (recomputed from its
recorded seed), draws and records nothing, and reads the published results on the public list.
"""

from __future__ import annotations

import datetime as dt
import io

import docx
from zhifa.core import clock

from .api_support import FENSHUI, HENGCUN, Api
from .helpers import valid_credit_code


def _operations(api: Api) -> set[str]:
    document = api.client.get("/schema/openapi.json").json()
    return {f"{method.upper()} {path}" for path, item in document["paths"].items() for method in item}


def _op(ops: set[str], key: str) -> str:
    assert key in ops, f"{key} is not in the published OpenAPI document"
    return key.split(" ", 1)[1]


def _clue(api: Api, township: str, user: str, summary: str) -> int:
    response = api.post(f"/townships/{township}/cases", user, json={
        "field": "urban", "source": "grid", "summary": summary, "found_at": "2026-11-20T09:00:00+08:00"})
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_supervisor_walks_county_list_statistics_findings_report_and_audit(api: Api):
    ops = _operations(api)
    county_cases = _op(ops, "GET /county/cases")
    statistics = _op(ops, "GET /county/statistics")
    findings = _op(ops, "GET /county/findings")
    report = _op(ops, "GET /townships/{code}/reports/quarterly/docx")
    verify = _op(ops, "GET /audit/verify")

    before = {r["township"]: r["figures"]["clues"] for r in api.get(statistics, "jiandu", params={"quarter": "2026Q4"}).json()}
    assert set(before) >= {HENGCUN, FENSHUI}
    hc = _clue(api, HENGCUN, "hc-aux", "网格员报告：横村路占道经营")
    fs = _clue(api, FENSHUI, "fs-aux", "网格员报告：分水镇占道经营")

    # the county list: both townships' cases, newest first, paged by keyset with no case twice or missed
    seen, cursor = [], None
    while True:
        params = {"status": "clue", "limit": 1, **({"cursor": cursor} if cursor else {})}
        page = api.get(county_cases, "jiandu", params=params)
        assert page.status_code == 200, page.text
        body = page.json()
        seen += [(c["id"], c["township"]) for c in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    ids = [i for i, _ in seen]
    assert ids == sorted(ids, reverse=True) and len(ids) == len(set(ids))
    assert (fs, FENSHUI) in seen and (hc, HENGCUN) in seen
    only_hc = api.get(county_cases, "jiandu", params={"township": HENGCUN, "status": "clue"}).json()["items"]
    assert {c["township"] for c in only_hc} == {HENGCUN} and hc in [c["id"] for c in only_hc]

    # statistics count the new clues; findings answer a list
    after = {r["township"]: r["figures"]["clues"] for r in api.get(statistics, "jiandu", params={"quarter": "2026Q4"}).json()}
    assert after[HENGCUN] == before[HENGCUN] + 1 and after[FENSHUI] == before[FENSHUI] + 1
    listed = api.get(findings, "jiandu", params={"quarter": "2026Q4"})
    assert listed.status_code == 200 and isinstance(listed.json(), list)

    # the quarterly report as a Word file, opened
    response = api.get(report.replace("{code}", HENGCUN), "jiandu", params={"quarter": "2026Q4"})
    assert response.status_code == 200, response.text
    assert "attachment" in response.headers["content-disposition"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "案件报告" in text or "2026" in text

    # audit verification: the county's chains intact
    chains = api.get(verify, "jiandu").json()
    assert {c["township"] for c in chains} >= {HENGCUN, FENSHUI} and all(c["intact"] for c in chains)


def test_another_county_sees_none_of_this_county(api: Api):
    """other-admin (西湖区): this county's township answered like a missing one, none of its cases listed."""
    _clue(api, HENGCUN, "hc-aux", "网格员报告：横村路占道经营")
    assert api.get("/audit/verify", "other-admin").json() == []
    missing = api.get("/audit/verify", "other-admin", params={"township": HENGCUN})
    assert missing.status_code == 404 and missing.json()["code"] == "township.not_found"
    assert api.get("/audit/verify", "other-admin", params={"township": "999999999"}).json() == missing.json() | {
        "detail": missing.json()["detail"].replace(HENGCUN, "999999999")}
    assert api.get("/county/cases", "other-admin").json()["items"] == []
    listed = api.get("/county/cases", "other-admin", params={"township": HENGCUN})
    assert listed.status_code == 404 and listed.json()["code"] == "township.not_found"
    report = api.get(f"/townships/{HENGCUN}/reports/quarterly/docx", "other-admin", params={"quarter": "2026Q4"})
    assert report.status_code == 404


def test_township_users_cannot_read_the_county_views(api: Api):
    for path in ("/county/cases", "/audit/verify"):
        response = api.get(path, "hc-head")
        assert response.status_code == 403 and response.json()["code"] == "auth.role"
    refused = api.get("/county/statistics", "hc-head", params={"quarter": "2026Q4"})
    assert refused.status_code == 403


def test_a_township_sends_a_referral_a_county_department_answers_it_and_sees_only_its_own(api: Api):
    ops = _operations(api)
    send = _op(ops, "POST /townships/{code}/referrals").replace("{code}", HENGCUN)
    inbox = _op(ops, "GET /referrals")
    one = _op(ops, "GET /referrals/{referral_id}")
    accept, answer = _op(ops, "POST /referrals/{referral_id}/accept"), _op(ops, "POST /referrals/{referral_id}/answer")
    rate = _op(ops, "POST /referrals/{referral_id}/rate")

    sent = api.post(send, "hc-admin", json={"department": "market-county_amr", "place": "横村镇白鹤村",
                                            "summary": "白鹤村无证经营食品作坊，请县市场监管局处理"})
    assert sent.status_code == 201, sent.text
    rid = sent.json()["id"]
    other = api.post(send, "hc-admin", json={"department": "urban-zrgh", "summary": "违法用地，请县自然资源和规划局处理"})
    assert other.status_code == 201, other.text

    # the AMR liaison sees what is addressed to the AMR, not the other department's matter
    listed = api.get(inbox, "amr-liaison").json()
    assert rid in [r["id"] for r in listed] and {r["department"] for r in listed} == {"market-county_amr"}
    hidden = api.get(one.replace("{referral_id}", str(other.json()["id"])), "amr-liaison")
    missing = api.get(one.replace("{referral_id}", "99999"), "amr-liaison")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.text.replace(str(other.json()["id"]), "<id>") == missing.text.replace("99999", "<id>")
    refused = api.post(accept.replace("{referral_id}", str(other.json()["id"])), "amr-liaison")
    assert refused.status_code == 404

    path = lambda template: template.replace("{referral_id}", str(rid))  # noqa: E731
    assert api.post(path(accept), "amr-liaison").json()["status"] == "accepted"
    answered = api.post(path(answer), "amr-liaison", json={"answer": "已派员核查，依法立案调查"})
    assert answered.status_code == 200 and answered.json()["status"] == "answered"
    assert answered.json()["answer"] == "已派员核查，依法立案调查"
    rated = api.post(path(rate), "hc-admin", json={"score": 5, "comment": "响应及时"})
    assert rated.status_code == 200 and rated.json()["rating"] == 5
    # the township reads it back; supervisors see the county's referrals
    assert api.get(path(one), "hc-admin").json()["status"] == "answered"
    assert rid in [r["id"] for r in api.get(inbox, "jiandu").json()]
    # a department user cannot send (the township is not theirs: answered like a missing one), an officer cannot answer
    assert api.post(send, "amr-liaison", json={"department": "market-county_amr", "summary": "x"}).status_code == 404
    assert api.post(path(answer), "hc-officer1", json={"answer": "x"}).status_code == 403


def test_supervisor_verifies_each_townships_inspection_draw_and_reads_the_published_results(api: Api):
    """双随机、一公开: each township draws and publishes; the county's supervisor verifies every draw, draws nothing."""
    ops = _operations(api)
    base = "/townships/{code}/inspections"
    targets, inspectors = _op(ops, f"POST {base}/targets/csv"), _op(ops, f"POST {base}/inspectors")
    plans, draw = _op(ops, f"POST {base}/plans"), _op(ops, f"POST {base}/plans/{{plan_id}}/draws")
    draws, verify = _op(ops, f"GET {base}/draws"), _op(ops, f"GET {base}/draws/{{draw_id}}/verify")
    results, publish = _op(ops, f"POST {base}/draws/{{draw_id}}/results"), _op(ops, f"POST {base}/draws/{{draw_id}}/publish")
    public = _op(ops, "GET /public/{township}/inspections")
    today = clock.today()
    window = {"starts_on": (today - dt.timedelta(days=3)).isoformat(), "ends_on": (today + dt.timedelta(days=20)).isoformat()}

    drawn = {}
    for township, prefix, n in ((HENGCUN, "hc", 1), (FENSHUI, "fs", 2)):
        at = lambda template: template.replace("{code}", township)  # noqa: E731
        name = f"{'横村' if prefix == 'hc' else '分水'}镇某广告有限公司"
        csv = f"名称,统一社会信用代码,风险分类\n{name},{valid_credit_code(f'91330122MA2K{n:05d}')},A\n".encode()
        imported = api.post(at(targets), f"{prefix}-admin", params={"field": "urban"}, content=csv,
                            headers={"Content-Type": "text/csv"})
        assert imported.status_code == 200, imported.text
        added = api.post(at(inspectors), f"{prefix}-admin",
                         json={"inspectors": [f"{prefix}-officer1", f"{prefix}-officer2", f"{prefix}-captain"]})
        assert added.status_code == 200, added.text
        plan = api.post(at(plans), f"{prefix}-captain", json={"field": "urban", "title": f"{name}所在领域抽查",
                                                             "ratios": {c: "100" for c in "ABCD"}, **window})
        assert plan.status_code == 201, plan.text
        made = api.post(at(draw).replace("{plan_id}", str(plan.json()["id"])), f"{prefix}-captain", json={})
        assert made.status_code == 201, made.text
        drawn[township] = made.json()

    # the supervisor: every township's draws, each recomputed from its recorded seed and verified; no draw of their own
    for township, made in drawn.items():
        at = lambda template: template.replace("{code}", township).replace("{draw_id}", str(made["id"]))  # noqa: E731
        assert made["id"] in [d["id"] for d in api.get(at(draws), "jiandu").json()]
        report = api.get(at(verify), "jiandu")
        assert report.status_code == 200 and report.json()["verified"] is True, report.text
        assert report.json()["targets"]["recorded_hash"] == made["target_directory_hash"]
        assert api.post(at(draw).replace("{plan_id}", str(made["plan_id"])), "jiandu", json={}).status_code == 403
        assert api.get(at(verify), "other-admin").status_code == 404  # another county's supervisor

    # 横村镇 records and publishes; the public list shows the result, the supervisor verifies the same draw again
    hc = drawn[HENGCUN]
    at = lambda template: template.replace("{code}", HENGCUN).replace("{draw_id}", str(hc["id"]))  # noqa: E731
    target = hc["assignments"][0]["target_id"]
    assert api.post(at(results), "jiandu", json={"target_id": target, "outcome": "no_problem"}).status_code == 403
    recorded = api.post(at(results), "hc-officer1", json={"target_id": target, "outcome": "no_problem"})
    assert recorded.status_code == 201, recorded.text
    assert api.post(at(publish), "hc-captain").status_code == 200
    shown = api.get(public.replace("{township}", HENGCUN)).json()["publications"]
    assert [(p["draw_id"], [r["outcome_name"] for r in p["results"]]) for p in shown] == [(hc["id"], ["未发现问题"])]
    assert api.get(at(verify), "jiandu").json()["verified"] is True
    assert api.get(public.replace("{township}", FENSHUI)).json()["publications"] == []

"""双随机、一公开 through HTTP only, on SQLite and PostgreSQL: directory → inspectors → plan → recorded draw →
verification → results → publication → the public JSON and HTML; supervisors verify county-wide, another
township sees nothing, another township's records are answered like missing ones, a tampered draw fails."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest
from zhifa.core import clock
from zhifa.core.db.tables import InspectionDraw
from zhifa.core.inspections.draw import DrawResult, canonical_json, content_hash
from zhifa.core.publication.mask import mask_name
from zhifa.core.services import people

from .api_support import FENSHUI, HENGCUN, Api
from .helpers import valid_credit_code

I = f"/townships/{HENGCUN}/inspections"
ALL = {"A": "100", "B": "100", "C": "100", "D": "100"}
#: An urban directory: a company, an individual business (个体工商户, 92…), and one declared an organisation whose
#: credit code says it is an individual business; a citizen's resident ID number typed in as a credit code.
FIRM = ("桐庐横村广告传媒有限公司", valid_credit_code("91330122MA2H9A1B0"), "organisation", "钱多多", "横村镇振兴路8号", "A")
STALL = ("桐庐县横村镇周小红烧烤摊", valid_credit_code("92330122MA2H9A1B1"), "individual", "周小红", "横村镇横村大街3号", "B")
MISDECLARED = ("桐庐县横村镇吴大伟修车铺", valid_credit_code("92330122MA2H9A1B2"), "organisation", "吴大伟", "横村镇凤联村7号", "C")
RESIDENT_ID = "330122198503120378"  # a valid 居民身份证号码 that also passes the credit-code check
BY_ID = ("桐庐县横村镇郑小芳裁缝店", RESIDENT_ID, "individual", "郑小芳", "横村镇横村大街60号", "D")
CSV_HEADER = "名称,统一社会信用代码,主体类型,经营者,地址,风险分类\n"


def _csv(*rows) -> bytes:
    kinds = {"organisation": "单位", "individual": "个体工商户"}
    return (CSV_HEADER + "".join(f"{n},{i},{kinds[k]},{o},{a},{r}\n" for n, i, k, o, a, r in rows)).encode("utf-8-sig")


def _ok(response, status: int = 200):
    assert response.status_code == status, response.text
    return response.json()


def _window(today: dt.date) -> dict:
    return {"starts_on": (today - dt.timedelta(days=10)).isoformat(), "ends_on": (today + dt.timedelta(days=30)).isoformat()}


def _inspected_at(today: dt.date) -> str:
    return dt.datetime.combine(today, dt.time(0, 5), tzinfo=clock.zone()).isoformat()


def _urban_draw(api: Api, township: str = HENGCUN, prefix: str = "hc", title: str = "城市管理双随机抽查", seed: int = 7,
                rows=(FIRM, STALL)) -> dict:
    """Directory, inspectors and a plan of ``township``, drawn (every class at 100%) through HTTP."""
    base = f"/townships/{township}/inspections"
    _ok(api.post(f"{base}/targets/csv", f"{prefix}-admin", params={"field": "urban"}, content=_csv(*rows),
                 headers={"Content-Type": "text/csv"}))
    _ok(api.post(f"{base}/inspectors", f"{prefix}-admin",
                 json={"inspectors": [f"{prefix}-officer1", f"{prefix}-officer2", f"{prefix}-captain"]}))
    plan = _ok(api.post(f"{base}/plans", f"{prefix}-captain", json={
        "field": "urban", "title": title, "ratios": ALL, **_window(clock.today())}), 201)
    return _ok(api.post(f"{base}/plans/{plan['id']}/draws", f"{prefix}-captain", json={"seed": seed}), 201)


def test_a_township_runs_a_random_inspection_from_its_directory_to_the_public_page(api: Api):
    today = clock.today()
    # 检查对象名录: a CSV upload and JSON rows, one version bump each
    before = _ok(api.get(f"{I}/targets", "hc-admin", params={"field": "urban"}))
    assert before["targets"] == []
    imported = _ok(api.post(f"{I}/targets/csv", "hc-admin", params={"field": "urban"}, content=_csv(FIRM, STALL, BY_ID),
                            headers={"Content-Type": "text/csv"}))
    assert (imported["added"], imported["version"]) == (3, before["version"] + 1)
    name, identifier, kind, operator, address, risk = MISDECLARED
    rows = _ok(api.post(f"{I}/targets", "hc-admin", json={"targets": [{
        "field": "urban", "name": name, "identifier": identifier, "kind": kind, "operator": operator, "address": address,
        "risk_class": "较高"}]}))
    assert (rows["added"], rows["version"]) == (1, before["version"] + 2)
    directory = _ok(api.get(f"{I}/targets", "jiandu", params={"field": "urban"}))
    by_name = {t["name"]: t for t in directory["targets"]}
    assert set(by_name) == {FIRM[0], STALL[0], MISDECLARED[0], BY_ID[0]} and by_name[MISDECLARED[0]]["risk_class"] == "C"

    # 执法检查人员名录 and 回避: auxiliary staff refused; hc-officer1 recuses from the stall
    refused = api.post(f"{I}/inspectors", "hc-admin", json={"inspectors": ["hc-aux"]})
    assert refused.status_code == 400 and refused.json()["code"] == "inspection.inspector_auxiliary", refused.text
    inspectors = _ok(api.post(f"{I}/inspectors", "hc-admin", json={"inspectors": ["hc-officer1", "hc-officer2"]}))
    assert {"hc-officer1", "hc-officer2", "hc-captain"} <= {i["username"] for i in inspectors["inspectors"] if i["active"]}
    stall = by_name[STALL[0]]["id"]
    recusal = _ok(api.post(f"{I}/recusals", "hc-admin", json={"inspector": "hc-officer1", "target_id": stall,
                                                               "reason": "经营者系其近亲属"}), 201)
    assert recusal["target_name"] == STALL[0]
    assert stall in [r["target_id"] for r in _ok(api.get(f"{I}/recusals", "hc-captain"))]

    # 抽查计划 and the recorded draw
    plan = _ok(api.post(f"{I}/plans", "hc-captain", json={
        "field": "urban", "title": "2026年横村镇城市管理领域双随机抽查", "ratios": {**ALL, "A": 100}, **_window(today)}), 201)
    assert plan["ratios"] == ALL and plan in _ok(api.get(f"{I}/plans", "hc-officer1"))
    assert _ok(api.get(f"{I}/plans/{plan['id']}", "jiandu")) == plan
    draw = _ok(api.post(f"{I}/plans/{plan['id']}/draws", "hc-captain", json={"seed": 20261204}), 201)
    assert draw["seed"] == "20261204" and draw["drawn_by"] == "hc-captain"
    assigned = {a["target_id"]: a["inspectors"] for a in draw["assignments"]}
    assert set(assigned) == set(t["id"] for t in directory["targets"])
    assert all(len(names) == 2 for names in assigned.values()) and "hc-officer1" not in assigned[stall]
    assert "hc-officer3" in [i["inspector"] for i in draw["ineligible"]]  # certificate expired: never drawn
    assert _ok(api.get(f"{I}/draws/{draw['id']}", "hc-officer2")) == draw
    assert [d["id"] for d in _ok(api.get(f"{I}/draws", "hc-head", params={"plan_id": plan["id"]}))] == [draw["id"]]

    # verification recomputes the draw from its recorded seed and rows
    report = _ok(api.get(f"{I}/draws/{draw['id']}/verify", "hc-captain"))
    assert report["verified"] is True and report["problems"] == []
    assert report["targets"]["recorded_hash"] == draw["target_directory_hash"] and not report["targets"]["changed"]

    # results, by officers; one opens a random-inspection clue
    outcomes = dict(zip(sorted(assigned), ["no_problem", "corrected", "case_opened", "not_operating"]))
    for target, outcome in outcomes.items():
        body = {"target_id": target, "outcome": outcome, "inspected_at": _inspected_at(today), "note": "现场检查"}
        if outcome == "case_opened":
            body["clue_summary"] = "未经批准设置户外广告牌"
        result = _ok(api.post(f"{I}/draws/{draw['id']}/results", "hc-officer1", json=body), 201)
        assert result["inspectors"] == assigned[target] and result["published_on"] is None
        if outcome == "case_opened":
            case = _ok(api.get(f"/townships/{HENGCUN}/cases/{result['case_id']}", "hc-captain"))["case"]
            assert (case["source"], case["field"], case["status"]) == ("random_inspection", "urban", "clue")
    again = api.post(f"{I}/draws/{draw['id']}/results", "hc-officer1",
                     json={"target_id": stall, "outcome": "no_problem", "inspected_at": _inspected_at(today)})
    assert again.status_code == 409 and again.json()["code"] == "inspection.result_exists"
    assert len(_ok(api.get(f"{I}/draws/{draw['id']}/results", "jiandu"))) == 4

    # nothing public before publication
    public = f"/public/{HENGCUN}/inspections"
    assert _ok(api.get(public))["publications"] == []
    assert FIRM[0] not in api.get(f"/public/{HENGCUN}").text

    published = _ok(api.post(f"{I}/draws/{draw['id']}/publish", "hc-head"))
    assert len(published["results"]) == 4 and {r["published_on"] for r in published["results"]} == {today.isoformat()}
    nothing = api.post(f"{I}/draws/{draw['id']}/publish", "hc-head")
    assert nothing.status_code == 400 and nothing.json()["code"] == "inspection.nothing_to_publish"

    # the public JSON and HTML: organisations as registered; individuals' operators masked, no address; no ID
    # number, no risk class, no inspector
    shown = _ok(api.get(public))
    [publication] = shown["publications"]
    assert publication["plan_title"] == plan["title"] and publication["authority"] == "横村镇"
    lines = {r["identifier"]: r for r in publication["results"]}
    firm = lines[FIRM[1]]
    assert (firm["target_name"], firm["operator"], firm["address"]) == (FIRM[0], FIRM[3], FIRM[4])
    for row in (STALL, MISDECLARED):
        line = lines[row[1]]
        assert (line["operator"], line["address"]) == (mask_name(row[3]), "")
        assert row[3] not in line["target_name"]
    assert RESIDENT_ID not in lines and "3****************8" in lines
    page = api.get(f"/public/{HENGCUN}")
    assert page.status_code == 200 and "双随机抽查结果公示" in page.text and FIRM[0] in page.text
    for text in (page.text, api.get(public).text):
        assert RESIDENT_ID not in text and STALL[3] not in text and MISDECLARED[3] not in text
        assert "执法队员" not in text and "hc-officer" not in text and "risk_class" not in text
    earlier = _ok(api.get(public, params={"on": (today - dt.timedelta(days=1)).isoformat()}))
    assert earlier["publications"] == []

    # the county's supervisor verifies; another township's users see none of it
    assert _ok(api.get(f"{I}/draws/{draw['id']}/verify", "jiandu"))["verified"] is True
    for user in ("fs-captain", "fs-admin", "other-admin"):
        for path in (f"{I}/draws/{draw['id']}", f"{I}/draws/{draw['id']}/verify", f"{I}/targets"):
            response = api.get(path, user)
            assert response.status_code == 404 and response.json()["code"] == "township.not_found", response.text
            assert FIRM[0] not in response.text


def _tamper(api: Api, draw_id: int) -> None:
    """What someone with write access to the database could do: another inspector, the result's hash recomputed."""
    async def forge():
        row = await InspectionDraw.select(InspectionDraw.result).where(InspectionDraw.id == draw_id).output(
            load_json=True).first()
        result = row["result"]
        result["assignments"][0]["inspectors"][0] = (await people.get_user("hc-officer3")).id  # never drawable
        forged = msgspec.convert(result, DrawResult)
        await InspectionDraw.update({InspectionDraw.result: canonical_json(forged).decode(),
                                     InspectionDraw.result_hash: content_hash(forged)}).where(InspectionDraw.id == draw_id)

    api.client.blocking_portal.call(forge)


def test_a_tampered_draw_fails_verification_and_another_townships_draw_is_answered_like_a_missing_one(api: Api):
    draw = _urban_draw(api)
    assert _ok(api.get(f"{I}/draws/{draw['id']}/verify", "jiandu"))["verified"] is True
    _tamper(api, draw["id"])
    report = _ok(api.get(f"{I}/draws/{draw['id']}/verify", "jiandu"))
    assert report["verified"] is False
    assert any("全过程记录" in p for p in report["problems"]), report["problems"]

    # 分水镇's own draw: verified by its captain, unknown to 横村镇 in the same words as a draw that does not exist
    theirs = _urban_draw(api, FENSHUI, "fs", seed=8, rows=(
        ("桐庐县分水镇某广告公司", valid_credit_code("91330122MA2H7K3P2"), "organisation", "孙七", "分水镇", "B"),))
    assert _ok(api.get(f"/townships/{FENSHUI}/inspections/draws/{theirs['id']}/verify", "fs-captain"))["verified"]
    foreign = api.get(f"{I}/draws/{theirs['id']}/verify", "hc-captain")
    missing = api.get(f"{I}/draws/99999/verify", "hc-captain")
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json()["code"] == "inspection.draw_not_found" and "draw_id" in foreign.json()["detail"]
    assert foreign.text.replace(str(theirs["id"]), "<id>") == missing.text.replace("99999", "<id>")
    their_target = theirs["assignments"][0]["target_id"]
    result = api.post(f"{I}/draws/{draw['id']}/results", "hc-officer1", json={
        "target_id": their_target, "outcome": "no_problem", "inspected_at": _inspected_at(clock.today())})
    assert result.status_code == 404 and result.json()["code"] == "inspection.target_not_found", result.text
    assert "target_id" in result.json()["detail"] and "孙七" not in result.text and "分水镇某广告公司" not in result.text
    listed = api.get(f"{I}/draws", "hc-captain", params={"plan_id": theirs["plan_id"]})
    assert listed.status_code == 404 and "plan_id" in listed.json()["detail"]


def test_a_csv_with_a_bad_row_names_it_and_imports_nothing(api: Api):
    version = _ok(api.get(f"{I}/targets", "hc-admin"))["version"]
    bad = _csv(FIRM, ("桐庐县横村镇某店", "91330122MA2H9A1B9X", "organisation", "某人", "横村镇", "E"))
    response = api.post(f"{I}/targets/csv", "hc-admin", params={"field": "urban"}, content=bad,
                        headers={"Content-Type": "text/csv"})
    assert response.status_code == 400 and response.json()["code"] == "inspection.target_invalid", response.text
    assert "第 2 条" in response.json()["detail"]
    not_utf8 = api.post(f"{I}/targets/csv", "hc-admin", params={"field": "urban"}, content=CSV_HEADER.encode("gbk"),
                        headers={"Content-Type": "text/csv"})
    assert not_utf8.status_code == 400 and not_utf8.json()["code"] == "inspection.csv_encoding", not_utf8.text
    assert _ok(api.get(f"{I}/targets", "hc-admin"))["version"] == version


@pytest.mark.parametrize("user, method, path, body", [
    ("hc-officer1", "POST", "plans", {"field": "urban", "title": "无权创建", "ratios": ALL, "starts_on": "2026-12-01",
                                      "ends_on": "2026-12-31"}),
    ("hc-captain", "POST", "inspectors", {"inspectors": ["hc-officer1"]}),
    ("jiandu", "POST", "targets", {"targets": [{"field": "urban", "name": FIRM[0], "identifier": FIRM[1],
                                                "risk_class": "A"}]}),
    ("hc-aux", "GET", "plans", None),
    ("hc-legal", "GET", "targets", None),
])
def test_each_part_of_the_job_belongs_to_its_role(api: Api, user, method, path, body):
    response = api.request(method, f"{I}/{path}", user, json=body)
    assert response.status_code == 403 and response.json()["code"] == "auth.role", response.text


def test_a_recorded_draw_is_the_same_seed_away_from_any_reader(api: Api):
    """The same seed on the same directory gives the same assignments: anyone can check a published draw."""
    first = _urban_draw(api, title="第一次", seed=42)
    plan = _ok(api.post(f"{I}/plans", "hc-captain", json={"field": "urban", "title": "第二次", "ratios": ALL,
                                                          **_window(clock.today())}), 201)
    second = _ok(api.post(f"{I}/plans/{plan['id']}/draws", "hc-admin", json={"seed": 42}), 201)
    assert second["assignments"] == first["assignments"] and second["result_hash"] == first["result_hash"]
    fresh = _ok(api.post(f"{I}/plans/{plan['id']}/draws", "hc-captain"), 201)  # no body: a fresh recorded seed
    assert fresh["seed"] != "42" and 0 <= int(fresh["seed"]) < 2**63 and fresh["seq"] == 2
    bad = api.post(f"{I}/plans/{plan['id']}/draws", "hc-captain", json={"seed": -1})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "seed", bad.text


"""The API's behaviour beyond the per-route contract: sign-in, scoping, lists, conflicts, evidence, plugins."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from litestar.testing import TestClient
from zhifa.api.app import create_app
from zhifa.core.bootstrap import open_database
from zhifa.core.registry import reset_host
from zhifa.core.schemas.townships import AuthorisationCreate
from zhifa.core.services import auth, authorisations, evidence, townships

from .api_support import FENSHUI, HENGCUN, Api, demo_tokens
from .helpers import run

CASES = f"/townships/{HENGCUN}/cases"

pytestmark = pytest.mark.shared_host


# -- signing in --------------------------------------------------------------------------------------------
def test_login_gives_a_token_that_works_until_logout(api: Api):
    response = api.post("/auth/login", json={"username": "hc-officer1", "password": "zhifa-demo"})
    assert response.status_code == 201
    token = response.json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert api.client.get("/auth/me", headers=headers).json()["username"] == "hc-officer1"
    assert api.client.post("/auth/logout", headers=headers).status_code == 204
    after = api.client.get("/auth/me", headers=headers)
    assert after.status_code == 401 and after.json()["code"] == "auth.invalid_token"


def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(api: Api):
    wrong = api.post("/auth/login", json={"username": "hc-officer1", "password": "not-the-password"})
    unknown = api.post("/auth/login", json={"username": "nobody", "password": "not-the-password"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


def test_repeated_failures_throttle_the_username_even_for_the_right_password(api: Api):
    for _ in range(5):
        assert api.post("/auth/login", json={"username": "hc-legal", "password": "guess-guess"}).status_code == 401
    throttled = api.post("/auth/login", json={"username": "hc-legal", "password": "zhifa-demo"})
    assert throttled.status_code == 429
    assert int(throttled.headers["retry-after"]) == 15 * 60 and throttled.json()["code"] == "auth.throttled"
    # another user is not affected
    assert api.post("/auth/login", json={"username": "hc-head", "password": "zhifa-demo"}).status_code == 201


def test_a_garbled_token_is_refused(api: Api):
    response = api.client.get("/auth/me", headers={"Authorization": "Bearer not-a-token"})
    assert response.status_code == 401 and response.json()["code"] == "auth.invalid_token"


# -- scoping -----------------------------------------------------------------------------------------------
def test_other_townships_case_is_indistinguishable_from_a_missing_one(api: Api):
    case = api.clue("urban", None, "2026-11-02")
    hidden = api.get(f"{CASES}/{case}", "fs-officer1")
    missing_township = api.get("/townships/330122999/cases/1", "fs-officer1")
    assert hidden.status_code == missing_township.status_code == 404
    assert hidden.json()["detail"].replace(HENGCUN, "X") == missing_township.json()["detail"].replace("330122999", "X")
    own_missing = api.get(f"/townships/{FENSHUI}/cases/999999", "fs-officer1")
    assert own_missing.status_code == 404 and own_missing.json()["code"] == "case.not_found"


def test_a_supervisor_reads_every_township_of_the_county_and_writes_none(api: Api):
    codes = [t["code"] for t in api.get("/townships", "jiandu").json()]
    assert codes == ["330122100", "330122101", "330122200"]
    for code in codes:
        assert api.get(f"/townships/{code}/cases", "jiandu").status_code == 200
    refused = api.post(CASES, "jiandu", json={"field": "urban", "source": "patrol", "summary": "x",
                                              "found_at": "2026-11-20T09:00:00+08:00"})
    assert refused.status_code == 403
    # another county's supervisor sees none of them
    assert api.get("/townships", "other-admin").json() == []
    assert api.get(CASES, "other-admin").status_code == 404


def test_a_township_user_sees_only_their_township(api: Api):
    assert [t["code"] for t in api.get("/townships", "fs-officer1").json()] == [FENSHUI]


# -- lists -------------------------------------------------------------------------------------------------
def test_the_case_list_pages_with_a_cursor_without_gaps_or_repeats(api: Api):
    created = [api.clue("urban", None, f"2026-11-{day:02d}") for day in range(2, 9)]
    seen, cursor = [], None
    while True:
        page = api.get(CASES, "hc-officer1", params={"limit": 3, **({"cursor": cursor} if cursor else {})}).json()
        seen += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) and set(created) <= set(seen)
    assert seen == sorted(seen, reverse=True)  # newest first
    bad = api.get(CASES, "hc-officer1", params={"cursor": "garbage!"})
    assert bad.status_code == 400 and bad.json()["code"] == "cursor.invalid"


def test_the_case_list_filters_by_status_field_officer_dates_and_overdue(api: Api):
    filed = api.clue("urban", "URBAN-CF-004", "2026-03-02")
    api.act(filed, "file_case", "2026-03-03", "hc-captain", officers=["hc-officer1", "hc-officer2"])
    market = api.clue("market", None, "2026-11-03")

    def ids(**params):
        response = api.get(CASES, "hc-captain", params=params)
        assert response.status_code == 200, response.text
        return {c["id"] for c in response.json()["items"]}

    assert filed in ids(status="investigating") and market not in ids(status="investigating")
    assert market in ids(field="market") and filed not in ids(field="market")
    assert ids(officer="hc-officer2") == {filed}
    assert ids(filed_from="2026-03-03", filed_to="2026-03-03") == {filed}
    assert market in ids(found_from="2026-11-03", found_to="2026-11-03")
    assert filed not in ids(found_from="2026-11-03")
    # filed 2026-03-03, nothing done since: long past the 90-day clock today
    assert filed in ids(overdue="true") and market not in ids(overdue="true")
    assert filed not in ids(overdue="false")
    assert ids(status=["investigating", "clue"]) >= {filed, market}
    unknown = api.get(CASES, "hc-captain", params={"status": "lost"})
    assert unknown.status_code == 400 and unknown.json()["code"] == "case.status"


def test_case_detail_carries_the_timeline_and_the_next_actions(api: Api):
    case = api.clue("urban", "URBAN-CF-004", "2026-03-02")
    api.act(case, "file_case", "2026-03-03", "hc-captain", officers=["hc-officer1", "hc-officer2"])
    response = api.get(f"{CASES}/{case}", "hc-officer1")
    detail = response.json()
    assert [e["kind"] for e in detail["timeline"]] == ["clue_registered", "file_case"]
    assert detail["officers"] == ["hc-officer1", "hc-officer2"]
    listed = [a["action"] for a in detail["next_actions"]]
    assert "conclude_investigation" in listed and "file_case" not in listed
    assert response.headers["etag"] == f'"{detail["case"]["version"]}"'


# -- conflicts and refusals --------------------------------------------------------------------------------
def test_a_stale_version_is_answered_409_and_nothing_is_lost(api: Api):
    case = api.clue("urban", "URBAN-CF-004", "2026-03-02")
    version = api.get(f"{CASES}/{case}", "hc-captain").headers["etag"]
    first = api.post(f"{CASES}/{case}/actions/file_case", "hc-captain", params={"on": "2026-03-03"},
                     headers={"If-Match": version}, json={"officers": ["hc-officer1", "hc-officer2"]})
    assert first.status_code == 200
    second = api.post(f"{CASES}/{case}/actions/decline_filing", "hc-captain", params={"on": "2026-03-03"},
                      headers={"If-Match": version}, json={"reason": "不属于本机关管辖"})
    assert second.status_code == 409 and second.json()["code"] == "case.version_conflict"
    detail = api.get(f"{CASES}/{case}", "hc-captain").json()
    assert detail["case"]["status"] == "investigating"
    assert [e["kind"] for e in detail["timeline"]] == ["clue_registered", "file_case"]


def test_a_refused_action_lists_every_rule_with_its_code_and_chinese_message(api: Api):
    case = api.clue("urban", "URBAN-CF-004", "2026-03-02")
    response = api.attempt(case, "file_case", "2026-03-03", "hc-captain", officers=["hc-officer1", "hc-aux"])
    assert response.status_code == 422
    problem = response.json()
    assert problem["type"].startswith("urn:zhifa:problem:") and problem["refusals"]
    assert all(r["code"] and r["message"] for r in problem["refusals"])
    assert "辅助人员" in problem["detail"] or "执法证" in problem["detail"]


def test_an_action_dated_in_the_future_is_refused(api: Api):
    case = api.clue("urban", None, "2026-11-02")
    response = api.attempt(case, "decline_filing", "2099-01-01", "hc-captain", reason="x")
    assert response.status_code == 422 and response.json()["code"] == "date.in_future"  # the core's rule now


def test_found_at_without_time_zone_is_refused_with_the_field(api: Api):
    response = api.post(CASES, "hc-officer1", json={
        "field": "urban", "source": "patrol", "summary": "无时区", "found_at": "2026-11-20T09:00:00"})
    assert response.status_code == 400 and response.json()["code"] == "case.found_at"
    assert response.json()["errors"][0]["message"] == "发现时间必须带时区"


# -- evidence ----------------------------------------------------------------------------------------------
def _upload(api: Api, case: int, content: bytes, user: str = "hc-officer1"):
    return api.post(f"{CASES}/{case}/evidence", user, content=content, headers={"Content-Type": "video/mp4"},
                    params={"kind": "audiovisual", "title": "执法记录仪视频", "captured_at": "2026-11-02T10:00:00+08:00",
                            "captured_place": "横村路 8 号"})


def test_evidence_uploads_as_a_stream_and_downloads_with_its_hash(api: Api):
    case = api.clue("urban", None, "2026-11-02")
    content = bytes(range(256)) * 4096  # 1 MiB
    uploaded = _upload(api, case, content)
    assert uploaded.status_code == 201
    item = uploaded.json()
    assert item["content_sha256"] == hashlib.sha256(content).hexdigest() and item["size_bytes"] == len(content)
    assert item["media_type"] == "video/mp4"
    download = api.get(f"/townships/{HENGCUN}/evidence/{item['id']}/content", "hc-legal")
    assert download.status_code == 200 and download.content == content
    assert download.headers["etag"] == f'"{item["content_sha256"]}"'
    timeline = api.get(f"{CASES}/{case}", "hc-legal").json()["timeline"]
    assert timeline[-1]["kind"] == "evidence_registered" and timeline[-1]["payload"]["sha256"] == item["content_sha256"]


def test_evidence_over_the_size_limit_is_refused_and_nothing_is_kept(api: Api, monkeypatch):
    from zhifa.api.routes import evidence as route

    monkeypatch.setattr(route, "MAX_EVIDENCE_BYTES", 1000)
    case = api.clue("urban", None, "2026-11-02")
    response = _upload(api, case, b"x" * 1001)
    assert response.status_code == 413 and response.json()["code"] == "evidence.too_large"
    assert api.get(f"{CASES}/{case}/evidence", "hc-officer1").json() == []
    assert not any(p.is_file() for p in (evidence.store_dir() / ".staging").iterdir())
    assert _upload(api, case, b"x" * 1000).status_code == 201


def test_tampered_evidence_is_not_served(api: Api):
    case = api.clue("urban", None, "2026-11-02")
    item = _upload(api, case, b"original content").json()
    stored = evidence.store_dir() / HENGCUN / item["content_sha256"][:2] / item["content_sha256"]
    stored.write_bytes(b"altered content")
    response = api.get(f"/townships/{HENGCUN}/evidence/{item['id']}/content", "hc-officer1")
    assert response.status_code == 400 and response.json()["code"] == "evidence.tampered"


# -- the OpenAPI document and plugins ----------------------------------------------------------------------
def test_the_openapi_document_and_its_viewer_are_published(api: Api):
    document = api.get("/schema/openapi.json").json()
    assert document["info"]["title"].startswith("zhifa")
    assert "/townships/{code}/cases/{case_id}/actions/decide" in document["paths"]
    assert api.get("/schema/swagger").status_code == 200
    assert "<html" in api.get("/schema").text.lower()


@pytest.fixture
def transport_installed(install_test_plugins):
    install_test_plugins("transport")
    yield
    reset_host()  # the next tests share the host without the test plugin


def test_a_plugin_route_is_mounted_under_its_field_and_scoped_like_the_core(database_url, transport_installed):
    run(open_database(database_url, migrate=True))
    tokens = demo_tokens()
    run(authorisations.enable(HENGCUN, AuthorisationCreate(field="transport", basis="conferred",
                                                           document_no="浙政函〔2023〕118号", valid_from=dt.date(2024, 1, 1))))
    from zhifa_transport.tables import Road

    township = run(townships.get_township_row(HENGCUN))
    run(Road.insert(Road(township=township["id"], name="横村大道", length_km="3.20")))
    with TestClient(create_app()) as raw:
        plugin_api = Api(raw, tokens)
        path = f"/townships/{HENGCUN}/fields/transport/roads"
        assert plugin_api.get(path, "hc-officer1").json() == [{"name": "横村大道"}]
        assert plugin_api.get(path).status_code == 401
        assert plugin_api.get(path, "hc-admin").status_code == 403
        assert plugin_api.get(path, "fs-officer1").status_code == 404
        # 分水镇 never enabled transport: its own officer gets 404 there too
        assert plugin_api.get(f"/townships/{FENSHUI}/fields/transport/roads", "fs-officer1").status_code == 404


def test_tokens_are_stored_only_as_hashes(database_url):
    from zhifa.core.db.tables import ApiToken

    token = demo_tokens(["hc-officer1"])["hc-officer1"]
    stored = run(ApiToken.select(ApiToken.token_sha256))
    assert all(row["token_sha256"] != token for row in stored)
    assert auth.token_hash(token) in {row["token_sha256"] for row in stored}


def test_an_id_beyond_the_databases_integers_is_bad_input_not_a_server_error(api: Api):
    too_big = 2**40
    path = api.get(f"/townships/{HENGCUN}/parties/{too_big}", "hc-officer1")
    assert path.status_code == 400 and path.json()["code"] == "request.invalid"
    body = api.post(CASES, "hc-officer1", json={"field": "urban", "source": "patrol", "summary": "x", "party_id": too_big,
                                                "found_at": "2026-11-20T09:00:00+08:00"})
    assert body.status_code == 400 and body.json()["errors"][0]["field"] == "party_id", body.text

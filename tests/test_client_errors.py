"""Only server faults are 5xx: what a client sends wrong is a 4xx naming it; the surroundings' faults are 503/507.

Each test is one finding of the attack of 2026-12-03 (issue 12, item 4), through the API, on
SQLite and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import socket

import pytest
from litestar.testing import TestClient
from zhifa.api.app import create_app
from zhifa.core.services import evidence, findings

from .api_support import HENGCUN, Api

CASES = f"/townships/{HENGCUN}/cases"
FOUND_AT = "2026-11-02T09:30:00+08:00"


def _clue(api: Api, **changes):
    body = {"field": "urban", "source": "patrol", "summary": "巡查发现违法行为", "found_at": FOUND_AT, **changes}
    return api.post(CASES, "hc-officer1", json=body)


def _cases(api: Api) -> int:
    return len(api.get(CASES, "hc-captain", params={"limit": 100}).json()["items"])


def _problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == code, body
    return body


def _act(api: Api, case: int, action: str, user: str, **data):
    """An action as a client sends it, with the case's version as ``If-Match`` when the case has one."""
    etag = api.get(f"{CASES}/{case}", user).headers.get("etag")
    return api.post(f"{CASES}/{case}/actions/{action}", user, json=data, params={"on": "2026-11-03"},
                    headers={"If-Match": etag} if etag else {})


def _findings(api: Api) -> list:
    """The supervisors' findings of the township (``zhifa report findings``), read inside the running app."""
    return api.client.blocking_portal.call(lambda: findings.findings(township_code=HENGCUN))


def _upload(api: Api, case: int, content: bytes, **params):
    query = {"kind": "physical", "title": "现场照片", "captured_at": "2026-11-02T10:00:00+08:00", **params}
    return api.post(f"{CASES}/{case}/evidence", "hc-officer1", content=content, headers={"Content-Type": "image/jpeg"},
                    params=query)


# -- JSON depth and text lengths ------------------------------------------------------------------

def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_json_nested_a_thousand_deep_is_refused_naming_the_body(api: Api):
    body = ('{"field": "urban", "source": "patrol", "summary": "嵌套", "found_at": "%s", "reporter": {"x": %s}}'
            % (FOUND_AT, _nested(1000)))
    response = api.post(CASES, "hc-officer1", content=body.encode(), headers={"Content-Type": "application/json"})
    problem = _problem(response, 400, "request.too_deep")
    assert problem["errors"] == [{"field": "body", "source": "body", "message": problem["detail"]}]
    assert "32 层" in problem["detail"]


def test_json_nested_as_deep_as_allowed_is_accepted(api: Api):
    reporter = {"a": {"b": {"c": [[[{"d": "网格员"}]]]}}}  # a client's own structure, 7 deep inside the body
    assert _clue(api, reporter=reporter).status_code == 201


def test_a_nine_megabyte_summary_is_refused_as_too_large(api: Api):
    before = _cases(api)
    _problem(_clue(api, summary="违" * (3 * 1024 * 1024)), 413, "request.too_large")
    assert _cases(api) == before


def test_a_summary_over_five_thousand_characters_is_refused_naming_the_field(api: Api):
    problem = _problem(_clue(api, summary="违" * 5001), 400, "request.invalid")
    assert problem["errors"][0]["field"] == "summary"
    assert "不得超过 5000 个字符" in problem["errors"][0]["message"]
    assert _clue(api, summary="违" * 5000).status_code == 201


def test_a_place_longer_than_its_column_is_refused_on_both_engines(api: Api):
    """The case's place is varchar(300): PostgreSQL would refuse 301 characters the API had accepted."""
    problem = _problem(_clue(api, place="横" * 301), 400, "request.invalid")
    assert problem["errors"][0]["field"] == "place"


def test_an_action_reason_over_its_limit_is_refused_naming_the_field(api: Api):
    case = _clue(api).json()["id"]
    problem = _problem(_act(api, case, "decline_filing", "hc-captain", reason="理" * 5001), 400, "request.invalid")
    assert problem["errors"][0]["field"] == "reason" and "不得超过 5000 个字符" in problem["detail"]
    assert api.get(f"{CASES}/{case}", "hc-captain").json()["case"]["status"] == "clue"


def test_an_evidence_title_longer_than_its_column_is_refused(api: Api):
    case = _clue(api).json()["id"]
    problem = _problem(_upload(api, case, b"photo", title="照" * 201), 400, "request.invalid")
    assert problem["errors"][0]["field"] == "title"


# -- NUL -------------------------------------------------------------------------------------------

def test_nul_in_a_body_text_is_refused_in_chinese_on_both_engines(api: Api):
    before = _cases(api)
    problem = _problem(_clue(api, summary="巡查\u0000发现"), 400, "request.nul_character")
    assert problem["errors"] == [{"field": "summary", "source": "body", "message": problem["detail"]}]
    assert problem["detail"] == "「summary」含有空字符（U+0000）：文字中不能有空字符，请删除后重试"
    assert _cases(api) == before


def test_nul_in_a_nested_key_or_an_action_input_names_where_it_is(api: Api):
    problem = _problem(_clue(api, reporter={"网格\u0000员": "王"}), 400, "request.nul_character")
    assert problem["errors"][0]["field"] == "reporter.网格\\u0000员"
    case = _clue(api).json()["id"]
    problem = _problem(_act(api, case, "decline_filing", "hc-captain", reason="无\u0000"), 400, "request.nul_character")
    assert problem["errors"][0]["field"] == "reason"


def test_an_escaped_backslash_before_u0000_is_text_not_nul(api: Api):
    response = _clue(api, summary="路径 C:\\u0000 是文字")
    assert response.status_code == 201 and response.json()["summary"] == "路径 C:\\u0000 是文字"


def test_nul_in_a_query_parameter_is_refused_naming_it(api: Api):
    case = _clue(api).json()["id"]
    problem = _problem(_upload(api, case, b"photo", title="照片\x00"), 400, "request.nul_character")
    assert problem["errors"] == [{"field": "title", "source": "query", "message": problem["detail"]}]
    assert api.get(f"{CASES}/{case}/evidence", "hc-officer1").json() == []


# -- evidence ------------------------------------------------------------------------------------

def test_the_same_evidence_uploaded_twice_answers_the_existing_record(api: Api):
    """201 for the new record; 200 and that same record for the same bytes again, with no new event."""
    case = _clue(api).json()["id"]
    first = _upload(api, case, b"the photo" * 1000)
    again = _upload(api, case, b"the photo" * 1000, title="另一个名称")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()  # the record as first registered: its title, kind and time
    assert len(api.get(f"{CASES}/{case}/evidence", "hc-officer1").json()) == 1
    timeline = api.get(f"{CASES}/{case}", "hc-officer1").json()["timeline"]
    assert [e["kind"] for e in timeline].count("evidence_registered") == 1
    other_case = _clue(api).json()["id"]  # the same bytes are evidence of another case in their own right
    assert _upload(api, other_case, b"the photo" * 1000).status_code == 201


def test_a_missing_evidence_file_is_a_409_problem_and_the_same_upload_restores_it(api: Api):
    case = _clue(api).json()["id"]
    content = b"the video" * 1000
    item = _upload(api, case, content).json()
    digest = hashlib.sha256(content).hexdigest()
    (evidence.store_dir() / HENGCUN / digest[:2] / digest).unlink()
    problem = _problem(api.get(f"/townships/{HENGCUN}/evidence/{item['id']}/content", "hc-officer1"), 409,
                       "evidence.file_missing")
    assert f"证据 {item['id']} 有记录，但其文件已不在证据存储中" in problem["detail"]
    missing = [f for f in _findings(api) if f.code == "evidence.file_missing"]  # the supervisors see it too
    assert [(f.case_id, f.step) for f in missing] == [(case, "register_evidence")]
    assert _upload(api, case, content).status_code == 200
    assert not [f for f in _findings(api) if f.code == "evidence.file_missing"]
    restored = api.get(f"/townships/{HENGCUN}/evidence/{item['id']}/content", "hc-officer1")
    assert restored.status_code == 200 and restored.content == content


def test_full_storage_answers_507_and_keeps_nothing(api: Api, monkeypatch):
    """The disk is full: the store's write fails with ENOSPC (a real one, from /dev/full)."""
    case = _clue(api).json()["id"]
    staged = []

    def full_disk(staging):
        path = staging / "upload.part"
        path.touch()
        staged.append(path)
        return open("/dev/full", "wb"), path

    monkeypatch.setattr(evidence, "_staging_file", full_disk)
    response = _upload(api, case, b"x" * (256 * 1024))
    problem = _problem(response, 507, "service.storage_full")
    assert "存储空间已满" in problem["detail"]
    assert staged and not staged[0].exists()
    assert api.get(f"{CASES}/{case}/evidence", "hc-officer1").json() == []


# -- the database out of reach ---------------------------------------------------------------------

def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("engine", ["postgres", "sqlite"])
def test_an_unreachable_database_answers_503_with_retry_after(engine, tmp_path, monkeypatch):
    """PostgreSQL on a port nobody listens on; SQLite in a folder that does not exist. The server still starts."""
    monkeypatch.setenv("ZHIFA_HOME", str(tmp_path))
    url = (f"postgresql://postgres@127.0.0.1:{_closed_port()}/zhifa" if engine == "postgres"
           else f"sqlite:///{tmp_path / 'missing' / 'zhifa.sqlite3'}")
    with TestClient(create_app(url)) as client:
        answers = [client.post("/auth/login", json={"username": "hc-officer1", "password": "zhifa-demo"}),
                   client.get(CASES, headers={"Authorization": "Bearer 0123456789abcdef"}),
                   client.get(f"/public/{HENGCUN}/publications")]
    for response in answers:
        problem = _problem(response, 503, "service.database_unavailable")
        assert response.headers["retry-after"] == "10"
        assert "数据库暂时无法连接" in problem["detail"]
